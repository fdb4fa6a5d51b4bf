import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '@skss/seed';
import { apiNodeFlags } from '../start/api-node-flags';
import { ApiInstance, createTestDatabase, freePort, startApi, TestDatabase } from '../testing';
import { ACCOUNTS, benchMonth, MixContext, mixOf, MixRow, Role } from './mix';
import { cpuNow, cpuSince, CpuSplit } from './cpu-time';
import { seedStationMonth } from './station-month';

/**
 * The authenticated request path under load (`npm run bench:load`, DATABASE_URL optional): the
 * built API and the bare server (bare-server.ts) over one fresh database, the mix of mix.ts at
 * 10, 50 and 200 connections (autocannon), req/s and p50/p95/p99 per request kind, and the ratio
 * API/bare. Before measuring, the API runs each request once with LOG_QUERIES=true to count its
 * statements against the bare server's, and each request is asked of both servers once to compare
 * their answers (JSON, and the item counts of lists).
 *
 * BENCH_SECONDS (default 15) per run, BENCH_CONNECTIONS (default "10,50,200"), BENCH_SESSIONS
 * (default 20 per role: each connection uses one of them, as separate officers would).
 * BENCH_ISOLATED=true runs each kind alone instead of the mix. BENCH_BEFORE_MAIN=<main.js of an
 * earlier build> measures that build too, in the same run, for a before/after table.
 * BENCH_CAPTURE_ONLY=true prints the API's SQL per row and stops. BENCH_KINDS=<kind,kind> runs
 * only those rows. The API's Node runs with the options of `npm start` (api-node-flags.ts);
 * BENCH_API_NODE_ARGS adds to them (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" for a profile
 * written when it stops), BENCH_BEFORE_NODE_ARGS adds to those of the earlier build (the same
 * main.js with "--max-semi-space-size=16" measures V8's default young generation). DATABASE_POOL_SIZE and the
 * other API settings are passed through to every server. BENCH_INPUT_WRITES=<n> commits n
 * transactions a second that change a report input while every run goes on (as entry at month end
 * would), so that the API's kept report drafts are invalidated that often.
 *
 * After the latency table comes the CPU each request cost, read from /proc (cpu-time.ts): the
 * server's own process, PostgreSQL's backends, and this process (autocannon), so that a slow kind
 * shows whether its time goes to the API's thread or to the database.
 *
 * The register list, report view and worklist are asked for the month before today's (BENCH_MONTH
 * to choose another): before anything runs, that month of the officer's station is filled with
 * synthetic rows (station-month.ts: about 300 ANC visits, 40 deliveries, their persons and episodes),
 * so that the list and the report have something to show.
 */
const ROOT = resolve(__dirname, '../..');
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 15);
const CONNECTIONS = (process.env['BENCH_CONNECTIONS'] ?? '10,50,200').split(',').map(Number);
const SESSIONS = Number(process.env['BENCH_SESSIONS'] ?? 20);
const CAPTURE_ONLY = process.env['BENCH_CAPTURE_ONLY'] === 'true';
const BEFORE_MAIN = process.env['BENCH_BEFORE_MAIN'];
/** Each kind alone (all connections on it) instead of the mix: the cleanest API/bare ratio per kind. */
const ISOLATED = process.env['BENCH_ISOLATED'] === 'true';
/** Only these kinds of the mix (comma-separated), e.g. to profile one of them. */
const KINDS = process.env['BENCH_KINDS']?.split(',').map((kind) => kind.trim());
/** The options of `npm start`, then those of the named variable (a later option wins). */
const nodeArgsWith = (variable: string) => [...apiNodeFlags(), ...(process.env[variable]?.split(' ').filter(Boolean) ?? [])];
/** Node options of the measured API (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where its time goes; the profile is written when it stops). */
const API_NODE_ARGS = nodeArgsWith('BENCH_API_NODE_ARGS');
/** Node options of the earlier build (BENCH_BEFORE_MAIN), e.g. to compare runtime settings over the same build. */
const BEFORE_NODE_ARGS = nodeArgsWith('BENCH_BEFORE_NODE_ARGS');
const INPUT_WRITES = Number(process.env['BENCH_INPUT_WRITES'] ?? 0);

/** The rows of this run (mix.ts), once the bench month is filled (main). */
let MIX: readonly MixRow[] = [];

