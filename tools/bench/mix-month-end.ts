import type { Pool } from 'pg';
import { computeCommuneCells, preparedSqlRunnerOf } from '@skss/api/statistical-reports';
import { queryPreparedOn } from '@skss/api/core';
import {
  CellValues,
  cellKey,
  deadlineLevelOf,
  deadlineOf,
  FacilityKind,
  FieldDefinition,
  formVersionOn,
  isOnTime,
  REPORT_FORM_CODES,
  RegisterCode,
  registerDefinition,
  ReportFormCode,
} from '@skss/domain';
import type { BareCaller } from './mix';

/**
 * The bare answers of the month-end rows of the mix (mix.ts): a register list, the commune report
 * view and the worklist, with the statements the API sends for them (captured with
 * `BENCH_CAPTURE_ONLY=true npm run bench:load`) and the mapping of their rows to the API's JSON.
 * The report's cells are computed by the same statements as the API's (computeCommuneCells of
 * libs/api/statistical-reports, run through `pg`); the rest is copied SQL text. What decides the
 * JSON besides the rows (the forms a facility sends, deadlines, the open transitions) is the
 * domain's rules (@skss/domain), mapped here as the API's services map them.
 */

// ---- Scope ----

/**
 * The facilities whose register rows a caller reads: its own, the ones it succeeded, and every one
 * that reported through them at any time (historicalSubtree in libs/api/core). The API computes it
 * on the session's first register read and keeps it with the cached session: so does the bare
 * server, once per caller.
 */
const HISTORICAL_SUBTREE = `
    WITH RECURSIVE predecessors(id, unit_id) AS (
      SELECT f.id, f.admin_unit_id FROM facility f WHERE f.id = $1::int
      UNION
      SELECT pf.id, pf.admin_unit_id
      FROM predecessors p
      JOIN admin_unit_lineage al ON al.successor_id = p.unit_id
      JOIN facility pf ON pf.admin_unit_id = al.predecessor_id
      JOIN facility me ON me.id = $2::int AND pf.kind = me.kind
    ),
    subtree(id) AS (
      SELECT id FROM predecessors
      UNION
      SELECT l.facility_id FROM facility_reporting_line l JOIN subtree s ON l.reports_to_id = s.id
    )
    SELECT id FROM subtree`;

/** Central units read every facility (CENTRAL_KINDS in libs/api/core): no scope filter. */
const CENTRAL_KINDS = ['MCH_DEPARTMENT', 'NCHI'];

const histories = new WeakMap<BareCaller, Promise<number[] | 'all'>>();

function historyOf(db: Pool, caller: BareCaller): Promise<number[] | 'all'> {
  let history = histories.get(caller);
  if (!history) {
    history = CENTRAL_KINDS.includes(caller.facility.kind)
      ? Promise.resolve('all')
      : db.query<{ id: number }>(HISTORICAL_SUBTREE, [caller.facility.id, caller.facility.id]).then((r) => r.rows.map((row) => row.id));
    histories.set(caller, history);
  }
  return history;
}

// ---- Register list ----

/** The registers of the list row: URL segment → table, its date column and the definition's code. */
const REGISTER_LISTS: Readonly<Record<string, { table: string; model: string; dateColumn: string; columns: string; code: RegisterCode }>> =
  {
    'anc-visits': {
      table: 'anc_visit',
      model: 'AncVisit',
      dateColumn: 'visit_date',
      code: 'anc-visits',
      columns: `"t0"."id", "t0"."facility_id" AS "facilityId", "t0"."person_id" AS "personId", "t0"."episode_id" AS "episodeId",
  "t0"."visit_date" AS "visitDate", "t0"."place"::text, "t0"."ga_weeks" AS "gaWeeks", "t0"."weight_kg" AS "weightKg", "t0"."height_cm" AS "heightCm",
  "t0"."systolic", "t0"."diastolic", "t0"."fundal_height_cm" AS "fundalHeightCm", "t0"."fetal_heart_rate" AS "fetalHeartRate",
  "t0"."tetanus_dose_given" AS "tetanusDoseGiven", "t0"."iron_folic_given" AS "ironFolicGiven", "t0"."urine_protein"::text AS "urineProtein",
  "t0"."hbv_result"::text AS "hbvResult", "t0"."syphilis_result"::text AS "syphilisResult", "t0"."hiv_result"::text AS "hivResult",
  "t0"."glucose_result"::text AS "glucoseResult", "t0"."examiner", "t0"."notes", "t0"."source"::text, "t0"."source_system" AS "sourceSystem",
  "t0"."source_record_id" AS "sourceRecordId", "t0"."import_id" AS "importId", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt"`,
    },
  };

