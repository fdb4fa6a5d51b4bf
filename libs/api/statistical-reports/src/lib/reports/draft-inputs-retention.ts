import { Injectable, OnModuleInit } from '@nestjs/common';
import { Prisma, RetentionJob, RetentionPolicy } from '@skss/api/core';

/**
 * Retention of report_input_change (run nightly by core's RetentionJob): a change older than a day
 * can no longer invalidate a kept draft, which lives an hour at most (KEPT_DRAFT_MS). `changed_at`
 * is when the writing transaction began, so this holds for transactions shorter than 23 hours; the
 * monitoring alerts long before (docs/operations/monitoring.md: idle in transaction, longest query).
 */
@Injectable()
export class DraftInputsRetention implements RetentionPolicy, OnModuleInit {
  readonly name = 'report-inputs';

  constructor(private readonly retention: RetentionJob) {}

  onModuleInit(): void {
    this.retention.register(this);
  }

  async purge(tx: Prisma.TransactionClient): Promise<Record<string, number>> {
    const changes = await tx.$executeRaw`DELETE FROM report_input_change WHERE changed_at < now() - interval '1 day'`;
    return { 'report input changes': changes };
  }
}
