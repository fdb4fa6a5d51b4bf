/**
 * PostgreSQL settings for the pilot's server size: 2 cores, 4–8 GB of memory, SSD, the API on the
 * same machine or next to it (docs/operations/sizing.md says why each value, and what to change on
 * a larger server). The embedded server of `npm start` runs with them; docker/compose.yaml passes
 * the same values to its PostgreSQL.
 */
export const POSTGRES_SETTINGS: Readonly<Record<string, string>> = {
  // Two API instances × DATABASE_POOL_SIZE (10) + their session listeners + migrations, backups, monitoring.
  max_connections: '50',
  shared_buffers: '512MB',
  effective_cache_size: '2GB',
  // Per sort or hash of a query: 50 connections × a few each stay well within memory.
  work_mem: '8MB',
  maintenance_work_mem: '128MB',
  // SSD: index reads cost about what sequential ones do.
  random_page_cost: '1.1',
  effective_io_concurrency: '200',
  // Two cores are busy with concurrent short queries: one helper per query at most.
  max_parallel_workers_per_gather: '1',
  max_parallel_workers: '2',
  // Compiling short queries costs more than it saves.
  jit: 'off',
  max_wal_size: '2GB',
};

/** The settings as `postgres` command-line flags. */
export const postgresFlags = (settings: Readonly<Record<string, string>> = POSTGRES_SETTINGS): string[] =>
  Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
