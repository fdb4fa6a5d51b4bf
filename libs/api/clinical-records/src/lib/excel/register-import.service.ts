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
import { EpisodeFacts, PersonRecord, RecordProblem, RegisterCode, todayInVietnam, ValidationContext, validateRecord } from '@skss/domain';
import { createHash } from 'node:crypto';
import { RecordsContext } from '../shared/records-context';
import { planRefreshes } from './bulk-person-refresh';
import { unknownCommunes } from './bulk-persons';
import { ExcelLayout, excelLayout } from './excel-layout';
import { CodeLookup, codeLookup, dataRows, ImportProblem, locateProblem, ParsedRecord, parseRecords } from './import-parser';
import { EXCEL_SOURCE_SYSTEM, Outcome, recordKey, RecordValue, StoredGroupMember } from './import-records';
import { BulkSource, dayOf, RegisterBulkWriter } from './register-bulk-writer';
import { SqlTable } from './sql-tables';
import { ColumnTypes, SqlRunner, transactionSql } from './sql';

/** Rows imported from Excel files: source EXCEL, source system 'EXCEL', linked to their import. */
const excelSource = (importId: string | null): BulkSource => ({ kind: 'EXCEL', system: EXCEL_SOURCE_SYSTEM, importId });

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
  /** One file read and validated at a time per API process: each holds about 100 MB while it runs. */
  private running = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly records: RecordsContext,
    private readonly writer: RegisterBulkWriter,
  ) {}

  /** Where a register's rows are stored. */
  table(register: RegisterCode): SqlTable {
    return this.writer.table(register);
  }

  private columnTypes(db: SqlRunner): Promise<ColumnTypes> {
    return this.writer.columnTypes(db);
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
      const facts = await this.writer.episodeFacts(
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
    const refusals = await this.writer.refusals(db, excelSource(null), facilityId, table, pending);
    refusals.forEach((problem, i) => {
      const at = locate(records[i], problem.field === 'sourceRecordId' ? 'sourceRecordId' : table.periodKey);
      problems[i].push({ ...problem, row: at.row, column: at.column, header: at.header });
      pending[i] = null;
    });
    await this.personWarnings(db, evaluation, records, pending, problems);
    return { records, problems, pending };
  }

  /**
   * What a valid row's person part says differently from the person it finds, kept as stored
   * (name, date of birth, a different identifier: persons/person-refresh.ts), as warnings of the row.
   */
  private async personWarnings(
    db: SqlRunner,
    evaluation: Evaluation,
    records: ParsedRecord[],
    pending: (Pending | null)[],
    problems: ImportProblem[][],
  ): Promise<void> {
    const { layout, table, facilityId } = evaluation;
    const wanted = pending.flatMap((item, i) => {
      const person = item?.value.person;
      const day = item ? dayOf(item.value, table.monthKey) : null;
      return person && day ? [{ i, person: person as PersonRecord, day }] : [];
    });
    if (!wanted.length) return;
    const found = await this.writer.findPersons(
      db,
      facilityId,
      wanted.map((w) => w.person),
    );
    const { warnings } = await planRefreshes(db, wanted, found);
    wanted.forEach(({ i }, n) => {
      for (const warning of warnings[n]) {
        const at = locateProblem(layout, records[i], { field: `person.${warning.field}`, code: 'REQUIRED', message: '' });
        problems[i].push({ ...at, code: warning.code, message: warning.message, severity: 'warning' });
      }
    });
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
      assertPending(current.status, 'commit');
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

  // ---- Discard ----

  /**
   * Discards a previewed import the officer decided not to write: nothing of it reaches the
   * registers, and it can no longer be committed. The stored file and the rows' outcomes (which
   * quote its cells) are deleted, as personal data is not kept without a purpose; the history keeps
   * the import's name, checksum and counts. Audited as a change of the import's status.
   */
  async discard(register: RegisterCode, id: string): Promise<ImportDetail> {
    await this.writableImport(register, id);
    await this.prisma.$transaction(async () => {
      const sql = transactionSql();
      // Locks the import as a commit does: a commit in flight finishes first, and then this finds it committed.
      const [current] = await sql.$queryRaw<{ status: string; file_name: string; file_sha256: string; total_rows: number }[]>(
        Prisma.sql`SELECT status::text, file_name, file_sha256, total_rows FROM register_import WHERE id = ${id}::uuid FOR UPDATE`,
      );
      if (!current) throw importNotFound();
      assertPending(current.status, 'discard');
      await sql.$executeRaw(Prisma.sql`DELETE FROM register_import_row WHERE import_id = ${id}::uuid`);
      await sql.$executeRaw(Prisma.sql`UPDATE register_import SET status = 'DISCARDED', file = ''::bytea WHERE id = ${id}::uuid`);
      await this.audit.record({
        action: 'UPDATE',
        entityType: 'RegisterImport',
        entityId: id,
        before: { status: 'PREVIEWED' },
        after: { status: 'DISCARDED' },
        details: {
          register,
          fileName: current.file_name,
          fileSha256: current.file_sha256,
          totalRows: current.total_rows,
          fileDeleted: true,
        },
      });
    }, TRANSACTION);
    return this.detail(register, id);
  }

  /** Writes a batch's valid records through the shared bulk writer; each sheet row gets its record's outcome. */
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
    const written = await this.writer.write(db, types, { register, table, facilityId, source: excelSource(importId) }, pending);
    written.outcomes.forEach((done, i) => {
      const item = pending[i];
      const errors: ImportProblem[] = done.outcome === 'refused' ? [{ row: item.first, column: null, header: null, ...done.problem }] : [];
      for (const row of item.rows) outcomes.push({ row, outcome: done.outcome, errors: row === item.first ? errors : [], data: null });
      if (done.outcome !== 'refused') result[done.outcome] += item.rows.length;
    });
    result.records = written.records;
    result.personsCreated = written.personsCreated;
    return result;
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
    if (found.status === 'DISCARDED') throw discarded('Lần nhập này đã bị hủy và tệp đã được xóa: không còn tệp kết quả');
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

export function importNotFound(): NotFoundError {
  return new NotFoundError('IMPORT_NOT_FOUND', 'Không tìm thấy lần nhập tệp này');
}

/**
 * A commit or a discard needs an import still waiting: a committed one answers IMPORT_NOT_PENDING
 * (as before discarding existed), a discarded one IMPORT_DISCARDED.
 */
function assertPending(status: string, action: 'commit' | 'discard'): void {
  if (status === 'PREVIEWED') return;
  if (status === 'DISCARDED') {
    throw discarded(
      action === 'commit' ? 'Lần nhập này đã bị hủy, không ghi vào sổ được: hãy tải tệp lên lại' : 'Lần nhập này đã được hủy trước đó',
    );
  }
  throw new DomainError(
    'IMPORT_NOT_PENDING',
    action === 'commit'
      ? 'Lần nhập này đã được ghi vào sổ, không ghi lại được: hãy tải tệp lên lại'
      : 'Lần nhập này đã được ghi vào sổ, không hủy được',
    409,
  );
}

const discarded = (message: string) => new DomainError('IMPORT_DISCARDED', message, 409);

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
