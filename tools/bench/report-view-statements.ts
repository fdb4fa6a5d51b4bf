import { Pool } from 'pg';
import { createTestDatabase } from '../testing';
import { benchMonth, BareCaller } from './mix';
import { reportView } from './mix-month-end';
import { seedStationMonth } from './station-month';

/**
 * Where a commune report view's PostgreSQL time goes (`node tools/run-ts.js
 * tools/bench/report-view-statements.ts`, DATABASE_URL optional): over a fresh database with one
 * busy station-month (station-month.ts, as bench:load fills it), the view's statements (those of
 * the bare server, which are the API's) are each run warm and then under EXPLAIN ANALYZE, and
 * their planning and execution times printed, largest first. It tells whether a slow view needs
 * better plans (execution) or fewer plannings (prepared statements).
 */
const STATION = 'TYT.03160.2025';

interface Timing {
  sql: string;
  calls: number;
  planning: number;
  execution: number;
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const pool = new Pool({ connectionString: database.url, max: 1 });
  try {
    const month = benchMonth();
    const filled = await seedStationMonth({ databaseUrl: database.url, stationCode: STATION, month });
    const timings = new Map<string, Timing>();
    const query = pool.query.bind(pool) as (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
    const measured = {
      // Statements come as text or, when prepared (queryPreparedOn), as a config: timed by their text.
      query: async (statement: string | { text: string; values?: unknown[] }, params?: unknown[]) => {
        const text = typeof statement === 'string' ? statement : statement.text;
        const values = typeof statement === 'string' ? params : statement.values;
        const timing = timings.get(text) ?? { sql: text.replace(/\s+/g, ' ').trim(), calls: 0, planning: NaN, execution: NaN };
        timings.set(text, timing);
        timing.calls++;
        if (Number.isNaN(timing.planning)) {
          for (let warm = 0; warm < 5; warm++) await query(text, values);
          const plan = (await query(`EXPLAIN (ANALYZE) ${text}`, values)).rows as { 'QUERY PLAN': string }[];
          const ms = (label: string) =>
            Number(
              plan
                .map((r) => r['QUERY PLAN'])
                .find((line) => line.startsWith(label))
                ?.match(/([\d.]+) ms/)?.[1],
            );
          timing.planning = ms('Planning Time');
          timing.execution = ms('Execution Time');
        }
        return query(text, values);
      },
    } as unknown as Pool;
    const caller: BareCaller = {
      userId: '',
      username: 'probe',
      fullName: '',
      email: null,
      phone: null,
      facility: { id: filled.stationId, code: STATION, name: '', kind: 'COMMUNE_HEALTH_STATION' },
      roles: [],
      totpEnabled: false,
    };
    await reportView(measured, caller, new URL(`http://bare/api/v1/statistical-reports/commune/${filled.stationId}/${month}`));
    const rows = [...timings.values()].sort(
      (a, b) => b.planning * b.calls + b.execution * b.calls - (a.planning * a.calls + a.execution * a.calls),
    );
    let planning = 0;
    let execution = 0;
    console.log(`\n| Planning ms | Execution ms | Calls | Statement |\n|---|---|---|---|`);
    for (const row of rows) {
      planning += row.planning * row.calls;
      execution += row.execution * row.calls;
      console.log(`| ${row.planning.toFixed(2)} | ${row.execution.toFixed(2)} | ${row.calls} | \`${row.sql.slice(0, 90)}…\` |`);
    }
    console.log(
      `\nOne view of ${STATION}, ${month}: ${timings.size} statements, planning ${planning.toFixed(1)} ms, execution ${execution.toFixed(1)} ms.`,
    );
  } finally {
    await pool.end();
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
