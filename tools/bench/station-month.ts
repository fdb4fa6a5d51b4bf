import { Client } from 'pg';
import { CommuneGenerator } from '../synthetic/commune';
import { CopyLoader } from '../synthetic/copy-loader';
import { loadOrgContext } from '../synthetic/org';
import { buildProfiles, Targets } from '../synthetic/profiles';
import { TABLE_NAMES } from '../synthetic/tables';
import { dayOf, World } from '../synthetic/world';

/**
 * One month of one commune station's registers, for the load benchmark (load.ts): the synthetic
 * generator (tools/synthetic) run for the pre-reform communes that the station's commune took in,
 * over the days of that month only, with the targets of a busy month. Pregnancies still running
 * at the end of the month carry their registration and ANC visits of the months before, as in
 * the synthetic year. A fresh, seeded database without persons is expected (the generator's ids
 * start anew). Rows go in by COPY in one transaction; the tables are analysed after.
 */
export interface StationMonthOptions {
  /** Owner connection of a migrated and seeded database. */
  databaseUrl: string;
  /** Code of a post-reform commune station (e.g. TYT.03160.2025, Mường Nhé). */
  stationCode: string;
  /** YYYY-MM, after the 2025 reform. */
  month: string;
  /** Targets of the month for the station (split over the communes it took in); BUSY_MONTH when absent. */
  targets?: Targets;
  seed?: number;
}

/** About 300 ANC visits, 40 deliveries and 500 register rows dated in the month, with their persons and episodes. */
export const BUSY_MONTH: Targets = {
  deliveries: 40,
  abortions: 8,
  contraception: 120,
  gynaecology: 80,
  hpv: 10,
  childDeaths: 1,
  maternalDeaths: 0,
  womenDeaths: 1,
};

export interface StationMonthResult {
  stationId: number;
  communes: number;
  /** Rows written per table. */
  rows: Record<string, number>;
}

export async function seedStationMonth(options: StationMonthOptions): Promise<StationMonthResult> {
  const targets = options.targets ?? BUSY_MONTH;
  const seed = options.seed ?? 42;
  const [year, monthNumber] = options.month.split('-').map(Number);
  const windowStart = dayOf(`${options.month}-01`);
  const horizon = dayOf(new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10));
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const org = await loadOrgContext(client);
    const reformDay = dayOf(org.reformDate);
    if (windowStart < reformDay) throw new Error(`${options.month} is before the reform (${org.reformDate}): the station did not exist`);
    const profiles = buildProfiles(org.communes, seed, reformDay).filter(
      (profile) => profile.commune.successor?.station?.code === options.stationCode,
    );
    const station = profiles[0]?.commune.successor?.station;
    if (!station) throw new Error(`No pilot commune was taken in by ${options.stationCode}`);
    const share = (n: number, i: number) => Math.floor(n / profiles.length) + (i < n % profiles.length ? 1 : 0);
    await client.query('BEGIN');
    const loader = new CopyLoader(client);
    const world = new World(seed, year, horizon, loader);
    profiles.forEach((profile, i) => {
      const quota = Object.fromEntries(Object.entries(targets).map(([key, value]) => [key, share(value, i)])) as unknown as Targets;
      new CommuneGenerator(world, profile, quota, windowStart).run();
    });
    world.emitImports();
    await loader.finish();
    await client.query('COMMIT');
    await client.query(`ANALYZE ${TABLE_NAMES.join(', ')}`);
    return { stationId: station.id, communes: profiles.length, rows: { ...loader.counts } };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
