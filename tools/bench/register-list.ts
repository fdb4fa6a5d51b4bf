import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '@skss/seed';
import { generateSyntheticYear } from '../synthetic';
import { createTestDatabase, startApi } from '../testing';

/**
 * Register lists at pilot-year volume (`npm run bench:register-list`, DATABASE_URL optional): a fresh
 * database with the synthetic year (tools/synthetic) of the 7 pilot provinces, the built API, and
 * the first page of a register list for one commune-month (the station's officer, filtered to her
 * facility) and one province-month (the province CDC, which sees every station of the province
 * through its history scope), as the console asks for them. Prints req/s and p50/p95/p99 per list;
 * the target is p95 < 150 ms.
 *
 * BENCH_SCALE (default 1: the whole year, about 2.7 million register rows), BENCH_YEAR (2025),
 * BENCH_MONTH (2025-10), BENCH_SECONDS (10 per list), BENCH_CONNECTIONS (10).
 */
const SCALE = Number(process.env['BENCH_SCALE'] ?? 1);
const YEAR = Number(process.env['BENCH_YEAR'] ?? 2025);
const MONTH = process.env['BENCH_MONTH'] ?? `${YEAR}-10`;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const TARGET_P95_MS = 150;
const REGISTERS = ['anc-visits', 'deliveries', 'child-exams', 'contraception'];

async function signIn(baseUrl: string, username: string): Promise<{ token: string; facilityCode: string }> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD, session: 'bearer' }),
  });
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error(`sign-in of ${username} answered ${response.status}`);
  const me = (await (await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${body.token}` } })).json()) as {
    facility: { code: string };
  };
  return { token: body.token, facilityCode: me.facility.code };
}

async function measure(baseUrl: string, path: string, token: string) {
  const first = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const page = (await first.json()) as { total?: number; items?: unknown[] };
  if (!first.ok) throw new Error(`${path} answered ${first.status}: ${JSON.stringify(page)}`);
  const result = await autocannon({
    url: `${baseUrl}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    total: page.total ?? page.items?.length ?? 0,
    rps: result.requests.average,
    p50: result.latency.p50,
    p95: p95Of(result),
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** autocannon reports p90 and p97.5 but not p95: interpolated linearly between them. */
function p95Of(result: autocannon.Result): number {
  const { p90, p97_5 } = result.latency;
  return p90 + ((p97_5 - p90) * (95 - 90)) / (97.5 - 90);
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  try {
    console.log(`Generating the synthetic ${YEAR} at scale ${SCALE} …`);
    const generated = await generateSyntheticYear({ databaseUrl: database.url, year: YEAR, scale: SCALE, seed: 42, log: () => undefined });
    console.log(`${generated.registerRows.toLocaleString('en')} register rows in ${Math.round(generated.elapsedMs / 1000)} s`);
    const api = await startApi(database.appUrl);
    try {
      const officer = await signIn(api.baseUrl, 'tyt.muongnhe');
      const approver = await signIn(api.baseUrl, 'cdc.dienbien');
      const lines: string[] = [];
      let failed = false;
      for (const register of REGISTERS) {
        for (const [label, who, query] of [
          ['commune-month', officer, `facilityCode=${officer.facilityCode}&`],
          ['province-month', approver, ''],
        ] as const) {
          const path = `/api/v1/clinical-records/${register}?${query}month=${MONTH}&page=1&pageSize=50`;
          const r = await measure(api.baseUrl, path, who.token);
          const ok = r.p95 < TARGET_P95_MS && r.failures === 0;
          failed ||= !ok;
          lines.push(
            `| ${register} | ${label} | ${r.total} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p95.toFixed(0)} | ${r.p99} | ${r.failures} | ${ok ? 'ok' : 'MISSED'} |`,
          );
        }
      }
      console.log(
        `\nRegister lists, month ${MONTH}, first page of 50, ${CONNECTIONS} connections, ${SECONDS} s each (target p95 < ${TARGET_P95_MS} ms)\n`,
      );
      console.log('| Register | View | Rows in view | req/s | p50 ms | p95 ms | p99 ms | failures | target |');
      console.log('|---|---|--:|--:|--:|--:|--:|--:|---|');
      for (const line of lines) console.log(line);
      if (failed) process.exitCode = 1;
    } finally {
      await api.stop();
    }
  } finally {
    await database.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
