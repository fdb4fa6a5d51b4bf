import {
  COMMUNE_REPORT_PROFILE,
  DraftCache,
  FACILITY_PROFILE,
  preparedSqlRunnerOf,
  profileStatements,
  SqlRunner,
} from '@skss/api/statistical-reports';
import type { CellValues } from '@skss/domain';
import { Client, Pool } from 'pg';
import { withDb } from './support/db';
import { Account, ancVisit, FacilityRef, facilityReportingTo, reportAccount, reportOf } from './support/reports';

/**
 * Kept drafts (DraftCache): a report view serves the draft it computed before only while no
 * transaction that changed a report input has committed since, whatever wrote it (here plain SQL,
 * as a DBA or another instance would), including a transaction already running when the draft
 * was computed. Every table the report statements read records its writers.
 */
const url = process.env['SKSS_TEST_DATABASE_URL'];
const MONTH = '2026-02';

let pool: Pool;
let runner: SqlRunner;

beforeAll(() => {
  pool = new Pool({ connectionString: url, max: 4 });
  // Prepared, as the API runs the cache's statements.
  runner = preparedSqlRunnerOf(pool);
});
afterAll(() => pool.end());

/** A write to a report input that changes no row: its statement trigger still records the transaction. */
const touch = (db: Client | Pool) => db.query('UPDATE person SET id = id WHERE false');

describe('DraftCache', () => {
  const values: CellValues = { 'I.3': { total: 1, station: 1 } };
  let computed = 0;
  const compute = async () => {
    computed++;
    return { 'I.3': { ...values['I.3'] } };
  };

  it('serves a kept draft while no input changed, and computes again once a write commits', async () => {
    const cache = new DraftCache();
    computed = 0;
    expect(await cache.of(runner, 'a', compute)).toEqual(values);
    expect(await cache.of(runner, 'a', compute)).toEqual(values);
    expect(computed).toBe(1);
    await touch(pool);
    expect(await cache.of(runner, 'a', compute)).toEqual(values);
    expect(computed).toBe(2);
    expect(await cache.of(runner, 'a', compute)).toEqual(values);
    expect(computed).toBe(2);
  });

  it('computes again after a transaction that was running when the draft was computed commits', async () => {
    const cache = new DraftCache();
    computed = 0;
    const writer = new Client({ connectionString: url });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await touch(writer);
      // A later transaction that commits first: the writer is then below the snapshot's xmax, in
      // its list of running transactions, which a plain "txid >= xmax" check would miss.
      await touch(pool);
      await cache.of(runner, 'b', compute);
      // Not committed: no reader can see its change yet, the kept draft is still what the registers say.
      await cache.of(runner, 'b', compute);
      expect(computed).toBe(1);
      await writer.query('COMMIT');
      await cache.of(runner, 'b', compute);
      expect(computed).toBe(2);
    } finally {
      await writer.end();
    }
  });

  it('a rolled-back write changes nothing; a caller may change what it is given without changing the kept draft', async () => {
    const cache = new DraftCache();
    computed = 0;
    const given = await cache.of(runner, 'c', compute);
    await withDb(async (db) => {
      await db.query('BEGIN');
      await touch(db);
      await db.query('ROLLBACK');
    });
    given['I.3'].total = 99;
    expect(await cache.of(runner, 'c', compute)).toEqual(values);
    expect(computed).toBe(1);
  });

  it('keeps at most its limit, dropping the oldest', async () => {
    const cache = new DraftCache({ limit: 2 });
    computed = 0;
    for (const key of ['x', 'y', 'z']) await cache.of(runner, key, compute);
    expect(cache.size).toBe(2);
    await cache.of(runner, 'z', compute);
    expect(computed).toBe(3);
    await cache.of(runner, 'x', compute);
    expect(computed).toBe(4);
  });

  it('every table the report statements read records its writers (a trigger on each)', async () => {
    const statements = [...profileStatements(COMMUNE_REPORT_PROFILE, [1, 2], MONTH), ...profileStatements(FACILITY_PROFILE, [1, 2], MONTH)];
    const read = new Set<string>();
    const relations = (plan: unknown): void => {
      if (Array.isArray(plan)) plan.forEach(relations);
      else if (plan && typeof plan === 'object') {
        for (const [key, value] of Object.entries(plan)) {
          if (key === 'Relation Name') read.add(value as string);
          else relations(value);
        }
      }
    };
    for (const statement of statements) {
      const { rows } = await pool.query(`EXPLAIN (FORMAT JSON) ${statement.sql}`, [...statement.params]);
      relations(rows[0]['QUERY PLAN']);
    }
    expect(read.size).toBeGreaterThan(8);
    const { rows } = await pool.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE t.tgname = c.relname || '_report_input' AND t.tgfoid = 'report_input_changed'::regproc`,
    );
    const recorded = new Set(rows.map((r) => r.table));
    expect([...read].filter((table) => !recorded.has(table))).toEqual([]);
  });
});

describe('the report view after writes the API did not make', () => {
  let station: FacilityRef;
  let sender: Account;

  beforeAll(async () => {
    station = await facilityReportingTo('CDC.12');
    sender = await reportAccount(station.code, 'TYT');
  });

  const visits = async () => (await reportOf(sender.token, station.id, MONTH)).draft?.['I.3:total'];

  it('shows a visit deleted in SQL at once, and a visit moved out of the month once its transaction commits', async () => {
    const first = await ancVisit(sender.token, `${MONTH}-10`);
    const second = await ancVisit(sender.token, `${MONTH}-11`);
    await ancVisit(sender.token, `${MONTH}-12`);
    expect(await visits()).toBe(3);
    expect(await visits()).toBe(3);
    await withDb((db) => db.query('DELETE FROM anc_visit WHERE id = $1', [first.id]));
    expect(await visits()).toBe(2);

    const writer = new Client({ connectionString: url });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`UPDATE anc_visit SET visit_date = '2026-03-01' WHERE id = $1`, [second.id]);
      await touch(pool); // a later transaction commits first (see above)
      expect(await visits()).toBe(2);
      await writer.query('COMMIT');
      expect(await visits()).toBe(1);
    } finally {
      await writer.end();
    }
  });
});
