import { Injectable } from '@nestjs/common';
import { AuditService, FieldError, Prisma, PrismaService } from '@skss/api/core';
import { EpisodeFacts, IsoDate, PersonRecord, REGISTER_DEFINITIONS, RegisterCode, todayInVietnam, vietnamLocalDate } from '@skss/domain';
import { linkNewbornChildren } from '../persons/newborn-children';
import { findPersons, Found, resolvePersons } from './bulk-persons';
import { monthOf, RecordValue } from './import-records';
import { recordsTable, RuntimeModels, SqlTable, sqlTable } from './sql-tables';
import { ColumnTypes, ident, loadColumnTypes, recordset, SqlRunner, typeOf } from './sql';
import { compareStoredChildren } from './stored-children';
import { uuid7 } from './uuid7';

/**
 * Where a batch of records comes from: Excel files (source EXCEL, system 'EXCEL', the import) or an
 * external system (source API, its system key, no import). (source_system, source_record_id) is the
 * record's identity: a record sent again updates the row it created.
 */
export interface BulkSource {
  kind: 'EXCEL' | 'API';
  system: string;
  importId: string | null;
}

/** One validated record on its way to the database: its source record id and its normalised value. */
export interface BulkItem {
  key: string;
  value: RecordValue;
  /** The source system's own patient id of the record's person (person_source_id), when it sends one. */
  sourcePatientId?: string | null;
}

/** Why a valid record cannot be written (a field path of the record, a machine code, a Vietnamese message). */
export interface BulkProblem {
  field: string;
  code: string;
  message: string;
}

export type BulkOutcome =
  | { outcome: 'created' | 'updated'; id: string }
  | { outcome: 'unchanged'; id: null }
  | { outcome: 'refused'; id: null; problem: BulkProblem };

export interface BulkWriteResult {
  /** The outcome of each item, in order. */
  outcomes: BulkOutcome[];
  /** Records inserted or updated. */
  records: number;
  /** Persons created: the records' own and their newborns' child persons. */
  personsCreated: number;
  /** Stored persons the records brought up to date (persons/person-refresh.ts). */
  personsUpdated: number;
  /** Per item: what differs from her stored person and was kept, with `person.` field paths. */
  personWarnings: FieldError[][];
}

export interface BulkTarget {
  register: RegisterCode;
  table: SqlTable;
  facilityId: number;
  source: BulkSource;
}

/** The calendar day of a record's month field (a date, or the local date of an instant). */
export function dayOf(value: RecordValue, key: string): IsoDate | null {
  const raw = value[key];
  if (typeof raw !== 'string' || raw === '') return null;
  return raw.length > 10 ? vietnamLocalDate(raw) : raw;
}

export function lockedMessage(month: IsoDate, reason: string): string {
  return `Sổ của tháng ${month.slice(5, 7)}/${month.slice(0, 4)} đã khóa vì báo cáo đã được duyệt: ${reason}`;
}

/**
 * The set-based write path of the registers, shared by the Excel import and the integration API:
 * a few statements per batch whatever its size. Records are validated by the caller (the domain
 * validators); this finds or creates their persons in bulk, refuses what cannot be written (a locked
 * month, a record id another facility uses) and upserts the rest by (source_system,
 * source_record_id), with their item tables and the episode closures they imply. Everything runs
 * on the caller's open transaction (`SqlRunner`), so a batch commits whole or not at all.
 */
@Injectable()
export class RegisterBulkWriter {
  private types: Promise<ColumnTypes> | null = null;
  private readonly tables = new Map<RegisterCode, SqlTable>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  /** Where a register's rows are stored. */
  table(register: RegisterCode): SqlTable {
    let table = this.tables.get(register);
    if (!table) {
      const models = (this.prisma.raw as unknown as { _runtimeDataModel: { models: RuntimeModels } })._runtimeDataModel.models;
      table = sqlTable(models, recordsTable(register));
      this.tables.set(register, table);
    }
    return table;
  }

  /** The SQL types of the register tables' columns, read once from the catalog. */
  columnTypes(db: SqlRunner): Promise<ColumnTypes> {
    if (!this.types) {
      const tables = (Object.keys(REGISTER_DEFINITIONS) as RegisterCode[]).flatMap((code) => {
        const table = this.table(code);
        return [table.table, ...table.children.map((child) => child.table)];
      });
      this.types = loadColumnTypes(db, [...tables, 'person', 'register_import_row']).catch((error: unknown) => {
        this.types = null;
        throw error;
      });
    }
    return this.types;
  }

