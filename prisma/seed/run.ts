import { seedReferenceData } from './seed';

/** `npm run db:seed`: loads the reference data into DATABASE_URL (add --force to re-apply). */
async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set');
  const result = await seedReferenceData(url, { force: process.argv.includes('--force') });
  console.log(result.applied ? `Seeded: ${JSON.stringify(result)}` : 'Reference data already up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
