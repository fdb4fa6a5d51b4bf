import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../testing';
import { DISTRIBUTION_SQL, failedChecks } from './checks';
import { generateSyntheticYear, SyntheticYearResult, TABLE_NAMES } from './index';
import { verifySample } from './verify';

/**
 * The synthetic-year generator at scale 0.002 (about 200 deliveries) on a fresh migrated and seeded
 * database: exact counts, rows that obey the register rules (SQL checks and the domain validators),
 * and the same rows again for the same seed.
 */
const YEAR = 2025;
const TODAY = '2026-06-30';
const OPTIONS = { year: YEAR, scale: 0.002, seed: 7, today: TODAY };

describe('synthetic pilot year', () => {
  let db: TestDatabase;
  let client: Client;
  let first: SyntheticYearResult;
  let inputChangesBefore: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    inputChangesBefore = await count('report_input_change');
    first = await generateSyntheticYear({ databaseUrl: db.url, ...OPTIONS });
  }, 300_000);

  afterAll(async () => {
    await client?.end();
    await db?.dispose();
  });

  const count = async (table: string) => Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  it('hits the scaled targets and stores exactly the rows it reports', async () => {
    expect(first.rows.delivery).toBe(200);
    expect(first.rows.abortion).toBe(30);
    expect(first.rows.contraception_service).toBe(500);
    expect(first.rows.gynaecology_visit).toBe(400);
    expect(first.rows.hpv_vaccination).toBe(40);
    expect(first.rows.newborn).toBeGreaterThanOrEqual(200);
    expect(first.rows.newborn).toBeLessThan(215);
    expect(first.rows.anc_visit).toBeGreaterThan(600);
    expect(first.rows.child_exam).toBeGreaterThan(1800);
    expect(first.rows.pregnancy_episode).toBeGreaterThan(200);
    for (const table of TABLE_NAMES) expect({ table, rows: await count(table) }).toEqual({ table, rows: first.rows[table] });
  });

  it('records the load as a change of the report inputs, though its triggers were off', async () => {
    expect(await count('report_input_change')).toBe(inputChangesBefore + 1);
  });

  it('breaks none of the register rules', async () => {
    expect(await failedChecks(client, `${YEAR}-12-31`)).toEqual({});
  });

  it('passes the domain validators, z-scores as the application computes them', async () => {
    const verification = await verifySample(db.url, TODAY, 400);
    expect(verification.invalid).toEqual([]);
    expect(verification.zScoreMismatches).toBe(0);
    expect(verification.checked['child-exams']).toBe(400);
  }, 60_000);

  it('has plausible distributions', async () => {
    const shares = Object.fromEntries(Object.entries((await client.query(DISTRIBUTION_SQL)).rows[0]).map(([k, v]) => [k, Number(v)]));
    expect(shares['minority_mothers']).toBeGreaterThan(55);
    expect(shares['minority_mothers']).toBeLessThan(85);
    expect(shares['exams_at_stations']).toBeGreaterThan(80);
    expect(shares['home_births']).toBeGreaterThan(2);
    expect(shares['home_births']).toBeLessThan(20);
  });

  it('is deterministic: the same seed gives the same rows, another seed other rows', async () => {
    const again = await generateSyntheticYear({ databaseUrl: db.url, ...OPTIONS, dryRun: true });
    expect(again.rows).toEqual(first.rows);
    expect(again.checksum).toBe(first.checksum);
    const other = await generateSyntheticYear({ databaseUrl: db.url, ...OPTIONS, seed: 8, dryRun: true });
    expect(other.checksum).not.toBe(first.checksum);
  }, 120_000);

  it('refuses a database that has persons, and regenerates the same content after reset', async () => {
    await expect(generateSyntheticYear({ databaseUrl: db.url, ...OPTIONS })).rejects.toThrow(/reset/);
    const before = await contentDigest(client);
    const regenerated = await generateSyntheticYear({ databaseUrl: db.url, ...OPTIONS, reset: true });
    expect(regenerated.checksum).toBe(first.checksum);
    expect(await contentDigest(client)).toEqual(before);
  }, 120_000);
});

/** A digest of every generated table's content (serial ids left out). */
async function contentDigest(client: Client): Promise<Record<string, string>> {
  const digest: Record<string, string> = {};
  for (const table of TABLE_NAMES) {
    const columns = table === 'person_residence' ? 'person_id, commune_id, address, valid_from, valid_to' : '*';
    const sql = `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM (SELECT ${columns} FROM ${table}) x`;
    digest[table] = (await client.query(sql)).rows[0].d;
  }
  return digest;
}