  /**
   * The stored person of each person part (citizen ID, insurance card, the source's patient id, then
   * name and date of birth at the facility), or null: read-only, for episodeFacts() and write() to share.
   */
  findPersons(
    db: SqlRunner,
    facilityId: number,
    people: readonly PersonRecord[],
    source?: { system: string; ids: readonly (string | null | undefined)[] },
  ): Promise<(Found | null)[]> {
    return findPersons(db, facilityId, people, source);
  }

  /**
   * Facts of the episode each record belongs to: the known person's episode covering the event's
   * day (the validators' episode rules need them). Keyed by the index in `values`.
   */
  async episodeFacts(
    db: SqlRunner,
    facilityId: number,
    table: SqlTable,
    values: (RecordValue | null)[],
    source?: { system: string; patientIds: (string | null | undefined)[] },
    /** The stored person of each value (findPersons(), in this transaction), when the caller has it already. */
    stored?: readonly (Found | null)[],
  ): Promise<Map<number, EpisodeFacts>> {
    const wanted = values.flatMap((value, index) => {
      const person = value?.person;
      const day = value ? dayOf(value, table.monthKey) : null;
      return person && day ? [{ index, person, day, sourceId: source?.patientIds[index] ?? null }] : [];
    });
    const facts = new Map<number, EpisodeFacts>();
    if (!wanted.length) return facts;
    const found = stored
      ? wanted.map((w) => stored[w.index] ?? null)
      : await findPersons(
          db,
          facilityId,
          wanted.map((w) => w.person),
          source ? { system: source.system, ids: wanted.map((w) => w.sourceId) } : undefined,
        );
    const known = wanted.flatMap((w, i) => (found[i] ? [{ index: w.index, person: found[i]?.id as string, day: w.day }] : []));
    if (!known.length) return facts;
    const rows = await db.$queryRaw<{ index: number; lmp: string | null; registered_on: string; closed_on: string | null }[]>(Prisma.sql`
      SELECT w.index, to_char(e.lmp, 'YYYY-MM-DD') AS lmp, to_char(e.registered_on, 'YYYY-MM-DD') AS registered_on,
             to_char(e.closed_on, 'YYYY-MM-DD') AS closed_on
      FROM unnest(${known.map((k) => k.index)}::int[], ${known.map((k) => k.person)}::uuid[], ${known.map((k) => k.day)}::date[]) AS w(index, person, day)
      JOIN LATERAL (
        SELECT * FROM pregnancy_episode e
        WHERE e.person_id = w.person AND e.registered_on <= w.day AND (e.closed_on IS NULL OR e.closed_on >= w.day)
        ORDER BY e.registered_on DESC LIMIT 1) e ON true`);
    for (const row of rows) facts.set(row.index, { lmp: row.lmp, registeredOn: row.registered_on, closedOn: row.closed_on });
    return facts;
  }

