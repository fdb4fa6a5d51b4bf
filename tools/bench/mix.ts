import type { Pool } from 'pg';
import { registerList, reportView, worklist } from './mix-month-end';

/**
 * The request mix of the load benchmark (load.ts): what officers and approvers do at month end.
 * Each row is one kind of request, measured through the API and through the bare server
 * (bare-server.ts), which answers the same request with the same SQL and nothing else.
 *
 * Adding a kind: add a row with the path the console calls, and a `bare` answer that runs the
 * statements the API runs for it. Get them with `BENCH_CAPTURE_ONLY=true npm run bench:load`, which
 * prints each row's statements as the API runs them (LOG_QUERIES=true); the benchmark warns when the
 * counts of the two servers differ, and when their answers to a row differ. The month-end rows
 * (register list, report view, worklist) are answered in mix-month-end.ts, over the month of the
 * officer's station that load.ts fills first (station-month.ts).
 */
export interface MixRow {
  kind: string;
  /** Whose session calls it. */
  as: Role;
  /** Path and query string, as the console calls it. */
  path: string;
  /** When each request differs (a search typed anew): the path of the n-th one; `path` is an example. */
  vary?: (n: number) => string;
  /** The same answer from the bare server: the API's statements for this request, and the mapping to JSON. */
  bare(db: Pool, caller: BareCaller, url: URL): Promise<unknown>;
  /** Statements `bare` runs per request, compared with the API's in the capture step. */
  bareStatements: number;
}

export type Role = 'officer' | 'approver';

/** The demonstration accounts that play the roles (prisma/seed/accounts-seed.ts). */
export const ACCOUNTS: Readonly<Record<Role, string>> = {
  officer: 'tyt.muongnhe',
  approver: 'cdc.dienbien',
};

/** What the bare server knows about a caller once its token is resolved (its own one-statement lookup). */
export interface BareCaller {
  userId: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  facility: { id: number; code: string; name: string; kind: string };
  roles: { code: string; name: string; permissions: string[] }[];
  totpEnabled: boolean;
}

/** Today in Vietnam (UTC+7), the default day of the org-unit lists. */
export const todayInVietnam = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

const FACILITY_LEVEL: Record<string, string> = {
  MCH_DEPARTMENT: 'central',
  NCHI: 'central',
  DEPARTMENT_OF_HEALTH: 'province',
  CDC: 'province',
  PROVINCIAL_FACILITY: 'province',
  DISTRICT_HEALTH_CENTER: 'district',
  DISTRICT_FACILITY: 'district',
  COMMUNE_HEALTH_STATION: 'commune',
};

const day = (value: Date | string | null) => (value ? new Date(value).toISOString().slice(0, 10) : null);

// The admin-unit page as Prisma runs it with relation joins: the parent's code and the count of
// children in force, joined laterally.
const ADMIN_UNIT_PAGE = `SELECT "t0"."id", "t0"."key", "t0"."code", "t0"."level"::text, "t0"."name", "t0"."name_folded" AS "nameFolded", "t0"."type",
  "t0"."parent_id" AS "parentId", "t0"."valid_from" AS "validFrom", "t0"."valid_to" AS "validTo", "t0"."created_at" AS "createdAt",
  "t0"."updated_at" AS "updatedAt", "AdminUnit_parent"."__prisma_data__" AS "parent",
  JSONB_BUILD_OBJECT('children', COALESCE("t2"."_aggr_count_children", 0)) AS "_count"
FROM "public"."admin_unit" AS "t0"
LEFT JOIN LATERAL (SELECT JSONB_BUILD_OBJECT('code', "t1"."code") AS "__prisma_data__" FROM "public"."admin_unit" AS "t1"
  WHERE "t0"."parent_id" = "t1"."id" LIMIT $1) AS "AdminUnit_parent" ON true
LEFT JOIN LATERAL (SELECT COUNT(*) AS "_aggr_count_children" FROM "public"."admin_unit" AS "t3"
  WHERE ("t0"."id" = "t3"."parent_id" AND (("t3"."valid_from" IS NULL OR "t3"."valid_from" <= $2) AND ("t3"."valid_to" IS NULL OR "t3"."valid_to" >= $3)))) AS "t2" ON true`;

// A term with a digit may be a code: the API then matches names or the start of the code; a term
// without one matches names only (admin-units.repository.ts), which the trigram index answers.
const ADMIN_UNIT_SEARCH = `${ADMIN_UNIT_PAGE}
WHERE (("t0"."valid_from" IS NULL OR "t0"."valid_from" <= $4) AND ("t0"."valid_to" IS NULL OR "t0"."valid_to" >= $5)
  AND ("t0"."name_folded"::text LIKE $6 OR "t0"."code"::text LIKE $7))
ORDER BY "t0"."level" ASC, "t0"."code" ASC LIMIT $8 OFFSET $9`;

