import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { runSql } from './connection';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const MIGRATIONS = resolve(ROOT, 'prisma/migrations');

/**
 * `prisma migrate deploy` on the given database (the CLI's wasm engine: works offline).
 * When every committed migration is already recorded as applied, the CLI is not started at all:
 * it costs ~10 s per call here, which would dominate every restart.
 */
export async function migrateDeploy(databaseUrl: string): Promise<'up-to-date' | 'applied'> {
  let outcome: 'up-to-date' | 'applied' = 'up-to-date';
  if (!(await allMigrationsApplied(databaseUrl))) {
    const cli = require.resolve('prisma/build/index.js', { paths: [ROOT] });
    await run(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
    });
    outcome = 'applied';
  }
  await applySecurityObjects(databaseUrl);
  return outcome;
}

/** prisma/security.sql: the audit trail's append-only trigger, the database roles and grants. */
async function applySecurityObjects(databaseUrl: string): Promise<void> {
  await runSql(databaseUrl, readFileSync(resolve(ROOT, 'prisma/security.sql'), 'utf8'));
}

async function allMigrationsApplied(databaseUrl: string): Promise<boolean> {
  const committed = readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query(`SELECT to_regclass('public._prisma_migrations') AS name`);
    if (!table.rows[0]?.name) return false;
    const applied = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const names = new Set(applied.rows.map((row) => row.migration_name));
    return committed.every((name) => names.has(name));
  } finally {
    await client.end();
  }
}
