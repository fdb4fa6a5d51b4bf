import { Prisma } from '@skss/api/core';
import type { BulkItem, BulkSource } from './register-bulk-writer';
import { ChildSqlTable, SqlTable } from './sql-tables';
import { ColumnTypes, ident, SqlRunner, typeOf } from './sql';

/** What the stored item lists of a batch's records say, against the lists the batch brings. */
export interface StoredChildren {
  /** Keys of the records already stored at the batch's facility. */
  stored: Set<string>;
  /** Keys of those whose item lists (newborns, postnatal visits, complications) differ from the incoming ones. */
  differ: Set<string>;
}

/** The incoming items of one child table as `jsonb_to_recordset(…) AS alias("key" text, col type, …)`, typed as stored. */
function incoming(types: ColumnTypes, child: ChildSqlTable, items: readonly BulkItem[], alias: string): Prisma.Sql {
  const rows = items.flatMap((item) =>
    ((item.value[child.key] as Record<string, unknown>[] | undefined) ?? []).map((value) => {
      const row: Record<string, unknown> = { key: item.key };
      for (const field of child.fields) row[field.column] = value[field.key] ?? null;
      return row;
    }),
  );
  const definition = Prisma.join([
    Prisma.sql`"key" text`,
    ...child.fields.map((field) => Prisma.sql`${ident(field.column)} ${typeOf(types, child.table, field.column)}`),
  ]);
  // A key left out reads as NULL, as the writer's own recordset() reads it.
  const json = JSON.stringify(rows, (_key, value: unknown) => (value === null ? undefined : value));
  return Prisma.sql`jsonb_to_recordset(${json}::jsonb) AS ${ident(alias)}(${definition})`;
}

/**
 * Compares the item lists of the batch's stored records with the incoming ones, as multisets of
 * their fields typed as the columns store them (row ids, parent links and the person links of
 * newborns are not content): order and ids do not count, so a record sent again with the same
 * items is recognised as unchanged and nothing of it is rewritten. One set-based statement per
 * batch (hashed EXCEPT ALL both ways per child table).
 */
export async function compareStoredChildren(
  db: SqlRunner,
  types: ColumnTypes,
  table: SqlTable,
  facilityId: number,
  source: BulkSource,
  items: readonly BulkItem[],
): Promise<StoredChildren> {
  const result: StoredChildren = { stored: new Set(), differ: new Set() };
  if (!table.children.length || !items.length) return result;
  const sent: Prisma.Sql[] = [];
  const differences: Prisma.Sql[] = [];
  table.children.forEach((child, i) => {
    const columns = (alias: string) => Prisma.join(child.fields.map((field) => Prisma.sql`${Prisma.raw(alias)}.${ident(field.column)}`));
    const s = ident(`s${i}`);
    sent.push(Prisma.sql`${s} AS (SELECT * FROM ${incoming(types, child, items, 'r')})`);
    const storedRows = Prisma.sql`SELECT p.key, ${columns('x')} FROM p JOIN ${ident(child.table)} x ON x.${ident(child.parentColumn)} = p.id`;
    const sentRows = Prisma.sql`SELECT y."key", ${columns('y')} FROM ${s} y`;
    // Keys only: the child tables' columns differ, their differences are united by key.
    differences.push(
      Prisma.sql`SELECT e.key FROM (${storedRows} EXCEPT ALL ${sentRows}) AS e`,
      Prisma.sql`SELECT e.key FROM (${sentRows} EXCEPT ALL ${storedRows}) AS e`,
    );
  });
  const rows = await db.$queryRaw<{ key: string; differ: boolean }[]>(Prisma.sql`
    WITH p AS (
      SELECT id, source_record_id AS key FROM ${ident(table.table)}
      WHERE source_system = ${source.system} AND source_record_id = ANY(${items.map((item) => item.key)}::text[])
        AND facility_id = ${facilityId}::int),
    ${Prisma.join(sent)},
    d AS (${Prisma.join(differences, ' UNION ALL ')})
    SELECT p.key, EXISTS (SELECT 1 FROM d WHERE d.key = p.key) AS differ FROM p`);
  for (const row of rows) {
    result.stored.add(row.key);
    if (row.differ) result.differ.add(row.key);
  }
  return result;
}
