import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { Client } from 'pg';
import { AppConfig, InjectAppConfig, OutboxDestination } from '@skss/api/core';
import { OutboundMetrics } from '../monitoring/outbound-metrics';
import { backoffSeconds, isDead } from './backoff';
import { OUTBOX_SENDERS, OutboxItemRow, OutboxSender } from './outbox.types';

/** First key of the advisory locks of the outbox (the second is the destination's). */
const LOCK_NAMESPACE = 8_000_801;
const LOCK_KEYS: Readonly<Record<OutboxDestination, number>> = { DHIS2: 1, FHIR: 2, EHANDBOOK: 3 };
/** Batches one run delivers at most before it yields to the next tick. */
const MAX_BATCHES_PER_RUN = 50;
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const releaseKey = (destination: OutboxDestination) => `outbox.release.${destination}`;
export const runKey = (destination: OutboxDestination) => `outbox.run.${destination}`;

export interface RunSummary {
  delivered: number;
  failed: number;
  dead: number;
}

/**
 * Delivers the outbox. Per destination, a cron (its schedule) releases what was announced so far,
 * and a poller (every OUTBOX_POLL_SECONDS) delivers released items that are due, oldest first.
 * A run holds a PostgreSQL advisory lock of its destination on a connection of its own, and marks
 * each item on that connection as soon as the destination answered: with several API instances only
 * one delivers a destination at a time, and the next one sees every mark of the one before. Items
 * of one subject are delivered once, as their newest; failures are retried with exponential backoff
 * and jitter, and dead-lettered after OUTBOX_MAX_ATTEMPTS (re-sent by hand, outbox.controller.ts).
 */