  /**
   * Why a valid record cannot be written: its month (or the month of the row it would update) is
   * locked, or its record id is used by a row of another facility. Set-based: two statements per
   * batch (RegisterLockService answers for one day at a time). Keyed by the index in `items`.
   */
  async refusals(
    db: SqlRunner,
    source: BulkSource,
    facilityId: number,
    table: SqlTable,
    items: readonly (BulkItem | null)[],
  ): Promise<Map<number, BulkProblem>> {
    const refusals = new Map<number, BulkProblem>();
    const keys = items.flatMap((item) => (item ? [item.key] : []));
    if (!keys.length) return refusals;
    const existing = await db.$queryRaw<{ key: string; facility_id: number; day: string | null }[]>(Prisma.sql`
      SELECT source_record_id AS key, facility_id, to_char(${ident(table.monthColumn)}, 'YYYY-MM-DD') AS day
      FROM ${ident(table.table)} WHERE source_system = ${source.system} AND source_record_id = ANY(${keys}::text[])`);
    const byKey = new Map(existing.map((row) => [row.key, row]));
    const months = new Set<string>();
    for (const item of items) {
      if (!item) continue;
      const day = dayOf(item.value, table.monthKey);
      if (day) months.add(monthOf(day));
      const old = byKey.get(item.key)?.day;
      if (old) months.add(monthOf(old));
    }
    const locks = months.size
      ? await db.$queryRaw<{ month: string; reason: string }[]>(Prisma.sql`
          SELECT to_char(month, 'YYYY-MM-DD') AS month, reason FROM register_period_lock
          WHERE facility_id = ${facilityId}::int AND month = ANY(${[...months]}::date[])`)
      : [];
    const locked = new Map(locks.map((lock) => [lock.month, lock.reason]));
    items.forEach((item, i) => {
      if (!item) return;
      const stored = byKey.get(item.key);
      if (stored && stored.facility_id !== facilityId) {
        refusals.set(i, {
          field: 'sourceRecordId',
          code: 'SOURCE_ID_TAKEN',
          message: `Mã bản ghi "${item.key}" đã được một cơ sở khác dùng: hãy đặt mã khác`,
        });
        return;
      }
      for (const day of [dayOf(item.value, table.monthKey), stored?.day ?? null]) {
        const month = day ? monthOf(day) : null;
        const reason = month ? locked.get(month) : undefined;
        if (month && reason !== undefined) {
          refusals.set(i, { field: table.periodKey, code: 'PERIOD_LOCKED', message: lockedMessage(month, reason) });
          return;
        }
      }
    });
    return refusals;
  }

  /**
   * Writes a batch of valid records of one register and facility: persons found or created in bulk,
   * records inserted or updated in place (a record equal to its stored row, item lists included, is
   * left alone and answers unchanged), item tables rewritten, episodes closed by deliveries and
   * abortions. The keys must be distinct within the batch.
   */
  async write(
    db: SqlRunner,
    types: ColumnTypes,
    target: BulkTarget,
    items: readonly BulkItem[],
    /** findPersons() of the items' persons, read earlier in this transaction (saves its statements). */
    known?: readonly (Found | null)[],
  ): Promise<BulkWriteResult> {
    const { register, table, facilityId, source } = target;
    const outcomes: BulkOutcome[] = [];
    const result: BulkWriteResult = { outcomes, records: 0, personsCreated: 0, personsUpdated: 0, personWarnings: items.map(() => []) };
    if (!items.length) return result;

    let personIds: string[] = [];
    if (REGISTER_DEFINITIONS[register].embedsPerson) {
      const resolved = await resolvePersons(
        db,
        types,
        facilityId,
        items.map((item) => ({
          person: item.value.person as PersonRecord,
          day: dayOf(item.value, table.monthKey) ?? todayInVietnam(),
          sourceId: item.sourcePatientId ?? null,
        })),
        source.kind === 'API' ? source.system : undefined,
        known,
      );
      personIds = resolved.ids;
      result.personsCreated = resolved.created;
      result.personsUpdated = resolved.updates.length;
      result.personWarnings = resolved.warnings.map((list) => list.map((w) => ({ ...w, field: `person.${w.field}` })));
      // Raw SQL bypasses the audited client: each person brought up to date is one event, in this transaction.
      for (const update of resolved.updates) {
        await this.audit.record({
          action: 'UPDATE',
          entityType: 'Person',
          entityId: update.personId,
          before: update.before,
          after: update.after,
          details: {
            reason: 'RECORD_OF_KNOWN_PERSON',
            register,
            source: source.kind,
            sourceSystem: source.system,
            importId: source.importId,
          },
        });
      }
    }

    // Item lists count as content: a record is rewritten only when it or one of its lists changed.
    const children = await compareStoredChildren(db, types, table, facilityId, source, items);
    const written = await this.upsertRecords(db, types, target, items, personIds, children.differ);
    const parents: { id: string; item: BulkItem }[] = [];
    for (const item of items) {
      const row = written.get(item.key);
      if (!row) {
        if (table.children.length && !children.stored.has(item.key)) {
          // Neither written nor stored here before: another facility's row took the key meanwhile.
          outcomes.push({
            outcome: 'refused',
            id: null,
            problem: { field: 'sourceRecordId', code: 'SOURCE_ID_TAKEN', message: `Mã bản ghi "${item.key}" đã được một cơ sở khác dùng` },
          });
          continue;
        }
        outcomes.push({ outcome: 'unchanged', id: null });
        continue;
      }
      parents.push({ id: row.id, item });
      outcomes.push({ outcome: row.inserted ? 'created' : 'updated', id: row.id });
    }
    result.records = parents.length;
    if (parents.length) await this.writeChildren(db, types, table, facilityId, source, parents);
    const closure = table.records.closes;
    if (closure && parents.length && table.columns.has('episode_id')) {
      await db.$executeRaw(Prisma.sql`
        UPDATE pregnancy_episode e
        SET closure = ${closure}::${Prisma.raw('"episode_closure"')}, closed_on = t.${ident(table.monthColumn)}, updated_at = now()
        FROM ${ident(table.table)} t
        WHERE t.id = ANY(${parents.map((p) => p.id)}::uuid[]) AND e.id = t.episode_id AND e.closure IS NULL`);
    }
    if (register === 'deliveries') {
      // Every record of the batch that is stored here (written or unchanged): a newborn without her child gets one.
      const keys = items.filter((_, i) => outcomes[i].outcome !== 'refused').map((item) => item.key);
      result.personsCreated += await linkNewbornChildren(db, types, facilityId, { system: source.system, keys });
    }
    return result;
  }