/** `IN ($n, …)` over the scope, as Prisma writes `{ in: ids }`. */
const inList = (first: number, count: number) => Array.from({ length: count }, (_, i) => `$${first + i}`).join(',');

// The page and its count as Prisma runs them for findMany (include facility and person, with the
// filter on the facility's code as a join) and count, with the scope filter of scoped-prisma.ts.
const registerPageSql = (table: string, model: string, dateColumn: string, columns: string, scope: number) => `SELECT ${columns},
  "${model}_facility"."__prisma_data__" AS "facility", "${model}_person"."__prisma_data__" AS "person"
FROM "public"."${table}" AS "t0"
LEFT JOIN "public"."facility" AS "j1" ON ("j1"."id") = ("t0"."facility_id")
LEFT JOIN LATERAL (SELECT JSONB_BUILD_OBJECT('code', "t2"."code", 'name', "t2"."name") AS "__prisma_data__" FROM "public"."facility" AS "t2"
  WHERE "t0"."facility_id" = "t2"."id" LIMIT $1) AS "${model}_facility" ON true
LEFT JOIN LATERAL (SELECT JSONB_BUILD_OBJECT('id', "t3"."id", 'fullName', "t3"."full_name", 'dateOfBirth', "t3"."date_of_birth", 'sex', "t3"."sex",
  'citizenId', "t3"."citizen_id", 'insuranceCard', "t3"."insurance_card") AS "__prisma_data__" FROM "public"."person" AS "t3"
  WHERE "t0"."person_id" = "t3"."id" LIMIT $2) AS "${model}_person" ON true
WHERE ("t0"."${dateColumn}" >= $3 AND "t0"."${dateColumn}" < $4 AND ("j1"."code" = $5 AND ("j1"."id" IS NOT NULL))${
  scope > 0 ? ` AND "t0"."facility_id" IN (${inList(6, scope)})` : ''
})
ORDER BY "t0"."${dateColumn}" DESC, "t0"."created_at" DESC, "t0"."id" DESC LIMIT $${6 + scope} OFFSET $${7 + scope}`;

const registerCountSql = (
  table: string,
  dateColumn: string,
  scope: number,
) => `SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."${table}"."id"
FROM "public"."${table}" LEFT JOIN "public"."facility" AS "j0" ON ("j0"."id") = ("public"."${table}"."facility_id")
WHERE ("public"."${table}"."${dateColumn}" >= $1 AND "public"."${table}"."${dateColumn}" < $2 AND ("j0"."code" = $3 AND ("j0"."id" IS NOT NULL))${
  scope > 0 ? ` AND "public"."${table}"."facility_id" IN (${inList(4, scope)})` : ''
}) OFFSET $${4 + scope}) AS "sub"`;

/** Identifiers as lists show them (masking.ts in libs/api/clinical-records). */
function mask(value: string | null, keepStart: number, keepEnd: number): string | null {
  if (value === null) return null;
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return `${value.slice(0, keepStart)}${'*'.repeat(value.length - keepStart - keepEnd)}${value.slice(value.length - keepEnd)}`;
}

/** A column value in the API's representation (fromColumn in register-tables.ts); dates come from `pg` as text. */
function fromColumn(field: FieldDefinition, value: unknown): unknown {
  if (value === null || value === undefined) return field.type === 'codes' ? [] : null;
  if (field.type === 'datetime') return (value as Date).toISOString();
  if (field.type === 'decimal') return Number(value);
  return value;
}

interface PersonJson {
  id: string;
  fullName: string;
  dateOfBirth: string;
  sex: string;
  citizenId: string | null;
  insuranceCard: string | null;
}

/** The month's half-open range of days (monthRange in libs/api/clinical-records), as dates. */
const monthBounds = (month: string) => {
  const [year, m] = month.split('-').map(Number);
  return { from: `${month}-01`, to: new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 10) };
};

