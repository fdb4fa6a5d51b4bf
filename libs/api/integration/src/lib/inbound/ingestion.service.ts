import { Injectable } from '@nestjs/common';
import {
  BulkSource,
  ColumnTypes,
  RecordsContext,
  RecordValue,
  RegisterBulkWriter,
  SqlRunner,
  transactionSql,
  unknownCommunes,
} from '@skss/api/clinical-records';
import { AuditService, ClientPrincipal, DomainError, PrismaService } from '@skss/api/core';
import { EpisodeFacts, PersonRecord, RegisterCode, todayInVietnam, ValidationContext, validateRecord } from '@skss/domain';
import { InboundBatchAnswerDto, InboundOutcome, InboundRecordResultDto } from './dto/inbound-batch.dto';
import { resolveFacilityCodes } from './facility-codes';
import { IdempotencyStore } from './idempotency.store';
import { InboundChangeHook, InboundChange } from './inbound-change.hook';
import {
  fieldOfRecord,
  INBOUND_REGISTERS,
  InboundEnvelope,
  InboundProblem,
  MAX_BATCH_RECORDS,
  operationsFor,
  readEnvelope,
  requestHash,
} from './inbound-envelope';

/** What the JSON endpoint (and the national XML endpoint, after mapping its document) hands the service. */
export interface IngestionRequest {
  /** The calling integration account (set by the guard). */
  principal: ClientPrincipal;
  /** The records as sent, each `{ register, sourceRecordId, facilityCode, person?, data }` (InboundRecordDto). */
  records: unknown;
  /** The Idempotency-Key header, if any. */
  idempotencyKey?: string | null;
  /**
   * The fingerprint stored with the key; default: SHA-256 of the canonical JSON of `{ records }`.
   * An endpoint whose wire format is not JSON may pass the hash of the document it received.
   */
  requestHash?: string;
}

export interface IngestionAnswer {
  body: InboundBatchAnswerDto;
  /** True when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/** A record checked before the transaction: its envelope, validated value (or problems) and facility. */
interface Checked {
  index: number;
  register: string | null;
  sourceRecordId: string | null;
  envelope: InboundEnvelope | null;
  /** A record refused before its envelope was read still names its facility for monitoring, as sent. */
  sentFacilityCode?: string | null;
  facilityId: number | null;
  value: RecordValue | null;
  problems: InboundProblem[];
}

/** A batch may take this long in its transaction (1,000 records take about a second). */
const TRANSACTION = { timeout: 120_000, maxWait: 30_000 };
/** Attempts of a batch that lost a race with another writer (the same new person, a deadlock). */
const ATTEMPTS = 3;
const PUSH_OPERATIONS = ['records.push', 'deaths.push'];

/**
 * Ingestion of register records sent by external systems (HIS, YTCS, …): the one service behind
 * the JSON endpoint and the national XML endpoint.
 *
 * - Each record is checked on its own (envelope, the account's facilities and operations, the
 *   register's domain validator, commune codes, period locks, record ids of other facilities);
 *   a bad record is answered with its problems and never keeps the good ones out.
 * - A record is keyed by (source system, source record id), the source system being the account's
 *   client id: sending it again updates it in place or answers `unchanged`; no duplicates.
 * - The whole batch — records, persons, item tables, the batch record, the Idempotency-Key, the
 *   audit event and the outbox hook — is written in one transaction: a process killed mid-batch
 *   leaves every record stored or none, and sending the batch again completes it.
 */
@Injectable()
export class IngestionService {
  private readonly accountIds = new Map<string, string>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RecordsContext,
    private readonly writer: RegisterBulkWriter,
    private readonly keys: IdempotencyStore,
    private readonly changes: InboundChangeHook,
  ) {}

