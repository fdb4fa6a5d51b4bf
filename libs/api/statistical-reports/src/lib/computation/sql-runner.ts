/**
 * What the computation needs from a database: one parameterised statement at a time. Prisma's
 * `$queryRawUnsafe` and a `pg` client both fit (see `sqlRunnerOf`), so the same code runs in the
 * API, in the benchmark and in the rule tests.
 */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params: readonly unknown[]): Promise<T[]>;
}