const ADMIN_UNIT_NAME_SEARCH = `${ADMIN_UNIT_PAGE}
WHERE (("t0"."valid_from" IS NULL OR "t0"."valid_from" <= $4) AND ("t0"."valid_to" IS NULL OR "t0"."valid_to" >= $5)
  AND "t0"."name_folded"::text LIKE $6)
ORDER BY "t0"."level" ASC, "t0"."code" ASC LIMIT $7 OFFSET $8`;

const ADMIN_UNIT_SEARCH_COUNT = `SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."admin_unit"."id" FROM "public"."admin_unit"
WHERE (("public"."admin_unit"."valid_from" IS NULL OR "public"."admin_unit"."valid_from" <= $1)
  AND ("public"."admin_unit"."valid_to" IS NULL OR "public"."admin_unit"."valid_to" >= $2)
  AND ("public"."admin_unit"."name_folded"::text LIKE $3 OR "public"."admin_unit"."code"::text LIKE $4)) OFFSET $5) AS "sub"`;

const ADMIN_UNIT_NAME_SEARCH_COUNT = `SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."admin_unit"."id" FROM "public"."admin_unit"
WHERE (("public"."admin_unit"."valid_from" IS NULL OR "public"."admin_unit"."valid_from" <= $1)
  AND ("public"."admin_unit"."valid_to" IS NULL OR "public"."admin_unit"."valid_to" >= $2)
  AND "public"."admin_unit"."name_folded"::text LIKE $3) OFFSET $4) AS "sub"`;

const ADMIN_UNIT_BY_CODE = `${ADMIN_UNIT_PAGE}
WHERE ("t0"."code" = $4 AND ("t0"."valid_from" IS NULL OR "t0"."valid_from" <= $5) AND ("t0"."valid_to" IS NULL OR "t0"."valid_to" >= $6))
ORDER BY "t0"."level" ASC LIMIT $7`;

// Facilities located in a unit or below it, with their unit and the facility they report to.
const FACILITY_PAGE = `SELECT "t0"."id", "t0"."code", "t0"."name", "t0"."kind"::text, "t0"."valid_from" AS "validFrom", "t0"."valid_to" AS "validTo",
  "t0"."admin_unit_id" AS "adminUnitId", "Facility_adminUnit"."__prisma_data__" AS "adminUnit", "Facility_reportingUp"."__prisma_data__" AS "reportingUp"
FROM "public"."facility" AS "t0"
LEFT JOIN "public"."admin_unit" AS "j1" ON ("j1"."id") = ("t0"."admin_unit_id")
LEFT JOIN "public"."admin_unit" AS "j2" ON ("j2"."id") = ("j1"."parent_id")
LEFT JOIN LATERAL (SELECT JSONB_BUILD_OBJECT('code', "t3"."code", 'name', "t3"."name", 'level', "t3"."level") AS "__prisma_data__"
  FROM "public"."admin_unit" AS "t3" WHERE "t0"."admin_unit_id" = "t3"."id" LIMIT $1) AS "Facility_adminUnit" ON true
LEFT JOIN LATERAL (SELECT COALESCE(JSONB_AGG("__prisma_data__"), '[]') AS "__prisma_data__" FROM (SELECT "t6"."__prisma_data__" FROM (
  SELECT JSONB_BUILD_OBJECT('reportsToId', "t5"."reports_to_id", 'reportsTo', "FacilityReportingLine_reportsTo"."__prisma_data__") AS "__prisma_data__",
    "t5"."id", "t5"."valid_from", "t5"."valid_to", "t5"."reports_to_id"
  FROM (SELECT "t4".* FROM "public"."facility_reporting_line" AS "t4" WHERE "t0"."id" = "t4"."facility_id") AS "t5"
  LEFT JOIN LATERAL (SELECT JSONB_BUILD_OBJECT('code', "t8"."code", 'name', "t8"."name", 'kind', "t8"."kind") AS "__prisma_data__"
    FROM "public"."facility" AS "t8" WHERE "t5"."reports_to_id" = "t8"."id" LIMIT $2) AS "FacilityReportingLine_reportsTo" ON true) AS "t6"
  WHERE (("t6"."valid_from" IS NULL OR "t6"."valid_from" <= $3) AND ("t6"."valid_to" IS NULL OR "t6"."valid_to" >= $4))
  ORDER BY "t6"."id" ASC LIMIT $5) AS "t7") AS "Facility_reportingUp" ON true
WHERE (("t0"."valid_from" IS NULL OR "t0"."valid_from" <= $6) AND ("t0"."valid_to" IS NULL OR "t0"."valid_to" >= $7)
  AND (("j1"."id" = $8 OR "j1"."parent_id" = $9 OR ("j2"."parent_id" = $10 AND ("j2"."id" IS NOT NULL))) AND ("j1"."id" IS NOT NULL)))
ORDER BY "t0"."kind" ASC, "t0"."code" ASC LIMIT $11 OFFSET $12`;

