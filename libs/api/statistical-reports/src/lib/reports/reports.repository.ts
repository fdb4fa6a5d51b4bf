import { Injectable } from '@nestjs/common';
import { FacilityKind, Prisma, PrismaService } from '@skss/api/core';
import type { ReportAction, StoredStatus } from '../workflow/report-workflow';
import { firstDay, lastDay, Month, monthStart } from './report-month';

/** The database client, or an interactive transaction of it. */
export type Db = Prisma.TransactionClient;

/** A facility as the workflow needs it. */
export interface ReportFacility {
  id: number;
  code: string;
  name: string;
  kind: FacilityKind;
  maternalServices: boolean;
  childServices: boolean;
}

const FACILITY_COLUMNS = Prisma.sql`f.id, f.code, f.name, f.kind::text AS kind, f.maternal_services AS "maternalServices", f.child_services AS "childServices"`;

/** A facility in force at some time during the month. */
const inForceDuring = (month: Month) =>
  Prisma.sql`(f.valid_from IS NULL OR f.valid_from <= ${lastDay(month)}::date) AND (f.valid_to IS NULL OR f.valid_to >= ${firstDay(month)}::date)`;

/**
 * The reporting line of every facility for a month: among the lines in force at some time during
 * the month, the latest-starting one (a facility whose line changed mid-month reports along the new one).
 */
const linesOfMonth = (month: Month) => Prisma.sql`
  SELECT DISTINCT ON (l.facility_id) l.facility_id, l.reports_to_id
  FROM facility_reporting_line l
  WHERE (l.valid_from IS NULL OR l.valid_from <= ${lastDay(month)}::date) AND (l.valid_to IS NULL OR l.valid_to >= ${firstDay(month)}::date)
  ORDER BY l.facility_id, l.valid_from DESC NULLS LAST, l.id DESC`;

/** The registers and the column whose date puts a row in a month (the draft of a month has begun when one exists). */
const REGISTER_DATES: readonly [string, string][] = [
  ['pregnancy_episode', 'registered_on'],
  ['anc_visit', 'visit_date'],
  ['delivery', 'delivery_date'],
  ['postnatal_visit', 'visit_date'],
  ['abortion', 'performed_on'],
  ['contraception_service', 'served_on'],
  ['complication', 'onset_on'],
  ['gynaecology_visit', 'visit_date'],
  ['hpv_vaccination', 'given_on'],
  ['child_exam', 'exam_date'],
  ['death', 'died_on'],
];

const reportInclude = {
  facility: { select: { id: true, code: true, name: true, kind: true } },
  approver: { select: { id: true, code: true, name: true, kind: true } },
} satisfies Prisma.StatisticalReportInclude;

export type ReportRow = Prisma.StatisticalReportGetPayload<{ include: typeof reportInclude }>;
/** A report without its cells: what its state (status, version, approver, deadline) is made of. */
export type ReportStateRow = Omit<ReportRow, 'values'>;
export type ReportEventRow = Prisma.ReportEventGetPayload<object>;

export interface EventInput {
  action: ReportAction;
  actorUserId: string;
  actorUsername: string;
  actorFacilityId: number;
  reason?: string | null;
  values?: Prisma.InputJsonValue;
}

/**
 * The only place that reads and writes the report tables, and reads the reporting chain by month.
 * The report tables are not facility-scoped models: access is decided per report (ReportAccess),
 * since an approver acts on rows of other facilities.
 */