  /**
   * INSERT … ON CONFLICT (source_system, source_record_id) DO UPDATE of a batch of records: a
   * record sent before is updated in place (only a row of the same facility, and only when one of
   * its columns changed or its key is in `childrenDiffer`), a new one inserted. A row left alone is
   * not returned: no write, so no record_change, outbox item or updated_at of it.
   */
  private async upsertRecords(
    db: SqlRunner,
    types: ColumnTypes,
    target: BulkTarget,
    items: readonly BulkItem[],
    personIds: string[],
    /** Keys of stored records whose item lists differ from the incoming ones (compareStoredChildren()). */
    childrenDiffer: ReadonlySet<string>,
  ): Promise<Map<string, { id: string; inserted: boolean }>> {
    const { register, table, facilityId, source } = target;
    const definition = REGISTER_DEFINITIONS[register];
    const fields = table.fields.filter((field) => field.column !== 'source_record_id');
    const withPerson = definition.embedsPerson && table.columns.has('person_id');
    const withEpisode = definition.episode !== 'none' && table.columns.has('episode_id');
    const rows = items.map((item, i) => {
      const row: Record<string, unknown> = { id: uuid7(), source_record_id: item.key };
      if (withPerson) row['person_id'] = personIds[i];
      for (const field of fields) row[field.column] = item.value[field.key] ?? null;
      return row;
    });
    const inputColumns = ['id', 'source_record_id', ...(withPerson ? ['person_id'] : []), ...fields.map((field) => field.column)];
    const t = ident(table.table);
    const episode = withEpisode
      ? Prisma.sql`(SELECT e.id FROM pregnancy_episode e WHERE e.person_id = r.person_id AND e.registered_on <= r.${ident(table.monthColumn)}
                     AND (e.closed_on IS NULL OR e.closed_on >= r.${ident(table.monthColumn)}) ORDER BY e.registered_on DESC LIMIT 1)`
      : null;
    const targets: Prisma.Sql[] = [
      ident('id'),
      ident('facility_id'),
      ident('source'),
      ident('source_system'),
      ident('source_record_id'),
      ident('import_id'),
    ];
    const values: Prisma.Sql[] = [
      Prisma.sql`r.id`,
      Prisma.sql`${facilityId}::int`,
      Prisma.sql`${source.kind}::${typeOf(types, table.table, 'source')}`,
      Prisma.sql`${source.system}`,
      Prisma.sql`r.source_record_id`,
      Prisma.sql`${source.importId}::uuid`,
    ];
    const updates: string[] = ['source', 'import_id'];
    const compared: string[] = [];
    if (withPerson) {
      targets.push(ident('person_id'));
      values.push(Prisma.sql`r.person_id`);
      updates.push('person_id');
      compared.push('person_id');
    }
    if (episode) {
      targets.push(ident('episode_id'));
      values.push(episode);
      updates.push('episode_id');
      compared.push('episode_id');
    }
    for (const field of fields) {
      targets.push(ident(field.column));
      values.push(Prisma.sql`r.${ident(field.column)}`);
      updates.push(field.column);
      compared.push(field.column);
    }
    for (const stamp of ['created_at', 'updated_at']) {
      if (!table.columns.has(stamp)) continue;
      targets.push(ident(stamp));
      values.push(Prisma.sql`now()`);
    }
    const set = [...updates.map((column) => Prisma.sql`${ident(column)} = EXCLUDED.${ident(column)}`)];
    if (table.columns.has('updated_at')) set.push(Prisma.sql`updated_at = now()`);
    const columnsDiffer = Prisma.sql`(${Prisma.join(compared.map((c) => Prisma.sql`${t}.${ident(c)}`))}) IS DISTINCT FROM (${Prisma.join(
      compared.map((c) => Prisma.sql`EXCLUDED.${ident(c)}`),
    )})`;
    const changed = childrenDiffer.size
      ? Prisma.sql`AND (${columnsDiffer} OR ${t}.source_record_id = ANY(${[...childrenDiffer]}::text[]))`
      : Prisma.sql`AND ${columnsDiffer}`;
    const returned = await db.$queryRaw<{ id: string; key: string; inserted: boolean }[]>(Prisma.sql`
      INSERT INTO ${t} (${Prisma.join(targets)})
      SELECT ${Prisma.join(values)} FROM ${recordset(types, table.table, inputColumns, rows)}
      ON CONFLICT (source_system, source_record_id) DO UPDATE SET ${Prisma.join(set)}
      WHERE ${t}.facility_id = EXCLUDED.facility_id ${changed}
      RETURNING id, source_record_id AS key, (xmax = 0) AS inserted`);
    return new Map(returned.map((row) => [row.key, { id: row.id, inserted: row.inserted }]));
  }

