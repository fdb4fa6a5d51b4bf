import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { Prisma, PrismaClient } from '../../generated/prisma/client';
import { AppConfig } from '../config/app-config';
import { randomUUID } from 'node:crypto';
import { RequestContext, RequestState } from '../context/request-context';
import { cacheQueryPlans } from './query-plan-cache';
import { extendWithScopeAndAudit } from './scoped-prisma';

/**
 * The database client every repository injects. It is a Prisma client extended with the scope
 * and audit mechanism (scoped-prisma.ts); query extensions keep the client's types, so it is
 * typed as a PrismaClient. `raw` is the unextended client, for the mechanism itself and for
 * security records (sessions, sign-in attempts) that have no facility owner.
 */
export abstract class PrismaService extends PrismaClient {
  abstract readonly raw: PrismaClient;
  /**
   * Runs one read outside any transaction as a prepared statement of the pool's connection
   * (`pg` named statements), so PostgreSQL parses and plans it once per connection and may keep a
   * generic plan, instead of planning on every call. For the few fixed statements read over and
   * over (the report computation: planning is half of PostgreSQL's work of a report view); rows
   * come as `pg` gives them, so statements cast what they return. Logged like Prisma's own
   * statements when LOG_QUERIES is on.
   */
  abstract queryPrepared<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
}

export function createPrismaService(config: AppConfig): PrismaService {
  cacheQueryPlans();
  // Requests beyond the pool wait for a connection rather than crowd the server (docs/operations/sizing.md).
  const pool = new Pool({ connectionString: config.databaseUrl, max: config.databasePoolSize });
  // An idle connection ended by the server (a restart, a dropped database) leaves the pool; unheard,
  // the pool's error event would end the process (prepared statements may use the pool before Prisma does).
  pool.on('error', (error) => Logger.warn(`an idle database connection ended: ${error.message}`, 'Database'));
  const raw = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    log: config.logQueries ? ['query', 'warn', 'error'] : ['warn', 'error'],
    // Any other format makes Prisma capture a stack trace (new Error) on every query, to print the
    // calling line in its messages; failures are answered by their codes and logged with their
    // messages here, so that trace is work thrown away (only NODE_ENV=production turns it off by default).
    errorFormat: 'minimal',
  });
  const extended = extendWithScopeAndAudit(raw) as unknown as PrismaService;
  Object.defineProperty(extended, 'raw', { value: raw });
  Object.defineProperty(extended, 'queryPrepared', { value: preparedQueries(pool, config.logQueries) });
  Object.defineProperty(extended, '$transaction', { value: scopedTransaction(raw, extended) });
  return extended;
}

/** Names of prepared statements: one per statement text (a connection refuses two texts under one name). */
export const preparedStatementName = (sql: string) => `skss_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;

/** The part of a `pg` Pool or Client that runs a statement, named (prepared) or not. */
export interface PgQueryable {
  query(config: string | { name?: string; text: string; values: unknown[] }, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Fixed statement texts seen so far and their names: hashing every text on every call would be work done twice. */
const statementNames = new Map<string, string>();
/** queryPrepared is for fixed statements; beyond this many texts, names are hashed on each call rather than kept. */
const MAX_NAMED_STATEMENTS = 1_000;

function nameOf(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = preparedStatementName(sql);
    if (statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(sql, name);
  }
  return name;
}

/**
 * Runs a fixed statement as a prepared one (a `pg` named statement, parsed and planned once per
 * connection): the one way the API, the load benchmark's bare server and the tests prepare.
 */
export async function queryPreparedOn<T>(db: PgQueryable, sql: string, params: readonly unknown[]): Promise<T[]> {
  try {
    return (await db.query({ name: nameOf(sql), text: sql, values: [...params] })).rows as T[];
  } catch (error) {
    // A table changed under a statement prepared before (a migration while running): run it unprepared.
    if ((error as { code?: string }).code !== '0A000') throw error;
    return (await db.query({ text: sql, values: [...params] })).rows as T[];
  }
}

function preparedQueries(pool: Pool, log: boolean) {
  return <T>(sql: string, params: readonly unknown[]): Promise<T[]> => {
    // The same line Prisma prints for its statements, so that the query log shows every statement.
    if (log) console.log(`prisma:query ${sql}`);
    return queryPreparedOn<T>(pool, sql, params);
  };
}

/** Property names of the model delegates (`userAccount`, `ancVisit`, ...). */
const MODEL_DELEGATES: ReadonlySet<string> = new Set(Object.values(Prisma.ModelName).map((m) => m.charAt(0).toLowerCase() + m.slice(1)));

/**
 * Interactive transactions of the scoped client: the work's model queries still go through the
 * scope and audit mechanism (which runs them, and their audit rows, in this transaction), while
 * raw SQL (`$queryRaw`, `$executeRaw`, advisory locks) runs on the transaction itself.
 * The array form (a batch of prepared queries) is Prisma's own.
 */
function scopedTransaction(raw: PrismaClient, extended: PrismaService) {
  const batch = (extended.$transaction as (...args: unknown[]) => Promise<unknown>).bind(extended);
  return (work: unknown, options?: unknown): Promise<unknown> => {
    if (typeof work !== 'function') return batch(work, options);
    const outer = RequestContext.current();
    return raw.$transaction(
      (tx) => {
        const state: RequestState = outer ? { ...outer, tx } : { requestId: randomUUID(), ip: null, system: true, tx };
        // Only the model delegates come from the scoped client; everything else — raw SQL and the
        // client's internals that say which transaction it is — stays bound to the transaction.
        const client = new Proxy(tx, {
          get: (target, property) => {
            if (typeof property === 'string' && MODEL_DELEGATES.has(property))
              return (extended as unknown as Record<string, unknown>)[property];
            const value = Reflect.get(target, property, target);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
        return RequestContext.run(state, () => (work as (db: unknown) => Promise<unknown>)(client));
      },
      options as Parameters<PrismaClient['$transaction']>[1],
    );
  };
}

/** Closes the connection pool when the application shuts down. */
@Injectable()
export class PrismaLifecycle implements OnModuleDestroy {
  constructor(private readonly prisma: PrismaService) {}

  async onModuleDestroy(): Promise<void> {
    await this.prisma.raw.$disconnect();
  }
}
