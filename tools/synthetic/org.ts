import { Client } from 'pg';

/**
 * The slice of the seeded org hierarchy the generator needs: every pilot commune as it was before
 * the 2025 reform, with its station, district health centre and provincial CDC, and the commune
 * that succeeded it on 2025-07-01 with that commune's station and provincial CDC.
 */
export interface FacilityRef {
  id: number;
  code: string;
  kind: string;
}

export interface PilotCommune {
  /** admin_unit id of the pre-reform commune version (valid until 2025-06-30). */
  unitId: number;
  code: string;
  name: string;
  /** Xã, Phường, Thị trấn. */
  type: string;
  districtCode: string;
  districtName: string;
  provinceCode: string;
  provinceName: string;
  station: FacilityRef;
  districtCentre: FacilityRef | null;
  provinceCdc: FacilityRef | null;
  /** The commune (admin_unit version from 2025-07-01) that took in this commune or most of it. */
  successor: {
    unitId: number;
    code: string;
    name: string;
    provinceCode: string;
    station: FacilityRef | null;
    provinceCdc: FacilityRef | null;
  } | null;
}

export interface OrgContext {
  communes: PilotCommune[];
  /** The day the post-reform units start (admin_unit.valid_from of the successors), e.g. 2025-07-01. */
  reformDate: string;
}

interface CommuneRow {
  unit_id: number;
  code: string;
  name: string;
  type: string;
  district_id: number;
  district_code: string;
  district_name: string;
  province_id: number;
  province_code: string;
  province_name: string;
}

interface FacilityRow {
  id: number;
  code: string;
  kind: string;
  admin_unit_id: number;
  valid_to: string | null;
}

interface SuccessorRow {
  predecessor_id: number;
  successor_id: number;
  kind: 'full' | 'partial';
  code: string;
  name: string;
  valid_from: string;
  province_id: number;
  province_code: string;
}

/**
 * Reads the pilot communes: pre-reform commune versions that have a commune health station, in the
 * pre-reform provinces `provinces` (all of them when empty). Sorted by code, so runs are repeatable.
 */
export async function loadOrgContext(client: Client, provinces: readonly string[] = []): Promise<OrgContext> {
  // A freshly seeded database has no statistics yet, and the planner then joins these tables badly.
  await client.query('ANALYZE admin_unit, admin_unit_lineage, facility');
  const communes = await client.query<CommuneRow>(
    `SELECT c.id AS unit_id, c.code, c.name, c.type, d.id AS district_id, d.code AS district_code, d.name AS district_name,
            p.id AS province_id, p.code AS province_code, p.name AS province_name
       FROM admin_unit c
       JOIN admin_unit d ON d.id = c.parent_id AND d.level = 'district'
       JOIN admin_unit p ON p.id = d.parent_id AND p.level = 'province'
      WHERE c.level = 'commune' AND c.valid_from IS NULL
        AND EXISTS (SELECT 1 FROM facility f WHERE f.admin_unit_id = c.id AND f.kind = 'COMMUNE_HEALTH_STATION')
        AND (cardinality($1::text[]) = 0 OR p.code = ANY($1::text[]))
      ORDER BY c.code`,
    [provinces],
  );
  if (communes.rows.length === 0) {
    throw new Error(
      provinces.length > 0
        ? `No pilot commune in provinces ${provinces.join(', ')}: use pre-reform province codes (10, 11, 12, 14, 62, 64, 67)`
        : 'No pilot commune found: migrate and seed the database first (npm run db:migrate && npm run db:seed)',
    );
  }
  const facilities = await client.query<FacilityRow>(
    `SELECT id, code, kind::text AS kind, admin_unit_id, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
       FROM facility WHERE kind IN ('COMMUNE_HEALTH_STATION', 'DISTRICT_HEALTH_CENTER', 'CDC') AND admin_unit_id IS NOT NULL
      ORDER BY id`,
  );
  const byUnit = new Map<string, FacilityRow>();
  for (const f of facilities.rows) byUnit.set(`${f.kind}|${f.admin_unit_id}`, f);
  const ref = (kind: string, unitId: number): FacilityRef | null => {
    const f = byUnit.get(`${kind}|${unitId}`);
    return f ? { id: f.id, code: f.code, kind: f.kind } : null;
  };

  const successors = await client.query<SuccessorRow>(
    `SELECT l.predecessor_id, l.successor_id, l.kind::text AS kind, s.code, s.name, to_char(s.valid_from, 'YYYY-MM-DD') AS valid_from,
            p.id AS province_id, p.code AS province_code
       FROM admin_unit_lineage l
       JOIN admin_unit s ON s.id = l.successor_id AND s.level = 'commune'
       JOIN admin_unit p ON p.id = s.parent_id
      WHERE l.predecessor_id = ANY($1::int[])
      ORDER BY l.predecessor_id, (l.kind = 'full') DESC, s.code`,
    [communes.rows.map((c) => c.unit_id)],
  );
  // Where a commune was split, its residents follow the first successor: the full one if any, else the lowest code.
  const successorOf = new Map<number, SuccessorRow>();
  for (const s of successors.rows) if (!successorOf.has(s.predecessor_id)) successorOf.set(s.predecessor_id, s);

  let reformDate = '2025-07-01';
  const result: PilotCommune[] = [];
  for (const c of communes.rows) {
    const station = ref('COMMUNE_HEALTH_STATION', c.unit_id);
    if (!station) continue;
    const s = successorOf.get(c.unit_id);
    if (s) reformDate = s.valid_from;
    result.push({
      unitId: c.unit_id,
      code: c.code,
      name: c.name,
      type: c.type,
      districtCode: c.district_code,
      districtName: c.district_name,
      provinceCode: c.province_code,
      provinceName: c.province_name,
      station,
      districtCentre: ref('DISTRICT_HEALTH_CENTER', c.district_id),
      provinceCdc: ref('CDC', c.province_id),
      successor: s
        ? {
            unitId: s.successor_id,
            code: s.code,
            name: s.name,
            provinceCode: s.province_code,
            station: ref('COMMUNE_HEALTH_STATION', s.successor_id),
            provinceCdc: ref('CDC', s.province_id),
          }
        : null,
    });
  }
  return { communes: result, reformDate };
}
