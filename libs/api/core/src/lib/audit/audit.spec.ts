import { redactForAudit } from './audit-event';

describe('redactForAudit', () => {
  it('hides secrets at any depth and keeps the rest JSON-safe', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    expect(redactForAudit({ username: 'a', passwordHash: 'x', nested: [{ secretHash: 'y', n: 1n }], at })).toEqual({
      username: 'a',
      passwordHash: '[redacted]',
      nested: [{ secretHash: '[redacted]', n: '1' }],
      at: '2026-01-02T03:04:05.000Z',
    });
  });
});
