import { Prisma } from '@skss/api/core';
import { FeedCursor, formatCursor } from './feed-cursor';

/** The operation that makes an integration account a reader of the change feed. */
export const FEED_OPERATION = 'handbook.read';
/** integration_sync_state key of the position an account's reader has acknowledged (+ its public client id). */
export const FEED_READ_KEY = 'ehandbook.feed.read:';

type Db = Pick<Prisma.TransactionClient, '$executeRaw' | '$queryRaw'>;

/**
 * Records the position a reader asked from: asking `since` acknowledges every change up to it.
 * Retention prunes only what every registered reader has acknowledged (integration-retention.ts).
 */
export async function acknowledgeRead(db: Db, clientId: string, since: FeedCursor): Promise<void> {
  await db.$executeRaw`
    INSERT INTO integration_sync_state (key, cursor, last_run_at, updated_at)
    VALUES (${FEED_READ_KEY + clientId}, ${formatCursor(since)}, now(), now())
    ON CONFLICT (key) DO UPDATE SET cursor = EXCLUDED.cursor, last_run_at = now(), updated_at = now()`;
}

/**
 * The position every registered reader (an active account with handbook.read) has acknowledged:
 * the lowest of theirs; null when there is no reader, or one that never read (it needs everything).
 */
export async function acknowledgedByAll(db: Db): Promise<FeedCursor | null> {
  const rows = await db.$queryRaw<{ cursor: string | null }[]>`
    SELECT s.cursor FROM integration_client c
    LEFT JOIN integration_sync_state s ON s.key = ${FEED_READ_KEY} || c.client_id
    WHERE c.status = 'active' AND ${FEED_OPERATION} = ANY(c.operations)`;
  if (!rows.length || rows.some((row) => !row.cursor)) return null;
  const cursors = rows.map((row) => {
    const [txid, seq] = (row.cursor as string).split('.').map(BigInt);
    return { txid, seq };
  });
  return cursors.reduce((low, c) => (c.txid < low.txid || (c.txid === low.txid && c.seq < low.seq) ? c : low));
}
