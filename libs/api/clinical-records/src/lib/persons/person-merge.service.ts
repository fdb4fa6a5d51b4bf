import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, NotFoundError, outOfScope, Prisma, PrismaService, RequestContext, writeScopeOf } from '@skss/api/core';
import { badReference } from '../shared/problems';
import { MergeDto, MergeResultDto, PersonMergeDto } from './dto/person.response.dto';
import { LINK_SELECT, toPersonLink } from './persons.mapper';
import { PersonsService } from './persons.service';

/** The register rows that point at a person, by the delegate that holds them and the column. */
const POINTERS = [
  ['episodes', 'pregnancyEpisode', 'personId'],
  ['ancVisits', 'ancVisit', 'personId'],
  ['deliveries', 'delivery', 'personId'],
  ['newborns', 'newborn', 'personId'],
  ['abortions', 'abortion', 'personId'],
  ['contraceptions', 'contraceptionService', 'personId'],
  ['gynVisits', 'gynaecologyVisit', 'personId'],
  ['hpvVaccinations', 'hpvVaccination', 'personId'],
  ['childExams', 'childExam', 'personId'],
  ['deaths', 'death', 'personId'],
  ['deathsAsMother', 'death', 'motherId'],
  ['children', 'person', 'motherId'],
] as const;
type PointerKey = (typeof POINTERS)[number][0];

/** What a merge moved from the duplicate to the survivor: exactly what an undo moves back. */
export interface MergeMoved {
  rows: Record<PointerKey, string[]>;
  sourceIds: { sourceSystem: string; sourceRecordId: string }[];
  /** Facilities that knew the duplicate and not the survivor: linked to the survivor by the merge. */
  knownAt: number[];
  /** Identifiers the survivor lacked, taken over from the duplicate. */
  identifiers: { citizenId?: string; insuranceCard?: string };
}

interface Delegate {
  findMany(args: object): Promise<{ id: string }[]>;
  updateMany(args: object): Promise<{ count: number }>;
}

const TX = { timeout: 30_000, maxWait: 10_000 };

/**
 * Merging a probable duplicate into a surviving person, and undoing it. Both persons must be known
 * to the caller's facility. A merge corrects who a person is for every facility, so it moves all
 * her rows, including those other facilities recorded (trusted work, still audited row by row), and
 * keeps a PersonMerge with the ids it moved, so that an undo restores exactly that.
 */
