import { RegisterCode } from '@skss/domain';
import { EPISODES_TABLE, REGISTER_TABLES, RegisterTable } from '../registers/register-tables';

/** The part of Prisma's runtime data model read here: each model's table and its fields' columns. */
export interface RuntimeField {
  name: string;
  kind: string;
  type: string;
  dbName?: string | null;
}
export type RuntimeModels = Readonly<Record<string, { dbName?: string | null; fields: readonly RuntimeField[] }>>;

/** A field of a register definition and the column that stores it. */
export interface StoredField {
  key: string;
  column: string;
}

/** A collection stored in a table of its own (a delivery's newborns, postnatal visits, complications), in SQL names. */
export interface ChildSqlTable {
  key: string;
  table: string;
  /** Column referencing the record (delivery_id, abortion_id, …). */
  parentColumn: string;
  fields: StoredField[];
  /** Column that, with the parent, identifies an item (newborns: birth order): such items are updated in place. */
  naturalKey: string | null;
  orderBy: readonly object[];
  columns: ReadonlySet<string>;
}

/**
 * How a register is stored, in the SQL names the set-based import statements need: the register
 * API's own mapping (registers/register-tables.ts: delegate, date column, collections, episode
 * closure) with each field's column read from Prisma's data model.
 */
export interface SqlTable {
  records: RegisterTable;
  model: string;
  delegate: string;
  table: string;
  fields: StoredField[];
  /** Key and column of the calendar day that decides the report month (deliveries: the local date). */
  monthKey: string;
  monthColumn: string;
  /** Key of the field the deterministic record key is built from (the event's date or instant). */
  periodKey: string;
  columns: ReadonlySet<string>;
  children: ChildSqlTable[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function recordsTable(register: RegisterCode): RegisterTable {
  return register === 'episodes' ? EPISODES_TABLE : REGISTER_TABLES[register];
}

function columnOf(field: RuntimeField): string {
  const column = field.dbName ?? field.name;
  if (!IDENTIFIER.test(column)) throw new Error(`Unexpected column name ${column}`);
  return column;
}

function modelOf(models: RuntimeModels, model: string): { table: string; fields: readonly RuntimeField[]; column(name: string): string } {
  const entry = models[model];
  if (!entry) throw new Error(`No model ${model} in the Prisma data model`);
  const table = entry.dbName ?? model;
  if (!IDENTIFIER.test(table)) throw new Error(`Unexpected table name ${table}`);
  const column = (name: string) => {
    const field = entry.fields.find((f) => f.name === name && f.kind !== 'object');
    if (!field) throw new Error(`${model} has no field ${name}`);
    return columnOf(field);
  };
  return { table, fields: entry.fields, column };
}

/** The stored fields among a definition's fields: every one that has a column (keys are Prisma field names). */
function storedFields(fields: readonly { key: string }[], modelFields: readonly RuntimeField[]): StoredField[] {
  return fields.flatMap((field) => {
    const scalar = modelFields.find((f) => f.name === field.key && f.kind !== 'object');
    return scalar ? [{ key: field.key, column: columnOf(scalar) }] : [];
  });
}

const scalarColumns = (fields: readonly RuntimeField[]) => new Set(fields.filter((f) => f.kind !== 'object').map(columnOf));

export function sqlTable(models: RuntimeModels, records: RegisterTable): SqlTable {
  const definition = records.definition;
  const parent = modelOf(models, definition.model);
  return {
    records,
    model: definition.model,
    delegate: records.delegate,
    table: parent.table,
    fields: storedFields(definition.fields, parent.fields),
    monthKey: records.dateColumn,
    monthColumn: parent.column(records.dateColumn),
    periodKey: definition.periodField,
    columns: scalarColumns(parent.fields),
    children: records.collections.map((collection) => {
      const child = modelOf(models, collection.model);
      return {
        key: collection.definition.key,
        table: child.table,
        parentColumn: child.column(collection.parentColumn),
        fields: storedFields(collection.definition.fields, child.fields),
        naturalKey: collection.matchBy ? child.column(collection.matchBy) : null,
        orderBy: collection.orderBy,
        columns: scalarColumns(child.fields),
      };
    }),
  };
}
