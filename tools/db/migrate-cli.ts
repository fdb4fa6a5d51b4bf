import { migrateDeploy } from './migrate';

/** `npm run db:migrate`: committed migrations, then prisma/security.sql, on DATABASE_URL. */
const url = process.env['DATABASE_URL'];
if (!url) {
  console.error('DATABASE_URL is not set');
  process.exit(2);
}
migrateDeploy(url).then(
  (outcome) => console.log(outcome === 'applied' ? 'Migrations applied.' : 'Database already up to date.'),
  (error: unknown) => {
    console.error((error as { stderr?: string }).stderr ?? (error instanceof Error ? error.message : error));
    process.exit(1);
  },
);
