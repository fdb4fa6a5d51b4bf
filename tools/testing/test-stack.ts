import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createTestDatabase, TestDatabase } from './test-database';

const ROOT = resolve(__dirname, '../..');

export interface TestStack {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  /** Listen on this port (e.g. one from freePort(), when a setting such as PUBLIC_URL must name it beforehand); default a free one. */
  port?: number;
  /** Another build of the API (e.g. an earlier one, to compare); default SKSS_API_MAIN or dist/apps/api/main.js. */
  main?: string;
  /** Options of its Node process (e.g. --cpu-prof, which NODE_OPTIONS does not allow). */
  nodeArgs?: string[];
}

/** One running instance of the built API. */
export interface ApiInstance {
  baseUrl: string;
  /** Its process id (a crash test ends it with SIGKILL). */
  pid: number | undefined;
  /** Everything it printed so far (with LOG_QUERIES=true: each SQL statement). */
  output(): string;
  stop(): Promise<void>;
}

/** The built API (dist/apps/api) as a real HTTP server on a free port, over a fresh test database. */
export async function startTestStack(env: Record<string, string> = {}, options: TestStackOptions = {}): Promise<TestStack> {
  const database: TestDatabase = await createTestDatabase();
  let api: ApiInstance;
  try {
    api = await startApi(database.appUrl, env, options);
  } catch (error) {
    await database.dispose();
    throw error;
  }
  console.log(`\n[test-stack] API at ${api.baseUrl}, database on ${database.server}`);
  return {
    baseUrl: api.baseUrl,
    databaseUrl: database.url,
    stop: async () => {
      await api.stop();
      await database.dispose();
    },
  };
}

/**
 * Another instance of the built API over an existing database (several instances behind one load
 * balancer share it), healthy when the promise resolves.
 */
export async function startApi(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: TestStackOptions = {},
): Promise<ApiInstance> {
  const port = options.port ?? (await freePort());
  const output: string[] = [];
  const main = resolve(ROOT, options.main ?? process.env['SKSS_API_MAIN'] ?? 'dist/apps/api/main.js');
  const api: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), main], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', ...env, DATABASE_URL: databaseUrl, PORT: String(port), COOKIE_SECURE: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout?.on('data', (chunk) => output.push(String(chunk)));
  api.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (api.exitCode !== null || api.signalCode !== null) return;
    const exited = new Promise((done) => api.once('exit', done));
    api.kill('SIGTERM');
    // An instance still busy with a backlog (after a load test) is not waited for.
    const hard = setTimeout(() => api.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(hard);
  };
  try {
    await waitForHealth(`${baseUrl}/api/health`, api);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- API output ---\n${output.join('')}`);
  }
  return { baseUrl, pid: api.pid, output: () => output.join(''), stop };
}

async function waitForHealth(url: string, api: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (api.exitCode !== null) throw new Error(`The API exited with code ${api.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`The API did not become healthy at ${url}`);
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}
