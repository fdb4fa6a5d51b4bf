import { Injectable } from '@nestjs/common';
import { DomainError, FieldError, NotFoundError, Prisma, PrismaService, RequestContext } from '@skss/api/core';
import {
  EpisodeFacts,
  foldVietnamese,
  insuranceCardFacts,
  IsoDate,
  normaliseCitizenId,
  normaliseInsuranceCard,
  PERSON_FIELDS,
  PersonRecord,
  periodDate,
  RecordProblem,
  validateRecord,
  ValidationContext,
} from '@skss/domain';
import { RegisterLockService } from '../period-lock/register-lock.service';
import { folded, PersonRow, PersonWriter } from '../persons/person-writer';
import { newbornChild } from '../persons/newborn-children';
import { PERSON_REF_SELECT, PersonRefRow, toPersonRef } from '../persons/persons.mapper';
import { dayFromDb, dayToDb, monthRange } from '../shared/days';
import { isObject, readEnvelope } from '../shared/envelope';
import { badReference, retryOnUniqueConflict, validationFailed } from '../shared/problems';
import { FacilityRef, RecordsContext } from '../shared/records-context';
import { ListEpisodesQueryDto, ListRecordsQueryDto, RecordDto, RecordPageDto, WriteOutcome, WriteResultDto } from './register-records.dto';
import { CollectionTable, columnsOf, fieldsOf, RegisterTable } from './register-tables';

/** A stored register row as the generic layer reads it. */
type Row = Record<string, unknown> & {
  id: string;
  facilityId: number;
  personId: string | null;
  episodeId?: string | null;
  motherId?: string | null;
  sourceSystem: string | null;
  sourceRecordId: string | null;
  source: string;
  createdAt: Date;
  updatedAt: Date;
};
type ReadRow = Row & { facility: { code: string; name: string }; person: PersonRefRow | null };

/** The Prisma delegate of a register table, used generically (the table spec says which one). */
interface Delegate {
  findFirst(args: object): Promise<Row | null>;
  findMany(args: object): Promise<Row[]>;
  count(args: object): Promise<number>;
  create(args: object): Promise<Row>;
  update(args: object): Promise<Row>;
  delete(args: object): Promise<Row>;
  deleteMany(args: object): Promise<{ count: number }>;
}

type Source = 'ENTRY' | 'EXCEL' | 'API';

/** A body checked and resolved: the validated record and what it refers to. */
interface Prepared {
  value: Record<string, unknown> & { person?: PersonRecord };
  facility: FacilityRef;
  /** The person named by personId (or the existing row's), null when the record brings her inline or has none. */
  person: PersonRow | null;
  episode: EpisodeRef | null;
  mother: PersonRow | null;
  sourceSystem: string | null;
  /** The local date that decides the report month. */
  day: IsoDate;
}

interface EpisodeRef {
  id: string;
  personId: string;
  visible: boolean;
  closure: string | null;
  closedOn: Date | null;
  facts: EpisodeFacts;
}

const TX = { timeout: 20_000, maxWait: 10_000 };
const SOURCE_SYSTEM_MAX = 60;
const PERSON_KEYS = PERSON_FIELDS.map((field) => field.key);
/** Closures an episode gets from a recorded delivery or abortion, never by hand. */
const EVENT_CLOSURES = ['DELIVERY', 'ABORTION'];

export const recordNotFound = () => new NotFoundError('RECORD_NOT_FOUND', 'Không tìm thấy bản ghi này');

/**
 * Create, read, update and delete of every register over its table spec (register-tables.ts). The
 * domain's validator of the register is the only check of a record's fields; this layer resolves
 * what the record refers to (facility, person, episode), keeps the rules of the store (period
 * locks, re-sent rows, episode closure, the newborn's person) and writes everything of one record
 * in one transaction, which the scope and audit mechanism also runs its checks and audit rows in.
 */
