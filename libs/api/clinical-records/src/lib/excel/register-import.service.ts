import { Injectable } from '@nestjs/common';
import {
  AuditService,
  DEFAULT_XLSX_LIMITS,
  DomainError,
  inspectZip,
  NotFoundError,
  openXlsx,
  outOfScope,
  Prisma,
  PrismaService,
  RequestContext,
  writeScopeOf,
  XlsxLimits,
} from '@skss/api/core';
import {
  EpisodeFacts,
  IsoDate,
  PersonRecord,
  RecordProblem,
  REGISTER_DEFINITIONS,
  RegisterCode,
  todayInVietnam,
  ValidationContext,
  validateRecord,
  vietnamLocalDate,
} from '@skss/domain';
import { createHash } from 'node:crypto';
import { RecordsContext } from '../shared/records-context';
import { findPersons, resolvePersons, unknownCommunes } from './bulk-persons';
import { ExcelLayout, excelLayout } from './excel-layout';
import { CodeLookup, codeLookup, dataRows, ImportProblem, locateProblem, ParsedRecord, parseRecords } from './import-parser';
import { EXCEL_SOURCE_SYSTEM, lockedProblem, monthOf, Outcome, recordKey, RecordValue, StoredGroupMember } from './import-records';
import { recordsTable, RuntimeModels, SqlTable, sqlTable } from './sql-tables';
import { ColumnTypes, ident, loadColumnTypes, recordset, SqlRunner, transactionSql, typeOf } from './sql';
import { uuid7 } from './uuid7';

/** Limits of an uploaded workbook (see DEFAULT_XLSX_LIMITS for the reasoning). */
export const IMPORT_LIMITS: XlsxLimits = DEFAULT_XLSX_LIMITS;
/** Records validated, stored and committed per round of statements. */
const BATCH = 2_000;
/** Problems listed in an answer; all of them are in the result file. */
export const MAX_LISTED_ERRORS = 1_000;
/** A 50,000-row file is validated or committed in well under a minute; a transaction may take this long. */
const TRANSACTION = { timeout: 15 * 60_000, maxWait: 60_000 };

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

export interface ImportSummary {
  id: string;
  register: RegisterCode;
  facilityCode: string;
  status: 'PREVIEWED' | 'COMMITTED' | 'DISCARDED' | 'REFUSED';
  fileName: string;
  fileSize: number;
  fileSha256: string;
  totalRows: number;
  validRows: number;
  errorRows: number;
  created: number;
  updated: number;
  allOrNothing: boolean;
  byUsername: string | null;
  createdAt: string;
  committedAt: string | null;
}

export interface ImportDetail extends ImportSummary {
  /** Sheet rows by outcome (valid, invalid, created, updated, unchanged, refused). */
  outcomes: Record<string, number>;
  errors: ImportProblem[];
  errorsTruncated: boolean;
}

type ImportRow = Prisma.RegisterImportGetPayload<{ include: { facility: { select: { code: true } } } }>;

/** One valid record of a batch on its way to the database. */
interface Pending {
  first: number;
  rows: number[];
  key: string;
  value: RecordValue;
}

/** What evaluating a file needs besides the file; `seen` holds the keys met so far (duplicates in the file). */
interface Evaluation {
  register: RegisterCode;
  facilityId: number;
  layout: ExcelLayout;
  table: SqlTable;
  base: ValidationContext;
  lookup: CodeLookup;
  seen: Map<string, number>;
}

/** A batch evaluated: each record's problems located in the sheet, and what can be written (null: nothing). */
interface Evaluated {
  records: ParsedRecord[];
  problems: ImportProblem[][];
  pending: (Pending | null)[];
}

/** A sheet row's outcome as RegisterImportRow keeps it. */
interface RowOutcome {
  row: number;
  outcome: Outcome;
  errors: ImportProblem[];
  /** For the 2nd… rows of a record: where its first row is. */
  data: StoredGroupMember | null;
}

