/**
 * Position in the change feed: (transaction id, sequence) of the last change read. Changes are
 * served in that order, and only those of transactions that ended before every transaction still
 * running began (txid below the snapshot's xmin): a change committed later always sorts after
 * the cursor, so a reader that follows `next` never misses one (no gaps under concurrent writes).
 */
export interface FeedCursor {
  txid: bigint;
  seq: bigint;
}

const MAX_BIGINT = 9_223_372_036_854_775_807n;
const PATTERN = /^(\d{1,19})\.(\d{1,19})$/;

export const START: FeedCursor = { txid: 0n, seq: 0n };

export function parseCursor(text: string | undefined | null): FeedCursor | null {
  if (text === undefined || text === null || text === '') return START;
  const found = PATTERN.exec(text);
  if (!found) return null;
  const cursor = { txid: BigInt(found[1]), seq: BigInt(found[2]) };
  return cursor.txid > MAX_BIGINT || cursor.seq > MAX_BIGINT ? null : cursor;
}

export const formatCursor = (cursor: FeedCursor) => `${cursor.txid}.${cursor.seq}`;

export function compareCursors(a: FeedCursor, b: FeedCursor): number {
  if (a.txid !== b.txid) return a.txid < b.txid ? -1 : 1;
  return a.seq === b.seq ? 0 : a.seq < b.seq ? -1 : 1;
}

/**
 * The cursor after a page: its last change, or — when the page was not full, so everything below
 * the watermark was read — the watermark itself (no later change can sort before it).
 */
export function nextCursor(since: FeedCursor, last: FeedCursor | null, full: boolean, watermark: bigint): FeedCursor {
  const read = last ?? since;
  if (full) return read;
  const caughtUp = { txid: watermark - 1n, seq: MAX_BIGINT };
  return compareCursors(caughtUp, read) > 0 ? caughtUp : read;
}
