import { generateSyntheticYear, REGISTER_TABLES, TABLE_NAMES } from './index';

/**
 * `npm run synthetic -- --year 2025 [--scale 1] [--seed 42] [--provinces 11,12] [--reset] [--dry-run]`
 * against DATABASE_URL (migrated and seeded). See tools/synthetic/README.md.
 */
function parseArgs(argv: string[]): Record<string, string | true> {
  const args: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument: ${arg}`);
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) args[key] = inline;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) args[key] = argv[++i];
    else args[key] = true;
  }
  return args;
}

const USAGE = 'usage: npm run synthetic -- --year 2025 [--scale 1] [--seed 42] [--provinces 10,11] [--reset] [--dry-run]';
const KNOWN = new Set(['year', 'scale', 'seed', 'provinces', 'reset', 'dry-run', 'help']);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const unknown = Object.keys(args).filter((key) => !KNOWN.has(key));
  if (args['help'] || unknown.length > 0 || typeof args['year'] !== 'string') {
    if (unknown.length > 0) console.error(`Unknown option: --${unknown.join(', --')}`);
    console.error(USAGE);
    return args['help'] ? 0 : 2;
  }
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) {
    console.error('DATABASE_URL is not set (a migrated and seeded database)');
    return 2;
  }
  const number = (key: string, fallback: number) => (typeof args[key] === 'string' ? Number(args[key]) : fallback);
  const result = await generateSyntheticYear({
    databaseUrl,
    year: number('year', NaN),
    scale: number('scale', 1),
    seed: number('seed', 42),
    provinces: typeof args['provinces'] === 'string' ? args['provinces'].split(',').map((p) => p.trim()) : undefined,
    reset: args['reset'] === true,
    dryRun: args['dry-run'] === true,
    log: (line) => console.log(line),
  });
  const width = Math.max(...TABLE_NAMES.map((t) => t.length));
  console.log(`\nRows per table (${result.from} – ${result.to}, scale ${result.scale}, seed ${result.seed}):`);
  for (const table of TABLE_NAMES) {
    const mark = REGISTER_TABLES.includes(table) ? ' *' : '';
    console.log(`  ${table.padEnd(width)} ${result.rows[table].toLocaleString('en').padStart(11)}${mark}`);
  }
  const all = TABLE_NAMES.reduce((sum, t) => sum + result.rows[t], 0);
  console.log(`  ${'register rows (*)'.padEnd(width)} ${result.registerRows.toLocaleString('en').padStart(11)}`);
  console.log(`  ${'all rows'.padEnd(width)} ${all.toLocaleString('en').padStart(11)}`);
  console.log(
    `Elapsed ${(result.elapsedMs / 1000).toFixed(1)} s (${Math.round(all / (result.elapsedMs / 1000)).toLocaleString('en')} rows/s)`,
  );
  if (result.databaseBytes !== null) console.log(`Database size ${(result.databaseBytes / 1024 ** 2).toFixed(0)} MB`);
  if (result.databaseBytes !== null) {
    console.log(`Foreign keys checked while loading: ${result.foreignKeyChecks ? 'yes' : 'no (session_replication_role = replica)'}`);
  }
  console.log(`Checksum ${result.checksum}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
