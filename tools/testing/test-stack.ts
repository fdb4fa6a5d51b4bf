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
}

/** The built API (dist/apps/api) as a real HTTP server on a free port, over a fresh test database. */
export async function startTestStack(env: Record<string, string> = {}, options: TestStackOptions = {}): Promise<TestStack> {
  const database: TestDatabase = await createTestDatabase();
  const port = options.port ?? (await freePort());
  const output: string[] = [];
  const main = resolve(ROOT, process.env['SKSS_API_MAIN'] ?? 'dist/apps/api/main.js');
  const api: ChildProcess = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', ...env, DATABASE_URL: database.appUrl, PORT: String(port), COOKIE_SECURE: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout?.on('data', (chunk) => output.push(String(chunk)));
  api.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((done) => api.once('exit', done));
    }
    await database.dispose();
  };
  try {
    await waitForHealth(`${baseUrl}/api/health`, api);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- API output ---\n${output.join('')}`);
  }
  console.log(`\n[test-stack] API at ${baseUrl}, database on ${database.server}`);
  return { baseUrl, databaseUrl: database.url, stop };
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