@Injectable()
export class OutboxScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly running = new Set<OutboxDestination>();
  private readonly timers: NodeJS.Timeout[] = [];
  private stopped = false;

  constructor(
    @Inject(OUTBOX_SENDERS) private readonly senders: OutboxSender[],
    @InjectAppConfig() private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly metrics: OutboundMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.outbound.jobs) return;
    for (const sender of this.senders) {
      if (!sender.configured()) continue;
      const release = CronJob.from({
        cronTime: sender.schedule(),
        onTick: () => void this.release(sender.destination).catch((error) => this.logger.error(`release ${sender.destination}: ${error}`)),
        timeZone: TIME_ZONE,
        start: true,
      });
      this.registry.addCronJob(`outbox-release-${sender.destination}`, release);
      const poll = setInterval(() => void this.tick(sender), this.config.outbound.pollSeconds * 1000);
      this.timers.push(poll);
      this.registry.addInterval(`outbox-poll-${sender.destination}`, poll);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
  }

  /** Releases to delivery every item announced until now (the destination's schedule). */
  async release(destination: OutboxDestination): Promise<void> {
    await this.withClient(async (db) => {
      await db.query(
        `INSERT INTO integration_sync_state (key, last_run_at, updated_at) VALUES ($1, now(), now())
         ON CONFLICT (key) DO UPDATE SET last_run_at = greatest(integration_sync_state.last_run_at, now()), updated_at = now()`,
        [releaseKey(destination)],
      );
    });
  }

  private async tick(sender: OutboxSender): Promise<void> {
    if (this.running.has(sender.destination) || this.stopped) return;
    this.running.add(sender.destination);
    try {
      await this.runOnce(sender.destination);
    } catch (error) {
      this.logger.error(`delivery run of ${sender.destination} failed: ${(error as Error).message}`);
    } finally {
      this.running.delete(sender.destination);
    }
  }

  /** One delivery run of a destination; null when another instance holds its lock. */
  async runOnce(destination: OutboxDestination): Promise<RunSummary | null> {
    const sender = this.senders.find((s) => s.destination === destination);
    if (!sender?.configured()) return null;
    return this.withClient(async (db) => {
      const lock = [LOCK_NAMESPACE, LOCK_KEYS[destination]];
      const { rows } = await db.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', lock);
      if (!rows[0]?.locked) return null;
      try {
        const summary = await this.deliverDue(db, sender);
        await this.recordRun(db, destination, summary);
        return summary;
      } finally {
        await db.query('SELECT pg_advisory_unlock($1, $2)', lock);
      }
    });
  }

  private async deliverDue(db: Client, sender: OutboxSender): Promise<RunSummary> {
    const summary: RunSummary = { delivered: 0, failed: 0, dead: 0 };
    const { batchSize } = this.config.outbound;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN && !this.stopped; batch++) {
      const { rows } = await db.query<OutboxItemRow>(
        `SELECT o.id::text AS id, o.destination, o.kind, o.subject, o.facility_id AS "facilityId", o.payload, o.attempts
         FROM outbox_item o
         WHERE o.destination = $1::outbox_destination AND o.status = 'PENDING' AND o.next_attempt_at <= now()
           AND o.created_at <= (SELECT s.last_run_at FROM integration_sync_state s WHERE s.key = $2)
         ORDER BY o.id LIMIT $3`,
        [sender.destination, releaseKey(sender.destination), batchSize],
      );
      if (rows.length === 0) break;
      for (const group of bySubject(rows)) {
        const newest = group[group.length - 1];
        const outcome = await sender.deliver(newest, `${sender.destination}-${newest.id}`);
        if (outcome.ok) {
          // The newest state is delivered: every earlier item of the subject is superseded by it.
          await db.query(
            `UPDATE outbox_item SET status = 'DELIVERED', delivered_at = now(), updated_at = now(), last_error = NULL,
               attempts = attempts + CASE WHEN id = ANY($4::bigint[]) THEN 1 ELSE 0 END,
               response = CASE WHEN id = $3::bigint THEN $5::jsonb ELSE response END
             WHERE destination = $1::outbox_destination AND subject = $2 AND status <> 'DELIVERED' AND id <= $3::bigint`,
            [sender.destination, newest.subject, newest.id, group.map((i) => i.id), json(outcome.response)],
          );
          summary.delivered += group.length;
          this.metrics.delivered(sender.destination, group.length);
        } else {
          const failures = newest.attempts + 1;
          const dead = isDead(failures, this.config.outbound.maxAttempts, outcome.permanent);
          const delay = backoffSeconds(failures, {
            baseSeconds: this.config.outbound.backoffBaseSeconds,
            maxSeconds: this.config.outbound.backoffMaxSeconds,
          });
          await db.query(
            `UPDATE outbox_item SET attempts = attempts + 1, last_error = $2, response = $3::jsonb, updated_at = now(),
               status = CASE WHEN $4 OR attempts + 1 >= $5 THEN 'DEAD' ELSE 'PENDING' END::outbox_status,
               next_attempt_at = now() + make_interval(secs => $6)
             WHERE id = ANY($1::bigint[])`,
            [
              group.map((i) => i.id),
              outcome.error.slice(0, 2000),
              json(outcome.response),
              outcome.permanent ?? false,
              this.config.outbound.maxAttempts,
              delay,
            ],
          );
          summary.failed += group.length;
          if (dead) summary.dead += group.length;
          this.metrics.failed(sender.destination, group.length, dead);
        }
      }
      if (rows.length < batchSize) break;
    }
    return summary;
  }

  private async recordRun(db: Client, destination: OutboxDestination, summary: RunSummary): Promise<void> {
    if (summary.delivered + summary.failed === 0) return;
    const succeeded = summary.delivered > 0;
    await db.query(
      `INSERT INTO integration_sync_state (key, last_run_at, last_success_at, last_error, details, updated_at)
       VALUES ($1, now(), CASE WHEN $2 THEN now() END, NULL, $3::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET last_run_at = now(), details = excluded.details, updated_at = now(),
         last_success_at = CASE WHEN $2 THEN now() ELSE integration_sync_state.last_success_at END`,
      [runKey(destination), succeeded, JSON.stringify(summary)],
    );
  }

  private async withClient<T>(work: (db: Client) => Promise<T>): Promise<T> {
    const db = new Client({ connectionString: this.config.databaseUrl, application_name: 'skss-outbox', keepAlive: true });
    await db.connect();
    try {
      return await work(db);
    } finally {
      await db.end().catch(() => undefined);
    }
  }
}

/** Due items grouped by subject, in the order of each subject's oldest item. */
export function bySubject(rows: readonly OutboxItemRow[]): OutboxItemRow[][] {
  const groups = new Map<string, OutboxItemRow[]>();
  for (const row of rows) groups.set(row.subject, [...(groups.get(row.subject) ?? []), row]);
  return [...groups.values()];
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
