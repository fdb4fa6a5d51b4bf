import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');

/** `prisma migrate deploy` on the given database (the CLI's wasm engine: works offline). */
export async function migrateDeploy(databaseUrl: string): Promise<string> {
  const cli = require.resolve('prisma/build/index.js', { paths: [ROOT] });
  const { stdout } = await run(process.execPath, [cli, 'migrate', 'deploy'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  return stdout;
}