@Injectable()
export class ReportsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Runs work in one transaction. */
  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  /**
   * The facility, when it was in force at some time during the month. Prepared, as the approver's
   * lookup below: every report view, worklist and workflow step asks both.
   */
  async facilityInMonth(id: number, month: Month): Promise<ReportFacility | null> {
    const statement = Prisma.sql`
      SELECT ${FACILITY_COLUMNS} FROM facility f WHERE f.id = ${id}::int AND ${inForceDuring(month)}`;
    const rows = await this.prisma.queryPrepared<ReportFacility>(statement.text, statement.values);
    return rows[0] ?? null;
  }

  /** The facility a facility reports to for a month (its approver), if any. */
  async approverOf(facilityId: number, month: Month): Promise<ReportFacility | null> {
    const statement = Prisma.sql`
      WITH line AS (${linesOfMonth(month)})
      SELECT ${FACILITY_COLUMNS} FROM line JOIN facility f ON f.id = line.reports_to_id WHERE line.facility_id = ${facilityId}::int`;
    const rows = await this.prisma.queryPrepared<ReportFacility>(statement.text, statement.values);
    return rows[0] ?? null;
  }

  /** The facilities that report to this one for the month (and are in force during it), by code. */
  childrenOf(facilityId: number, month: Month, db: Db = this.prisma): Promise<ReportFacility[]> {
    return db.$queryRaw<ReportFacility[]>`
      WITH line AS (${linesOfMonth(month)})
      SELECT ${FACILITY_COLUMNS} FROM line JOIN facility f ON f.id = line.facility_id
      WHERE line.reports_to_id = ${facilityId}::int AND ${inForceDuring(month)}
      ORDER BY f.code`;
  }

  /** The facility and every facility whose reporting chain passed through it for the month. */
  async subtreeInMonth(facilityId: number, month: Month): Promise<ReadonlySet<number>> {
    const rows = await this.prisma.$queryRaw<{ id: number }[]>`
      WITH RECURSIVE line AS (${linesOfMonth(month)}),
      subtree(id) AS (
        SELECT ${facilityId}::int
        UNION
        SELECT line.facility_id FROM line JOIN subtree s ON line.reports_to_id = s.id
      )
      SELECT id FROM subtree`;
    return new Set(rows.map((r) => r.id));
  }

  /** Of these facilities, those with at least one register row dated in the month. */
  async withRegisterRows(facilityIds: readonly number[], month: Month): Promise<ReadonlySet<number>> {
    if (facilityIds.length === 0) return new Set();
    const from = firstDay(month);
    const to = lastDay(month);
    const exists = REGISTER_DATES.map(
      ([table, column]) =>
        Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(table)} r WHERE r.facility_id = f.id AND r.${Prisma.raw(column)} BETWEEN ${from}::date AND ${to}::date)`,
    );
    const statement = Prisma.sql`
      SELECT f.id FROM unnest(${[...facilityIds]}::int[]) AS f(id) WHERE ${Prisma.join(exists, ' OR ')}`;
    // Prepared: every report view and worklist asks it, and planning its eleven subqueries costs more than running them.
    const rows = await this.prisma.queryPrepared<{ id: number }>(statement.text, statement.values);
    return new Set(rows.map((r) => r.id));
  }

  findReport(form: string, facilityId: number, month: Month, db: Db = this.prisma): Promise<ReportRow | null> {
    return db.statisticalReport.findUnique({
      where: { form_facilityId_month: { form, facilityId, month: monthStart(month) } },
      include: reportInclude,
    });
  }

  findReportById(id: string): Promise<ReportRow | null> {
    return this.prisma.statisticalReport.findUnique({ where: { id }, include: reportInclude });
  }

  /**
   * The reports of these facilities for the month (every form), without their cells: a worklist or a
   * rule over many reports reads their states, and a report's cells are a few kilobytes of JSON.
   */
  reportsOf(facilityIds: readonly number[], month: Month, db: Db = this.prisma): Promise<ReportStateRow[]> {
    if (facilityIds.length === 0) return Promise.resolve([]);
    return db.statisticalReport.findMany({
      where: { facilityId: { in: [...facilityIds] }, month: monthStart(month) },
      include: reportInclude,
      omit: { values: true },
    });
  }

  eventsOf(reportId: string): Promise<ReportEventRow[]> {
    return this.prisma.reportEvent.findMany({ where: { reportId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  }

  /** Usernames and facility codes of event actors, for display. */
  async facilityCodes(ids: readonly number[]): Promise<Map<number, { code: string; name: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.facility.findMany({ where: { id: { in: [...ids] } }, select: { id: true, code: true, name: true } });
    return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
  }

  /** The first sending: fails with a unique violation (P2002) when a concurrent sending won. */
  insertSent(
    db: Db,
    report: { form: string; facilityId: number; month: Month; approverId: number; values: Prisma.InputJsonValue; at: Date },
  ): Promise<{ id: string; version: number }> {
    return db.statisticalReport.create({
      data: {
        form: report.form,
        facilityId: report.facilityId,
        month: monthStart(report.month),
        status: 'SENT',
        approverId: report.approverId,
        values: report.values,
        firstSentAt: report.at,
        sentAt: report.at,
      },
      select: { id: true, version: true },
    });
  }

  /**
   * A transition as a conditional update: applies only when the report still has the status and
   * version it was read with, so of two concurrent transitions exactly one applies. Returns whether it did.
   */
  async transition(
    db: Db,
    id: string,
    expected: { status: StoredStatus; version: number },
    data: Omit<Prisma.StatisticalReportUncheckedUpdateManyInput, 'version' | 'status'> & { status: StoredStatus },
  ): Promise<boolean> {
    const { count } = await db.statisticalReport.updateMany({
      where: { id, status: expected.status, version: expected.version },
      data: { ...data, version: { increment: 1 } },
    });
    return count === 1;
  }

  async addEvent(db: Db, reportId: string, event: EventInput, at: Date): Promise<void> {
    await db.reportEvent.create({
      data: {
        reportId,
        action: event.action,
        actorUserId: event.actorUserId,
        actorUsername: event.actorUsername,
        actorFacilityId: event.actorFacilityId,
        at,
        reason: event.reason ?? null,
        values: event.values ?? Prisma.JsonNull,
      },
    });
  }

  /** Closes the facility's registers of the month (idempotent; audited as a RegisterPeriodLock change). */
  async lockRegisters(db: Db, facilityId: number, month: Month, reason: string): Promise<void> {
    await db.registerPeriodLock.upsert({
      where: { facilityId_month: { facilityId, month: monthStart(month) } },
      create: { facilityId, month: monthStart(month), reason: reason.slice(0, 300) },
      update: {},
    });
  }

  /** Reopens the registers unless another report of the facility-month is still approved. */
  async unlockRegistersUnlessApproved(db: Db, facilityId: number, month: Month): Promise<void> {
    const stillApproved = await db.statisticalReport.count({
      where: { facilityId, month: monthStart(month), status: { in: ['APPROVED', 'UNAPPROVAL_REQUESTED'] } },
    });
    if (stillApproved === 0) await db.registerPeriodLock.deleteMany({ where: { facilityId, month: monthStart(month) } });
  }
}
