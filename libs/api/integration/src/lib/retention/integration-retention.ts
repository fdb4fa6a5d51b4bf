import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig, InjectAppConfig, Prisma, RetentionJob, RetentionPolicy } from '@skss/api/core';
import { acknowledgedByAll } from '../destinations/ehandbook/feed-readers';

/**
 * Retention of the integration's working data (run nightly by core's RetentionJob, settings in
 * AppConfig.outbound.retention, docs/operations/integration.md):
 * - delivered outbox items, some days after their delivery; pending and dead items never (a dead
 *   item waits for a person to re-send or give it up);
 * - e-handbook feed changes every registered reader has read, and any older than the horizon;
 * - Idempotency-Keys and inbound batch records (their stored answers), national XML receipts.
 * The register data itself, the audit trail and security logs are not integration working data.
 */
@Injectable()
export class IntegrationRetention implements RetentionPolicy, OnModuleInit {
  readonly name = 'integration';

  constructor(
    private readonly retention: RetentionJob,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.retention.register(this);
  }

  async purge(tx: Prisma.TransactionClient): Promise<Record<string, number>> {
    const days = this.config.outbound.retention;
    const before = (n: number) => Prisma.sql`now() - make_interval(days => ${n}::int)`;
    const outbox = await tx.$executeRaw`
      DELETE FROM outbox_item WHERE status = 'DELIVERED' AND delivered_at < ${before(days.deliveredOutboxDays)}`;
    const read = await acknowledgedByAll(tx);
    // Read by every reader, or past the horizon: a reader further behind than that has to reload.
    const feed = await tx.$executeRaw`
      DELETE FROM record_change
      WHERE changed_at < ${before(days.feedHorizonDays)}
         OR (${read !== null} AND (txid, seq) <= (${read?.txid ?? 0n}::bigint, ${read?.seq ?? 0n}::bigint))`;
    const keys = await tx.$executeRaw`
      DELETE FROM integration_idempotency_key WHERE created_at < ${before(days.idempotencyKeyDays)}`;
    const batches = await tx.$executeRaw`
      DELETE FROM integration_batch WHERE received_at < ${before(days.inboundBatchDays)}`;
    const national = await tx.$executeRaw`
      DELETE FROM national_transaction WHERE received_at < ${before(days.nationalPackageDays)}`;
    return {
      'delivered outbox items': outbox,
      'feed changes': feed,
      'idempotency keys': keys,
      'inbound batches': batches,
      'national packages': national,
    };
  }
}
