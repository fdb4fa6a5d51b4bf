import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { parse } from 'pg-connection-string';
import { defineConfig } from 'prisma/config';

// Prisma 6.19 on its JS/wasm engines: nothing is downloaded, so it runs offline.
// See docs/prisma-offline.md for the two upstream bugs worked around here.

/** Works around prisma/orm#27403: the wasm schema engine reads "char" and name catalog columns. */
class CatalogTypesAsText extends pg.Pool {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async query(...args: any[]): Promise<any> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result: any = await (super.query as any)(...args);
    for (const f of result?.fields ?? []) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
    return result;
  }
}

function connectionConfig(): pg.PoolConfig {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded server)');
  // allowExitOnIdle: the CLI never ends the pool, so idle connections would hold the process ~10 s.
  return { ...(parse(url) as pg.PoolConfig), allowExitOnIdle: true, idleTimeoutMillis: 50 };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => {
    const cfg = connectionConfig(); // lazily: `prisma generate` needs no database
    return Object.assign(new PrismaPg(new CatalogTypesAsText(cfg)), {
      async connectToShadowDb() {
        const admin = new pg.Client(cfg);
        await admin.connect();
        const database = `prisma_shadow_${Date.now()}`;
        await admin.query(`CREATE DATABASE "${database}"`);
        const pool = new CatalogTypesAsText({ ...cfg, database });
        const adapter = await new PrismaPg(pool).connect();
        return Object.assign(adapter, {
          dispose: async () => {
            await pool.end();
            await admin.query(`DROP DATABASE "${database}" WITH (FORCE)`);
            await admin.end();
          },
        });
      },
    });
  },
});
