import { FacilityKind, FacilityOwnership } from '@skss/domain';
import { monthBounds, SqlParams } from '../computation/sql-fragments';
import { SqlRunner } from '../computation/sql-runner';

/** A facility of an aggregating unit's reporting tree in one month. */
export interface TreeUnit {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: FacilityKind;
  readonly ownership: FacilityOwnership;
  readonly maternalServices: boolean;
  readonly childServices: boolean;
  /** The facility it reported to that month (null for the root). */
  readonly parentId: number | null;
  /** The Department of Health (province) and district health centre its line passes through, itself included. */
  readonly province: { readonly id: number; readonly code: string; readonly name: string } | null;
  readonly districtId: number | null;
}

interface TreeRow {
  id: number;
  code: string;
  name: string;
  kind: FacilityKind;
  ownership: FacilityOwnership;
  maternal_services: boolean;
  child_services: boolean;
  parent_id: number | null;
  province_id: number | null;
  province_code: string | null;
  province_name: string | null;
  district_id: number | null;
}

/** The kinds that open a province's and a district's part of the tree. */
const PROVINCE_KIND: FacilityKind = 'DEPARTMENT_OF_HEALTH';
const DISTRICT_KIND: FacilityKind = 'DISTRICT_HEALTH_CENTER';

/**
 * The root and every facility whose reporting line led to it in `month`, as the org tree was in
 * that month (report-rules §4: June 2025 over the pre-reform units, July 2025 over the merged
 * ones). A facility's line of a month is, among its lines in force at some time during the month,
 * the latest-starting one (as the report workflow reads it: a facility whose line changed
 * mid-month reports along the new one); only facilities in force during the month are in the tree.
 */
export async function loadUnitTree(db: SqlRunner, rootId: number, month: string): Promise<TreeUnit[]> {
  const { first, last } = monthBounds(month);
  const p = new SqlParams();
  const [root, from, to, province, district] = [
    p.add(rootId, 'int'),
    p.add(first, 'date'),
    p.add(last, 'date'),
    p.add(PROVINCE_KIND, 'text'),
    p.add(DISTRICT_KIND, 'text'),
  ];
  const inForce = (alias: string) =>
    `(${alias}.valid_from IS NULL OR ${alias}.valid_from <= ${to}) AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= ${from})`;
  const rows = await db.query<TreeRow>(
    `WITH RECURSIVE line AS (
  SELECT DISTINCT ON (l.facility_id) l.facility_id, l.reports_to_id
    FROM facility_reporting_line l
   WHERE ${inForce('l')}
   ORDER BY l.facility_id, l.valid_from DESC NULLS LAST, l.id DESC
),
tree(id, parent_id, province_id, district_id, depth) AS (
  SELECT f.id, NULL::int, CASE WHEN f.kind::text = ${province} THEN f.id END, CASE WHEN f.kind::text = ${district} THEN f.id END, 0
    FROM facility f WHERE f.id = ${root}
  UNION ALL
  SELECT c.id, t.id, COALESCE(t.province_id, CASE WHEN c.kind::text = ${province} THEN c.id END),
         COALESCE(t.district_id, CASE WHEN c.kind::text = ${district} THEN c.id END), t.depth + 1
    FROM tree t
    JOIN line ON line.reports_to_id = t.id
    JOIN facility c ON c.id = line.facility_id
   WHERE ${inForce('c')} AND t.depth < 10
)
SELECT t.id, f.code, f.name, f.kind::text AS kind, f.ownership::text AS ownership, f.maternal_services, f.child_services,
       t.parent_id, t.province_id, pf.code AS province_code, pf.name AS province_name, t.district_id
  FROM tree t
  JOIN facility f ON f.id = t.id
  LEFT JOIN facility pf ON pf.id = t.province_id
 ORDER BY t.depth, f.code`,
    p.values,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    name: r.name,
    kind: r.kind,
    ownership: r.ownership,
    maternalServices: r.maternal_services,
    childServices: r.child_services,
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    province: r.province_id === null ? null : { id: Number(r.province_id), code: r.province_code ?? '', name: r.province_name ?? '' },
    districtId: r.district_id === null ? null : Number(r.district_id),
  }));
}

/** A facility as the aggregation names it. */
export interface FacilityInfo {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: FacilityKind;
  readonly ownership: FacilityOwnership;
}

/** The facility, when it was in force at some time between the first day of `from` and the last day of `to` (months). */
export async function loadFacility(db: SqlRunner, id: number, from: string, to: string): Promise<FacilityInfo | null> {
  const rows = await db.query<FacilityInfo>(
    `SELECT f.id, f.code, f.name, f.kind::text AS kind, f.ownership::text AS ownership FROM facility f
      WHERE f.id = $1::int AND (f.valid_from IS NULL OR f.valid_from <= $3::date) AND (f.valid_to IS NULL OR f.valid_to >= $2::date)`,
    [id, monthBounds(from).first, monthBounds(to).last],
  );
  return rows[0] ? { ...rows[0], id: Number(rows[0].id) } : null;
}

/** The facilities of a kind in force at some time during the month (the MCH Department for national views). */
export async function facilitiesOfKind(db: SqlRunner, kind: FacilityKind, month: string): Promise<FacilityInfo[]> {
  const { first, last } = monthBounds(month);
  const rows = await db.query<FacilityInfo>(
    `SELECT f.id, f.code, f.name, f.kind::text AS kind, f.ownership::text AS ownership FROM facility f
      WHERE f.kind::text = $1::text AND (f.valid_from IS NULL OR f.valid_from <= $3::date) AND (f.valid_to IS NULL OR f.valid_to >= $2::date)
      ORDER BY f.code`,
    [kind, first, last],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
