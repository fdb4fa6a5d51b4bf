import { Client } from 'pg';
import { todayInVietnam } from '@skss/domain';
import { CommuneGenerator } from './commune';
import { CopyLoader } from './copy-loader';
import { loadOrgContext } from './org';
import { buildProfiles, communeQuotas, Targets, YEAR_TARGETS } from './profiles';
import { REGISTER_TABLES, TABLE_NAMES, TableName } from './tables';
import { PROVINCE_BIRTH_WEIGHT } from './people';
import { dayOf, iso, World } from './world';

export { REGISTER_TABLES, TABLE_NAMES } from './tables';
export type { TableName } from './tables';

export interface SyntheticYearOptions {
  /** A migrated and seeded database (npm run db:migrate && npm run db:seed). */
  databaseUrl: string;
  /** Calendar year of the events (2025: the reform year, with both org trees). */
  year: number;
  /** 1 is a full year of the 7 pilot provinces (about 2.5 million register rows); 0.01 is 1 % of it. */
  scale?: number;
  seed?: number;
  /** Pre-reform codes of the pilot provinces to generate (10, 11, 12, 14, 62, 64, 67); all when absent. */
  provinces?: string[];
  /** Empty the clinical tables first. Without it, a database that already has persons is refused. */
  reset?: boolean;
  /** Generate and count (and checksum) without writing. */
  dryRun?: boolean;
  /** Today in Vietnam (YYYY-MM-DD), the last day an event may have; defaults to the real today. */
  today?: string;
  /** Progress lines; silent when absent. */
  log?: (line: string) => void;
}

export interface SyntheticYearResult {
  year: number;
  scale: number;
  seed: number;
  /** The days events were generated for (ANC visits and episodes of early deliveries reach back before `from`). */
  from: string;
  to: string;
  communes: number;
  rows: Record<TableName, number>;
  /** Rows of the register tables (episodes, the seven registers, newborns, postnatal visits, complications). */
  registerRows: number;
  /** SHA-256 over every generated row: equal for equal (year, scale, seed, provinces, today). */
  checksum: string;
  elapsedMs: number;
  /** Whether foreign keys were checked while loading (they are skipped when the role may set session_replication_role). */
  foreignKeyChecks: boolean;
  databaseBytes: number | null;
}

/** Tables emptied by `reset`: everything that references persons, and the import records. */
const CLINICAL_TABLES = [
  'register_import_row',
  'register_import',
  'register_period_lock',
  'complication',
  'postnatal_visit',
  'newborn',
  'delivery',
  'anc_visit',
  'abortion',
  'contraception_service',
  'gynaecology_visit',
  'hpv_vaccination',
  'child_exam',
  'death',
  'pregnancy_episode',
  'person_merge',
  'person_facility',
  'person_source_id',
  'person_residence',
  'person',
];

/**
 * Generates a synthetic year of the pilot's clinical registers into a database, deterministically
 * from the seed: persons (women 15–49, children under 6, some girls for HPV) living in the pilot
 * communes, and their episodes, ANC visits, deliveries with newborns and postnatal visits, abortions,
 * contraception, gynaecology visits, HPV doses, child growth exams and deaths. Rows are streamed with
 * COPY in one transaction; the tables are analysed at the end.
 */