/** The acceptance lines of the issue this benchmark was written for. */
const TARGETS = { ratio: 0.5, p95At50: 200, p95At200: 1000 };

interface KindStats {
  requests: number;
  failures: number;
  latencies: number[];
}

interface RunResult {
  seconds: number;
  byKind: Map<string, KindStats>;
  errors: number;
  timeouts: number;
  /** CPU seconds of the run per kind when each ran alone (BENCH_ISOLATED), else under 'all'. */
  cpu: Map<string, CpuSplit>;
}

type Tokens = Record<Role, string[]>;

async function signIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD, session: 'bearer' }),
  });
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error(`sign-in of ${username} answered ${response.status}: ${JSON.stringify(body)}`);
  return body.token;
}

async function signInAll(baseUrl: string, perRole: number): Promise<Tokens> {
  const tokens: Tokens = { officer: [], approver: [] };
  for (const role of Object.keys(tokens) as Role[]) {
    for (let i = 0; i < perRole; i++) tokens[role].push(await signIn(baseUrl, ACCOUNTS[role]));
  }
  return tokens;
}

const statementsIn = (log: string) => log.split('prisma:query ').slice(1);

/**
 * Each row once as it runs in steady state (the second call: caches warm), with the statements
 * the API logged for it. The output is read after a pause: the API prints asynchronously.
 */
async function captureStatements(database: TestDatabase, main?: string): Promise<Map<string, string[]>> {
  const api = await startApi(database.appUrl, { LOG_QUERIES: 'true' }, { main });
  try {
    const tokens = await signInAll(api.baseUrl, 1);
    const captured = new Map<string, string[]>();
    for (const row of MIX) {
      const call = () => fetch(`${api.baseUrl}${row.path}`, { headers: { authorization: `Bearer ${tokens[row.as][0]}` } });
      await (await call()).text();
      await pause(300);
      const before = api.output().length;
      const response = await call();
      await response.text();
      if (response.status !== 200) throw new Error(`${row.kind}: ${row.path} answered ${response.status}`);
      await pause(300);
      captured.set(row.kind, statementsIn(api.output().slice(before)));
    }
    return captured;
  } finally {
    await api.stop();
  }
}

async function startBareServer(
  databaseUrl: string,
  context: MixContext,
): Promise<{ baseUrl: string; pid: number | undefined; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [resolve(ROOT, 'tools/run-ts.js'), resolve(ROOT, 'tools/bench/bare-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), BENCH_MIX_CONTEXT: JSON.stringify(context) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the bare server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      if (attempt > 300) throw new Error('the bare server did not start');
    }
    await pause(100);
  }
  return {
    baseUrl,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    },
  };
}

