import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, InjectAppConfig, Prisma, PrismaService } from '@skss/api/core';
import { DEATHS_CLIENT_ID, DEATHS_STATE_KEY } from '../dhis2-deaths/dhis2-death-pull';
import { OUTBOX_DESTINATIONS, OUTBOX_SENDERS, OutboxSender } from '../outbox/outbox.types';
import {
  DayCountDto,
  DestinationStatusDto,
  InboundFacilityDto,
  InboundMonitoringDto,
  InboundMonitoringQueryDto,
  InboundSourceDto,
  OutboundMonitoringDto,
} from './monitoring.dto';
import { MonitoringScope } from './monitoring-scope';
import { ITEM_COLUMNS, itemScope, toItemDto } from './outbox.service';

/** Register tables the integration API writes (source = 'API', source_system = the account's client id). */
const REGISTER_TABLES = [
  'anc_visit',
  'delivery',
  'abortion',
  'contraception_service',
  'gynaecology_visit',
  'hpv_vaccination',
  'child_exam',
  'death',
];
const RECENT_FAILURES = 20;

interface SourceDay {
  source: string;
  day: string;
  accepted: number;
  rejected: number;
  reasons: Record<string, number> | null;
}

/**
 * Data flows for NCHI and every level within its scope (issue 8 item 5): per source system and
 * facility what came in (last batch, per day accepted and rejected with reasons, silent
 * facilities), per destination what went out (last success, pending and failed with reasons).
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scope: MonitoringScope,
    @Inject(OUTBOX_SENDERS) private readonly senders: OutboxSender[],
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  async outbound(): Promise<OutboundMonitoringDto> {
    const scope = itemScope(await this.scope.facilities());
    const db = this.prisma.raw;
    const [counts, failures] = await Promise.all([
      db.$queryRaw<
        { destination: string; pending: number; failing: number; dead: number; oldest: Date | null; lastSuccess: Date | null }[]
      >`
        SELECT o.destination::text AS destination,
               count(*) FILTER (WHERE o.status = 'PENDING')::int AS pending,
               count(*) FILTER (WHERE o.status = 'PENDING' AND o.attempts > 0)::int AS failing,
               count(*) FILTER (WHERE o.status = 'DEAD')::int AS dead,
               min(o.created_at) FILTER (WHERE o.status = 'PENDING') AS oldest,
               max(o.delivered_at) AS "lastSuccess"
        FROM outbox_item o WHERE ${scope} GROUP BY 1`,
      db.$queryRaw<Parameters<typeof toItemDto>[0][]>`
        SELECT * FROM (
          SELECT ${ITEM_COLUMNS}, row_number() OVER (PARTITION BY o.destination ORDER BY o.updated_at DESC, o.id DESC)::int AS n
          FROM outbox_item o LEFT JOIN facility f ON f.id = o.facility_id
          WHERE ${scope} AND (o.status = 'DEAD' OR (o.status = 'PENDING' AND o.attempts > 0))
        ) failed WHERE n <= ${RECENT_FAILURES}`,
    ]);
    return {
      destinations: OUTBOX_DESTINATIONS.map((destination): DestinationStatusDto => {
        const row = counts.find((c) => c.destination === destination);
        return {
          destination,
          configured: this.senders.find((s) => s.destination === destination)?.configured() ?? false,
          lastSuccessAt: row?.lastSuccess?.toISOString() ?? null,
          pending: row?.pending ?? 0,
          failing: row?.failing ?? 0,
          dead: row?.dead ?? 0,
          oldestPendingAt: row?.oldest?.toISOString() ?? null,
          recentFailures: failures.filter((f) => f.destination === destination).map((item) => toItemDto(item)),
        };
      }),
    };
  }

  async inbound(query: InboundMonitoringQueryDto): Promise<InboundMonitoringDto> {
    const facilities = await this.scope.facilities();
    const silentDays = query.silentDays ?? this.config.outbound.silentDays;
    const days = query.days ?? 14;
    const [sources, facilityRows] = await Promise.all([this.sources(facilities, days), this.facilities(facilities, days, silentDays)]);
    return { silentDays, sources, facilities: facilityRows };
  }

  /** Per integration account: JSON batches and national XML packages; plus the DHIS2 death pull. */
  private async sources(facilities: number[] | 'all', days: number): Promise<InboundSourceDto[]> {
    const db = this.prisma.raw;
    const clientScope =
      facilities === 'all'
        ? Prisma.sql`true`
        : Prisma.sql`EXISTS (SELECT 1 FROM integration_client_facility cf WHERE cf.client_id = c.id AND cf.facility_id = ANY(${facilities}::int[]))`;
    const since = Prisma.sql`now() - make_interval(days => ${days})`;
    const [clients, batchDays, nationalDays, pull] = await Promise.all([
      db.$queryRaw<{ id: string; clientId: string; name: string; system: string; lastBatch: Date | null; lastNational: Date | null }[]>`
        SELECT c.id::text AS id, c.client_id AS "clientId", c.name, c.system::text AS system,
               (SELECT max(b.received_at) FROM integration_batch b WHERE b.client_id = c.id) AS "lastBatch",
               (SELECT max(t.received_at) FROM national_transaction t WHERE t.client_id = c.id) AS "lastNational"
        FROM integration_client c WHERE c.system IN ('HIS', 'YTCS') AND ${clientScope} ORDER BY c.client_id`,
      db.$queryRaw<SourceDay[]>`
        WITH batches AS (
          SELECT b.client_id::text AS source, to_char(b.received_at, 'YYYY-MM-DD') AS day, b.created + b.updated + b.unchanged AS accepted, b.rejected, b.results
          FROM integration_batch b WHERE b.received_at >= ${since}),
        reasons AS (
          SELECT source, day, jsonb_object_agg(code, n) AS reasons FROM (
            SELECT source, day, p ->> 'code' AS code, count(*)::int AS n
            FROM batches, jsonb_array_elements(results) r, jsonb_array_elements(coalesce(r -> 'problems', '[]'::jsonb)) p
            WHERE r ->> 'outcome' = 'rejected' GROUP BY 1, 2, 3) codes
          GROUP BY 1, 2)
        SELECT b.source, b.day, sum(b.accepted)::int AS accepted, sum(b.rejected)::int AS rejected, max(r.reasons::text)::jsonb AS reasons
        FROM batches b LEFT JOIN reasons r ON r.source = b.source AND r.day = b.day
        GROUP BY 1, 2 ORDER BY 2 DESC`,
      db.$queryRaw<SourceDay[]>`
        WITH packages AS (
          SELECT t.client_id::text AS source, to_char(t.received_at, 'YYYY-MM-DD') AS day, t.accepted, t.rejected,
                 CASE WHEN jsonb_typeof(t.results) = 'array' THEN t.results ELSE '[]'::jsonb END AS results
          FROM national_transaction t WHERE t.received_at >= ${since}),
        reasons AS (
          SELECT source, day, jsonb_object_agg(code, n) AS reasons FROM (
            SELECT source, day, p ->> 'code' AS code, count(*)::int AS n
            FROM packages, jsonb_array_elements(results) r, jsonb_array_elements(coalesce(r -> 'loi', '[]'::jsonb)) p
            WHERE r ->> 'ketQua' = 'TU_CHOI' AND p ->> 'code' IS NOT NULL GROUP BY 1, 2, 3) codes
          GROUP BY 1, 2)
        SELECT p.source, p.day, sum(p.accepted)::int AS accepted, sum(p.rejected)::int AS rejected, max(r.reasons::text)::jsonb AS reasons
        FROM packages p LEFT JOIN reasons r ON r.source = p.source AND r.day = p.day
        GROUP BY 1, 2 ORDER BY 2 DESC`,
      db.integrationSyncState.findUnique({ where: { key: DEATHS_STATE_KEY } }),
    ]);
    const dayList = (rows: SourceDay[], source: string): DayCountDto[] =>
      rows
        .filter((r) => r.source === source)
        .map((r) => ({ day: r.day, accepted: r.accepted, rejected: r.rejected, reasons: r.reasons ?? {} }));
    const out: InboundSourceDto[] = [];
    for (const c of clients) {
      out.push({
        system: c.system,
        source: c.clientId,
        name: c.name,
        channel: 'api',
        lastReceivedAt: c.lastBatch?.toISOString() ?? null,
        days: dayList(batchDays, c.id),
      });
      if (c.lastNational) {
        out.push({
          system: c.system,
          source: c.clientId,
          name: c.name,
          channel: 'national',
          lastReceivedAt: c.lastNational.toISOString(),
          days: dayList(nationalDays, c.id),
        });
      }
    }
    if (facilities === 'all' && pull) {
      const stored =
        (pull.details as { days?: Record<string, { accepted: number; rejected: number; reasons: Record<string, number> }> } | null)?.days ??
        {};
      out.push({
        system: 'HEALTH_STATISTICS',
        source: DEATHS_CLIENT_ID,
        name: 'Thống kê y tế (DHIS2): tử vong mẹ, trẻ em',
        channel: 'pull',
        lastReceivedAt: pull.lastSuccessAt?.toISOString() ?? null,
        lastError: pull.lastError,
        days: Object.entries(stored)
          .slice(0, days)
          .map(([day, counts]) => ({ day, ...counts })),
      });
    }
    return out;
  }

  /**
   * Per facility an account may send for: the newest record it sent, whether it fell silent, and the
   * records of the facility it sent in the last `days` days, accepted and rejected with reasons (the
   * answers of its JSON batches carry each record's facility code; a national package names one).
   */
  private async facilities(facilities: number[] | 'all', days: number, silentDays: number): Promise<InboundFacilityDto[]> {
    const inScope = facilities === 'all' ? Prisma.sql`true` : Prisma.sql`cf.facility_id = ANY(${facilities}::int[])`;
    const window = Math.max(days, silentDays);
    const received = Prisma.join(
      REGISTER_TABLES.map(
        (table) => Prisma.sql`SELECT facility_id, source_system, updated_at FROM ${Prisma.raw(`"${table}"`)}
          WHERE source = 'API' AND updated_at >= now() - make_interval(days => ${window})`,
      ),
      ' UNION ALL ',
    );
    const since = Prisma.sql`now() - make_interval(days => ${days})`;
    const rows = await this.prisma.raw.$queryRaw<
      (Omit<InboundFacilityDto, 'lastReceivedAt' | 'reasons'> & { lastReceivedAt: Date | null; reasons: Record<string, number> | null })[]
    >`
      WITH received AS (${received}),
      latest AS (SELECT facility_id, source_system, max(updated_at) AS at, count(*)::int AS n FROM received GROUP BY 1, 2),
      outcomes AS (
        SELECT b.client_id, r ->> 'facilityCode' AS code, r ->> 'outcome' = 'rejected' AS rejected,
               coalesce(r -> 'problems', '[]'::jsonb) AS problems
        FROM integration_batch b, jsonb_array_elements(b.results) r
        WHERE b.received_at >= ${since} AND r ->> 'facilityCode' IS NOT NULL
        UNION ALL
        SELECT t.client_id, t.facility_code, r ->> 'ketQua' = 'TU_CHOI', coalesce(r -> 'loi', '[]'::jsonb)
        FROM national_transaction t, jsonb_array_elements(CASE WHEN jsonb_typeof(t.results) = 'array' THEN t.results ELSE '[]'::jsonb END) r
        WHERE t.received_at >= ${since} AND t.facility_code IS NOT NULL AND r ->> 'ketQua' IN ('CHAP_NHAN', 'TU_CHOI')),
      counted AS (
        SELECT client_id, code, count(*) FILTER (WHERE NOT rejected)::int AS accepted, count(*) FILTER (WHERE rejected)::int AS rejected
        FROM outcomes GROUP BY 1, 2),
      reasons AS (
        SELECT client_id, code, jsonb_object_agg(reason, n) AS reasons FROM (
          SELECT o.client_id, o.code, p ->> 'code' AS reason, count(*)::int AS n
          FROM outcomes o, jsonb_array_elements(o.problems) p WHERE o.rejected AND p ->> 'code' IS NOT NULL GROUP BY 1, 2, 3) codes
        GROUP BY 1, 2)
      SELECT f.code AS "facilityCode", f.name AS "facilityName", c.client_id AS source, l.at AS "lastReceivedAt", coalesce(l.n, 0) AS records,
             coalesce(o.accepted, 0) AS accepted, coalesce(o.rejected, 0) AS rejected, rs.reasons,
             (l.at IS NULL OR l.at < now() - make_interval(days => ${silentDays})) AS silent
      FROM integration_client c
      JOIN integration_client_facility cf ON cf.client_id = c.id
      JOIN facility f ON f.id = cf.facility_id
      LEFT JOIN latest l ON l.facility_id = cf.facility_id AND l.source_system = c.client_id
      LEFT JOIN counted o ON o.client_id = c.id AND o.code = f.code
      LEFT JOIN reasons rs ON rs.client_id = c.id AND rs.code = f.code
      WHERE c.system IN ('HIS', 'YTCS') AND c.status = 'active' AND ${inScope}
      ORDER BY silent DESC, f.code, c.client_id
      LIMIT 5000`;
    return rows.map((r) => ({ ...r, lastReceivedAt: r.lastReceivedAt?.toISOString() ?? null, reasons: r.reasons ?? {} }));
  }
}
