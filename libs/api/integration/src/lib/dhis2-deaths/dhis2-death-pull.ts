import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { RegisterRecordsService, REGISTER_TABLES } from '@skss/api/clinical-records';
import { AppConfig, DomainError, InjectAppConfig, PrismaService, RequestContext } from '@skss/api/core';
import { todayInVietnam } from '@skss/domain';
import { dhis2Authorization } from '../destinations/dhis2/dhis2-auth';
import { callHttp } from '../destinations/http';
import { OutboundMetrics } from '../monitoring/outbound-metrics';
import { TIME_ZONE } from '../outbox/outbox-scheduler';
import { deathBodyOf, eventsOf, TrackerEvent } from './death-event';

export const DEATHS_STATE_KEY = 'dhis2.deaths';
/** The integration identity the pulled rows are written (and audited) under. */
export const DEATHS_CLIENT_ID = 'dhis2-death-pull';
const LOCK = 8_000_803;
const PAGE_SIZE = 100;
const MAX_PAGES = 500;
const KEPT_DAYS = 31;

export interface PullSummary {
  events: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: { event: string; code: string; message: string }[];
  cursor: string | null;
}

interface DayCounts {
  accepted: number;
  rejected: number;
  reasons: Record<string, number>;
}

/**
 * The daily pull of maternal and child death events from the health statistics software (DHIS2
 * tracker, program DHIS2_DEATHS_PROGRAM) into the death register. Events updated since the last
 * pull (cursor: the newest `updatedAt` seen) are written through the register's own writer as
 * source system DHIS2 with the event uid as source record id: a new event creates a row, a changed
 * one updates it, an unchanged one changes nothing. One instance pulls at a time (advisory lock).
 */
@Injectable()
export class Dhis2DeathPull implements OnApplicationBootstrap {
  private readonly logger = new Logger('Dhis2DeathPull');

  constructor(
    private readonly prisma: PrismaService,
    private readonly registers: RegisterRecordsService,
    private readonly registry: SchedulerRegistry,
    private readonly metrics: OutboundMetrics,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const dhis2 = this.config.outbound.dhis2;
    if (!this.config.outbound.jobs || !dhis2?.deathsProgram) return;
    const job = CronJob.from({
      cronTime: dhis2.deathsSchedule,
      onTick: () => void this.run().catch((error) => this.logger.error(`pull failed: ${(error as Error).message}`)),
      timeZone: TIME_ZONE,
      start: true,
    });
    this.registry.addCronJob('dhis2-death-pull', job);
  }

  configured(): boolean {
    return Boolean(this.config.outbound.dhis2?.deathsProgram);
  }

