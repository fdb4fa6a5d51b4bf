import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, RequestContext } from '@skss/api/core';
import { foldVietnamese, formatDateVi, IsoDate, PersonRecord } from '@skss/domain';
import { dayBefore, dayFromDb, dayToDb } from '../shared/days';
import { badReference } from '../shared/problems';
import { FacilityRef, RecordsContext } from '../shared/records-context';
import { personRefresh, StoredPerson } from './person-refresh';

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
   * (becomes known to the facility, and is brought up to date by the record: refresh()), otherwise a new person is created with her residence from
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
      return { person: await this.refresh(existing, record, residenceFrom, `${options.field ?? ''}communeCode`), reused: true };
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

  /**
   * Brings a person found by an exact identifier up to date with a record about her dated `day`,
   * by the rule of every entry path (person-refresh.ts); written through the audited client, in the
   * caller's transaction. An identifier another person holds is left out (she is a probable duplicate).
   */
  async refresh(person: PersonRow, record: PersonRecord, day: IsoDate, communeField: string): Promise<PersonRow> {
    const db = this.beyondScope();
    const latest = await db.personResidence.findFirst({
      where: { personId: person.id },
      orderBy: { validFrom: 'desc' },
      include: { commune: { select: { code: true } } },
    });
    const stored: StoredPerson = {
      ...person,
      dateOfBirth: dayFromDb(person.dateOfBirth),
      residence: latest
        ? {
            id: latest.id,
            communeCode: latest.commune.code,
            address: latest.address,
            validFrom: dayFromDb(latest.validFrom),
            validTo: dayFromDb(latest.validTo),
          }
        : null,
    };
    const { set, move } = personRefresh(stored, record, day, true);
    if (set.citizenId && (await db.person.findUnique({ where: { citizenId: set.citizenId } }))) delete set.citizenId;
    if (set.insuranceCard && (await db.person.findUnique({ where: { insuranceCard: set.insuranceCard } }))) delete set.insuranceCard;
    const updated = Object.keys(set).length ? await this.prisma.person.update({ where: { id: person.id }, data: set }) : person;
    if (move) {
      const commune = await this.requireCommune(move.communeCode, move.from, communeField);
      const residence = stored.residence;
      if (residence && residence.validTo === null && residence.validFrom === move.from) {
        // Starting the same day as her latest residence: a correction of it, not a move.
        await this.prisma.personResidence.update({ where: { id: residence.id }, data: { communeId: commune.id, address: move.address } });
      } else {
        if (residence && residence.validTo === null) {
          await this.prisma.personResidence.update({ where: { id: residence.id }, data: { validTo: dayToDb(dayBefore(move.from)) } });
        }
        await this.prisma.personResidence.create({
          data: { personId: person.id, communeId: commune.id, address: move.address, validFrom: dayToDb(move.from) },
        });
      }
    }
    return updated;
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
