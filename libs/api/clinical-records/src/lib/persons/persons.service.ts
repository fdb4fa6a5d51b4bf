import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, FieldError, NotFoundError, Prisma, PrismaService } from '@skss/api/core';
import {
  foldVietnamese,
  formatDateVi,
  insuranceCardFacts,
  IsoDate,
  normaliseCitizenId,
  normaliseInsuranceCard,
  PERSON_FIELDS,
  PersonRecord,
  personMatchKey,
  validatePerson,
} from '@skss/domain';
import { dayBefore, dayFromDb, dayToDb } from '../shared/days';
import { readEnvelope } from '../shared/envelope';
import { retryOnUniqueConflict, validationFailed } from '../shared/problems';
import { RecordsContext } from '../shared/records-context';
import { ListPersonsQueryDto } from './dto/person.request.dto';
import { PersonDto, PersonPageDto, PersonRecordsDto, PersonSummaryDto, PersonWriteResultDto } from './dto/person.response.dto';
import { demographicsOf, folded, PersonWriter } from './person-writer';
import {
  LINK_SELECT,
  PERSON_DETAIL_INCLUDE,
  PERSON_SUMMARY_INCLUDE,
  PersonDetailRow,
  PersonSummaryRow,
  toPersonDto,
  toPersonSummary,
} from './persons.mapper';

export const personNotFound = () => new NotFoundError('PERSON_NOT_FOUND', 'Không tìm thấy người này');

const PERSON_KEYS = PERSON_FIELDS.map((field) => field.key);
const SOURCE_SYSTEM_MAX = 60;
const SOURCE_RECORD_MAX = 100;
const TX = { timeout: 20_000, maxWait: 10_000 };