/** The first place where two JSON values differ (a path), or null when they are equal. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/** Each row once through the API and the bare server: both must answer 200 with the same JSON. */
async function compareAnswers(apiUrl: string, bareUrl: string, tokens: Tokens): Promise<string[]> {
  const lines: string[] = [];
  for (const row of MIX) {
    const path = row.vary ? row.vary(0) : row.path;
    const get = async (baseUrl: string) => {
      const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[row.as][0]}` } });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    const [api, bare] = [await get(apiUrl), await get(bareUrl)];
    const items = (body: unknown) => (body as { items?: unknown[] }).items?.length;
    const difference =
      api.status !== 200 || bare.status !== 200 ? `answered ${api.status} / ${bare.status}` : firstDifference(api.body, bare.body);
    const count = items(api.body) === undefined ? '' : ` (${items(api.body)} / ${items(bare.body)} items)`;
    lines.push(`- ${row.kind}: ${difference ? `⚠ differs${count}: ${difference}` : `same answer${count}`}`);
  }
  return lines;
}

/** One autocannon run: connection i plays row i mod |mix| with one of that role's sessions. */
async function run(
  baseUrl: string,
  connections: number,
  seconds: number,
  tokens: Tokens,
  rows: readonly MixRow[] = MIX,
): Promise<RunResult> {
  const rowOf = new WeakMap<object, MixRow>();
  const byKind = new Map<string, KindStats>(MIX.map((row) => [row.kind, { requests: 0, failures: 0, latencies: [] }]));
  let next = 0;
  // Shared by the run's connections, so that no two requests of a varying row are the same.
  let varied = Math.floor(Math.random() * 1e6);
  const options: autocannon.Options = {
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    setupClient: (client) => {
      const index = next++;
      const row = rows[index % rows.length];
      const sessions = tokens[row.as];
      rowOf.set(client, row);
      const headers = { authorization: `Bearer ${sessions[Math.floor(index / rows.length) % sessions.length]}` };
      const vary = row.vary;
      client.setRequests([
        vary
          ? { method: 'GET', path: row.path, headers, setupRequest: (request) => ({ ...request, path: vary(varied++) }) }
          : { method: 'GET', path: row.path, headers },
      ]);
    },
  };
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(options, (error, finished) => (error ? fail(error) : done(finished)));
    instance.on('response', (client, statusCode, _bytes, responseTime) => {
      const row = rowOf.get(client);
      if (!row) return;
      const stats = byKind.get(row.kind) as KindStats;
      stats.requests++;
      if (statusCode < 200 || statusCode >= 300) stats.failures++;
      else stats.latencies.push(responseTime);
    });
  });
  return { seconds: result.duration, byKind, errors: result.errors, timeouts: result.timeouts, cpu: new Map() };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function summarise(stats: KindStats, seconds: number) {
  const sorted = [...stats.latencies].sort((a, b) => a - b);
  return {
    rps: stats.requests / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    failures: stats.failures,
  };
}

function allKinds(result: RunResult): KindStats {
  const all: KindStats = { requests: 0, failures: 0, latencies: [] };
  for (const stats of result.byKind.values()) {
    all.requests += stats.requests;
    all.failures += stats.failures;
    for (const latency of stats.latencies) all.latencies.push(latency);
  }
  all.failures += result.errors;
  return all;
}

const ms = (value: number) => (Number.isNaN(value) ? '—' : value < 10 ? value.toFixed(1) : value.toFixed(0));
const rps = (value: number) => value.toFixed(0);

const ratioOf = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} %`;

/** The rows of one connection level: per kind, each API build then the bare server. */
function table(connections: number, apis: RunResult[], bare: RunResult): { lines: string[]; verdicts: string[] } {
  const lines: string[] = [];
  const verdicts: string[] = [];
  const kinds: [string, string, (result: RunResult) => KindStats][] = [
    ...MIX.map((row): [string, string, (result: RunResult) => KindStats] => [
      row.kind,
      row.as,
      (result) => result.byKind.get(row.kind) as KindStats,
    ]),
    ...(ISOLATED ? [] : [['all', '', allKinds] as [string, string, (result: RunResult) => KindStats]]),
  ];
  for (const [kind, as, statsOf] of kinds) {
    const b = summarise(statsOf(bare), bare.seconds);
    const cells = apis.map((api) => {
      const a = summarise(statsOf(api), api.seconds);
      return { a, text: `${rps(a.rps)} | ${ms(a.p50)} | ${ms(a.p95)} | ${ms(a.p99)} | ${a.failures} | ${ratioOf(a.rps, b.rps)}` };
    });
    lines.push(
      `| ${connections} | ${kind} | ${as} | ${cells.map((c) => c.text).join(' | ')} | ${rps(b.rps)} | ${ms(b.p50)} | ${ms(b.p95)} | ${ms(b.p99)} |`,
    );
    if (kind === 'all') continue;
    const a = cells[0].a;
    const ratio = a.rps / b.rps;
    const checks = [`${kind} at ${connections}: API/bare ${ratioOf(a.rps, b.rps)} ${ratio >= TARGETS.ratio ? 'ok' : 'BELOW 50 %'}`];
    if (connections === 50) checks.push(`p95 ${ms(a.p95)} ms ${a.p95 < TARGETS.p95At50 ? 'ok' : 'OVER 200 ms'}`);
    if (connections === 200) {
      checks.push(`p95 ${ms(a.p95)} ms ${a.p95 < TARGETS.p95At200 ? 'ok' : 'OVER 1 s'}`);
      checks.push(`${a.failures} failed ${a.failures === 0 ? 'ok' : 'FAILURES'}`);
    }
    verdicts.push(checks.join(', '));
  }
  const api = apis[0];
  if (api.errors || api.timeouts) verdicts.push(`API at ${connections}: ${api.errors} connection errors (${api.timeouts} timeouts)`);
  return { lines, verdicts };
}

/** CPU milliseconds per request of each run, API against bare. */
function cpuTable(connections: number, api: RunResult, bare: RunResult): string[] {
  const perRequest = (result: RunResult, kind: string) => {
    const cpu = result.cpu.get(kind);
    const requests = kind === 'all' ? allKinds(result).requests : (result.byKind.get(kind)?.requests ?? 0);
    if (!cpu || requests === 0) return '— | — | —';
    const ms = (seconds: number) => (Number.isNaN(seconds) ? '—' : ((seconds * 1000) / requests).toFixed(2));
    return `${ms(cpu.server)} | ${ms(cpu.postgres)} | ${ms(cpu.generator)}`;
  };
  return [...api.cpu.keys()].map((kind) => `| ${connections} | ${kind} | ${perRequest(api, kind)} | ${perRequest(bare, kind)} |`);
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    return rows[0].v;
  } finally {
    await client.end();
  }
}

const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');

const pause = (millis: number) => new Promise((done) => setTimeout(done, millis));

/** The mix at one connection level, or each kind alone one after the other (BENCH_ISOLATED). */
async function measure(baseUrl: string, pid: number | undefined, connections: number, tokens: Tokens): Promise<RunResult> {
  if (!ISOLATED) {
    const before = cpuNow(pid);
    const result = await run(baseUrl, connections, SECONDS, tokens);
    result.cpu.set('all', cpuSince(before, cpuNow(pid)));
    await pause(1000);
    return result;
  }
  const merged: RunResult = { seconds: SECONDS, byKind: new Map(), errors: 0, timeouts: 0, cpu: new Map() };
  for (const row of MIX) {
    const before = cpuNow(pid);
    const alone = await run(baseUrl, connections, SECONDS, tokens, [row]);
    merged.cpu.set(row.kind, cpuSince(before, cpuNow(pid)));
    merged.byKind.set(row.kind, alone.byKind.get(row.kind) as KindStats);
    merged.seconds = alone.seconds;
    merged.errors += alone.errors;
    merged.timeouts += alone.timeouts;
    await pause(1000);
  }
  return merged;
}

/** The officer's station and a month of its registers (station-month.ts), which the register list and the report view show. */
async function fillBenchMonth(database: TestDatabase): Promise<MixContext> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  let code: string;
  try {
    const { rows } = await client.query<{ code: string }>(
      'SELECT f.code FROM user_account u JOIN facility f ON f.id = u.facility_id WHERE u.username = $1',
      [ACCOUNTS.officer],
    );
    if (!rows[0]) throw new Error(`${ACCOUNTS.officer} is not seeded`);
    code = rows[0].code;
  } finally {
    await client.end();
  }
  const month = benchMonth();
  const filled = await seedStationMonth({ databaseUrl: database.url, stationCode: code, month });
  const rows = Object.entries(filled.rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
  console.log(`${code}, ${month}: ${rows}`);
  return { month, station: { id: filled.stationId, code } };
}

interface Target {
  name: string;
  main?: string;
  nodeArgs?: string[];
  api?: ApiInstance;
  statements?: Map<string, string[]>;
}

/**
 * Commits `perSecond` transactions a second that change a report input (a statement on the ANC
 * register that matches no row: its trigger still records the transaction, which is what
 * invalidates kept drafts), without changing what any request answers.
 */
function startInputWrites(db: Client, perSecond: number): NodeJS.Timeout {
  let busy = false;
  return setInterval(() => {
    if (busy) return;
    busy = true;
    db.query('UPDATE anc_visit SET id = id WHERE false')
      .catch((error: unknown) => console.error('input write failed', error))
      .finally(() => (busy = false));
  }, 1000 / perSecond);
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const targets: Target[] = [
    { name: 'API', nodeArgs: API_NODE_ARGS },
    ...(BEFORE_MAIN ? [{ name: 'API before', main: BEFORE_MAIN, nodeArgs: BEFORE_NODE_ARGS }] : []),
  ];
  let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
  let writer: Client | undefined;
  let writes: NodeJS.Timeout | undefined;
  try {
    const context = await fillBenchMonth(database);
    MIX = mixOf(context).filter((row) => !KINDS || KINDS.includes(row.kind));
    for (const target of targets) target.statements = await captureStatements(database, target.main);
    if (CAPTURE_ONLY) {
      for (const [kind, list] of targets[0].statements ?? []) console.log(`\n## ${kind}: ${list.length} statements\n\n${list.join('\n')}`);
      return;
    }
    for (const target of targets) target.api = await startApi(database.appUrl, {}, { main: target.main, nodeArgs: target.nodeArgs });
    bare = await startBareServer(database.appUrl, context);
    const tokens = await signInAll((targets[0].api as ApiInstance).baseUrl, SESSIONS);

    console.log(
      `\n# Load benchmark, ${new Date().toISOString()}\n\n${cpus().length} CPUs (${cpus()[0]?.model}), Node ${process.version}, ` +
        `PostgreSQL ${await postgresVersion(database.url)} (${database.server}), ${SECONDS} s per run, ` +
        `${SESSIONS} sessions per role, DATABASE_POOL_SIZE=${process.env['DATABASE_POOL_SIZE'] ?? 'default'}` +
        `, API Node options ${API_NODE_ARGS.join(' ')}` +
        `${BEFORE_MAIN ? `, before: ${BEFORE_MAIN} (${BEFORE_NODE_ARGS.join(' ')})` : ''}; load average before the runs ${loadAverage()}\n`,
    );
    console.log(`| Request | As | Path | ${targets.map((t) => `Statements, ${t.name}`).join(' | ')} | Statements, bare |`);
    console.log(`|---|---|---|${targets.map(() => '---|').join('')}---|`);
    for (const row of MIX) {
      const counts = targets.map((t) => t.statements?.get(row.kind)?.length ?? 0);
      const note = counts[0] === row.bareStatements ? '' : ' ⚠ differs';
      console.log(
        `| ${row.kind} | ${row.as} | \`${row.path}\` | ${counts.map((c, i) => `${c}${i === 0 ? note : ''}`).join(' | ')} | ${row.bareStatements} |`,
      );
    }

    console.log('\nAPI and bare answers, each row once:\n');
    for (const line of await compareAnswers((targets[0].api as ApiInstance).baseUrl, bare.baseUrl, tokens)) console.log(line);

    // Warm every server (JIT, connection pools, session caches) before the first measurement.
    for (const target of targets) await run((target.api as ApiInstance).baseUrl, 50, 5, tokens);
    await run(bare.baseUrl, 50, 5, tokens);

    const lines: string[] = [];
    const verdicts: string[] = [];
    const cpuLines: string[] = [];
    if (INPUT_WRITES > 0) {
      writer = new Client({ connectionString: database.url });
      await writer.connect();
      writes = startInputWrites(writer, INPUT_WRITES);
      console.log(`\n${INPUT_WRITES} transactions a second change a report input during the runs.`);
    }
    for (const connections of CONNECTIONS) {
      const results: RunResult[] = [];
      for (const target of targets) {
        const api = target.api as ApiInstance;
        results.push(await measure(api.baseUrl, api.pid, connections, tokens));
      }
      const throughBare = await measure(bare.baseUrl, bare.pid, connections, tokens);
      const part = table(connections, results, throughBare);
      lines.push(...part.lines);
      verdicts.push(...part.verdicts);
      cpuLines.push(...cpuTable(connections, results[0], throughBare));
    }
    const apiColumns = targets.map((t) => `${t.name} req/s | p50 ms | p95 ms | p99 ms | failed | ${t.name}/bare`).join(' | ');
    console.log(`\n| Conn. | Request | As | ${apiColumns} | bare req/s | p50 ms | p95 ms | p99 ms |`);
    console.log(`|---|---|---|${targets.map(() => '---|---|---|---|---|---|').join('')}---|---|---|---|`);
    console.log(lines.join('\n'));
    console.log('\nCPU per request (ms), of the server, PostgreSQL and the load generator (in this process), read from /proc:\n');
    console.log('| Conn. | Request | API | PostgreSQL | generator | bare | PostgreSQL | generator |');
    console.log('|---|---|---|---|---|---|---|---|');
    console.log(cpuLines.join('\n'));
    console.log(`\nLoad average after the runs ${loadAverage()} (above the CPU count, other work competed with the servers).`);
    console.log(`\nAgainst the targets (API ≥ ${TARGETS.ratio * 100} % of bare; p95 < 200 ms at 50; none failed and p95 < 1 s at 200):`);
    for (const verdict of verdicts) console.log(`- ${verdict}`);
  } finally {
    clearInterval(writes);
    await writer?.end();
    await bare?.stop();
    for (const target of targets) await target.api?.stop();
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