@Injectable()
export class PersonMergeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly persons: PersonsService,
    private readonly audit: AuditService,
  ) {}

  async merge(survivorId: string, duplicateId: string): Promise<MergeResultDto> {
    if (survivorId === duplicateId) {
      throw badReference('SAME_PERSON', 'duplicateId', 'Không thể gộp một người vào chính người đó');
    }
    const merge = await this.prisma.$transaction(async () => {
      const survivor = await this.persons.requireVisible(survivorId);
      const duplicate = await this.prisma.person.findFirst({ where: { id: duplicateId } });
      if (!duplicate) throw badReference('PERSON_NOT_FOUND', 'duplicateId', 'Không tìm thấy người cần gộp');
      if (survivor.mergedIntoId || duplicate.mergedIntoId) throw alreadyMerged();
      await this.assertKnownToCaller([survivorId, duplicateId]);

      const moved = await RequestContext.asSystem(async () => {
        const rows = {} as MergeMoved['rows'];
        for (const [key, delegate, column] of POINTERS) {
          const db = this.delegate(delegate);
          const ids = (await db.findMany({ where: { [column]: duplicateId }, select: { id: true } })).map((r) => r.id);
          if (ids.length > 0) await db.updateMany({ where: { id: { in: ids } }, data: { [column]: survivorId } });
          rows[key] = ids;
        }
        const sourceIds = await this.prisma.personSourceId.findMany({
          where: { personId: duplicateId },
          select: { sourceSystem: true, sourceRecordId: true },
        });
        if (sourceIds.length > 0)
          await this.prisma.personSourceId.updateMany({ where: { personId: duplicateId }, data: { personId: survivorId } });
        const [dupFacilities, survivorFacilities] = await Promise.all(
          [duplicateId, survivorId].map((personId) =>
            this.prisma.personFacility.findMany({ where: { personId }, select: { facilityId: true } }),
          ),
        );
        const knownAt = dupFacilities.map((f) => f.facilityId).filter((id) => !survivorFacilities.some((s) => s.facilityId === id));
        if (knownAt.length > 0) {
          await this.prisma.personFacility.createMany({
            data: knownAt.map((facilityId) => ({ personId: survivorId, facilityId })),
            skipDuplicates: true,
          });
        }
        const identifiers: MergeMoved['identifiers'] = {};
        if (!survivor.citizenId && duplicate.citizenId) identifiers.citizenId = duplicate.citizenId;
        if (!survivor.insuranceCard && duplicate.insuranceCard) identifiers.insuranceCard = duplicate.insuranceCard;
        const cleared = Object.fromEntries(Object.keys(identifiers).map((k) => [k, null]));
        await this.prisma.person.update({ where: { id: duplicateId }, data: { ...cleared, mergedIntoId: survivorId } });
        if (Object.keys(identifiers).length > 0) await this.prisma.person.update({ where: { id: survivorId }, data: identifiers });
        return { rows, sourceIds, knownAt, identifiers } satisfies MergeMoved;
      });

      const principal = RequestContext.current()?.principal;
      const record = await this.prisma.personMerge.create({
        data: {
          survivorId,
          mergedId: duplicateId,
          moved: moved as unknown as Prisma.InputJsonValue,
          byUserId: principal?.kind === 'user' ? principal.userId : null,
        },
      });
      await this.audit.record({
        action: 'MERGE',
        entityType: 'Person',
        entityId: survivorId,
        after: { mergeId: record.id, survivorId, mergedId: duplicateId, moved },
      });
      return record;
    }, TX);
    return { merge: toMergeDto(merge), person: await this.persons.detail(survivorId) };
  }

  /** The merges into a person, latest first; the merged person is named when the caller may see her. */
  async list(survivorId: string): Promise<PersonMergeDto[]> {
    await this.persons.requireVisible(survivorId);
    const merges = await this.prisma.personMerge.findMany({ where: { survivorId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 100 });
    const merged = await this.prisma.person.findMany({
      where: { id: { in: [...new Set(merges.map((m) => m.mergedId))] } },
      select: LINK_SELECT,
    });
    return merges.map((row) => {
      const person = merged.find((p) => p.id === row.mergedId);
      return { ...toMergeDto(row), merged: person ? toPersonLink(person) : null };
    });
  }

  /** Moves back exactly what the merge moved (rows recorded for the survivor since stay with her). */
  async undo(survivorId: string, mergeId: string): Promise<MergeResultDto> {
    const merge = await this.prisma.$transaction(async () => {
      const survivor = await this.persons.requireVisible(survivorId);
      const record = await this.prisma.personMerge.findFirst({ where: { id: mergeId, survivorId } });
      if (!record) throw new NotFoundError('MERGE_NOT_FOUND', 'Không tìm thấy lần gộp hồ sơ này');
      if (record.undoneAt) throw new DomainError('MERGE_ALREADY_UNDONE', 'Lần gộp hồ sơ này đã được hủy', 409);
      if (survivor.mergedIntoId) {
        throw new DomainError('MERGE_UNDO_ORDER', 'Hồ sơ này đã được gộp tiếp vào hồ sơ khác: hãy hủy lần gộp sau trước', 409);
      }
      await this.assertKnownToCaller([survivorId]);
      const moved = record.moved as unknown as MergeMoved;
      const mergedId = record.mergedId;

      await RequestContext.asSystem(async () => {
        for (const [key, delegate, column] of POINTERS) {
          const ids = moved.rows[key] ?? [];
          if (ids.length > 0) {
            await this.delegate(delegate).updateMany({ where: { id: { in: ids }, [column]: survivorId }, data: { [column]: mergedId } });
          }
        }
        for (const source of moved.sourceIds) {
          await this.prisma.personSourceId.updateMany({ where: { ...source, personId: survivorId }, data: { personId: mergedId } });
        }
        for (const facilityId of moved.knownAt) {
          if (!(await this.hasRecordsAt(survivorId, facilityId))) {
            await this.prisma.personFacility.deleteMany({ where: { personId: survivorId, facilityId } });
          }
        }
        const taken = Object.fromEntries(Object.keys(moved.identifiers).map((k) => [k, null]));
        if (Object.keys(taken).length > 0) await this.prisma.person.update({ where: { id: survivorId }, data: taken });
        await this.prisma.person.update({ where: { id: mergedId }, data: { ...moved.identifiers, mergedIntoId: null } });
      });

      const principal = RequestContext.current()?.principal;
      const undone = await this.prisma.personMerge.update({
        where: { id: mergeId },
        data: { undoneAt: new Date(), undoneById: principal?.kind === 'user' ? principal.userId : null },
      });
      await this.audit.record({
        action: 'MERGE_UNDONE',
        entityType: 'Person',
        entityId: survivorId,
        before: { mergeId, survivorId, mergedId, moved },
      });
      return undone;
    }, TX);
    return { merge: toMergeDto(merge), person: await this.persons.detail(survivorId) };
  }

  /** Both persons must be known to a facility the caller writes for (she recorded something for them). */
  private async assertKnownToCaller(personIds: string[]): Promise<void> {
    const scope = writeScopeOf(RequestContext.current()?.principal);
    if (scope === 'all') return;
    const known = await this.prisma.personFacility.findMany({
      where: { personId: { in: personIds }, facilityId: { in: [...scope] } },
      select: { personId: true },
    });
    if (personIds.some((id) => !known.some((k) => k.personId === id))) throw outOfScope();
  }

  private async hasRecordsAt(personId: string, facilityId: number): Promise<boolean> {
    for (const [, delegate, column] of POINTERS) {
      if (delegate === 'person' || column !== 'personId') continue;
      const found = await this.delegate(delegate).findMany({ where: { personId, facilityId }, select: { id: true }, take: 1 } as object);
      if (found.length > 0) return true;
    }
    return (await this.prisma.person.count({ where: { id: personId, facilityId } })) > 0;
  }

  private delegate(name: string): Delegate {
    return (this.prisma as unknown as Record<string, Delegate>)[name];
  }
}

function toMergeDto(row: { id: string; survivorId: string; mergedId: string; moved: unknown; at: Date; undoneAt: Date | null }): MergeDto {
  const moved = row.moved as MergeMoved;
  const counts: Record<string, number> = {};
  for (const [key, ids] of Object.entries(moved.rows ?? {})) if (ids.length > 0) counts[key] = ids.length;
  if (moved.sourceIds?.length) counts['sourceIds'] = moved.sourceIds.length;
  if (moved.knownAt?.length) counts['facilities'] = moved.knownAt.length;
  return {
    id: row.id,
    survivorId: row.survivorId,
    mergedId: row.mergedId,
    moved: counts,
    at: row.at.toISOString(),
    undoneAt: row.undoneAt?.toISOString() ?? null,
  };
}

const alreadyMerged = () => new DomainError('PERSON_MERGED', 'Một trong hai người đã được gộp vào hồ sơ khác', 409);
