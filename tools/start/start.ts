import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedReferenceData } from '@skss/seed';
import { EmbeddedServer, migrateDeploy, startEmbeddedPostgres } from '../db';
import { apiNodeFlags } from './api-node-flags';

/**
 * `npm start`: PostgreSQL (DATABASE_URL, or an embedded server in .data/), migrations, reference
 * data, then the API serving the console at / and the API under /api on one port.
 */
const ROOT = resolve(__dirname, '../..');
const port = Number(process.env['PORT'] ?? 3000);
const log = (message: string) => console.log(`[start] ${message}`);

async function main(): Promise<void> {
  const started = Date.now();
  let embedded: EmbeddedServer | undefined;
  let databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) {
    const dataDir = process.env['EMBEDDED_PG_DIR'] ?? resolve(ROOT, '.data/postgres');
    const pgPort = Number(process.env['EMBEDDED_PG_PORT'] ?? 54329);
    log(`starting embedded PostgreSQL in ${dataDir} on port ${pgPort}`);
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: pgPort,
      log: (line) => process.env['EMBEDDED_PG_LOG'] && console.log(`[postgres] ${line}`),
    });
    await embedded.createDatabase('skss');
    databaseUrl = embedded.url('skss');
  } else {
    log('using the PostgreSQL server in DATABASE_URL');
  }

  // Filled once the API is spawned; read by the signal handlers registered before that.
  const children: { api?: ChildProcess } = {};
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    const api = children.api;
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((done) => api.once('exit', done));
    }
    await embedded?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    log('applying migrations');
    await migrateDeploy(databaseUrl);
    const seeded = await seedReferenceData(databaseUrl, { demo: !!embedded || process.env['SEED_DEMO'] === 'true' });
    log(
      seeded.applied ? `reference data loaded (${seeded.units} admin units, ${seeded.facilities} facilities)` : 'reference data up to date',
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
    return;
  }

  const api = spawn(process.execPath, [...apiNodeFlags(), resolve(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
  });
  children.api = api;
  api.once('exit', (code) => void stop(code ?? 1));
  await waitForHealth(`http://127.0.0.1:${port}/api/health`);
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`\n  Console:  http://localhost:${port}/\n  API docs: http://localhost:${port}/api/docs\n`);
  if (embedded || process.env['SEED_DEMO'] === 'true') {
    console.log(`  Demo sign-in (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}\n`);
  }
}

async function waitForHealth(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`The API did not become healthy at ${url}`);
}

void main();
