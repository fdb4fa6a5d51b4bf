import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ReportingRule } from '@skss/domain';
import { seedDefaultRoles, seedDemoAccounts } from './accounts-seed';
import { seedCatalogs } from './catalogs-seed';
import { parseSimpleCsv } from './csv';
import { LineageRow, OrgSeedPlan, PilotConfig, planOrgSeed, UnitRow } from './org-seed-plan';

/** Bump when the planning code changes in a way that must re-apply an unchanged data set. */
const PLAN_VERSION = 'org-2026-11-27';
const SEED_NAME = 'org-hierarchy';
const SEED_DIR = __dirname;

export interface SeedResult {
  applied: boolean;
  units: number;
  lineage: number;
  unmatchedLineage: number;
  facilities: number;
  lines: number;
  /** Catalogs written (0 when their data was already applied). */
  catalogs: number;
  /** Catalog items left out because their code does not fit the column (see catalogs-seed.ts). */
  skippedCatalogItems: string[];
}

/**
 * Loads the org hierarchy (admin units before and after 2025-07-01, lineage, pilot facilities
 * and their reporting lines), then the catalogs (catalogs-seed.ts). Idempotent: each part skips
 * when the same data set was already applied, otherwise upserts by natural keys in one transaction.
 */
export async function seedReferenceData(databaseUrl: string, options: { force?: boolean; demo?: boolean } = {}): Promise<SeedResult> {
  const files = ['units-until-2025-06-30.csv', 'units-from-2025-07-01.csv', 'lineage-2025-07-01.csv'].map((f) =>
    readFileSync(join(SEED_DIR, 'data', f), 'utf8'),
  );
  const rulesText = readFileSync(join(SEED_DIR, 'reporting-rules.json'), 'utf8');
  const pilotText = readFileSync(join(SEED_DIR, 'pilot.json'), 'utf8');
  const checksum = createHash('sha256')
    .update([PLAN_VERSION, ...files, rulesText, pilotText].join('\u0000'))
    .digest('hex');

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const previous = await client.query<{ checksum: string }>('SELECT checksum FROM seed_run WHERE name = $1', [SEED_NAME]);
    const rules = (JSON.parse(rulesText) as { rules: (ReportingRule & { note?: string })[] }).rules;
    if (!options.force && previous.rows[0]?.checksum === checksum) {
      const catalogs = await seedCatalogs(client, false);
      await seedAccounts(client, options.demo ?? false);
      return {
        applied: catalogs.catalogs > 0,
        units: 0,
        lineage: 0,
        unmatchedLineage: 0,
        facilities: 0,
        lines: 0,
        catalogs: catalogs.catalogs,
        skippedCatalogItems: catalogs.skippedItems,
      };
    }
    const plan = planOrgSeed(
      parseSimpleCsv<UnitRow>(files[0]),
      parseSimpleCsv<UnitRow>(files[1]),
      parseSimpleCsv<LineageRow>(files[2]),
      JSON.parse(pilotText) as PilotConfig,
      rules,
    );
    await client.query('BEGIN');
    await writePlan(client, plan, rules);
    await client.query(
      `INSERT INTO seed_run (name, checksum) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()`,
      [SEED_NAME, checksum],
    );
    await client.query('COMMIT');
    const catalogs = await seedCatalogs(client, options.force ?? false);
    await seedAccounts(client, options.demo ?? false);
    return {
      applied: true,
      units: plan.units.length,
      lineage: plan.lineage.length,
      unmatchedLineage: plan.unmatchedLineage.length,
      facilities: plan.facilities.length,
      lines: plan.lines.length,
      catalogs: catalogs.catalogs,
      skippedCatalogItems: catalogs.skippedItems,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function seedAccounts(client: Client, demo: boolean): Promise<void> {
  await seedDefaultRoles(client);
  if (demo) await seedDemoAccounts(client);
}

async function writePlan(client: Client, plan: OrgSeedPlan, rules: (ReportingRule & { note?: string })[]): Promise<void> {
  const { units, lineage, facilities, lines } = plan;
  await client.query(
    `INSERT INTO admin_unit (key, code, level, name, name_folded, type, valid_from, valid_to, updated_at)
     SELECT u.key, u.code, u.level::admin_level, u.name, u.folded, u.type, u.valid_from::date, u.valid_to::date, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       AS u(key, code, level, name, folded, type, valid_from, valid_to)
     ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, name_folded = EXCLUDED.name_folded, type = EXCLUDED.type,
       valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, updated_at = now()`,
    columns(units, ['key', 'code', 'level', 'name', 'nameFolded', 'type', 'validFrom', 'validTo']),
  );
  await client.query(
    `UPDATE admin_unit c SET parent_id = p.id
     FROM unnest($1::text[], $2::text[]) AS x(child, parent) LEFT JOIN admin_unit p ON p.key = x.parent
     WHERE c.key = x.child AND c.parent_id IS DISTINCT FROM p.id`,
    columns(units, ['key', 'parentKey']),
  );

  await client.query('DELETE FROM admin_unit_lineage');
  await client.query(
    `INSERT INTO admin_unit_lineage (predecessor_id, successor_id, kind, effective_on)
     SELECT p.id, s.id, x.kind::lineage_kind, DATE '2025-07-01'
     FROM unnest($1::text[], $2::text[], $3::text[]) AS x(pred, succ, kind)
     JOIN admin_unit p ON p.key = x.pred JOIN admin_unit s ON s.key = x.succ
     ON CONFLICT DO NOTHING`,
    columns(lineage, ['predecessorKey', 'successorKey', 'kind']),
  );

  await client.query('DELETE FROM reporting_rule');
  await client.query(
    `INSERT INTO reporting_rule (facility_kind, reports_to_kind, within_level, valid_from, valid_to, note)
     SELECT x.kind::facility_kind, x.to_kind::facility_kind, x.within::admin_level, x.valid_from::date, x.valid_to::date, x.note
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(kind, to_kind, within, valid_from, valid_to, note)`,
    columns(rules, ['facilityKind', 'reportsToKind', 'withinLevel', 'validFrom', 'validTo', 'note']),
  );

  // A seeded facility an administrator changed through the API (its row or its reporting lines;
  // the audit trail says who) is theirs from then on: the seed neither rewrites it nor its lines.
  const owned = await client.query<{ code: string }>(
    `SELECT DISTINCT f.code FROM facility f
     JOIN audit_event a ON a.actor_user_id IS NOT NULL AND (
          (a.entity_type = 'Facility' AND a.entity_id = f.id::text)
       OR (a.entity_type = 'FacilityReportingLine'
           AND (a.after ->> 'facilityId' = f.id::text OR a.before ->> 'facilityId' = f.id::text)))
     WHERE f.code = ANY($1::text[])`,
    [facilities.map((f) => f.code)],
  );
  const administered = new Set(owned.rows.map((r) => r.code));
  const seedOwned = facilities.filter((f) => !administered.has(f.code));

  await client.query(
    `INSERT INTO facility (code, name, name_folded, kind, admin_unit_id, valid_from, valid_to, updated_at)
     SELECT x.code, x.name, x.folded, x.kind::facility_kind, u.id, x.valid_from::date, x.valid_to::date, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(code, name, folded, kind, unit_key, valid_from, valid_to)
     LEFT JOIN admin_unit u ON u.key = x.unit_key
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_folded = EXCLUDED.name_folded, kind = EXCLUDED.kind,
       admin_unit_id = EXCLUDED.admin_unit_id, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, updated_at = now()`,
    columns(seedOwned, ['code', 'name', 'nameFolded', 'kind', 'adminUnitKey', 'validFrom', 'validTo']),
  );

  // Reporting lines of the seed's own facilities are derived from the rules: replace them wholesale.
  await client.query(`DELETE FROM facility_reporting_line l USING facility f WHERE l.facility_id = f.id AND f.code = ANY($1::text[])`, [
    seedOwned.map((f) => f.code),
  ]);
  await client.query(
    `INSERT INTO facility_reporting_line (facility_id, reports_to_id, valid_from, valid_to)
     SELECT f.id, t.id, x.valid_from::date, x.valid_to::date
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(code, to_code, valid_from, valid_to)
     JOIN facility f ON f.code = x.code JOIN facility t ON t.code = x.to_code`,
    columns(
      lines.filter((l) => !administered.has(l.facilityCode)),
      ['facilityCode', 'reportsToCode', 'validFrom', 'validTo'],
    ),
  );
}

/** Turns rows into one array per column, the shape `unnest` takes. */
function columns<T>(rows: T[], keys: (keyof T)[]): (string | null)[][] {
  return keys.map((key) => rows.map((row) => (row[key] === null || row[key] === undefined ? null : String(row[key]))));
}

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts-seed';