/** GET /api/v1/clinical-records/{register}?page&pageSize&month&facilityCode: RegisterRecordsService.list. */
export async function registerList(db: Pool, caller: BareCaller, url: URL) {
  const register = url.pathname.split('/').pop() ?? '';
  const spec = REGISTER_LISTS[register];
  if (!spec) return { code: 'NOT_FOUND' };
  const definition = registerDefinition(spec.code);
  const page = Number(url.searchParams.get('page') ?? 1);
  const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
  const { from, to } = monthBounds(url.searchParams.get('month') ?? '');
  const facilityCode = url.searchParams.get('facilityCode');
  const history = await historyOf(db, caller);
  const scope = history === 'all' ? [] : history;
  const [rows, counted] = await Promise.all([
    db.query(registerPageSql(spec.table, spec.model, spec.dateColumn, spec.columns, scope.length), [
      1,
      1,
      from,
      to,
      facilityCode,
      ...scope,
      pageSize,
      (page - 1) * pageSize,
    ]),
    db.query<{ _count$_all: string }>(registerCountSql(spec.table, spec.dateColumn, scope.length), [from, to, facilityCode, ...scope, 0]),
  ]);
  const items = rows.rows.map((row) => {
    const person = row.person as PersonJson | null;
    return {
      register: spec.code,
      id: row.id,
      facility: row.facility,
      person: person
        ? {
            id: person.id,
            fullName: person.fullName,
            dateOfBirth: person.dateOfBirth,
            sex: person.sex,
            maskedCitizenId: mask(person.citizenId, 4, 2),
            maskedInsuranceCard:
              person.insuranceCard === null ? null : mask(person.insuranceCard, person.insuranceCard.length === 15 ? 5 : 3, 2),
          }
        : null,
      ...(definition.episode !== 'none' ? { episodeId: row.episodeId ?? null } : {}),
      ...Object.fromEntries(definition.fields.map((field) => [field.key, fromColumn(field, row[field.key])])),
      source: row.source,
      sourceSystem: row.sourceSystem,
      createdAt: (row.createdAt as Date).toISOString(),
      updatedAt: (row.updatedAt as Date).toISOString(),
    };
  });
  return { items, page, pageSize, total: Number(counted.rows[0]._count$_all) };
}

// ---- Reports ----

interface ReportFacility {
  id: number;
  code: string;
  name: string;
  kind: FacilityKind;
  maternalServices: boolean;
  childServices: boolean;
}

interface ReportRow {
  id: string;
  form: string;
  facilityId: number;
  status: StoredStatus;
  approverId: number;
  values: CellValues;
  firstSentAt: Date;
  sentAt: Date;
  approvedAt: Date | null;
  version: number;
  approver: { id: number; code: string; name: string; kind: FacilityKind };
}
type ReportStateRow = Omit<ReportRow, 'values'>;

type StoredStatus = 'SENT' | 'RECALLED' | 'RETURNED' | 'APPROVED' | 'UNAPPROVAL_REQUESTED';
type WorkflowRole = 'sender' | 'approver';

// reports.repository.ts (libs/api/statistical-reports), as it sends them.
const FACILITY_COLUMNS = `f.id, f.code, f.name, f.kind::text AS kind, f.maternal_services AS "maternalServices", f.child_services AS "childServices"`;

const FACILITY_IN_MONTH = `
      SELECT ${FACILITY_COLUMNS} FROM facility f WHERE f.id = $1::int AND (f.valid_from IS NULL OR f.valid_from <= $2::date) AND (f.valid_to IS NULL OR f.valid_to >= $3::date)`;

const APPROVER_OF = `
      WITH line AS (
  SELECT DISTINCT ON (l.facility_id) l.facility_id, l.reports_to_id
  FROM facility_reporting_line l
  WHERE (l.valid_from IS NULL OR l.valid_from <= $1::date) AND (l.valid_to IS NULL OR l.valid_to >= $2::date)
  ORDER BY l.facility_id, l.valid_from DESC NULLS LAST, l.id DESC)
      SELECT ${FACILITY_COLUMNS} FROM line JOIN facility f ON f.id = line.reports_to_id WHERE line.facility_id = $3::int`;

/** A report's columns, with its cells (the report view) or without (reportsOf: states only). */
const reportColumns = (
  cells: boolean,
) => `SELECT "t0"."id", "t0"."form", "t0"."facility_id" AS "facilityId", "t0"."month", "t0"."status"::text, "t0"."approver_id" AS "approverId",
  ${cells ? '"t0"."values", ' : ''}"t0"."first_sent_at" AS "firstSentAt", "t0"."sent_at" AS "sentAt", "t0"."approved_at" AS "approvedAt", "t0"."version",
  "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "StatisticalReport_facility"."__prisma_data__" AS "facility",
  "StatisticalReport_approver"."__prisma_data__" AS "approver"
FROM "public"."statistical_report" AS "t0"
LEFT JOIN LATERAL (SELECT JSONB_BUILD_OBJECT('id', "t1"."id", 'code', "t1"."code", 'name', "t1"."name", 'kind', "t1"."kind") AS "__prisma_data__"
  FROM "public"."facility" AS "t1" WHERE "t0"."facility_id" = "t1"."id" LIMIT $1) AS "StatisticalReport_facility" ON true
LEFT JOIN LATERAL (SELECT JSONB_BUILD_OBJECT('id', "t2"."id", 'code', "t2"."code", 'name', "t2"."name", 'kind', "t2"."kind") AS "__prisma_data__"
  FROM "public"."facility" AS "t2" WHERE "t0"."approver_id" = "t2"."id" LIMIT $2) AS "StatisticalReport_approver" ON true`;

