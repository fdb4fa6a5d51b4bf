import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { runSql, withDatabase } from './connection';
import { startEmbeddedPostgres } from './embedded-postgres';
import { migrateDeploy } from './migrate';

/**
 * Fails when prisma/schema.prisma and the committed migrations disagree (a model changed without a
 * migration). Builds one database from the migrations and one from the schema, then compares their
 * catalogs. (Prisma's own `migrate diff --from-migrations` crashes its wasm engine on PostgreSQL 18.)
 */
const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

const CATALOG_QUERIES: Record<string, string> = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
            ORDER BY table_name, column_name`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`,
  constraints: `SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS definition
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`,
  enums: `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
};

async function describeCatalog(url: string): Promise<Record<string, string[]>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, string[]> = {};
    for (const [name, sql] of Object.entries(CATALOG_QUERIES)) {
      result[name] = (await client.query(sql)).rows.map((row) => JSON.stringify(row));
    }
    return result;
  } finally {
    await client.end();
  }
}

async function schemaSql(databaseUrl: string): Promise<string> {
  const cli = require.resolve('prisma/build/index.js', { paths: [ROOT] });
  const { stdout } = await run(
    process.execPath,
    [cli, 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: '1' },
    },
  );
  return stdout;
}

async function main(): Promise<number> {
  const serverUrl = process.env['DATABASE_URL'];
  const suffix = randomBytes(4).toString('hex');
  const names = [`skss_drift_migrations_${suffix}`, `skss_drift_schema_${suffix}`];
  let urls: string[];
  let cleanup: () => Promise<void>;
  if (serverUrl) {
    const admin = (sql: string) => runSql(withDatabase(serverUrl, 'postgres'), sql);
    for (const name of names) await admin(`CREATE DATABASE "${name}"`);
    urls = names.map((name) => withDatabase(serverUrl, name));
    cleanup = async () => {
      for (const name of names) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
  } else {
    const parent = mkdtempSync(join(tmpdir(), 'skss-pg-'));
    const server = await startEmbeddedPostgres({ dataDir: join(parent, 'data'), port: 20000 + Math.floor(Math.random() * 20000) });
    for (const name of names) await server.createDatabase(name);
    urls = names.map((name) => server.url(name));
    cleanup = async () => {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    };
  }
  try {
    await migrateDeploy(urls[0]);
    await runSql(urls[1], await schemaSql(urls[1]));
    const [fromMigrations, fromSchema] = await Promise.all(urls.map(describeCatalog));
    const differences = Object.keys(CATALOG_QUERIES).flatMap((kind) => [
      ...fromMigrations[kind].filter((row) => !fromSchema[kind].includes(row)).map((row) => `only in migrations ${kind}: ${row}`),
      ...fromSchema[kind].filter((row) => !fromMigrations[kind].includes(row)).map((row) => `only in schema ${kind}: ${row}`),
    ]);
    if (differences.length > 0) {
      console.error(differences.join('\n'));
      console.error(
        "\nprisma/schema.prisma and prisma/migrations differ: create a migration with 'npx prisma migrate dev --name <change>'",
      );
      return 1;
    }
    console.log('Migrations match the schema.\n');
    return 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