/** The outcome of each row of a record; a problem goes on the row it is about. */
function rowOutcomes(record: ParsedRecord, outcome: Outcome, problems: readonly ImportProblem[]): RowOutcome[] {
  return record.rows.map((row, position) => ({
    row,
    outcome,
    errors: problems.filter((problem) => problem.row === row),
    data: position > 0 ? { group: record.rows[0] } : null,
  }));
}

/** Row numbers and outcomes as arrays; problems and group links (the few rows that have them) as JSON. */
function outcomeArrays(rows: readonly RowOutcome[]) {
  const extra = rows
    .filter((row) => row.errors.length || row.data)
    .map((row) => ({ row_number: row.row, errors: row.errors.length ? row.errors : null, data: row.data }));
  return { numbers: rows.map((row) => row.row), outcomes: rows.map((row) => row.outcome), extra: JSON.stringify(extra) };
}

async function insertOutcomes(db: SqlRunner, importId: string, rows: readonly RowOutcome[]): Promise<void> {
  if (!rows.length) return;
  const { numbers, outcomes, extra } = outcomeArrays(rows);
  await db.$executeRaw(Prisma.sql`
    INSERT INTO register_import_row (import_id, row_number, outcome, errors, data)
    SELECT ${importId}::uuid, u.n, u.o, x.errors, x.data
    FROM unnest(${numbers}::int[], ${outcomes}::text[]) AS u(n, o)
    LEFT JOIN jsonb_to_recordset(${extra}::jsonb) AS x(row_number int, errors jsonb, data jsonb) ON x.row_number = u.n`);
}

async function updateOutcomes(db: SqlRunner, importId: string, rows: readonly RowOutcome[]): Promise<void> {
  if (!rows.length) return;
  const { numbers, outcomes, extra } = outcomeArrays(rows);
  await db.$executeRaw(Prisma.sql`
    UPDATE register_import_row AS r SET outcome = u.o, errors = COALESCE(x.errors, r.errors)
    FROM unnest(${numbers}::int[], ${outcomes}::text[]) AS u(n, o)
    LEFT JOIN jsonb_to_recordset(${extra}::jsonb) AS x(row_number int, errors jsonb, data jsonb) ON x.row_number = u.n
    WHERE r.import_id = ${importId}::uuid AND r.row_number = u.n`);
}

/**
 * Excel import of a register: preview (stream the file, validate every row with the register's
 * domain validator, store the file and every row's outcome), then commit the valid rows set-based
 * and idempotently, with one audit event for the batch written in the same transaction.
 */
@Injectable()
export class RegisterImportService {
  private types: Promise<ColumnTypes> | null = null;
  private readonly tables = new Map<RegisterCode, SqlTable>();
  /** One file read and validated at a time per API process: each holds about 100 MB while it runs. */
  private running = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly records: RecordsContext,
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

