import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../prisma/prisma.service';

/** A kind of working data deleted after its retention period: what to delete, counted by what it is. */
export interface RetentionPolicy {
  /** Stable name: the policy's advisory lock and log lines. */
  readonly name: string;
  /** Deletes what is past its period, in the run's transaction; answers the rows deleted by kind. */
  purge(tx: Prisma.TransactionClient): Promise<Record<string, number>>;
}

/** First key of the policies' advisory locks (the second is hashtext(name)). */
const LOCK_NAMESPACE = 5_301;
/** A nightly purge of months of rows may take a while; it holds no lock anyone else waits for. */
const TRANSACTION = { timeout: 15 * 60_000, maxWait: 30_000 };

/**
 * THE retention mechanism: one nightly run of every registered policy (security logs, integration
 * working data, …), each in a transaction of its own holding a PostgreSQL advisory lock, so that
 * with several API instances each policy runs once and a failing one never holds the others back.
 * Subsystems register their policy when their module starts (OnModuleInit).
 */
@Injectable()
export class RetentionJob {
  private readonly logger = new Logger('Retention');
  private readonly policies = new Map<string, RetentionPolicy>();

  constructor(private readonly prisma: PrismaService) {}

  register(policy: RetentionPolicy): void {
    this.policies.set(policy.name, policy);
  }

  @Cron('0 30 2 * * *', { timeZone: 'Asia/Ho_Chi_Minh' })
  async nightly(): Promise<void> {
    for (const name of this.policies.keys()) {
      try {
        await this.run(name);
      } catch (error) {
        this.logger.error(`${name}: ${(error as Error).message}`);
      }
    }
  }

  /** One run of a policy: its counts, or null when another instance is running it. */
  async run(name: string): Promise<Record<string, number> | null> {
    const policy = this.policies.get(name);
    if (!policy) throw new Error(`No retention policy ${name}`);
    return this.prisma.raw.$transaction(async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${name})) AS locked`;
      if (!locked) return null;
      const counts = await policy.purge(tx);
      const deleted = Object.entries(counts).filter(([, n]) => n > 0);
      if (deleted.length) this.logger.log(`${name}: deleted ${deleted.map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
      return counts;
    }, TRANSACTION);
  }
}
