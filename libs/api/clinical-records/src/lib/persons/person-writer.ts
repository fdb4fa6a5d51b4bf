import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, RequestContext } from '@skss/api/core';
import { foldVietnamese, formatDateVi, IsoDate, PersonRecord } from '@skss/domain';
import { dayToDb } from '../shared/days';
import { badReference } from '../shared/problems';
import { FacilityRef, RecordsContext } from '../shared/records-context';

export type PersonRow = Prisma.PersonGetPayload<object>;

/** Demographic columns of a person, from a validated person record. */
export function demographicsOf(record: PersonRecord) {
  return {
    fullName: record.fullName,
    dateOfBirth: dayToDb(record.dateOfBirth),
    sex: record.sex,
    citizenId: record.citizenId,
    insuranceCard: record.insuranceCard,
    ethnicityCode: record.ethnicityCode,
    nationalityCode: record.nationalityCode,
    occupationCode: record.occupationCode,
    phone: record.phone,
  };
}

/** Follows merges to the surviving person (a merged person's id keeps working for the caller). */
const MAX_MERGE_CHAIN = 10;

/**
 * Finding, reusing and creating persons, shared by the persons API and every register write that
 * brings a person. Reads are scoped (a person is visible to the facilities that recorded something
 * for her); the one exception is the exact identifier match, which must find a person another
 * facility created so that she is not entered twice: she is then reused and becomes visible to the
 * caller's facility.
 */
@Injectable()
export class PersonWriter {
  constructor(
    private readonly prisma: PrismaService,
    private readonly context: RecordsContext,
  ) {}

  /** The person if the caller may see her, following merges; null otherwise (exists elsewhere or not at all). */
  async findVisible(id: string): Promise<PersonRow | null> {
    let person = await this.prisma.person.findFirst({ where: { id } });
    for (let hops = 0; person?.mergedIntoId && hops < MAX_MERGE_CHAIN; hops++) {
      person = await this.prisma.person.findFirst({ where: { id: person.mergedIntoId } });
    }
    return person;
  }

  /** A person named in a request body (`personId`, `motherId`): 400 when the caller cannot see her. */
  async requireReferenced(id: string, field = 'personId'): Promise<PersonRow> {
    const person = await this.findVisible(id);
    if (!person) throw badReference('PERSON_NOT_FOUND', field, 'Không tìm thấy người này (hoặc người này không thuộc phạm vi của đơn vị)');
    return person;
  }

  /**
   * The stored person with the same citizen ID, else the same insurance card, else the same id in
   * the same source system, whoever recorded her (beyond scope, on purpose), following merges.
   */
  async findByIdentifiers(ids: {
    citizenId?: string | null;
    insuranceCard?: string | null;
    source?: { sourceSystem: string; sourceRecordId: string } | null;
  }): Promise<PersonRow | null> {
    const db = this.beyondScope();
    let person: PersonRow | null = null;
    if (ids.citizenId) person = await db.person.findUnique({ where: { citizenId: ids.citizenId } });
    if (!person && ids.insuranceCard) person = await db.person.findUnique({ where: { insuranceCard: ids.insuranceCard } });
    if (!person && ids.source) {
      const link = await db.personSourceId.findUnique({ where: { sourceSystem_sourceRecordId: ids.source }, include: { person: true } });
      person = link?.person ?? null;
    }
    for (let hops = 0; person?.mergedIntoId && hops < MAX_MERGE_CHAIN; hops++) {
      person = await db.person.findUnique({ where: { id: person.mergedIntoId } });
    }
    return person;
  }

  /**
   * The person of a validated person record: an exact citizen-ID or insurance-card match is reused
   * (and becomes known to the facility), otherwise a new person is created with her residence from
   * `residenceFrom`. Runs in the caller's transaction.
   */
  async findOrCreate(
    record: PersonRecord,
    facility: FacilityRef,
    residenceFrom: IsoDate,
    options: { field?: string; motherId?: string | null; source?: { sourceSystem: string; sourceRecordId: string } | null } = {},
  ): Promise<{ person: PersonRow; reused: boolean }> {
    const existing = await this.findByIdentifiers({
      citizenId: record.citizenId,
      insuranceCard: record.insuranceCard,
      source: options.source,
    });
    if (existing) {
      await this.context.recordKnownAt(existing.id, facility.id);
      if (options.source) await this.linkSource(existing.id, options.source);
      return { person: existing, reused: true };
    }
    const commune = record.communeCode
      ? await this.requireCommune(record.communeCode, residenceFrom, `${options.field ?? ''}communeCode`)
      : null;
    const person = await this.prisma.person.create({
      data: { ...demographicsOf(record), ...folded(record.fullName), motherId: options.motherId ?? null, facilityId: facility.id },
    });
    await this.context.recordKnownAt(person.id, facility.id);
    if (commune) {
      await this.prisma.personResidence.create({
        data: { personId: person.id, communeId: commune.id, address: record.address, validFrom: dayToDb(residenceFrom) },
      });
    }
    if (options.source) await this.linkSource(person.id, options.source);
    return { person, reused: false };
  }

  async linkSource(personId: string, source: { sourceSystem: string; sourceRecordId: string }): Promise<void> {
    await this.prisma.personSourceId.createMany({ data: [{ ...source, personId }], skipDuplicates: true });
  }

  /** The version of a commune code in force on a day; 400 naming `field` otherwise. */
  async requireCommune(code: string, day: IsoDate, field: string): Promise<{ id: number; code: string; name: string }> {
    const date = dayToDb(day);
    const commune = await this.prisma.adminUnit.findFirst({
      where: {
        code,
        level: 'commune',
        AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: date } }] }, { OR: [{ validTo: null }, { validTo: { gte: date } }] }],
      },
      select: { id: true, code: true, name: true },
    });
    if (!commune) {
      throw badReference('COMMUNE_NOT_FOUND', field, `Không có xã, phường mã ${code} vào ngày ${formatDateVi(day)}`);
    }
    return commune;
  }

  /** The commune version a code names today, or else on the last day it existed. */
  async communeForResidence(code: string, today: IsoDate, field: string): Promise<{ id: number; validFrom: Date | null }> {
    const versions = await this.prisma.adminUnit.findMany({
      where: { code, level: 'commune' },
      select: { id: true, validFrom: true, validTo: true },
      orderBy: { validFrom: { sort: 'desc', nulls: 'last' } },
    });
    const date = dayToDb(today);
    const current = versions.find((v) => (!v.validFrom || v.validFrom <= date) && (!v.validTo || v.validTo >= date));
    if (!current) throw badReference('COMMUNE_NOT_FOUND', field, `Không có xã, phường mã ${code} đang có hiệu lực`);
    return current;
  }

  /**
   * Exact identifier matches look beyond the caller's scope: the open transaction's own client when
   * there is one (so they see its writes), else the unscoped client.
   */
  private beyondScope(): Prisma.TransactionClient {
    return RequestContext.current()?.tx ?? this.prisma.raw;
  }
}

export const foldName = (fullName: string) => foldVietnamese(fullName).slice(0, 200);
export const folded = (fullName: string) => ({ fullNameFolded: foldName(fullName) });
