import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * Jest resolves workspace aliases (@skss/...) in test files but not in globalSetup code,
 * which runs in the parent process: register them there.
 */
const ROOT = resolve(__dirname, '../..');
const { compilerOptions } = JSON.parse(readFileSync(resolve(ROOT, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
register({ baseUrl: ROOT, paths: compilerOptions.paths });