  /** One pull; null when another instance is pulling. */
  async run(): Promise<PullSummary | null> {
    const dhis2 = this.config.outbound.dhis2;
    if (!dhis2?.deathsProgram)
      throw new DomainError('NOT_CONFIGURED', 'Chưa cấu hình chương trình tử vong của DHIS2 (DHIS2_DEATHS_PROGRAM)', 409);
    const lock = new Client({ connectionString: this.config.databaseUrl, application_name: 'skss-dhis2-deaths' });
    await lock.connect();
    try {
      const { rows } = await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LOCK]);
      if (!rows[0]?.locked) return null;
      try {
        return await this.pull(dhis2.deathsProgram);
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [LOCK]);
      }
    } finally {
      await lock.end().catch(() => undefined);
    }
  }

  private async pull(program: string): Promise<PullSummary> {
    const dhis2 = this.config.outbound.dhis2;
    if (!dhis2) throw new Error('DHIS2 is not configured');
    const db = this.prisma.raw;
    const state = await db.integrationSyncState.findUnique({ where: { key: DEATHS_STATE_KEY } });
    const summary: PullSummary = {
      events: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      rejections: [],
      cursor: state?.cursor ?? null,
    };
    const today = todayInVietnam();
    const day: DayCounts = { accepted: 0, rejected: 0, reasons: {} };
    let error: string | null = null;
    try {
      for (let page = 1; page <= MAX_PAGES; page++) {
        const query = new URLSearchParams({
          program,
          page: String(page),
          pageSize: String(PAGE_SIZE),
          order: 'updatedAt:asc',
          fields: 'event,orgUnit,occurredAt,createdAt,updatedAt,status,deleted,dataValues[dataElement,value]',
          ...(state?.cursor ? { updatedAfter: state.cursor } : {}),
        });
        const answer = await callHttp(
          `${dhis2.baseUrl}/api/tracker/events?${query}`,
          { headers: { accept: 'application/json', ...dhis2Authorization(dhis2) } },
          this.config.outbound.requestTimeoutSeconds,
        );
        if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${answer.text.slice(0, 500)}`);
        const events = eventsOf(answer.json);
        for (const event of events) {
          summary.events++;
          await this.write(event, dhis2.deathsDataElements, today, summary, day);
          if (event.updatedAt && (!summary.cursor || event.updatedAt > summary.cursor)) summary.cursor = event.updatedAt;
        }
        if (events.length < PAGE_SIZE) break;
      }
    } catch (failure) {
      error = (failure as Error).message.slice(0, 2000);
      this.logger.warn(`pull stopped: ${error}`);
    }
    await this.saveState(summary, day, error, (state?.details as { days?: Record<string, DayCounts> } | null)?.days ?? {});
    for (const outcome of ['created', 'updated', 'unchanged', 'rejected'] as const) this.metrics.deathEvents(outcome, summary[outcome]);
    if (error)
      throw new DomainError('DHIS2_UNAVAILABLE', 'Không lấy được dữ liệu tử vong từ Thống kê y tế', 502, [
        { field: 'dhis2', code: 'DHIS2_UNAVAILABLE', message: error },
      ]);
    return summary;
  }

  private async write(
    event: TrackerEvent,
    elements: Record<string, string>,
    today: string,
    summary: PullSummary,
    day: DayCounts,
  ): Promise<void> {
    const reject = (code: string, message: string) => {
      summary.rejected++;
      day.rejected++;
      day.reasons[code] = (day.reasons[code] ?? 0) + 1;
      if (summary.rejections.length < 100) summary.rejections.push({ event: event.event, code, message });
    };
    if (event.deleted) return;
    const facility = await this.facilityOf(event.orgUnit);
    if (!facility) return reject('UNKNOWN_ORG_UNIT', `Không có cơ sở nào ứng với đơn vị ${event.orgUnit}`);
    const body = deathBodyOf(event, elements, facility.code, today);
    const principal = {
      kind: 'client' as const,
      clientId: DEATHS_CLIENT_ID,
      facilityIds: new Set([facility.id]),
      operations: new Set(['deaths.push']),
    };
    try {
      const result = await RequestContext.run({ requestId: randomUUID(), ip: null, principal }, () =>
        this.registers.create(REGISTER_TABLES.deaths, body, 'API'),
      );
      summary[result.outcome as 'created' | 'updated' | 'unchanged']++;
      day.accepted++;
    } catch (failure) {
      if (!(failure instanceof DomainError)) throw failure;
      const details = (failure.details ?? []).map((d) => `${d.field}: ${d.code}`).join(', ');
      reject(failure.details?.[0]?.code ?? failure.code, details ? `${failure.message} (${details})` : failure.message);
    }
  }

  private async facilityOf(orgUnit: string): Promise<{ id: number; code: string } | null> {
    const db = this.prisma.raw;
    const mapped = await db.dhis2OrgUnit.findUnique({ where: { orgUnit } });
    return db.facility.findFirst({ where: mapped ? { id: mapped.facilityId } : { code: orgUnit }, select: { id: true, code: true } });
  }

  private async saveState(summary: PullSummary, day: DayCounts, error: string | null, days: Record<string, DayCounts>): Promise<void> {
    const today = todayInVietnam();
    const before = days[today] ?? { accepted: 0, rejected: 0, reasons: {} };
    const reasons = { ...before.reasons };
    for (const [code, n] of Object.entries(day.reasons)) reasons[code] = (reasons[code] ?? 0) + n;
    const kept = Object.fromEntries(
      Object.entries({ ...days, [today]: { accepted: before.accepted + day.accepted, rejected: before.rejected + day.rejected, reasons } })
        .sort(([a], [b]) => (a < b ? 1 : -1))
        .slice(0, KEPT_DAYS),
    );
    const details = JSON.parse(JSON.stringify({ last: summary, days: kept }));
    const now = new Date();
    await this.prisma.raw.integrationSyncState.upsert({
      where: { key: DEATHS_STATE_KEY },
      create: {
        key: DEATHS_STATE_KEY,
        cursor: summary.cursor,
        lastRunAt: now,
        lastSuccessAt: error ? null : now,
        lastError: error,
        details,
      },
      update: {
        cursor: summary.cursor,
        lastRunAt: now,
        ...(error ? {} : { lastSuccessAt: now }),
        lastError: error,
        details,
        updatedAt: now,
      },
    });
  }
}