export async function generateSyntheticYear(options: SyntheticYearOptions): Promise<SyntheticYearResult> {
  const started = Date.now();
  const year = options.year;
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 42;
  const log = options.log ?? (() => undefined);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`Not a year: ${year}`);
  if (!(scale > 0 && scale <= 10)) throw new Error(`Scale must be in (0, 10]: ${scale}`);
  const windowStart = dayOf(`${year}-01-01`);
  const today = dayOf(options.today ?? todayInVietnam());
  const horizon = Math.min(dayOf(`${year}-12-31`), today);
  if (horizon < windowStart) throw new Error(`${year} has not started yet: no event may lie in the future`);

  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  let foreignKeyChecks = true;
  let dropped: string[] = [];
  try {
    await prepare(client, options, log);
    const org = await loadOrgContext(client, options.provinces ?? []);
    const reformDay = dayOf(org.reformDate);
    const profiles = buildProfiles(org.communes, seed, reformDay);
    const fraction = (horizon - windowStart + 1) / (dayOf(`${year + 1}-01-01`) - windowStart);
    // With a subset of provinces, the targets shrink with the subset's share of the pilot's births.
    const share = options.provinces?.length ? provinceShare(profiles) : 1;
    const targets = Object.fromEntries(
      Object.entries(YEAR_TARGETS).map(([key, value]) => [key, Math.round(value * scale * fraction * share)]),
    ) as unknown as Targets;
    const quotas = communeQuotas(profiles, targets);

    if (!options.dryRun) {
      try {
        await client.query('SET session_replication_role = replica');
        foreignKeyChecks = false;
      } catch {
        log('Foreign keys are checked while loading (this role may not set session_replication_role): slower');
      }
      await client.query('SET synchronous_commit = off');
      await client.query("SET maintenance_work_mem = '256MB'");
      await client.query('BEGIN');
      dropped = await dropSecondaryIndexes(client);
    }
    const loader = new CopyLoader(options.dryRun ? null : client);
    const world = new World(seed, year, horizon, loader);
    log(
      `Generating ${year} (${iso(windowStart)} – ${iso(horizon)}) for ${profiles.length} communes, scale ${scale}, seed ${seed}` +
        (options.dryRun ? ' (dry run)' : ''),
    );
    let lastLog = Date.now();
    for (let i = 0; i < profiles.length; i++) {
      new CommuneGenerator(world, profiles[i], quotas[i], windowStart).run();
      await loader.checkpoint();
      await new Promise((resolve) => setImmediate(resolve));
      if (Date.now() - lastLog > 5000) {
        lastLog = Date.now();
        const rows = total(loader.counts);
        const seconds = (Date.now() - started) / 1000;
        log(`[${seconds.toFixed(0).padStart(4)} s] ${i + 1}/${profiles.length} communes, ${rows.toLocaleString('en')} rows generated`);
      }
    }
    world.emitImports();
    await loader.finish();
    if (!options.dryRun) {
      log(`Rows loaded in ${((Date.now() - started) / 1000).toFixed(1)} s; building ${dropped.length} indexes`);
      for (const definition of dropped) await client.query(definition);
      // Triggers do not fire under session_replication_role = replica: record the load as a change of the
      // report inputs itself, so that a running API computes its kept report drafts again.
      await client.query('INSERT INTO report_input_change (txid) VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING');
      await client.query('COMMIT');
      if (!foreignKeyChecks) await client.query('SET session_replication_role = DEFAULT');
      log(`Loaded in ${((Date.now() - started) / 1000).toFixed(1)} s; vacuuming and analysing`);
      // As autovacuum leaves a settled database: statistics for the planner, and the visibility map that lets
      // counts of a month be answered from the indexes alone.
      await client.query(`VACUUM (ANALYZE) ${TABLE_NAMES.join(', ')}`);
    }
    const size = options.dryRun ? null : Number((await client.query('SELECT pg_database_size(current_database()) AS bytes')).rows[0].bytes);
    return {
      year,
      scale,
      seed,
      from: iso(windowStart),
      to: iso(horizon),
      communes: profiles.length,
      rows: { ...loader.counts },
      registerRows: REGISTER_TABLES.reduce((sum, table) => sum + loader.counts[table], 0),
      checksum: loader.checksum(),
      elapsedMs: Date.now() - started,
      foreignKeyChecks,
      databaseBytes: size,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Loading into empty tables is much faster without their secondary indexes, built once at the end by
 * sorting: drops them inside the load's transaction and returns their definitions (pg_get_indexdef)
 * to recreate them identically before the commit. Primary keys stay.
 */
async function dropSecondaryIndexes(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT quote_ident(i.indexname) AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.conrelid = to_regclass(quote_ident(i.tablename)))
      ORDER BY i.tablename, i.indexname`,
    [TABLE_NAMES],
  );
  for (const row of rows) await client.query(`DROP INDEX ${row.name}`);
  return rows.map((row) => row.definition);
}

async function prepare(client: Client, options: SyntheticYearOptions, log: (line: string) => void): Promise<void> {
  if (options.dryRun) return;
  const existing = await client.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM person) AS any');
  if (!existing.rows[0].any) return;
  if (!options.reset) {
    throw new Error('The database already holds persons and register rows: pass reset (--reset) to empty the clinical tables first');
  }
  log('Emptying the clinical tables (reset)');
  await client.query(`TRUNCATE ${CLINICAL_TABLES.join(', ')}`);
}

function provinceShare(profiles: { population: number }[]): number {
  // Profiles carry their province's birth weight, shared among its communes.
  const all = Object.values(PROVINCE_BIRTH_WEIGHT).reduce((s, w) => s + w, 0);
  return Math.min(1, profiles.reduce((s, p) => s + p.population, 0) / all);
}

function total(counts: Record<TableName, number>): number {
  return TABLE_NAMES.reduce((sum, table) => sum + counts[table], 0);
}
