import { Injectable, OnModuleInit } from '@nestjs/common';
import { Prisma, RetentionJob, RetentionPolicy } from '@skss/api/core';

/** Decree 53/2022: security logs are kept at least 12 months. This system keeps sessions and sign-in attempts 24. */
export const SECURITY_LOG_RETENTION_MONTHS = 24;

/**
 * Retention of sign-in attempts and ended sessions older than the retention period (run nightly
 * by core's RetentionJob). The audit trail is never purged by the application (it cannot:
 * audit_event is append-only).
 */
@Injectable()
export class SecurityLogRetention implements RetentionPolicy, OnModuleInit {
  readonly name = 'security-logs';

  constructor(private readonly retention: RetentionJob) {}

  onModuleInit(): void {
    this.retention.register(this);
  }

  async purge(tx: Prisma.TransactionClient): Promise<Record<string, number>> {
    const cutoff = new Date();
    cutoff.setMonth(cutoff.getMonth() - SECURITY_LOG_RETENTION_MONTHS);
    const attempts = await tx.signInAttempt.deleteMany({ where: { at: { lt: cutoff } } });
    const sessions = await tx.session.deleteMany({ where: { OR: [{ revokedAt: { lt: cutoff } }, { expiresAt: { lt: cutoff } }] } });
    return { 'sign-in attempts': attempts.count, sessions: sessions.count };
  }
}
