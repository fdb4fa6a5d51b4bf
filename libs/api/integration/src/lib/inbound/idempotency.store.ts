import { Injectable } from '@nestjs/common';
import { SqlRunner, uuid7 } from '@skss/api/clinical-records';
import { DomainError, Prisma } from '@skss/api/core';
import { InboundBatchAnswerDto } from './dto/inbound-batch.dto';

/** How long an Idempotency-Key is remembered: a replay within a day answers the first answer again. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
/** Printable ASCII without spaces, 1–255 characters (a UUID is recommended); an sf-string's quotes are removed. */
const KEY = /^[\x21-\x7e]{1,255}$/;
/** Advisory lock namespace of the keys (the first argument of pg_try_advisory_xact_lock(int, int)). */
const LOCK_NAMESPACE = 8_0101;

/**
 * Idempotency-Key of the inbound batches (IETF draft "The Idempotency-Key HTTP Header Field"):
 * per account, with the SHA-256 of the request. The answer stored is the batch's own record
 * (integration_batch: counts and every record's outcome), written in the batch's transaction; a
 * replay rebuilds the same answer from it. Same key, other request: 422. Same key while the first
 * request still runs: 409. Keys expire after IDEMPOTENCY_KEY_TTL_HOURS; the rows are deleted by the
 * nightly retention (RETENTION_IDEMPOTENCY_KEY_DAYS, retention/integration-retention.ts).
 */
@Injectable()
export class IdempotencyStore {
  /** The key of a request, or null without one; 400 IDEMPOTENCY_KEY_INVALID when malformed. */
  parseKey(header: string | null | undefined): string | null {
    if (header === undefined || header === null) return null;
    const key = header.trim().replace(/^"(.*)"$/, '$1');
    if (!KEY.test(key)) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_INVALID',
        'Idempotency-Key phải gồm từ 1 đến 255 ký tự ASCII in được, không có dấu cách (nên dùng một UUID)',
        400,
        [{ field: 'Idempotency-Key', code: 'IDEMPOTENCY_KEY_INVALID', message: 'Khóa không đúng dạng' }],
      );
    }
    return key;
  }

  /**
   * The stored answer of an unexpired key with the same request, null for an unknown key, and 422
   * IDEMPOTENCY_KEY_REUSED for a key sent before with another request.
   */
  async find(db: SqlRunner, accountId: string, key: string, hash: string): Promise<InboundBatchAnswerDto | null> {
    const [row] = await db.$queryRaw<
      {
        request_hash: string;
        id: string;
        received_at: string;
        received: number;
        created: number;
        updated: number;
        unchanged: number;
        rejected: number;
        results: InboundBatchAnswerDto['records'];
      }[]
    >(Prisma.sql`
      SELECT k.request_hash, b.id, to_char(b.received_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at,
             b.received, b.created, b.updated, b.unchanged, b.rejected, b.results
      FROM integration_idempotency_key k JOIN integration_batch b ON b.id = k.batch_id
      WHERE k.client_id = ${accountId}::uuid AND k.key = ${key} AND k.expires_at > now()`);
    if (!row) return null;
    if (row.request_hash !== hash) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'Idempotency-Key này đã được dùng cho một lô dữ liệu khác: mỗi lô phải có khóa riêng',
        422,
      );
    }
    return {
      batchId: row.id,
      receivedAt: row.received_at,
      counts: { received: row.received, created: row.created, updated: row.updated, unchanged: row.unchanged, rejected: row.rejected },
      records: row.results,
    };
  }

  /** Holds the key for this transaction; 409 IDEMPOTENCY_KEY_IN_PROGRESS while another request with it runs. */
  async lock(db: SqlRunner, accountId: string, key: string): Promise<void> {
    const [{ locked }] = await db.$queryRaw<{ locked: boolean }[]>(
      Prisma.sql`SELECT pg_try_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${`${accountId}|${key}`})) AS locked`,
    );
    if (!locked) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_IN_PROGRESS',
        'Một yêu cầu khác với cùng Idempotency-Key đang được xử lý: hãy gửi lại sau',
        409,
      );
    }
  }

  /** Records the batch (its answer) and, with a key, the key pointing at it; returns the batch id. */
  async recordBatch(
    db: SqlRunner,
    batch: { accountId: string; key: string | null; hash: string; body: InboundBatchAnswerDto; durationMs: number },
  ): Promise<string> {
    const id = uuid7();
    const { counts } = batch.body;
    await db.$executeRaw(Prisma.sql`
      INSERT INTO integration_batch (id, client_id, received_at, received, created, updated, unchanged, rejected, duration_ms, results)
      VALUES (${id}::uuid, ${batch.accountId}::uuid, ${batch.body.receivedAt}::timestamptz AT TIME ZONE 'UTC', ${counts.received}::int,
              ${counts.created}::int, ${counts.updated}::int, ${counts.unchanged}::int, ${counts.rejected}::int, ${batch.durationMs}::int,
              ${JSON.stringify(batch.body.records)}::jsonb)`);
    if (batch.key) {
      // An expired key not purged yet is taken over; an unexpired one cannot exist here (checked under the lock).
      await db.$executeRaw(Prisma.sql`
        INSERT INTO integration_idempotency_key (client_id, key, request_hash, batch_id, expires_at)
        VALUES (${batch.accountId}::uuid, ${batch.key}, ${batch.hash}, ${id}::uuid, now() + make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS}::int))
        ON CONFLICT (client_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, batch_id = EXCLUDED.batch_id,
          created_at = now(), expires_at = EXCLUDED.expires_at
        WHERE integration_idempotency_key.expires_at <= now()`);
    }
    return id;
  }
}