/** Persons (women and children): search with masked identifiers, audited reads, reuse by identifier, residence history. */
@Injectable()
export class PersonsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly context: RecordsContext,
    private readonly writer: PersonWriter,
    private readonly audit: AuditService,
  ) {}

  async search(query: ListPersonsQueryDto): Promise<PersonPageDto> {
    const where: Prisma.PersonWhereInput = { mergedIntoId: null, AND: [] };
    const and = where.AND as Prisma.PersonWhereInput[];
    if (query.q) and.push(identifierOrName(query.q));
    if (query.dateOfBirth) and.push({ dateOfBirth: dayToDb(query.dateOfBirth) });
    if (query.sex) and.push({ sex: query.sex as 'MALE' | 'FEMALE' });
    const [rows, total] = await Promise.all([
      this.prisma.person.findMany({
        where,
        include: PERSON_SUMMARY_INCLUDE,
        orderBy: [{ fullNameFolded: 'asc' }, { dateOfBirth: 'asc' }, { id: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      this.prisma.person.count({ where }),
    ]);
    return { items: rows.map(toPersonSummary), page: query.page, pageSize: query.pageSize, total };
  }

  /** One person with full identifiers; opening it is recorded in the audit trail (who viewed whose data). */
  async get(id: string): Promise<PersonDto> {
    const dto = await this.detail(id);
    await this.audit.record({ action: 'VIEW', entityType: 'Person', entityId: id });
    return dto;
  }

  /**
   * Creates a person, or reuses the one with the same citizen ID, insurance card or source id
   * (which then becomes known to the caller's facility): `reused` tells which.
   */
  async create(body: unknown): Promise<PersonWriteResultDto> {
    const envelope = readEnvelope(body);
    envelope.refuseUnknown([...PERSON_KEYS, 'facilityCode', 'motherId', 'residenceFrom', 'sourceSystem', 'sourceRecordId']);
    const facilityCode = envelope.facilityCode();
    const motherId = envelope.uuid('motherId');
    const residenceFrom = envelope.day('residenceFrom');
    const source = readSource(envelope);
    const today = this.context.today();
    const { value, problems } = validatePerson(envelope.body, { today, catalogs: await this.context.catalogs() });
    const all = [...envelope.problems, ...problems, ...residenceProblems(residenceFrom, value, today)];
    if (all.length > 0 || !value) throw validationFailed(all);
    const facility = await this.context.facilityForWrite(facilityCode);

    const result = await retryOnUniqueConflict(() =>
      this.prisma.$transaction(async () => {
        const mother = motherId ? await this.writer.requireReferenced(motherId, 'motherId') : null;
        const from = residenceFrom ?? (value.communeCode ? await this.defaultResidenceFrom(value, today) : today);
        const { person, reused } = await this.writer.findOrCreate(value, facility, from, { motherId: mother?.id ?? null, source });
        return { id: person.id, reused };
      }, TX),
    );
    const person = await this.detail(result.id);
    if (result.reused) await this.audit.record({ action: 'VIEW', entityType: 'Person', entityId: result.id, details: { reused: true } });
    return { reused: result.reused, person };
  }

  /**
   * Changes demographics; a change of commune or address closes the current residence the day
   * before `residenceFrom` (default today) and opens a new one, so that a person who moves keeps
   * her history. The body holds only what changes.
   */
  async update(id: string, body: unknown): Promise<PersonDto> {
    const current = await this.requireVisible(id);
    if (current.mergedIntoId) throw mergedError();
    const envelope = readEnvelope(body);
    envelope.refuseUnknown([...PERSON_KEYS, 'motherId', 'residenceFrom']);
    const motherId = envelope.uuid('motherId');
    const residenceFrom = envelope.day('residenceFrom');
    const residence = current.residences.find((r) => r.validTo === null) ?? null;
    const before: Record<string, unknown> = {
      fullName: current.fullName,
      dateOfBirth: dayFromDb(current.dateOfBirth),
      sex: current.sex,
      citizenId: current.citizenId,
      insuranceCard: current.insuranceCard,
      ethnicityCode: current.ethnicityCode,
      occupationCode: current.occupationCode,
      nationalityCode: current.nationalityCode,
      phone: current.phone,
      communeCode: residence?.commune.code ?? null,
      address: residence?.address ?? null,
    };
    const merged = { ...before, ...Object.fromEntries(PERSON_KEYS.filter((k) => k in envelope.body).map((k) => [k, envelope.body[k]])) };
    const today = this.context.today();
    const { value, problems } = validatePerson(merged, { today, catalogs: await this.context.catalogs() });
    const all = [...envelope.problems, ...problems, ...residenceProblems(residenceFrom, value, today)];
    if (all.length > 0 || !value) throw validationFailed(all);

    await this.prisma.$transaction(async () => {
      const changes: Prisma.PersonUpdateInput = {};
      const next = demographicsOf(value);
      for (const [key, v] of Object.entries(next)) {
        const old = key === 'dateOfBirth' ? current.dateOfBirth.getTime() : before[key];
        if ((v instanceof Date ? v.getTime() : v) !== old) (changes as Record<string, unknown>)[key] = v;
      }
      if (changes.fullName) Object.assign(changes, folded(value.fullName));
      if (motherId !== undefined && motherId !== current.motherId) {
        if (motherId === id) throw new DomainError('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ', 400, [selfMother()]);
        const mother = motherId ? await this.writer.requireReferenced(motherId, 'motherId') : null;
        changes.mother = mother ? { connect: { id: mother.id } } : { disconnect: true };
      }
      if (Object.keys(changes).length > 0) {
        await this.prisma.person.update({ where: { id }, data: changes }).catch(identifierTaken);
      }
      if (value.communeCode !== before['communeCode'] || value.address !== before['address']) {
        await this.moveResidence(id, residence, value, residenceFrom ?? today);
      }
    }, TX);
    return this.detail(id);
  }

  /** Probable duplicates: same folded name and date of birth, living in the same commune (domain's personMatchKey). */
  async duplicates(id: string): Promise<PersonSummaryDto[]> {
    const person = await this.requireVisible(id);
    const key = keyOf(person);
    if (!key) return [];
    const candidates = await this.prisma.person.findMany({
      where: { id: { not: id }, mergedIntoId: null, fullNameFolded: person.fullNameFolded, dateOfBirth: person.dateOfBirth },
      include: PERSON_SUMMARY_INCLUDE,
      orderBy: { createdAt: 'asc' },
      take: 50,
    });
    return candidates.filter((c) => keyOf(c) === key).map(toPersonSummary);
  }

  /** Every register row about her that the caller may see (relations are scoped like direct reads). */
  async records(id: string): Promise<PersonRecordsDto> {
    await this.requireVisible(id);
    const facility = { select: { code: true, name: true } } as const;
    const person = await this.prisma.person.findFirst({
      where: { id },
      select: {
        episodes: { select: { id: true, registeredOn: true, facility } },
        ancVisits: { select: { id: true, visitDate: true, facility } },
        deliveries: { select: { id: true, deliveryDate: true, facility } },
        newborns: { select: { deliveryId: true, facility, delivery: { select: { deliveryDate: true, facilityId: true } } } },
        abortions: { select: { id: true, performedOn: true, facility } },
        contraceptions: { select: { id: true, servedOn: true, facility } },
        gynVisits: { select: { id: true, visitDate: true, facility } },
        hpvVaccinations: { select: { id: true, givenOn: true, facility } },
        childExams: { select: { id: true, examDate: true, facility } },
        deaths: { select: { id: true, diedOn: true, facility } },
      },
    });
    if (!person) throw personNotFound();
    const item = (register: string, id: string, date: Date, f: { code: string; name: string }) => ({
      register,
      id,
      date: dayFromDb(date),
      facility: f,
    });
    const items = [
      ...person.episodes.map((r) => item('episodes', r.id, r.registeredOn, r.facility)),
      ...person.ancVisits.map((r) => item('anc-visits', r.id, r.visitDate, r.facility)),
      ...person.deliveries.map((r) => item('deliveries', r.id, r.deliveryDate, r.facility)),
      // A child's own birth: the delivery row of her mother, when the caller may see it.
      ...person.newborns.flatMap((r) => (r.delivery ? [item('deliveries', r.deliveryId, r.delivery.deliveryDate, r.facility)] : [])),
      ...person.abortions.map((r) => item('abortions', r.id, r.performedOn, r.facility)),
      ...person.contraceptions.map((r) => item('contraception', r.id, r.servedOn, r.facility)),
      ...person.gynVisits.map((r) => item('gynaecology', r.id, r.visitDate, r.facility)),
      ...person.hpvVaccinations.map((r) => item('hpv-vaccinations', r.id, r.givenOn, r.facility)),
      ...person.childExams.map((r) => item('child-exams', r.id, r.examDate, r.facility)),
      ...person.deaths.map((r) => item('deaths', r.id, r.diedOn, r.facility)),
    ];
    items.sort((a, b) => (a.date === b.date ? a.register.localeCompare(b.register) : a.date < b.date ? 1 : -1));
    return { items };
  }

  /** The person (merged ones too) if the caller may see her; 404 otherwise, whether she exists elsewhere or not at all. */
  async requireVisible(id: string): Promise<PersonDetailRow> {
    const row = await this.prisma.person.findFirst({ where: { id }, include: PERSON_DETAIL_INCLUDE });
    if (!row) throw personNotFound();
    return row;
  }

  async detail(id: string): Promise<PersonDto> {
    const row = await this.requireVisible(id);
    // The mother only when the caller may see her too (a to-one relation is not filtered by the mechanism).
    const [mother, facility] = await Promise.all([
      row.motherId ? this.prisma.person.findFirst({ where: { id: row.motherId }, select: LINK_SELECT }) : null,
      this.prisma.facility.findUniqueOrThrow({ where: { id: row.facilityId }, select: { code: true, name: true } }),
    ]);
    return toPersonDto(row, mother, facility);
  }

  private async defaultResidenceFrom(value: PersonRecord, today: IsoDate): Promise<IsoDate> {
    // With no start day given, she is taken to have lived there since her birth, or since the commune
    // (as coded today) exists, whichever is later.
    const commune = await this.writer.communeForResidence(value.communeCode as string, today, 'communeCode');
    const since = commune.validFrom ? dayFromDb(commune.validFrom) : value.dateOfBirth;
    return since > value.dateOfBirth ? since : value.dateOfBirth;
  }

  private async moveResidence(personId: string, current: PersonDetailRow['residences'][number] | null, value: PersonRecord, from: IsoDate) {
    const currentFrom = current ? dayFromDb(current.validFrom) : null;
    if (current && currentFrom && from < currentFrom) {
      const message = `Ngày bắt đầu cư trú mới (${formatDateVi(from)}) phải sau ngày bắt đầu nơi cư trú hiện tại (${formatDateVi(currentFrom)})`;
      throw new DomainError('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ', 400, [
        { field: 'residenceFrom', code: 'RESIDENCE_BEFORE_CURRENT', message },
      ]);
    }
    const commune = value.communeCode ? await this.writer.requireCommune(value.communeCode, from, 'communeCode') : null;
    if (current && currentFrom === from) {
      // The same start day: a correction of the current residence, not a move.
      if (commune)
        await this.prisma.personResidence.update({ where: { id: current.id }, data: { communeId: commune.id, address: value.address } });
      else await this.prisma.personResidence.delete({ where: { id: current.id } });
      return;
    }
    if (current) await this.prisma.personResidence.update({ where: { id: current.id }, data: { validTo: dayToDb(dayBefore(from)) } });
    if (commune) {
      await this.prisma.personResidence.create({
        data: { personId, communeId: commune.id, address: value.address, validFrom: dayToDb(from) },
      });
    }
  }
}

function keyOf(row: PersonSummaryRow | PersonDetailRow): string | null {
  const residence = row.residences.find((r) => r.validTo === null);
  return personMatchKey(row.fullName, dayFromDb(row.dateOfBirth), residence?.commune.code ?? null);
}

/** A citizen ID or insurance card typed in the search box matches exactly; anything else is a name. */
function identifierOrName(q: string): Prisma.PersonWhereInput {
  const compact = normaliseCitizenId(q);
  if (/^\d{12}$/.test(compact)) return { citizenId: compact };
  const card = normaliseInsuranceCard(q);
  if (insuranceCardFacts(card)) return { insuranceCard: card };
  return { fullNameFolded: { contains: foldVietnamese(q) } };
}

function readSource(envelope: ReturnType<typeof readEnvelope>): { sourceSystem: string; sourceRecordId: string } | null {
  const sourceSystem = envelope.string('sourceSystem', { maxLength: SOURCE_SYSTEM_MAX });
  const sourceRecordId = envelope.string('sourceRecordId', { maxLength: SOURCE_RECORD_MAX });
  if (sourceRecordId && !sourceSystem) {
    envelope.problems.push({
      field: 'sourceSystem',
      code: 'REQUIRED',
      message: 'Phải ghi hệ thống nguồn khi có mã bản ghi ở hệ thống nguồn',
    });
  }
  return sourceSystem && sourceRecordId ? { sourceSystem, sourceRecordId } : null;
}

function residenceProblems(from: IsoDate | undefined, value: PersonRecord | null, today: IsoDate): FieldError[] {
  if (!from) return [];
  if (from > today) {
    return [
      {
        field: 'residenceFrom',
        code: 'DATE_IN_FUTURE',
        message: `Ngày bắt đầu cư trú không được sau ngày hôm nay (${formatDateVi(today)})`,
      },
    ];
  }
  if (value && from < value.dateOfBirth) {
    return [{ field: 'residenceFrom', code: 'BEFORE_DATE_OF_BIRTH', message: 'Ngày bắt đầu cư trú không được trước ngày sinh' }];
  }
  return [];
}

const selfMother = (): FieldError => ({
  field: 'motherId',
  code: 'INVALID_REFERENCE',
  message: 'Một người không thể là mẹ của chính mình',
});

const mergedError = () => new DomainError('PERSON_MERGED', 'Người này đã được gộp vào một hồ sơ khác; hãy sửa hồ sơ còn lại', 409);

/** A unique identifier already held by another person: probably a duplicate to merge. */
function identifierTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    const target = JSON.stringify(error.meta ?? {});
    const field = target.includes('insurance') ? 'insuranceCard' : 'citizenId';
    const message =
      field === 'citizenId'
        ? 'Số căn cước công dân này đã ghi cho một người khác (có thể là hồ sơ trùng: hãy gộp hồ sơ)'
        : 'Số thẻ BHYT này đã ghi cho một người khác (có thể là hồ sơ trùng: hãy gộp hồ sơ)';
    throw new DomainError('IDENTIFIER_TAKEN', message, 409, [{ field, code: 'IDENTIFIER_TAKEN', message }]);
  }
  throw error;
}