const FIND_REPORT = `${reportColumns(true)}
WHERE (("t0"."form" = $3 AND "t0"."facility_id" = $4 AND "t0"."month" = $5) AND 1=1) LIMIT $6`;

const reportsOfSql = (count: number) => `${reportColumns(false)}
WHERE ("t0"."facility_id" IN (${inList(3, count)}) AND "t0"."month" = $${3 + count})`;

/** The registers and the column whose date puts a row in a month (withRegisterRows). */
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

const WITH_REGISTER_ROWS = `
      SELECT f.id FROM unnest($1::int[]) AS f(id) WHERE ${REGISTER_DATES.map(
        ([table, column], i) =>
          `EXISTS (SELECT 1 FROM ${table} r WHERE r.facility_id = f.id AND r.${column} BETWEEN $${2 + 2 * i}::date AND $${3 + 2 * i}::date)`,
      ).join(' OR ')}`;

const firstDay = (month: string) => `${month}-01`;
function lastDay(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
/** statistical_report.month: the first day of the month. */
const monthStart = (month: string) => `${month}-01`;

async function facilityInMonth(db: Pool, id: number, month: string): Promise<ReportFacility | null> {
  // Prepared, as the API runs it.
  const rows = await queryPreparedOn<ReportFacility>(db, FACILITY_IN_MONTH, [id, lastDay(month), firstDay(month)]);
  return rows[0] ?? null;
}

async function approverOf(db: Pool, facilityId: number, month: string): Promise<ReportFacility | null> {
  const rows = await queryPreparedOn<ReportFacility>(db, APPROVER_OF, [lastDay(month), firstDay(month), facilityId]);
  return rows[0] ?? null;
}

async function withRegisterRows(db: Pool, ids: number[], month: string): Promise<Set<number>> {
  const bounds = REGISTER_DATES.flatMap(() => [firstDay(month), lastDay(month)]);
  // Prepared, as the API runs it.
  const rows = await queryPreparedOn<{ id: number }>(db, WITH_REGISTER_ROWS, [ids, ...bounds]);
  return new Set(rows.map((row) => row.id));
}

/** Which forms a facility sends in the month (formsDueFor in form-catalogue.ts). */
function formsDueFor(facility: ReportFacility, month: string): ReportFormCode[] {
  return REPORT_FORM_CODES.filter((code) => {
    const { service, rowsFrom, compiledBy } = formVersionOn(code, month).submission;
    if (compiledBy.some((c) => c.level !== 'national' && c.kinds.includes(facility.kind))) return true;
    if (!rowsFrom.includes(facility.kind)) return false;
    return service === 'maternal' ? facility.maternalServices : service === 'child' ? facility.childServices : true;
  });
}

const facilityRef = (f: { id: number; code: string; name: string; kind: FacilityKind }) => ({
  id: f.id,
  code: f.code,
  name: f.name,
  kind: f.kind,
});

/** toReportState (reports.mapper.ts): from the report's row when it was ever sent, otherwise derived. */
function reportState(
  form: ReportFormCode,
  facility: ReturnType<typeof facilityRef>,
  month: string,
  report: ReportStateRow | null,
  approver: ReturnType<typeof facilityRef> | null,
  hasRegisterRows: boolean,
) {
  const level = deadlineLevelOf(facility.kind);
  const deadline = (level ? deadlineOf(level, month) : null) ?? '';
  const stored = report?.status ?? null;
  return {
    id: report?.id ?? null,
    form,
    facility,
    month,
    status: stored === null || stored === 'RECALLED' ? (hasRegisterRows || stored === 'RECALLED' ? 'DRAFT' : 'NOT_STARTED') : stored,
    version: report?.version ?? null,
    deadline,
    approver: report ? facilityRef(report.approver) : approver,
    firstSentAt: report?.firstSentAt.toISOString() ?? null,
    sentAt: report?.sentAt.toISOString() ?? null,
    approvedAt: report?.approvedAt?.toISOString() ?? null,
    onTime: report && deadline ? isOnTime(report.firstSentAt, deadline) : null,
  };
}

/** The workflow's transitions (report-workflow.ts): who makes them, from which stored status. */
const TRANSITIONS: readonly [string, WorkflowRole, readonly (StoredStatus | null)[]][] = [
  ['SENT', 'sender', [null, 'RECALLED', 'RETURNED']],
  ['RECALLED', 'sender', ['SENT']],
  ['RETURNED', 'approver', ['SENT']],
  ['APPROVED', 'approver', ['SENT']],
  ['UNAPPROVAL_REQUESTED', 'sender', ['APPROVED']],
  ['UNAPPROVED', 'approver', ['UNAPPROVAL_REQUESTED']],
];

function flatten(values: CellValues): Record<string, number> {
  const flat: Record<string, number> = {};
  for (const [row, columns] of Object.entries(values))
    for (const [column, value] of Object.entries(columns)) flat[cellKey(row, column)] = value;
  return flat;
}

const facilityNotFound = { code: 'FACILITY_NOT_FOUND' };

/**
 * GET /api/v1/statistical-reports/commune/{facilityId}/{month}: ReportReadingService.get for a
 * report not sent yet (the bench month has none; a sent one would also read its events).
 */
export async function reportView(db: Pool, caller: BareCaller, url: URL) {
  const [form, id, month] = url.pathname.split('/').slice(-3);
  const facilityId = Number(id);
  if (form !== 'commune') return { code: 'NOT_FOUND' };
  const facility = await facilityInMonth(db, facilityId, month);
  if (!facility) return facilityNotFound;
  const report = (await db.query<ReportRow>(FIND_REPORT, [1, 1, form, facilityId, monthStart(month), 1])).rows[0] ?? null;
  if (report) throw new Error('The bench month has a sent report: the bare answer is written for a draft');
  const approver = await approverOf(db, facilityId, month);
  const approverId = approver?.id ?? null;
  // The caller's own facility, or the one it reports to (the subtree of other readers is not needed here).
  const central = CENTRAL_KINDS.includes(caller.facility.kind);
  if (!central && caller.facility.id !== facilityId && caller.facility.id !== approverId) return facilityNotFound;
  if (!formsDueFor(facility, month).includes(form)) return { code: 'FORM_NOT_DUE' };
  const [cells, withRows] = await Promise.all([
    computeCommuneCells(preparedSqlRunnerOf(db), [facilityId], month, { indicators: true }),
    withRegisterRows(db, [facilityId], month),
  ]);
  const state = reportState(form, facilityRef(facility), month, null, approver && facilityRef(approver), withRows.has(facilityId));
  const permissions = new Set(caller.roles.flatMap((role) => role.permissions));
  const roles = new Set<WorkflowRole>();
  if (caller.facility.id === facilityId && permissions.has('reports.send')) roles.add('sender');
  if (approverId !== null && caller.facility.id === approverId && permissions.has('reports.approve')) roles.add('approver');
  const ended = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10) > lastDay(month);
  return {
    ...state,
    draft: flatten(cells.get(facilityId) ?? {}),
    sent: null,
    changedSinceSent: false,
    changes: [],
    returnReason: null,
    unapprovalReason: null,
    actions: TRANSITIONS.filter(([action, role, from]) => roles.has(role) && from.includes(null) && (action !== 'SENT' || ended)).map(
      ([action]) => action,
    ),
    events: [],
  };
}

/** GET /api/v1/statistical-reports/worklist?month: ReportReadingService.worklist, the caller's facility's forms. */
export async function worklist(db: Pool, caller: BareCaller, url: URL) {
  const month = url.searchParams.get('month') ?? '';
  const facility = await facilityInMonth(db, caller.facility.id, month);
  if (!facility) return facilityNotFound;
  const [reports, approver, withRows] = await Promise.all([
    db.query<ReportStateRow>(reportsOfSql(1), [1, 1, facility.id, monthStart(month)]).then((r) => r.rows),
    approverOf(db, facility.id, month),
    withRegisterRows(db, [facility.id], month),
  ]);
  const ref = facilityRef(facility);
  const approverRef = approver && facilityRef(approver);
  return {
    month,
    facility: ref,
    items: formsDueFor(facility, month).map((form) =>
      reportState(form, ref, month, reports.find((r) => r.form === form) ?? null, approverRef, withRows.has(facility.id)),
    ),
  };
}