  private columnTypes(db: SqlRunner): Promise<ColumnTypes> {
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

  // ---- Evaluating a file: the same for the preview and the commit ----

  /** What reading and validating a file needs besides the file. */
  private async evaluation(register: RegisterCode, facilityId: number): Promise<Evaluation> {
    const catalogs = await this.records.catalogs();
    return {
      register,
      facilityId,
      layout: excelLayout(register),
      table: this.table(register),
      base: { today: todayInVietnam(), catalogs },
      lookup: codeLookup(catalogs),
      seen: new Map(),
    };
  }

  /** The records of a stored or uploaded file, in batches, each evaluated (see evaluate()). */
  private async *evaluateFile(db: SqlRunner, file: Buffer, evaluation: Evaluation): AsyncGenerator<Evaluated> {
    // The archive is checked (size, entries, expansion) before anything is parsed.
    // Dates come as Excel serials: the layout knows the date columns (cellInput), and reading cell styles costs more than the rest of a row.
    const workbook = await openXlsx(file, IMPORT_LIMITS, { dates: false });
    let batch: ParsedRecord[] = [];
    for await (const record of parseRecords(evaluation.layout, dataRows(workbook), IMPORT_LIMITS.maxRows, evaluation.lookup)) {
      batch.push(record);
      if (batch.length >= BATCH) {
        yield await this.evaluate(db, evaluation, batch);
        batch = [];
      }
    }
    if (batch.length) yield await this.evaluate(db, evaluation, batch);
  }

  /**
   * Validates a batch of records with the register's domain validator (given the facts of the
   * episode each one belongs to), then what only the import can see: the same record twice in the
   * file, a commune code that names no commune, a locked month, a record id another facility uses.
   */
  private async evaluate(db: SqlRunner, evaluation: Evaluation, records: ParsedRecord[]): Promise<Evaluated> {
    const { register, layout, table, base, facilityId } = evaluation;
    const validate = (record: ParsedRecord, episode?: EpisodeFacts) =>
      validateRecord(register, record.input, episode ? { ...base, episode } : base);
    const results = records.map((record) => validate(record));

    // Rules about the pregnancy episode need its facts: the episode of the (known) person covering the event.
    if (layout.definition.episode !== 'none') {
      const facts = await this.episodeFacts(
        db,
        facilityId,
        table,
        results.map((result) => result.value as RecordValue | null),
      );
      for (const [index, episode] of facts) results[index] = validate(records[index], episode);
    }

    const problems: ImportProblem[][] = records.map((record, i) => [
      ...record.problems,
      ...results[i].problems.map((problem: RecordProblem) => locateProblem(layout, record, problem)),
    ]);
    const locate = (record: ParsedRecord, field: string) => locateProblem(layout, record, { field, code: 'REQUIRED', message: '' });
    const pending: (Pending | null)[] = records.map((record, i) => {
      const value = results[i].value as RecordValue | null;
      if (!value || problems[i].length) return null;
      return { first: record.rows[0], rows: record.rows, key: recordKey(register, facilityId, table.periodKey, value), value };
    });

    // The same record twice in the file (same record id, or same person and event time).
    pending.forEach((item, i) => {
      if (!item) return;
      const earlier = evaluation.seen.get(item.key);
      if (earlier === undefined) {
        evaluation.seen.set(item.key, item.first);
        return;
      }
      const at = locate(records[i], table.periodKey);
      problems[i].push({
        ...at,
        code: 'DUPLICATE_RECORD',
        message: `Trùng với dòng ${earlier} (cùng mã bản ghi, hoặc cùng người và cùng thời điểm)`,
      });
      pending[i] = null;
    });

    // Commune codes (of new persons) must name a commune.
    const communes = [...new Set(pending.map((item) => item?.value.person?.communeCode).filter((code): code is string => !!code))];
    const unknown = await unknownCommunes(db, communes);
    pending.forEach((item, i) => {
      const code = item?.value.person?.communeCode;
      if (!code || !unknown.has(code)) return;
      problems[i].push({
        ...locate(records[i], 'person.communeCode'),
        code: 'COMMUNE_NOT_FOUND',
        message: `Không có xã, phường mã ${code}`,
      });
      pending[i] = null;
    });

    // Locked months, and record ids another facility already uses.
    const refusals = await this.writeRefusals(db, facilityId, table, pending);
    refusals.forEach((problem, i) => {
      const at = locate(records[i], problem.field === 'sourceRecordId' ? 'sourceRecordId' : table.periodKey);
      problems[i].push({ ...problem, row: at.row, column: at.column, header: at.header });
      pending[i] = null;
    });
    return { records, problems, pending };
  }

  // ---- Preview ----

  async preview(register: RegisterCode, file: UploadedFile, facilityCode?: string): Promise<ImportDetail> {
    return this.exclusive(() => this.previewFile(register, file, facilityCode));
  }

  private async previewFile(register: RegisterCode, file: UploadedFile, facilityCode?: string): Promise<ImportDetail> {
    const facility = await this.records.facilityForWrite(facilityCode);
    const sha = createHash('sha256').update(file.buffer).digest('hex');
    // A hostile archive is refused from its directory before anything is stored or parsed.
    inspectZip(file.buffer, IMPORT_LIMITS);
    const evaluation = await this.evaluation(register, facility.id);
    const principal = RequestContext.current()?.principal;

    const id = await this.prisma.$transaction(async (tx) => {
      const sql = transactionSql();
      const created = await tx.registerImport.create({
        data: {
          facilityId: facility.id,
          register,
          fileName: safeFileName(file.originalname),
          fileSize: file.size,
          fileSha256: sha,
          // Written below in pieces (storeFile).
          file: new Uint8Array(0),
          status: 'PREVIEWED',
          byUserId: principal?.kind === 'user' ? principal.userId : null,
        },
        select: { id: true },
      });
      await storeFile(sql, created.id, file.buffer);
      const totals = { rows: 0, valid: 0, invalid: 0 };
      for await (const batch of this.evaluateFile(sql, file.buffer, evaluation)) {
        const rows: RowOutcome[] = [];
        batch.records.forEach((record, i) => {
          const outcome: Outcome = batch.pending[i] ? 'valid' : 'invalid';
          rows.push(...rowOutcomes(record, outcome, batch.problems[i]));
          totals.rows += record.rows.length;
          totals[outcome === 'valid' ? 'valid' : 'invalid'] += record.rows.length;
        });
        await insertOutcomes(sql, created.id, rows);
      }
      await tx.registerImport.update({
        where: { id: created.id },
        data: { totalRows: totals.rows, validRows: totals.valid, errorRows: totals.invalid },
        select: { id: true },
      });
      return created.id;
    }, TRANSACTION);
    return this.detail(register, id);
  }

  /** Facts of the episode each valid record belongs to: the known person's episode covering the event's day. */
  private async episodeFacts(
    db: SqlRunner,
    facilityId: number,
    table: SqlTable,
    values: (RecordValue | null)[],
  ): Promise<Map<number, EpisodeFacts>> {
    const wanted = values.flatMap((value, index) => {
      const person = value?.person;
      const day = value ? dayOf(value, table.monthKey) : null;
      return person && day ? [{ index, person, day }] : [];
    });
    const facts = new Map<number, EpisodeFacts>();
    if (!wanted.length) return facts;
    const found = await findPersons(
      db,
      facilityId,
      wanted.map((w) => w.person),
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
   * batch (RegisterLockService answers for one day at a time).
   */
  private async writeRefusals(
    db: SqlRunner,
    facilityId: number,
    table: SqlTable,
    pending: (Pending | null)[],
  ): Promise<Map<number, ImportProblem>> {
    const refusals = new Map<number, ImportProblem>();
    const keys = pending.flatMap((item) => (item ? [item.key] : []));
    if (!keys.length) return refusals;
    const existing = await db.$queryRaw<{ key: string; facility_id: number; day: string | null }[]>(Prisma.sql`
      SELECT source_record_id AS key, facility_id, to_char(${ident(table.monthColumn)}, 'YYYY-MM-DD') AS day
      FROM ${ident(table.table)} WHERE source_system = ${EXCEL_SOURCE_SYSTEM} AND source_record_id = ANY(${keys}::text[])`);
    const byKey = new Map(existing.map((row) => [row.key, row]));
    const months = new Set<string>();
    for (const item of pending) {
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
    pending.forEach((item, i) => {
      if (!item) return;
      const stored = byKey.get(item.key);
      if (stored && stored.facility_id !== facilityId) {
        refusals.set(i, {
          row: item.first,
          column: null,
          header: null,
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
          refusals.set(i, lockedProblem(item.first, null, null, table.periodKey, month, reason));
          return;
        }
      }
    });
    return refusals;
  }

  // ---- Commit ----

  /**
   * Writes the records the preview found valid. The stored file is read and validated again, so
   * the rules are checked against the registers as they are now (a month locked since the preview,
   * an episode closed meanwhile): a record valid then and not now is refused with its problems.
   */
  async commit(register: RegisterCode, id: string, allOrNothing: boolean): Promise<ImportDetail> {
    return this.exclusive(() => this.commitFile(register, id, allOrNothing));
  }

  /**
   * Runs the work unless another import runs in this process: then 503 IMPORT_BUSY at once (an
   * upload waiting in memory would cost as much as running it).
   */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.running) {
      throw new DomainError('IMPORT_BUSY', 'Hệ thống đang xử lý một tệp Excel khác: vui lòng thử lại sau ít phút', 503);
    }
    this.running = true;
    try {
      return await work();
    } finally {
      this.running = false;
    }
  }

  private async commitFile(register: RegisterCode, id: string, allOrNothing: boolean): Promise<ImportDetail> {
    const facilityId = await this.writableImport(register, id);
    const evaluation = await this.evaluation(register, facilityId);
    const table = evaluation.table;
    await this.prisma.$transaction(async () => {
      const sql = transactionSql();
      // One commit at a time per import: the second waits here, then finds it committed.
      const [current] = await sql.$queryRaw<
        { status: string; error_rows: number; file_name: string; file_sha256: string; file_size: number }[]
      >(
        Prisma.sql`SELECT status::text, error_rows, file_name, file_sha256, length(file) AS file_size FROM register_import WHERE id = ${id}::uuid FOR UPDATE`,
      );
      if (!current) throw importNotFound();
      if (current.status !== 'PREVIEWED') {
        throw new DomainError('IMPORT_NOT_PENDING', 'Lần nhập này đã được ghi (hoặc đã hủy), không ghi lại được: hãy tải tệp lên lại', 409);
      }
      if (allOrNothing && current.error_rows > 0) throw hasErrors(current.error_rows);
      const invalid = new Set(
        (
          await sql.$queryRaw<{ row_number: number }[]>(
            Prisma.sql`SELECT row_number FROM register_import_row WHERE import_id = ${id}::uuid AND outcome <> 'valid'`,
          )
        ).map((row) => row.row_number),
      );
      const types = await this.columnTypes(sql);
      const counts = { created: 0, updated: 0, unchanged: 0, refused: 0, records: 0, personsCreated: 0 };
      const file = await storedFile(sql, id, current.file_size);
      for await (const batch of this.evaluateFile(sql, file, evaluation)) {
        const outcomes: RowOutcome[] = [];
        const pending: Pending[] = [];
        batch.records.forEach((record, i) => {
          if (invalid.has(record.rows[0])) return; // invalid at the preview: stays so
          const item = batch.pending[i];
          if (item) pending.push(item);
          else outcomes.push(...rowOutcomes(record, 'refused', batch.problems[i]));
        });
        const refused = outcomes.length;
        if (allOrNothing && refused > 0) throw hasErrors(refused);
        const written = await this.commitBatch(sql, types, { register, table, facilityId, importId: id }, pending);
        outcomes.push(...written.outcomes);
        await updateOutcomes(sql, id, outcomes);
        counts.refused += refused;
        for (const key of ['created', 'updated', 'unchanged', 'records', 'personsCreated'] as const) counts[key] += written[key];
      }
      await sql.$executeRaw(Prisma.sql`
        UPDATE register_import SET status = 'COMMITTED', all_or_nothing = ${allOrNothing}, created = ${counts.created}::int,
               updated = ${counts.updated}::int, committed_at = now()
        WHERE id = ${id}::uuid`);
      await this.audit.record({
        action: 'IMPORT',
        entityType: 'RegisterImport',
        entityId: id,
        details: {
          register,
          model: table.model,
          facilityId,
          fileName: current.file_name,
          fileSha256: current.file_sha256,
          allOrNothing,
          rows: {
            created: counts.created,
            updated: counts.updated,
            unchanged: counts.unchanged,
            refused: counts.refused,
            invalid: current.error_rows,
          },
          records: counts.records,
          personsCreated: counts.personsCreated,
        },
      });
    }, TRANSACTION);
    return this.detail(register, id);
  }

  private async commitBatch(
    db: SqlRunner,
    types: ColumnTypes,
    context: { register: RegisterCode; table: SqlTable; facilityId: number; importId: string },
    pending: Pending[],
  ): Promise<{ outcomes: RowOutcome[]; created: number; updated: number; unchanged: number; records: number; personsCreated: number }> {
    const { register, table, facilityId, importId } = context;
    const outcomes: RowOutcome[] = [];
    const result = { outcomes, created: 0, updated: 0, unchanged: 0, records: 0, personsCreated: 0 };
    if (!pending.length) return result;
    const setOutcome = (item: Pending, outcome: Outcome, errors: ImportProblem[] = []) => {
      for (const row of item.rows) outcomes.push({ row, outcome, errors: row === item.first ? errors : [], data: null });
    };

    let personIds: string[] = [];
    if (REGISTER_DEFINITIONS[register].embedsPerson) {
      const resolved = await resolvePersons(
        db,
        types,
        facilityId,
        pending.map((item) => ({ person: item.value.person as PersonRecord, day: dayOf(item.value, table.monthKey) ?? todayInVietnam() })),
      );
      personIds = resolved.ids;
      result.personsCreated = resolved.created;
    }

    const written = await this.upsertRecords(db, types, { register, table, facilityId, importId }, pending, personIds);
    const parents: { id: string; item: Pending }[] = [];
    for (const item of pending) {
      const row = written.get(item.key);
      if (!row) {
        if (table.children.length) {
          // Not returned although the record is written whole each time: another facility's row took the key meanwhile.
          setOutcome(item, 'refused', [
            {
              row: item.first,
              column: null,
              header: null,
              field: 'sourceRecordId',
              code: 'SOURCE_ID_TAKEN',
              message: `Mã bản ghi "${item.key}" đã được một cơ sở khác dùng`,
            },
          ]);
          continue;
        }
        setOutcome(item, 'unchanged');
        result.unchanged += item.rows.length;
        continue;
      }
      parents.push({ id: row.id, item });
      setOutcome(item, row.inserted ? 'created' : 'updated');
      result[row.inserted ? 'created' : 'updated'] += item.rows.length;
    }
    result.records = parents.length;
    if (parents.length) await this.writeChildren(db, types, table, facilityId, parents);
    const closure = table.records.closes;
    if (closure && parents.length && table.columns.has('episode_id')) {
      await db.$executeRaw(Prisma.sql`
        UPDATE pregnancy_episode e
        SET closure = ${closure}::${Prisma.raw('"episode_closure"')}, closed_on = t.${ident(table.monthColumn)}, updated_at = now()
        FROM ${ident(table.table)} t
        WHERE t.id = ANY(${parents.map((p) => p.id)}::uuid[]) AND e.id = t.episode_id AND e.closure IS NULL`);
    }
    return result;
  }

  /**
   * INSERT … ON CONFLICT (source_system, source_record_id) DO UPDATE of a batch of records: a
   * record imported before is updated in place (only a row of the importing facility; one that has
   * not changed is left alone when the register has no item tables), a new one inserted.
   */
  private async upsertRecords(
    db: SqlRunner,
    types: ColumnTypes,
    context: { register: RegisterCode; table: SqlTable; facilityId: number; importId: string },
    pending: Pending[],
    personIds: string[],
  ): Promise<Map<string, { id: string; inserted: boolean }>> {
    const { register, table, facilityId, importId } = context;
    const definition = REGISTER_DEFINITIONS[register];
    const fields = table.fields.filter((field) => field.column !== 'source_record_id');
    const withPerson = definition.embedsPerson && table.columns.has('person_id');
    const withEpisode = definition.episode !== 'none' && table.columns.has('episode_id');
    const rows = pending.map((item, i) => {
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
      Prisma.sql`'EXCEL'::${typeOf(types, table.table, 'source')}`,
      Prisma.sql`${EXCEL_SOURCE_SYSTEM}`,
      Prisma.sql`r.source_record_id`,
      Prisma.sql`${importId}::uuid`,
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
    const changed = table.children.length
      ? Prisma.empty
      : Prisma.sql`AND (${Prisma.join(compared.map((c) => Prisma.sql`${t}.${ident(c)}`))}) IS DISTINCT FROM (${Prisma.join(
          compared.map((c) => Prisma.sql`EXCLUDED.${ident(c)}`),
        )})`;
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
    parents: { id: string; item: Pending }[],
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
        extra.push({ column: 'source', value: Prisma.sql`'EXCEL'::${typeOf(types, child.table, 'source')}` });
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

  // ---- Reading imports ----

  /** The import if the caller may see it (history scope), else 404. */
  async find(register: RegisterCode, id: string): Promise<ImportRow> {
    const found = await this.prisma.registerImport.findFirst({
      where: { id, register },
      include: { facility: { select: { code: true } } },
      omit: { file: true },
    });
    if (!found) throw importNotFound();
    return found as ImportRow;
  }

  /** The facility of an import the caller may write to (403 when only visible to it). */
  private async writableImport(register: RegisterCode, id: string): Promise<number> {
    const found = await this.find(register, id);
    const scope = writeScopeOf(RequestContext.current()?.principal);
    if (scope !== 'all' && !scope.has(found.facilityId)) throw outOfScope();
    return found.facilityId;
  }

  async detail(register: RegisterCode, id: string): Promise<ImportDetail> {
    const found = await this.find(register, id);
    const [summary] = await this.summaries([found]);
    const outcomes = await this.prisma.registerImportRow.groupBy({ by: ['outcome'], where: { importId: id }, _count: { _all: true } });
    const errorRows = await this.prisma.registerImportRow.findMany({
      where: { importId: id, NOT: { errors: { equals: Prisma.DbNull } } },
      select: { errors: true },
      orderBy: { rowNumber: 'asc' },
      take: MAX_LISTED_ERRORS,
    });
    const errors = errorRows.flatMap((row) => (row.errors as unknown as ImportProblem[]) ?? []);
    const total = await this.prisma.registerImportRow.count({ where: { importId: id, NOT: { errors: { equals: Prisma.DbNull } } } });
    return {
      ...summary,
      outcomes: Object.fromEntries(outcomes.map((o) => [o.outcome, o._count._all])),
      errors: errors.slice(0, MAX_LISTED_ERRORS),
      errorsTruncated: errors.length > MAX_LISTED_ERRORS || total > errorRows.length,
    };
  }

  async list(
    register: RegisterCode,
    page: number,
    pageSize: number,
  ): Promise<{ items: ImportSummary[]; page: number; pageSize: number; total: number }> {
    const where = { register };
    const [rows, total] = await Promise.all([
      this.prisma.registerImport.findMany({
        where,
        include: { facility: { select: { code: true } } },
        omit: { file: true },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
      this.prisma.registerImport.count({ where }),
    ]);
    return { items: await this.summaries(rows as ImportRow[]), page, pageSize, total };
  }

  private async summaries(rows: ImportRow[]): Promise<ImportSummary[]> {
    const userIds = [...new Set(rows.map((row) => row.byUserId).filter((id): id is string => !!id))];
    const users = userIds.length
      ? await this.prisma.raw.userAccount.findMany({ where: { id: { in: userIds } }, select: { id: true, username: true } })
      : [];
    const names = new Map(users.map((user) => [user.id, user.username]));
    return rows.map((row) => ({
      id: row.id,
      register: row.register as RegisterCode,
      facilityCode: row.facility.code,
      status: row.status,
      fileName: row.fileName,
      fileSize: row.fileSize,
      fileSha256: row.fileSha256,
      totalRows: row.totalRows,
      validRows: row.validRows,
      errorRows: row.errorRows,
      created: row.created,
      updated: row.updated,
      allOrNothing: row.allOrNothing,
      byUsername: row.byUserId ? (names.get(row.byUserId) ?? null) : null,
      createdAt: row.createdAt.toISOString(),
      committedAt: row.committedAt?.toISOString() ?? null,
    }));
  }

  /** The stored file of an import the caller may see, with every row's outcome and problems. */
  async fileWithOutcomes(
    register: RegisterCode,
    id: string,
  ): Promise<{
    found: ImportRow;
    file: Buffer;
    outcomes: Map<number, { outcome: Outcome; errors: ImportProblem[] | null; group: number | null }>;
  }> {
    const found = await this.find(register, id);
    const file = await storedFile(this.prisma, id, found.fileSize);
    const rows = await this.prisma.registerImportRow.findMany({
      where: { importId: id },
      select: { rowNumber: true, outcome: true, errors: true, data: true },
    });
    const outcomes = new Map(
      rows.map((row) => [
        row.rowNumber,
        {
          outcome: row.outcome as Outcome,
          errors: (row.errors as unknown as ImportProblem[] | null) ?? null,
          group:
            typeof (row.data as { group?: unknown } | null)?.group === 'number' ? (row.data as unknown as StoredGroupMember).group : null,
        },
      ]),
    );
    return { found, file, outcomes };
  }
}

/** Pieces a stored file is written and read in. */
const FILE_CHUNK = 512 * 1024;

/**
 * Writes an uploaded file into its import record in pieces, joined once in the database. Prisma
 * compiles every statement with its values in a WebAssembly module whose memory grows to the
 * largest statement and is never given back: a 20 MB file sent whole would leave the process about
 * ten times that much larger for good. The pieces go through a temporary table (PostgreSQL grants
 * TEMPORARY to every role by default), so the record is written once, not rewritten per piece.
 */
export async function storeFile(db: SqlRunner, id: string, file: Buffer): Promise<void> {
  await db.$executeRaw(Prisma.sql`CREATE TEMPORARY TABLE register_import_file_part (n int, part bytea) ON COMMIT DROP`);
  for (let at = 0, n = 0; at < file.length; at += FILE_CHUNK, n++) {
    await db.$executeRaw(Prisma.sql`INSERT INTO register_import_file_part VALUES (${n}::int, ${file.subarray(at, at + FILE_CHUNK)})`);
  }
  await db.$executeRaw(Prisma.sql`
    UPDATE register_import SET file = COALESCE((SELECT string_agg(part, ''::bytea ORDER BY n) FROM register_import_file_part), ''::bytea)
    WHERE id = ${id}::uuid`);
  await db.$executeRaw(Prisma.sql`DROP TABLE register_import_file_part`);
}

/**
 * A stored file read back in pieces: a raw result passes through several encodings on its way
 * (hexadecimal from PostgreSQL, base64 inside Prisma), and a whole 20 MB file at once would make
 * the process hold a few times its size.
 */
export async function storedFile(db: SqlRunner, id: string, size: number): Promise<Buffer> {
  const file = Buffer.allocUnsafe(size);
  for (let at = 0; at < size; at += FILE_CHUNK) {
    const [chunk] = await db.$queryRaw<{ part: Uint8Array }[]>(
      Prisma.sql`SELECT substring(file FROM ${at + 1}::int FOR ${FILE_CHUNK}::int) AS part FROM register_import WHERE id = ${id}::uuid`,
    );
    file.set(chunk.part, at);
  }
  return file;
}

/** The calendar day of a record's month field (a date, or the local date of an instant). */
function dayOf(value: RecordValue, key: string): IsoDate | null {
  const raw = value[key];
  if (typeof raw !== 'string' || raw === '') return null;
  return raw.length > 10 ? vietnamLocalDate(raw) : raw;
}

export function importNotFound(): NotFoundError {
  return new NotFoundError('IMPORT_NOT_FOUND', 'Không tìm thấy lần nhập tệp này');
}

function hasErrors(rows: number): DomainError {
  return new DomainError(
    'IMPORT_HAS_ERRORS',
    `Có ${rows.toLocaleString('vi-VN')} dòng lỗi hoặc không ghi được; đã chọn "ghi tất cả hoặc không ghi gì" nên không dòng nào được ghi. ` +
      'Hãy sửa các dòng lỗi và tải tệp lên lại, hoặc ghi các dòng hợp lệ',
    422,
  );
}

/** The uploaded file's name as stored and shown (never used as a path): its last segment, printable, at most 255 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  return (clean || 'tep.xlsx').slice(0, 255);
}