const FACILITY_COUNT = `SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."facility"."id" FROM "public"."facility"
LEFT JOIN "public"."admin_unit" AS "j0" ON ("j0"."id") = ("public"."facility"."admin_unit_id")
LEFT JOIN "public"."admin_unit" AS "j1" ON ("j1"."id") = ("j0"."parent_id")
WHERE (("public"."facility"."valid_from" IS NULL OR "public"."facility"."valid_from" <= $1) AND ("public"."facility"."valid_to" IS NULL OR "public"."facility"."valid_to" >= $2)
  AND (("j0"."id" = $3 OR "j0"."parent_id" = $4 OR ("j1"."parent_id" = $5 AND ("j1"."id" IS NOT NULL))) AND ("j0"."id" IS NOT NULL))) OFFSET $6) AS "sub"`;

interface AdminUnitRow {
  code: string;
  name: string;
  level: string;
  type: string;
  validFrom: Date | null;
  validTo: Date | null;
  parent: { code: string } | null;
  _count: { children: number };
}

const toAdminUnit = (row: AdminUnitRow) => ({
  code: row.code,
  name: row.name,
  level: row.level,
  type: row.type,
  parentCode: row.parent?.code ?? null,
  validFrom: day(row.validFrom),
  validTo: day(row.validTo),
  childCount: row._count.children,
});

const page = (url: URL) => {
  const number = Number(url.searchParams.get('page') ?? 1);
  const size = Number(url.searchParams.get('pageSize') ?? 50);
  return { number, size, skip: (number - 1) * size };
};

/** Total of a list: known from the page itself unless the page is full (as findPage() in libs/api/core does). */
async function totalOf(rows: number, skip: number, take: number, count: () => Promise<number>): Promise<number> {
  return rows > 0 && rows < take ? skip + rows : rows === 0 && skip === 0 ? 0 : count();
}

async function searchUnits(db: Pool, url: URL) {
  const today = todayInVietnam();
  const q = (url.searchParams.get('q') ?? '').toLowerCase();
  const { number, size, skip } = page(url);
  const maybeCode = /\d/.test(q);
  const { rows } = maybeCode
    ? await db.query<AdminUnitRow>(ADMIN_UNIT_SEARCH, [1, today, today, today, today, `%${q}%`, `${q}%`, size, skip])
    : await db.query<AdminUnitRow>(ADMIN_UNIT_NAME_SEARCH, [1, today, today, today, today, `%${q}%`, size, skip]);
  const total = await totalOf(rows.length, skip, size, async () => {
    const counted = maybeCode
      ? await db.query<{ _count$_all: string }>(ADMIN_UNIT_SEARCH_COUNT, [today, today, `%${q}%`, `${q}%`, 0])
      : await db.query<{ _count$_all: string }>(ADMIN_UNIT_NAME_SEARCH_COUNT, [today, today, `%${q}%`, 0]);
    return Number(counted.rows[0]._count$_all);
  });
  return { items: rows.map(toAdminUnit), page: number, pageSize: size, total };
}

/** A search term as typed: a syllable of unit names and the start of another; thousands of different ones. */
const SYLLABLES = [
  'nam',
  'bac',
  'tan',
  'son',
  'phu',
  'hoa',
  'muong',
  'na',
  'pa',
  'thanh',
  'long',
  'binh',
  'an',
  'dong',
  'tay',
  'xuan',
  'ha',
  'lai',
  'chau',
  'sin',
  'ho',
  'quang',
  'phong',
  'tho',
  'muong',
];
const LETTERS = 'abcdeghiklmnopqrstuvxy';
function searchTerm(n: number): string {
  const syllable = SYLLABLES[n % SYLLABLES.length];
  const next = Math.floor(n / SYLLABLES.length);
  return `${syllable} ${LETTERS[next % LETTERS.length]}${LETTERS[Math.floor(next / LETTERS.length) % LETTERS.length]}`;
}

/** What the rows of a run are asked about: the month and the officer's station (load.ts fills it with a month of rows). */
export interface MixContext {
  /** YYYY-MM: the month officers report at month end (the one before today's). */
  month: string;
  /** The officer's station. */
  station: { id: number; code: string };
}

