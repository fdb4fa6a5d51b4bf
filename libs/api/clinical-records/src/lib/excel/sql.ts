import { Prisma, RequestContext } from '@skss/api/core';

/** What the bulk statements run on: the open interactive transaction (raw SQL of the scoped client). */
export interface SqlRunner {
  $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T>;
  $executeRaw(query: Prisma.Sql): Promise<number>;
}

/**
 * Raw SQL of the open interactive transaction: its own client, from the request context. Called
 * through the scoped client's transaction proxy, `$queryRaw`/`$executeRaw` resolve Prisma's
 * internals on the extended client and run outside the transaction (see the closing report).
 */
export function transactionSql(): SqlRunner {
  const tx = RequestContext.current()?.tx;
  if (!tx) throw new Error('No open transaction');
  return tx;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * A table or column name for SQL text. Names only ever come from the Prisma data model and the
 * database catalog (an allowlist, never request data); the check keeps it that way.
 */
export function ident(name: string): Prisma.Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an identifier: ${name}`);
  return Prisma.raw(`"${name}"`);
}

/** The SQL type of each column of each table, from the database catalog. */
export type ColumnTypes = ReadonlyMap<string, ReadonlyMap<string, string>>;

export async function loadColumnTypes(db: SqlRunner, tables: readonly string[]): Promise<ColumnTypes> {
  const rows = await db.$queryRaw<{ table_name: string; column_name: string; data_type: string; udt_name: string }[]>(Prisma.sql`
    SELECT table_name::text AS table_name, column_name::text AS column_name, data_type::text AS data_type, udt_name::text AS udt_name
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ANY(${[...tables]}::text[])`);
  const types = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const table = types.get(row.table_name) ?? new Map<string, string>();
    table.set(row.column_name, sqlType(row.data_type, row.udt_name));
    types.set(row.table_name, table);
  }
  return types;
}

function sqlType(dataType: string, udtName: string): string {
  if (dataType === 'USER-DEFINED') return `"${udtName}"`;
  if (dataType === 'ARRAY') return `${udtName.replace(/^_/, '') === 'varchar' ? 'text' : udtName.replace(/^_/, '')}[]`;
  if (dataType === 'character varying' || dataType === 'character') return 'text';
  if (dataType === 'timestamp with time zone') return 'timestamptz';
  if (dataType === 'timestamp without time zone') return 'timestamp';
  return dataType;
}

/** The SQL type of a column, for casts and record definitions; a missing column is a programming error. */
export function typeOf(types: ColumnTypes, table: string, column: string): Prisma.Sql {
  const type = types.get(table)?.get(column);
  if (!type || !/^("[a-z_][a-z0-9_]*"|[a-z ]+(\[\])?)$/.test(type)) throw new Error(`No column ${table}.${column}`);
  return Prisma.raw(type);
}

/** `jsonb_to_recordset($json) AS r(col type, …)` over rows keyed by column name. */
export function recordset(types: ColumnTypes, table: string, columns: readonly string[], rows: readonly object[], alias = 'r'): Prisma.Sql {
  const definition = Prisma.join(columns.map((column) => Prisma.sql`${ident(column)} ${typeOf(types, table, column)}`));
  // A key left out reads as NULL: nulls are not sent (most optional fields of a register row are empty).
  const json = JSON.stringify(rows, (_key, value: unknown) => (value === null ? undefined : value));
  return Prisma.sql`jsonb_to_recordset(${json}::jsonb) AS ${ident(alias)}(${definition})`;
}