  async ingest(request: IngestionRequest): Promise<IngestionAnswer> {
    const { principal } = request;
    if (!PUSH_OPERATIONS.some((operation) => principal.operations.has(operation))) {
      throw new DomainError('FORBIDDEN', 'Tài khoản tích hợp không được gửi dữ liệu sổ sách', 403);
    }
    const records = checkBatchShape(request.records);
    const key = this.keys.parseKey(request.idempotencyKey);
    const hash = request.requestHash ?? requestHash({ records });
    const accountId = await this.accountId(principal.clientId);
    if (key) {
      const earlier = await this.keys.find(this.prisma.raw, accountId, key, hash);
      if (earlier) return { body: earlier, replayed: true };
    }

    const receivedAt = new Date();
    const checked = await this.check(principal, records);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.prisma.$transaction(
          () => this.write(principal, accountId, key, hash, receivedAt, checked.map(copyChecked)),
          TRANSACTION,
        );
      } catch (error) {
        if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      }
    }
  }

  /** The id (IntegrationClient.id) of an account, by its public client id; kept in memory. */
  private async accountId(clientId: string): Promise<string> {
    let id = this.accountIds.get(clientId);
    if (!id) {
      const client = await this.prisma.raw.integrationClient.findUnique({ where: { clientId }, select: { id: true } });
      if (!client) throw new DomainError('INVALID_CLIENT_CREDENTIALS', 'Thông tin xác thực của hệ thống tích hợp không hợp lệ', 401);
      id = client.id;
      this.accountIds.set(clientId, id);
    }
    return id;
  }

  /**
   * What can be checked before the transaction: each record's envelope, its facility (one of the
   * account's), the operation its register needs, the same record twice in the batch, and the
   * register's validator (rules about the pregnancy episode are checked again in the transaction).
   */
  private async check(principal: ClientPrincipal, records: readonly unknown[]): Promise<Checked[]> {
    const read = records.map((raw, index) => readEnvelope(raw, index));
    const codes = [...new Set(read.flatMap((r) => (r.ok ? [r.envelope.facilityCode] : [])))];
    const facilityIds = await resolveFacilityCodes(this.prisma, codes);
    const base: ValidationContext = { today: todayInVietnam(), catalogs: await this.context.catalogs() };
    const seen = new Map<string, number>();

    return read.map((result, index): Checked => {
      if (!result.ok) {
        return {
          index,
          register: result.register,
          sourceRecordId: result.sourceRecordId,
          envelope: null,
          sentFacilityCode: sentFacilityCode(records[index]),
          facilityId: null,
          value: null,
          problems: result.problems,
        };
      }
      const envelope = result.envelope;
      const rejected = (problem: InboundProblem): Checked => ({
        index,
        register: envelope.register,
        sourceRecordId: envelope.sourceRecordId,
        envelope,
        facilityId: null,
        value: null,
        problems: [problem],
      });
      const facilityId = facilityIds.get(envelope.facilityCode);
      if (facilityId === undefined) {
        return rejected({ field: 'facilityCode', code: 'FACILITY_NOT_FOUND', message: `Không tìm thấy cơ sở mã ${envelope.facilityCode}` });
      }
      if (!principal.facilityIds.has(facilityId)) {
        return rejected({
          field: 'facilityCode',
          code: 'FACILITY_NOT_ALLOWED',
          message: `Tài khoản tích hợp không được gửi dữ liệu cho cơ sở ${envelope.facilityCode}`,
        });
      }
      if (!operationsFor(envelope.register).some((operation) => principal.operations.has(operation))) {
        return rejected({
          field: 'register',
          code: 'OPERATION_NOT_ALLOWED',
          message: `Tài khoản tích hợp không được gửi dữ liệu sổ ${envelope.register}`,
        });
      }
      const identity = `${envelope.register}|${envelope.sourceRecordId}`;
      const earlier = seen.get(identity);
      if (earlier !== undefined) {
        return rejected({
          field: 'sourceRecordId',
          code: 'DUPLICATE_RECORD',
          message: `Trùng với bản ghi thứ ${earlier + 1} của lô (cùng sổ, cùng mã bản ghi)`,
        });
      }
      seen.set(identity, index);
      const validated = validateRecord(envelope.register, envelope.input, base);
      return {
        index,
        register: envelope.register,
        sourceRecordId: envelope.sourceRecordId,
        envelope,
        facilityId,
        value: validated.value as RecordValue | null,
        problems: validated.problems.map((p) => ({ field: fieldOfRecord(p.field, envelope.fromPerson), code: p.code, message: p.message })),
      };
    });
  }

  /** The batch's transaction: what the registers say now, the writes, the batch record, key, audit and hook. */
  private async write(
    principal: ClientPrincipal,
    accountId: string,
    key: string | null,
    hash: string,
    receivedAt: Date,
    checked: Checked[],
  ): Promise<IngestionAnswer> {
    const sql = transactionSql();
    if (key) {
      await this.keys.lock(sql, accountId, key);
      const earlier = await this.keys.find(sql, accountId, key, hash);
      if (earlier) return { body: earlier, replayed: true };
    }
    // The account's client id is the records' source system: two hospitals may use the same record ids.
    const source: BulkSource = { kind: 'API', system: principal.clientId, importId: null };
    const types = await this.writer.columnTypes(sql);
    const results: InboundRecordResultDto[] = checked.map((c) => ({
      index: c.index,
      register: c.register,
      sourceRecordId: c.sourceRecordId,
      facilityCode: c.envelope?.facilityCode ?? c.sentFacilityCode ?? null,
      outcome: 'rejected',
    }));
    const reject = (c: Checked, problems: InboundProblem[]) => {
      c.value = null;
      c.problems.push(...problems);
    };

    // Commune codes of new persons must name a commune.
    const communes = [...new Set(checked.flatMap((c) => (c.value?.person?.communeCode ? [c.value.person.communeCode] : [])))];
    const unknown = await unknownCommunes(sql, communes);
    for (const c of checked) {
      const code = c.value?.person?.communeCode;
      if (code && unknown.has(code)) {
        reject(c, [{ field: 'person.residence.communeCode', code: 'COMMUNE_NOT_FOUND', message: `Không có xã, phường mã ${code}` }]);
      }
    }

    const changed: InboundChange['records'] = [];
    for (const register of INBOUND_REGISTERS) {
      const ofRegister = checked.filter((c) => c.envelope?.register === register && c.value && !c.problems.length);
      for (const facilityId of new Set(ofRegister.map((c) => c.facilityId as number))) {
        const group = ofRegister.filter((c) => c.facilityId === facilityId);
        const ids = await this.writeGroup(sql, types, source, register, facilityId, group, results);
        if (ids.length) changed.push({ register, facilityId, ids });
      }
    }
    for (const c of checked) {
      if (c.problems.length) results[c.index] = { ...results[c.index], outcome: 'rejected', problems: c.problems };
    }

    const counts = { received: checked.length, created: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (const result of results) counts[result.outcome as InboundOutcome] += 1;
    const body: InboundBatchAnswerDto = { batchId: '', receivedAt: receivedAt.toISOString(), counts, records: results };
    body.batchId = await this.keys.recordBatch(sql, { accountId, key, hash, body, durationMs: Date.now() - receivedAt.getTime() });
    // A batch that changed nothing (a resend, only rejections) leaves no audit event nor outbox item:
    // integration_batch (monitoring) is its trace.
    if (!changed.length) return { body, replayed: false };
    await this.audit.record({
      action: 'IMPORT',
      entityType: 'IntegrationBatch',
      entityId: body.batchId,
      details: {
        clientId: principal.clientId,
        counts,
        records: changed.map((c) => ({ register: c.register, facilityId: c.facilityId, count: c.ids.length })),
        idempotencyKey: key,
      },
    });
    // The hook of the outbound sync: every record this batch created or updated, in this transaction.
    await this.changes.recordsChanged(sql, { batchId: body.batchId, clientId: principal.clientId, records: changed });
    return { body, replayed: false };
  }

  /** Writes the valid records of one register and facility; answers their outcomes; returns the ids written. */
  private async writeGroup(
    sql: SqlRunner,
    types: ColumnTypes,
    source: BulkSource,
    register: RegisterCode,
    facilityId: number,
    group: Checked[],
    results: InboundRecordResultDto[],
  ): Promise<string[]> {
    const table = this.writer.table(register);
    const patientIds = group.map((c) => c.envelope?.sourcePatientId);
    // The stored person of each record, read once for the episode rules and for the write.
    const stored = table.records.definition.embedsPerson
      ? await this.writer.findPersons(
          sql,
          facilityId,
          group.map((c) => (c.value as RecordValue).person as PersonRecord),
          { system: source.system, ids: patientIds },
        )
      : undefined;
    const storedOf = new Map(group.map((c, i) => [c, stored?.[i] ?? null]));
    // Rules about the pregnancy episode: the known person's episode covering the event, as stored now.
    if (table.records.definition.episode !== 'none') {
      const facts = await this.writer.episodeFacts(
        sql,
        facilityId,
        table,
        group.map((c) => c.value),
        { system: source.system, patientIds },
        stored,
      );
      const base: ValidationContext = { today: todayInVietnam(), catalogs: await this.context.catalogs() };
      for (const [i, episode] of facts) {
        const c = group[i];
        const envelope = c.envelope as InboundEnvelope;
        const validated = validateRecord(register, envelope.input, { ...base, episode: episode as EpisodeFacts });
        c.value = validated.value as RecordValue | null;
        c.problems.push(
          ...validated.problems.map((p) => ({ field: fieldOfRecord(p.field, envelope.fromPerson), code: p.code, message: p.message })),
        );
      }
    }
    const valid = group.filter((c) => c.value && !c.problems.length);
    const items = valid.map((c) => ({
      key: c.sourceRecordId as string,
      value: c.value as RecordValue,
      sourcePatientId: c.envelope?.sourcePatientId ?? null,
    }));
    const refusals = await this.writer.refusals(sql, source, facilityId, table, items);
    for (const [i, problem] of refusals) {
      const c = valid[i];
      c.problems.push({ ...problem, field: fieldOfRecord(problem.field, c.envelope?.fromPerson ?? new Set()) });
    }
    const open = valid.flatMap((c, i) => (refusals.has(i) ? [] : [i]));
    const writable = open.map((i) => valid[i]);
    const written = await this.writer.write(
      sql,
      types,
      { register, table, facilityId, source },
      open.map((i) => items[i]),
      stored ? writable.map((c) => storedOf.get(c) ?? null) : undefined,
    );
    const ids: string[] = [];
    written.outcomes.forEach((done, i) => {
      const c = writable[i];
      if (done.outcome === 'refused') {
        c.problems.push({ ...done.problem, field: fieldOfRecord(done.problem.field, c.envelope?.fromPerson ?? new Set()) });
        return;
      }
      results[c.index] = { ...results[c.index], outcome: done.outcome, id: done.id };
      const warnings = written.personWarnings[i] ?? [];
      if (warnings.length) {
        results[c.index].warnings = warnings.map((w) => ({ ...w, field: fieldOfRecord(w.field, c.envelope?.fromPerson ?? new Set()) }));
      }
      if (done.id) ids.push(done.id);
    });
    return ids;
  }
}

