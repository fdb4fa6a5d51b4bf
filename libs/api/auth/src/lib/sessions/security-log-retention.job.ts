import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { PrismaService } from '@skss/api/core';

/** Decree 53/2022: security logs are kept at least 12 months. This system keeps sessions and sign-in attempts 24. */
export const SECURITY_LOG_RETENTION_MONTHS = 24;
/** Advisory lock key, so that with several API instances the purge runs once. */
const LOCK_KEY = 5_301_2022;

/**
 * Nightly purge of sign-in attempts and ended sessions older than the retention period. The audit
 * trail is never purged by the application (it cannot: audit_event is append-only).
 */
@Injectable()
export class SecurityLogRetentionJob {
  private readonly logger = new Logger('SecurityLogRetention');

  constructor(private readonly prisma: PrismaService) {}

  @Cron('0 30 2 * * *', { timeZone: 'Asia/Ho_Chi_Minh' })
  async purge(): Promise<{ attempts: number; sessions: number } | null> {
    const db = this.prisma.raw;
    return db.$transaction(async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS locked`;
      if (!locked) return null;
      const cutoff = new Date();
      cutoff.setMonth(cutoff.getMonth() - SECURITY_LOG_RETENTION_MONTHS);
      const attempts = await tx.signInAttempt.deleteMany({ where: { at: { lt: cutoff } } });
      const sessions = await tx.session.deleteMany({ where: { OR: [{ revokedAt: { lt: cutoff } }, { expiresAt: { lt: cutoff } }] } });
      this.logger.log(
        `purged ${attempts.count} sign-in attempts and ${sessions.count} sessions older than ${SECURITY_LOG_RETENTION_MONTHS} months`,
      );
      return { attempts: attempts.count, sessions: sessions.count };
    });
  }
}