/** The month before today's in Vietnam, or BENCH_MONTH. */
export function benchMonth(): string {
  const override = process.env['BENCH_MONTH'];
  if (override) return override;
  const [year, month] = todayInVietnam().split('-').map(Number);
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
}

/** The rows of the mix for a context. */
export function mixOf(context: MixContext): readonly MixRow[] {
  const { month, station } = context;
  return [
    {
      kind: 'org search',
      as: 'officer',
      path: '/api/v1/admin-units?q=muong&page=1&pageSize=50',
      bareStatements: 2,
      bare: (db, _caller, url) => searchUnits(db, url),
    },
    {
      // Every request a search never asked before: no plan of the API's can be reused.
      kind: 'org search, new terms',
      as: 'officer',
      path: '/api/v1/admin-units?q=nam%20t&page=1&pageSize=50',
      vary: (n) => `/api/v1/admin-units?q=${encodeURIComponent(searchTerm(n))}&page=1&pageSize=50`,
      bareStatements: 1,
      bare: (db, caller, url) => searchUnits(db, url),
    },
    {
      kind: 'own profile',
      as: 'officer',
      path: '/api/v1/auth/me',
      bareStatements: 0,
      async bare(_db, caller) {
        return {
          id: caller.userId,
          username: caller.username,
          fullName: caller.fullName,
          email: caller.email,
          phone: caller.phone,
          facility: {
            code: caller.facility.code,
            name: caller.facility.name,
            kind: caller.facility.kind,
            level: FACILITY_LEVEL[caller.facility.kind],
          },
          roles: caller.roles.map((r) => ({ code: r.code, name: r.name })),
          permissions: [...new Set(caller.roles.flatMap((r) => r.permissions))].sort(),
          pending: null,
          passwordExpiresAt: null,
          totpEnabled: caller.totpEnabled,
          idleTimeoutSeconds: 1800,
        };
      },
    },
    {
      kind: 'facility list',
      as: 'approver',
      path: '/api/v1/facilities?parent=11&page=1&pageSize=50',
      bareStatements: 2,
      async bare(db, _caller, url) {
        const today = todayInVietnam();
        const { number, size, skip } = page(url);
        const unit = await db.query<{ id: number }>(ADMIN_UNIT_BY_CODE, [1, today, today, url.searchParams.get('parent'), today, today, 1]);
        const unitId = unit.rows[0]?.id;
        if (unitId === undefined) return { code: 'ADMIN_UNIT_NOT_FOUND' };
        const { rows } = await db.query(FACILITY_PAGE, [1, 1, today, today, 1, today, today, unitId, unitId, unitId, size, skip]);
        const total = await totalOf(rows.length, skip, size, async () => {
          const counted = await db.query<{ _count$_all: string }>(FACILITY_COUNT, [today, today, unitId, unitId, unitId, 0]);
          return Number(counted.rows[0]._count$_all);
        });
        const items = rows.map((row) => {
          const reportsTo = row.reportingUp[0]?.reportsTo;
          return {
            code: row.code,
            name: row.name,
            kind: row.kind,
            level: FACILITY_LEVEL[row.kind],
            adminUnit: row.adminUnit,
            reportsTo: reportsTo ? { ...reportsTo, level: FACILITY_LEVEL[reportsTo.kind] } : null,
            validFrom: day(row.validFrom),
            validTo: day(row.validTo),
          };
        });
        return { items, page: number, pageSize: size, total };
      },
    },
    {
      // The ANC register of the officer's station for the month, first page, as the console opens it
      // (register-list-page.ts: 20 rows, month and facility filters).
      kind: 'register list',
      as: 'officer',
      path: `/api/v1/clinical-records/anc-visits?page=1&pageSize=20&month=${month}&facilityCode=${encodeURIComponent(station.code)}`,
      bareStatements: 2,
      bare: registerList,
    },
    {
      // The station's commune report of the month, not sent yet: the draft computed from the
      // registers (11 statements), the facility, the report, the approver and whether the month has rows.
      // The bare server computes the draft every time; the API serves the draft it keeps while no
      // report input changed (DraftCache: one statement instead of 11, so its count differs), or
      // computes it again after each change of one (BENCH_INPUT_WRITES measures that).
      kind: 'report view',
      as: 'officer',
      path: `/api/v1/statistical-reports/commune/${station.id}/${month}`,
      bareStatements: 15,
      bare: reportView,
    },
    {
      // "My reports" of the province CDC for the month: the forms it compiles, their status and deadline.
      kind: 'worklist',
      as: 'approver',
      path: `/api/v1/statistical-reports/worklist?month=${month}`,
      bareStatements: 4,
      bare: worklist,
    },
  ];
}