/** The records of a batch, or 400/413 for the batch as a whole. */
function checkBatchShape(records: unknown): unknown[] {
  if (!Array.isArray(records)) {
    throw new DomainError('BATCH_MALFORMED', 'Nội dung phải là { "records": [ … ] }', 400, [
      { field: 'records', code: 'NOT_A_LIST', message: 'records phải là một danh sách bản ghi' },
    ]);
  }
  if (records.length === 0) {
    throw new DomainError('BATCH_EMPTY', 'Lô dữ liệu không có bản ghi nào', 400, [
      { field: 'records', code: 'TOO_FEW_ITEMS', message: 'Phải có ít nhất 1 bản ghi' },
    ]);
  }
  if (records.length > MAX_BATCH_RECORDS) {
    throw new DomainError(
      'BATCH_TOO_LARGE',
      `Một lô có tối đa ${MAX_BATCH_RECORDS.toLocaleString('vi-VN')} bản ghi (lô này có ${records.length.toLocaleString('vi-VN')}): hãy chia nhỏ`,
      413,
      [{ field: 'records', code: 'TOO_MANY_ITEMS', message: `Tối đa ${MAX_BATCH_RECORDS} bản ghi` }],
    );
  }
  return records;
}

/** A fresh copy for one attempt of the transaction (an attempt adds problems and replaces values). */
/** The facility code of a record as sent, when it is one (monitoring only: the record is refused anyway). */
function sentFacilityCode(raw: unknown): string | null {
  const code = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['facilityCode'] : undefined;
  return typeof code === 'string' && code.trim() ? code.trim().slice(0, 40) : null;
}

function copyChecked(c: Checked): Checked {
  return { ...c, problems: [...c.problems] };
}

/** A lost race that another attempt resolves: a unique key taken meanwhile, a deadlock, a serialization failure. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (code === 'IMPORT_CONFLICT' || code === 'P2002' || code === 'P2034') return true;
  const text = `${(error as { message?: unknown })?.message ?? ''} ${JSON.stringify((error as { meta?: unknown })?.meta ?? null)}`;
  return /\b(23505|40001|40P01)\b|deadlock detected|could not serialize/i.test(text);
}