@Injectable()
export class RegisterRecordsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly context: RecordsContext,
    private readonly persons: PersonWriter,
    private readonly locks: RegisterLockService,
  ) {}

  // ---- Reads ----

  async list(table: RegisterTable, query: ListRecordsQueryDto | ListEpisodesQueryDto): Promise<RecordPageDto> {
    const and: Record<string, unknown>[] = [];
    if (query.month) and.push({ [table.dateColumn]: monthRange(query.month) });
    if (query.facilityCode) and.push({ facility: { code: query.facilityCode } });
    if (query.personId) and.push({ personId: query.personId });
    if (query.q) and.push(this.searchFilter(table, query.q));
    if ('open' in query && query.open !== undefined) and.push({ closure: query.open ? null : { not: null } });
    const where = { AND: and };
    const delegate = this.delegate(table.delegate);
    const [rows, total] = await Promise.all([
      delegate.findMany({
        where,
        include: this.include(table, false),
        orderBy: [{ [table.dateColumn]: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      delegate.count({ where }),
    ]);
    return {
      items: (rows as ReadRow[]).map((row) => this.toDto(table, row, false)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  async get(table: RegisterTable, id: string): Promise<RecordDto> {
    return this.toDto(table, await this.requireVisible(table, id), true);
  }

  // ---- Writes ----

  /**
   * Records a row. A body carrying sourceSystem + sourceRecordId of a row already stored updates
   * that row instead (outcome 'updated' or 'unchanged'), so a source may send a row again.
   */
  async create(table: RegisterTable, body: unknown, source: Source = this.defaultSource()): Promise<WriteResultDto> {
    return retryOnUniqueConflict(() => this.createOnce(table, body, source));
  }

  private createOnce(table: RegisterTable, body: unknown, source: Source): Promise<WriteResultDto> {
    return this.prisma.$transaction(async () => {
      const prepared = await this.prepare(table, body, null);
      const sourceRecordId = (prepared.value['sourceRecordId'] as string | null) ?? null;
      if (prepared.sourceSystem && sourceRecordId) {
        const existing = await this.findBySource(table, prepared.sourceSystem, sourceRecordId);
        if (existing) return this.replace(table, existing, prepared);
      }
      const row = await this.insert(table, prepared, source);
      return { outcome: 'created' as WriteOutcome, record: this.toDto(table, await this.requireVisible(table, row.id), true) };
    }, TX);
  }

  /** Replaces a row by a full body (PUT): fields left out are cleared; the person stays when not named. */
  async update(table: RegisterTable, id: string, body: unknown): Promise<WriteResultDto> {
    return this.prisma.$transaction(async () => {
      const existing = await this.requireVisible(table, id);
      this.context.assertWritable(existing.facilityId);
      const prepared = await this.prepare(table, body, existing);
      return this.replace(table, existing, prepared);
    }, TX);
  }

  async remove(table: RegisterTable, id: string): Promise<void> {
    await this.prisma.$transaction(async () => {
      const existing = await this.requireVisible(table, id);
      this.context.assertWritable(existing.facilityId);
      await this.locks.assertOpen(existing.facilityId, existing[table.dateColumn] as Date);
      if (table.code === 'episodes') await this.assertEpisodeUnused(id);
      // Nested rows first, so that each is deleted (and audited) as itself rather than by cascade.
      for (const collection of table.collections) {
        await this.delegate(collection.delegate).deleteMany({ where: { [collection.parentColumn]: id } });
      }
      await this.delegate(table.delegate).delete({ where: { id } });
      if (table.closes && existing.episodeId) await this.syncClosure(existing.episodeId, table.closes);
    }, TX);
  }

  // ---- Preparing a body ----

  private async prepare(table: RegisterTable, body: unknown, existing: ReadRow | null): Promise<Prepared> {
    const definition = table.definition;
    const envelope = readEnvelope(body);
    const input = { ...envelope.body };
    const problems: FieldError[] = envelope.problems;
    const facilityCode = envelope.facilityCode();
    const personId = envelope.uuid('personId');
    const episodeId = table.hasEpisode ? envelope.uuid('episodeId') : undefined;
    const motherId = table.hasMother ? envelope.uuid('motherId') : undefined;
    const sourceSystem = envelope.string('sourceSystem', { maxLength: SOURCE_SYSTEM_MAX }) ?? null;
    envelope.refuseUnknown([
      ...definition.fields.map((f) => f.key),
      ...definition.collections.map((c) => c.key),
      'facilityCode',
      'personId',
      'sourceSystem',
      ...(definition.embedsPerson ? ['person'] : []),
      ...(table.hasEpisode ? ['episodeId'] : []),
      ...(table.hasMother ? ['motherId'] : []),
    ]);
    const personPart = definition.embedsPerson ? input['person'] : undefined;
    if (isObject(personPart)) envelope.refuseUnknown(PERSON_KEYS, 'person.', personPart);
    for (const collection of definition.collections) {
      const items = input[collection.key];
      if (Array.isArray(items)) {
        items.forEach((item, index) => {
          if (isObject(item))
            envelope.refuseUnknown(
              collection.fields.map((f) => f.key),
              `${collection.key}[${index}].`,
              item,
            );
        });
      }
    }
    const hasPersonPart = personPart !== undefined && personPart !== null;
    if (personId && hasPersonPart) {
      problems.push({
        field: 'person',
        code: 'PERSON_AND_PERSON_ID',
        message: 'Chỉ ghi một trong hai: mã người đã có (personId) hoặc thông tin người mới (person)',
      });
    }

    // References: resolved in the write's transaction, so what is checked is what is written.
    const facility = facilityCode
      ? await this.context.facilityForWrite(facilityCode)
      : existing
        ? { id: existing.facilityId, code: existing.facility.code, name: existing.facility.name }
        : await this.context.facilityForWrite(undefined);
    let person: PersonRow | null = null;
    // An optional person (a death's) is unlinked by an explicit null; otherwise a PUT keeps the stored one.
    const unlinked = personId === null && definition.person === 'optional';
    if (personId) person = await this.persons.requireReferenced(personId);
    else if (existing?.personId && !hasPersonPart && !unlinked) person = await this.persons.findVisible(existing.personId);
    if (!person && !hasPersonPart && definition.person === 'required' && !problems.some((p) => p.field === 'personId')) {
      problems.push({
        field: 'personId',
        code: 'REQUIRED',
        message: 'Phải chọn người đã có (personId) hoặc ghi thông tin người mới (person)',
      });
    }
    const episode = episodeId ? await this.requireEpisode(episodeId) : null;
    const mother = motherId ? await this.persons.requireReferenced(motherId, 'motherId') : null;

    // A death of a known person: the row's own copy of her name, sex and birth date defaults to hers.
    if (table.ownName && person) {
      const own = {
        fullName: person.fullName,
        sex: person.sex,
        dateOfBirth: dayFromDb(person.dateOfBirth),
        ethnicityCode: person.ethnicityCode,
        occupationCode: person.occupationCode,
      };
      for (const [key, value] of Object.entries(own)) if (input[key] === undefined || input[key] === null) input[key] = value;
    }
    const context: ValidationContext = {
      today: this.context.today(),
      person: person ? { dateOfBirth: dayFromDb(person.dateOfBirth), sex: person.sex } : undefined,
      episode: episode?.facts,
      catalogs: await this.context.catalogs(),
    };
    const result = validateRecord(table.code, input, context);
    problems.push(...(result.problems as RecordProblem[]));
    const value = result.value as (Record<string, unknown> & { person?: PersonRecord }) | null;
    if (value?.['sourceRecordId'] && !sourceSystem) {
      problems.push({
        field: 'sourceSystem',
        code: 'REQUIRED',
        message: 'Phải ghi hệ thống nguồn (sourceSystem) khi có mã bản ghi ở hệ thống nguồn',
      });
    }
    if (value && table.code === 'episodes') this.applyEpisodeClosureRules(value, existing, problems);
    if (problems.length > 0 || !value) throw validationFailed(problems);
    const day = periodDate(definition, value);
    if (!day) throw new Error(`Validated ${table.code} record without its period date`);
    return { value, facility, person, episode, mother, sourceSystem, day };
  }

  /** Closures by a delivery or an abortion are set when those are recorded; by hand only a loss or a move away. */
  private applyEpisodeClosureRules(value: Record<string, unknown>, existing: ReadRow | null, problems: FieldError[]): void {
    const stored = existing ? (existing['closure'] as string | null) : null;
    if (stored && EVENT_CLOSURES.includes(stored)) {
      const storedOn = dayFromDb(existing?.['closedOn'] as Date | null);
      const changed =
        (value['closure'] !== null && value['closure'] !== stored) || (value['closedOn'] !== null && value['closedOn'] !== storedOn);
      if (changed) {
        problems.push({
          field: 'closure',
          code: 'CLOSURE_BY_EVENT',
          message: 'Thai kỳ đã kết thúc theo sổ đẻ hoặc sổ phá thai: sửa hoặc xóa bản ghi đó thay vì sửa hình thức kết thúc',
        });
      }
      value['closure'] = stored;
      value['closedOn'] = storedOn;
    } else if (typeof value['closure'] === 'string' && EVENT_CLOSURES.includes(value['closure'])) {
      problems.push({
        field: 'closure',
        code: 'CLOSURE_BY_EVENT',
        message:
          'Thai kỳ kết thúc bằng đẻ hoặc phá thai được ghi tự động khi ghi sổ đẻ hoặc sổ phá thai; ở đây chỉ ghi sảy thai, thai chết lưu hoặc chuyển đi',
      });
    }
  }

  // ---- Writing ----

  private async insert(table: RegisterTable, prepared: Prepared, source: Source): Promise<Row> {
    const { value, facility, day } = prepared;
    await this.locks.assertOpen(facility.id, day);
    const personId = await this.personOf(table, prepared, null);
    this.assertEpisodeOfPerson(prepared.episode, personId);
    const row = await this.delegate(table.delegate).create({
      data: {
        ...columnsOf(table.definition.fields, value),
        ...this.references(table, prepared, personId),
        facilityId: facility.id,
        source,
        sourceSystem: prepared.sourceSystem,
      },
    });
    for (const collection of table.collections) {
      for (const item of this.items(value, collection)) await this.createItem(collection, row, item, source);
    }
    await this.afterWrite(table, row, prepared, personId, null);
    return row;
  }

  /** Updates a stored row to a prepared body (PUT, or a row sent again by its source). */
  private async replace(table: RegisterTable, existing: ReadRow, prepared: Prepared): Promise<WriteResultDto> {
    this.context.assertWritable(existing.facilityId);
    const personId = await this.personOf(table, prepared, existing);
    this.assertEpisodeOfPerson(prepared.episode, personId);
    const stored = await this.delegate(table.delegate).findFirst({ where: { id: existing.id }, include: this.collectionsInclude(table) });
    if (!stored) throw recordNotFound();
    const next = {
      ...columnsOf(table.definition.fields, prepared.value),
      ...this.references(table, prepared, personId),
      facilityId: prepared.facility.id,
      sourceSystem: prepared.sourceSystem ?? existing.sourceSystem,
    };
    if (this.sameRecord(table, stored, next, prepared.value)) {
      return { outcome: 'unchanged', record: this.toDto(table, await this.requireVisible(table, existing.id), true) };
    }
    // Both the month the row leaves and the month it enters must be open.
    await this.locks.assertOpen(existing.facilityId, existing[table.dateColumn] as Date);
    await this.locks.assertOpen(prepared.facility.id, prepared.day);
    const row = await this.delegate(table.delegate).update({ where: { id: existing.id }, data: next });
    for (const collection of table.collections) await this.syncItems(collection, row, stored, prepared.value);
    await this.afterWrite(table, row, prepared, personId, existing);
    return { outcome: 'updated', record: this.toDto(table, await this.requireVisible(table, existing.id), true) };
  }

  /** What every write does after the row: the person becomes known to the facility, newborns get their person, episodes close. */
  private async afterWrite(table: RegisterTable, row: Row, prepared: Prepared, personId: string | null, existing: ReadRow | null) {
    if (personId) await this.context.recordKnownAt(personId, prepared.facility.id);
    if (prepared.mother) await this.context.recordKnownAt(prepared.mother.id, prepared.facility.id);
    if (table.code === 'deliveries' && personId) await this.linkNewborns(row, personId, prepared);
    if (table.closes) {
      const episodes = new Set([existing?.episodeId, prepared.episode?.id].filter((id): id is string => !!id));
      for (const episodeId of episodes) await this.syncClosure(episodeId, table.closes);
    }
  }

  /** The person a row is about: named, kept from the stored row, or the inline person (reused by identifier or created). */
  private async personOf(table: RegisterTable, prepared: Prepared, existing: ReadRow | null): Promise<string | null> {
    if (prepared.person) return prepared.person.id;
    const inline = prepared.value.person;
    if (!inline) return table.definition.person === 'optional' ? null : (existing?.personId ?? null);
    // A row sent again with an inline person and no identifier is still about the person it was stored for.
    if (existing?.personId && !inline.citizenId && !inline.insuranceCard) return existing.personId;
    const { person } = await this.persons.findOrCreate(inline, prepared.facility, prepared.day, { field: 'person.' });
    return person.id;
  }

  private references(table: RegisterTable, prepared: Prepared, personId: string | null): Record<string, unknown> {
    return {
      personId,
      ...(table.hasEpisode ? { episodeId: prepared.episode?.id ?? null } : {}),
      ...(table.hasMother ? { motherId: prepared.mother?.id ?? null } : {}),
    };
  }

  private items(value: Record<string, unknown>, collection: CollectionTable): Record<string, unknown>[] {
    return (value[collection.definition.key] as Record<string, unknown>[] | undefined) ?? [];
  }

  private async createItem(collection: CollectionTable, parent: Row, item: Record<string, unknown>, source: Source): Promise<Row> {
    return this.delegate(collection.delegate).create({
      data: {
        ...columnsOf(collection.definition.fields, item),
        [collection.parentColumn]: parent.id,
        facilityId: parent.facilityId,
        ...(collection.model === 'PostnatalVisit' ? { source } : {}),
      },
    });
  }

  /** Newborns are matched by birth order (their person links stay); other nested lists are replaced when they changed. */
  private async syncItems(collection: CollectionTable, row: Row, stored: Row, value: Record<string, unknown>): Promise<void> {
    const fields = collection.definition.fields;
    const before = (stored[collection.definition.key] as Row[]) ?? [];
    const after = this.items(value, collection);
    const delegate = this.delegate(collection.delegate);
    if (collection.matchBy) {
      const key = collection.matchBy;
      for (const old of before) {
        if (!after.some((item) => item[key] === old[key])) await delegate.delete({ where: { id: old.id } });
      }
      for (const item of after) {
        const old = before.find((o) => o[key] === item[key]);
        if (!old) await this.createItem(collection, row, item, row.source as Source);
        else if (!sameFields(fieldsOf(fields, old), pick(fields, item)) || old.facilityId !== row.facilityId) {
          await delegate.update({ where: { id: old.id }, data: { ...columnsOf(fields, item), facilityId: row.facilityId } });
        }
      }
      return;
    }
    const unchanged =
      sortedJson(before.map((old) => fieldsOf(fields, old))) === sortedJson(after.map((item) => pick(fields, item))) &&
      before.every((old) => old.facilityId === row.facilityId);
    if (unchanged) return;
    await delegate.deleteMany({ where: { [collection.parentColumn]: row.id } });
    for (const item of after) await this.createItem(collection, row, item, row.source as Source);
  }

  private sameRecord(table: RegisterTable, stored: Row, next: Record<string, unknown>, value: Record<string, unknown>): boolean {
    const fields = table.definition.fields;
    if (!sameFields(fieldsOf(fields, stored), pick(fields, value))) return false;
    for (const key of ['personId', 'episodeId', 'motherId', 'facilityId', 'sourceSystem']) {
      if (key in next && (next[key] ?? null) !== (stored[key] ?? null)) return false;
    }
    return table.collections.every((collection) => {
      const f = collection.definition.fields;
      const before = ((stored[collection.definition.key] as Row[]) ?? []).map((old) => fieldsOf(f, old));
      return sortedJson(before) === sortedJson(this.items(value, collection).map((item) => pick(f, item)));
    });
  }

  // ---- Newborns and their persons ----

  /**
   * A live-born newborn becomes a person (the child), linked to the mother: sex, date of birth the
   * local delivery date, ethnicity the newborn's or else the mother's, and the mother's residence.
   */
  private async linkNewborns(delivery: Row, motherId: string, prepared: Prepared): Promise<void> {
    const newborns = (await this.delegate('newborn').findMany({
      where: { deliveryId: delivery.id },
      orderBy: { birthOrder: 'asc' },
    })) as (Row & {
      liveBorn: boolean;
      birthOrder: number;
      sex: 'MALE' | 'FEMALE';
      ethnicityCode: string | null;
    })[];
    const pending = newborns.filter((n) => n.liveBorn && !n.personId);
    if (pending.length === 0) return;
    const mother = await this.prisma.person.findFirst({
      where: { id: motherId },
      include: { residences: { orderBy: { validFrom: 'desc' } } },
    });
    if (!mother) return;
    const born = dayToDb(prepared.day);
    const residence = mother.residences.find((r) => r.validFrom <= born && (!r.validTo || r.validTo >= born));
    for (const newborn of pending) {
      // The same child as the bulk path makes (persons/newborn-children.ts).
      const facts = newbornChild({
        motherName: mother.fullName,
        motherEthnicityCode: mother.ethnicityCode,
        motherNationalityCode: mother.nationalityCode,
        birthOrder: newborn.birthOrder,
        babies: newborns.length,
        sex: newborn.sex,
        ethnicityCode: newborn.ethnicityCode,
        born: prepared.day,
      });
      const child = await this.prisma.person.create({
        data: { ...facts, ...folded(facts.fullName), dateOfBirth: born, motherId: mother.id, facilityId: prepared.facility.id },
      });
      await this.context.recordKnownAt(child.id, prepared.facility.id);
      if (residence) {
        await this.prisma.personResidence.create({
          data: { personId: child.id, communeId: residence.communeId, address: residence.address, validFrom: born },
        });
      }
      await this.delegate('newborn').update({ where: { id: newborn.id }, data: { personId: child.id } });
    }
  }

  // ---- Pregnancy episodes ----

  /**
   * The episode a record names. An episode another facility registered (a hospital's delivery of a
   * woman a commune station follows) is found beyond scope, and may only be linked for its own person.
   */
  private async requireEpisode(id: string): Promise<EpisodeRef> {
    const visible = await this.prisma.pregnancyEpisode.findFirst({ where: { id } });
    const episode = visible ?? (await this.beyondScope().pregnancyEpisode.findUnique({ where: { id } }));
    if (!episode) throw episodeNotFound();
    return {
      id: episode.id,
      personId: episode.personId,
      visible: visible !== null,
      closure: episode.closure,
      closedOn: episode.closedOn,
      facts: { lmp: dayFromDb(episode.lmp), registeredOn: dayFromDb(episode.registeredOn), closedOn: dayFromDb(episode.closedOn) },
    };
  }

  private assertEpisodeOfPerson(episode: EpisodeRef | null, personId: string | null): void {
    if (!episode || episode.personId === personId) return;
    if (!episode.visible) throw episodeNotFound();
    throw badReference('EPISODE_OF_ANOTHER_PERSON', 'episodeId', 'Thai kỳ này là của một người khác');
  }

  /**
   * Keeps an episode's closure in step with the deliveries (or abortions) recorded for it: closed
   * on the earliest one's date while there is one, reopened when the last is deleted. The episode
   * may belong to another facility (trusted work, audited).
   */
  private async syncClosure(episodeId: string, kind: 'DELIVERY' | 'ABORTION'): Promise<void> {
    await RequestContext.asSystem(async () => {
      const episode = await this.prisma.pregnancyEpisode.findUnique({ where: { id: episodeId } });
      if (!episode) return;
      const [delegate, column] = kind === 'DELIVERY' ? ['delivery', 'deliveryDate'] : ['abortion', 'performedOn'];
      const first = await this.delegate(delegate).findFirst({
        where: { episodeId },
        orderBy: { [column]: 'asc' },
        select: { [column]: true },
      });
      let target: { closure: 'DELIVERY' | 'ABORTION' | null; closedOn: Date | null };
      if (first) {
        if (episode.closure && EVENT_CLOSURES.includes(episode.closure) && episode.closure !== kind) {
          throw new DomainError(
            'EPISODE_CLOSED_BY_OTHER_EVENT',
            kind === 'DELIVERY' ? 'Thai kỳ này đã kết thúc bằng phá thai' : 'Thai kỳ này đã kết thúc bằng một lần đẻ',
            409,
            [{ field: 'episodeId', code: 'EPISODE_CLOSED_BY_OTHER_EVENT', message: 'Thai kỳ này đã kết thúc bằng sự kiện khác' }],
          );
        }
        target = { closure: kind, closedOn: first[column] as Date };
      } else if (episode.closure === kind) {
        target = { closure: null, closedOn: null };
      } else {
        return;
      }
      if (episode.closure === target.closure && episode.closedOn?.getTime() === target.closedOn?.getTime()) return;
      await this.prisma.pregnancyEpisode.update({ where: { id: episodeId }, data: target });
    });
  }

  private async assertEpisodeUnused(id: string): Promise<void> {
    const db = this.beyondScope();
    const [visits, deliveries, abortions] = await Promise.all([
      db.ancVisit.count({ where: { episodeId: id } }),
      db.delivery.count({ where: { episodeId: id } }),
      db.abortion.count({ where: { episodeId: id } }),
    ]);
    if (visits + deliveries + abortions > 0) {
      throw new DomainError(
        'EPISODE_IN_USE',
        'Thai kỳ đã có lần khám thai, lần đẻ hoặc phá thai: xóa hoặc chuyển các bản ghi đó trước',
        409,
      );
    }
  }

  // ---- Lookups ----

  private async requireVisible(table: RegisterTable, id: string): Promise<ReadRow> {
    const row = await this.delegate(table.delegate).findFirst({ where: { id }, include: this.include(table, true) });
    if (!row) throw table.code === 'episodes' ? episodeNotFound404() : recordNotFound();
    return row as ReadRow;
  }

  /** The row a source sent before: in the caller's scope it is updated; another facility's is a conflict. */
  private async findBySource(table: RegisterTable, sourceSystem: string, sourceRecordId: string): Promise<ReadRow | null> {
    const where = { sourceSystem, sourceRecordId };
    const row = await this.delegate(table.delegate).findFirst({ where, include: this.include(table, true) });
    if (row) return row as ReadRow;
    const elsewhere = await (this.beyondScope() as unknown as Record<string, Delegate>)[table.delegate].findFirst({
      where,
      select: { id: true },
    });
    if (elsewhere) {
      const message = 'Mã bản ghi này của hệ thống nguồn đã được một cơ sở khác ghi';
      throw new DomainError('SOURCE_RECORD_TAKEN', message, 409, [{ field: 'sourceRecordId', code: 'SOURCE_RECORD_TAKEN', message }]);
    }
    return null;
  }

  private searchFilter(table: RegisterTable, q: string): Record<string, unknown> {
    const compact = normaliseCitizenId(q);
    const card = normaliseInsuranceCard(q);
    const person = /^\d{12}$/.test(compact)
      ? { citizenId: compact }
      : insuranceCardFacts(card)
        ? { insuranceCard: card }
        : { fullNameFolded: { contains: foldVietnamese(q) } };
    if (!table.ownName) return { person };
    // A death register row may name someone who is no known person.
    return { OR: [{ person }, { fullName: { contains: q.trim(), mode: 'insensitive' } }] };
  }

  private include(table: RegisterTable, withCollections: boolean): Record<string, unknown> {
    return {
      facility: { select: { code: true, name: true } },
      person: { select: PERSON_REF_SELECT },
      ...(withCollections ? this.collectionsInclude(table) : {}),
    };
  }

  private collectionsInclude(table: RegisterTable): Record<string, unknown> {
    return Object.fromEntries(table.collections.map((c) => [c.definition.key, { orderBy: c.orderBy }]));
  }

  private toDto(table: RegisterTable, row: ReadRow, withCollections: boolean): RecordDto {
    const dto: RecordDto = {
      register: table.code,
      id: row.id,
      facility: row.facility,
      person: row.person ? toPersonRef(row.person) : null,
      ...(table.hasEpisode ? { episodeId: row.episodeId ?? null } : {}),
      ...(table.hasMother ? { motherId: row.motherId ?? null } : {}),
      ...fieldsOf(table.definition.fields, row),
      source: row.source,
      sourceSystem: row.sourceSystem,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
    if (withCollections) {
      for (const collection of table.collections) {
        dto[collection.definition.key] = ((row[collection.definition.key] as Row[]) ?? []).map((item) => ({
          id: item.id,
          ...(collection.model === 'Newborn' ? { personId: item.personId ?? null } : {}),
          ...fieldsOf(collection.definition.fields, item),
        }));
      }
    }
    return dto;
  }

  private defaultSource(): Source {
    return RequestContext.current()?.principal?.kind === 'client' ? 'API' : 'ENTRY';
  }

  private delegate(name: string): Delegate {
    return (this.prisma as unknown as Record<string, Delegate>)[name];
  }

  /** Lookups that must see past the caller's scope: in the open transaction when there is one. */
  private beyondScope(): Prisma.TransactionClient {
    return RequestContext.current()?.tx ?? this.prisma.raw;
  }
}

const episodeNotFound = () => badReference('EPISODE_NOT_FOUND', 'episodeId', 'Không tìm thấy thai kỳ này');
const episodeNotFound404 = () => new NotFoundError('EPISODE_NOT_FOUND', 'Không tìm thấy thai kỳ này');

function pick(fields: readonly { key: string; type: string }[], value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.key, value[f.key] ?? (f.type === 'codes' ? [] : null)]));
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sortedJson(items: Record<string, unknown>[]): string {
  return JSON.stringify(items.map((item) => JSON.stringify(item)).sort());
}