  /** The item tables of the written records: items with a natural key updated in place, the others replaced. */
  private async writeChildren(
    db: SqlRunner,
    types: ColumnTypes,
    table: SqlTable,
    facilityId: number,
    source: BulkSource,
    parents: { id: string; item: BulkItem }[],
  ): Promise<void> {
    for (const child of table.children) {
      const rows = parents.flatMap(({ id, item }) =>
        ((item.value[child.key] as Record<string, unknown>[] | undefined) ?? []).map((value) => {
          const row: Record<string, unknown> = { id: uuid7(), [child.parentColumn]: id };
          for (const field of child.fields) row[field.column] = value[field.key] ?? null;
          return row;
        }),
      );
      const parentIds = parents.map((parent) => parent.id);
      const inputColumns = ['id', child.parentColumn, ...child.fields.map((field) => field.column)];
      const extra: { column: string; value: Prisma.Sql }[] = [];
      if (child.columns.has('facility_id')) extra.push({ column: 'facility_id', value: Prisma.sql`${facilityId}::int` });
      if (child.columns.has('source'))
        extra.push({ column: 'source', value: Prisma.sql`${source.kind}::${typeOf(types, child.table, 'source')}` });
      const c = ident(child.table);
      if (child.naturalKey) {
        const counts = parents.map(({ id, item }) => ({
          parent: id,
          items: ((item.value[child.key] as unknown[] | undefined) ?? []).length,
        }));
        await db.$executeRaw(Prisma.sql`
          DELETE FROM ${c} x USING jsonb_to_recordset(${JSON.stringify(counts)}::jsonb) AS k(parent uuid, items int)
          WHERE x.${ident(child.parentColumn)} = k.parent AND x.${ident(child.naturalKey)} > k.items`);
      } else {
        await db.$executeRaw(Prisma.sql`DELETE FROM ${c} WHERE ${ident(child.parentColumn)} = ANY(${parentIds}::uuid[])`);
      }
      if (!rows.length) continue;
      const conflict = child.naturalKey
        ? Prisma.sql`ON CONFLICT (${ident(child.parentColumn)}, ${ident(child.naturalKey)}) DO UPDATE SET ${Prisma.join(
            child.fields.map((field) => Prisma.sql`${ident(field.column)} = EXCLUDED.${ident(field.column)}`),
          )}`
        : Prisma.empty;
      await db.$executeRaw(Prisma.sql`
        INSERT INTO ${c} (${Prisma.join([...inputColumns.map(ident), ...extra.map((e) => ident(e.column))])})
        SELECT ${Prisma.join([...inputColumns.map((column) => Prisma.sql`r.${ident(column)}`), ...extra.map((e) => e.value)])}
        FROM ${recordset(types, child.table, inputColumns, rows)}
        ${conflict}`);
    }
  }
}
