import { execFileSync } from 'node:child_process';
import { apiNodeFlags } from './api-node-flags';

/** V8's heap limit (MB) as a Node process started with these options reports it. */
function heapLimitWith(flags: string[]): number {
  // Written as a plain string: console.log colours numbers when FORCE_COLOR is set (as under Nx).
  const script = "process.stdout.write(String(require('v8').getHeapStatistics().heap_size_limit))";
  return Number(execFileSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' })) / 2 ** 20;
}

describe('the API process options', () => {
  it('cap the old generation and widen the young one by default', () => {
    expect(apiNodeFlags({})).toEqual(['--max-old-space-size=256', '--max-semi-space-size=32']);
  });

  it('follow API_HEAP_MB and API_SEMI_SPACE_MB', () => {
    expect(apiNodeFlags({ API_HEAP_MB: '512', API_SEMI_SPACE_MB: '64' })).toEqual(['--max-old-space-size=512', '--max-semi-space-size=64']);
  });

  it('are accepted by Node and take effect', () => {
    // The limit is the old generation's cap plus three times the semi-space (V8's young generation).
    expect(heapLimitWith(apiNodeFlags({}))).toBe(256 + 3 * 32);
    expect(heapLimitWith(apiNodeFlags({ API_SEMI_SPACE_MB: '64' }))).toBe(256 + 3 * 64);
  });
});
