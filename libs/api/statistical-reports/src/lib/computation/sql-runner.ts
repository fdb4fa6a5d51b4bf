import { PgQueryable, queryPreparedOn } from '@skss/api/core';

/**
 * What the computation needs from a database: one parameterised statement at a time. Prisma's
 * `$queryRawUnsafe` and a `pg` client both fit (see `sqlRunnerOf`), so the same code runs in the
 * API, in the benchmark and in the rule tests.
 */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params: readonly unknown[]): Promise<T[]>;
}

/** The part of a Prisma client (or interactive transaction) the adapter uses. */
export interface PrismaLike {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** The part of a `pg` Client or Pool the adapter uses. */
export type PgLike = PgQueryable;

/** The API's database client when it offers prepared statements (PrismaService.queryPrepared). */
export interface PreparingLike {
  queryPrepared<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
}

function isPrismaLike(db: PrismaLike | PgLike | SqlRunner): db is PrismaLike {
  return typeof (db as Partial<PrismaLike>).$queryRawUnsafe === 'function';
}

/**
 * A SqlRunner over a Prisma client (or a transaction of one) or a `pg` client or pool. The
 * statements of the computation cast what they return (`::int`, `::text`), so both drivers give
 * the same JavaScript values.
 */
export function sqlRunnerOf(db: PrismaLike | PgLike): SqlRunner {
  if (isPrismaLike(db)) {
    return {
      query: <T>(sql: string, params: readonly unknown[]) => db.$queryRawUnsafe<T[]>(sql, ...params),
    };
  }
  return {
    query: async <T>(sql: string, params: readonly unknown[]) => (await db.query(sql, [...params])).rows as T[],
  };
}

/**
 * A SqlRunner whose statements are prepared once per connection: the API's client
 * (PrismaService.queryPrepared) or a `pg` client or pool (named statements, as the API names them).
 * For reads outside a transaction that are asked over and over — the draft of a report — where
 * PostgreSQL would otherwise plan every statement on every call.
 */
export function preparedSqlRunnerOf(db: PreparingLike | PgLike): SqlRunner {
  if ('queryPrepared' in db) return { query: <T>(sql: string, params: readonly unknown[]) => db.queryPrepared<T>(sql, params) };
  return { query: <T>(sql: string, params: readonly unknown[]) => queryPreparedOn<T>(db, sql, params) };
}
