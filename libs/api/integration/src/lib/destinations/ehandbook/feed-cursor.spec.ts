import { formatCursor, nextCursor, parseCursor, START } from './feed-cursor';

describe('change feed cursor', () => {
  it('reads what it writes, starts at the beginning without one and refuses anything else', () => {
    expect(parseCursor(formatCursor({ txid: 7540n, seq: 12n }))).toEqual({ txid: 7540n, seq: 12n });
    expect(parseCursor(undefined)).toEqual(START);
    for (const bad of ['x', '1', '1.2.3', '-1.2', '99999999999999999999.1']) expect(parseCursor(bad)).toBeNull();
  });

  it('stays on the last change of a full page, and moves to the watermark once caught up', () => {
    const since = { txid: 10n, seq: 5n };
    expect(nextCursor(since, { txid: 20n, seq: 9n }, true, 40n)).toEqual({ txid: 20n, seq: 9n });
    expect(nextCursor(since, { txid: 20n, seq: 9n }, false, 40n)).toEqual({ txid: 39n, seq: 9_223_372_036_854_775_807n });
    // The watermark never moves the cursor back.
    expect(nextCursor({ txid: 50n, seq: 1n }, null, false, 40n)).toEqual({ txid: 50n, seq: 1n });
  });
});
