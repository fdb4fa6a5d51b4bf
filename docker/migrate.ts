import { seedReferenceData } from '@skss/seed';
import { migrateDeploy } from '../tools/db';

/**
 * One-off job of the container image: migrations, the database security objects
 * (prisma/security.sql, applied by migrateDeploy) and the reference data, without starting the API.
 * Run it once per release with the schema-owning role, then start API instances that connect with
 * a member of `skss_app` and run `node dist/apps/api/main.js` (docs/operations/deployment.md):
 *
 *   docker run --rm -e DATABASE_URL=postgresql://owner:…@db/skss skss node tools/run-ts.js docker/migrate.ts
 *
 * The image's default command (tools/start/start.ts) does the same steps and then starts the API.
 */
async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set');
  const migrations = await migrateDeploy(url);
  console.log(`[migrate] migrations ${migrations}, security objects applied`);
  const seeded = await seedReferenceData(url);
  console.log(
    seeded.applied
      ? `[migrate] reference data loaded (${seeded.units} admin units, ${seeded.facilities} facilities)`
      : '[migrate] reference data up to date',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
