import { Injectable } from '@nestjs/common';
import { FacilityKind, FacilityOwnership, Prisma, PrismaService } from '@skss/api/core';

/** The database client, or a transaction of it: both go through the scope and audit mechanism. */
export type Db = Prisma.TransactionClient;

/** Rows valid on a day (both bounds inclusive, null = open-ended). */
export function validOn(day: Date) {
  return {
    AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day } }] }, { OR: [{ validTo: null }, { validTo: { gte: day } }] }],
  };
}

const summary = { select: { id: true, code: true, name: true, kind: true, validFrom: true, validTo: true } } as const;

const recordInclude = (day: Date) =>
  ({
    adminUnit: { select: { code: true, name: true, level: true } },
    reportingUp: { where: validOn(day), include: { reportsTo: summary }, take: 1 },
  }) satisfies Prisma.FacilityInclude;

const detailInclude = {
  adminUnit: { select: { code: true, name: true, level: true } },
  reportingUp: { include: { reportsTo: summary }, orderBy: { validFrom: { sort: 'asc', nulls: 'first' } } },
} satisfies Prisma.FacilityInclude;

export type FacilityRecordRow = Prisma.FacilityGetPayload<{ include: ReturnType<typeof recordInclude> }>;
export type FacilityDetailRow = Prisma.FacilityGetPayload<{ include: typeof detailInclude }>;

export interface FacilityRecordFilter {
  day: Date;
  kinds?: FacilityKind[];
  ownership?: FacilityOwnership;
  withinAdminUnitId?: number;
  foldedText?: string;
}

export type FacilityFields = Pick<
  Prisma.FacilityUncheckedCreateInput,
  'name' | 'nameFolded' | 'kind' | 'ownership' | 'maternalServices' | 'childServices' | 'address' | 'adminUnitId' | 'kcbCode'
>;

/**
 * Reads and writes of facilities and their reporting lines for administration. Facility and
 * FacilityReportingLine are audited models: every write below is recorded with before and after
 * values, in the transaction of the change.
 */
@Injectable()
export class FacilityRecordsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findPage(filter: FacilityRecordFilter, skip: number, take: number): Promise<{ rows: FacilityRecordRow[]; total: number }> {
    const unitId = filter.withinAdminUnitId;
    const where: Prisma.FacilityWhereInput = {
      ...validOn(filter.day),
      ...(filter.kinds ? { kind: { in: filter.kinds } } : {}),
      ...(filter.ownership ? { ownership: filter.ownership } : {}),
      ...(unitId !== undefined ? { adminUnit: { OR: [{ id: unitId }, { parentId: unitId }, { parent: { parentId: unitId } }] } } : {}),
      ...(filter.foldedText
        ? {
            OR: [
              { nameFolded: { contains: filter.foldedText } },
              { code: { contains: filter.foldedText.toUpperCase() } },
              { kcbCode: { startsWith: filter.foldedText } },
            ],
          }
        : {}),
    };
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.facility.findMany({ where, include: recordInclude(filter.day), orderBy: [{ kind: 'asc' }, { code: 'asc' }], skip, take }),
      this.prisma.facility.count({ where }),
    ]);
    return { rows, total };
  }

  findDetail(code: string, db: Db = this.prisma): Promise<FacilityDetailRow | null> {
    return db.facility.findUnique({ where: { code }, include: detailInclude });
  }

  findSummary(code: string, db: Db = this.prisma) {
    return db.facility.findUnique({ where: { code }, ...summary });
  }

  /**
   * Another facility that answers to this KCB code: one that has it as its KCB code, or as its own
   * code (the national endpoint looks codes up first, so that facility would receive the packages).
   */
  findKcbCodeHolder(kcbCode: string, exceptId: number | null, db: Db) {
    return db.facility.findFirst({
      where: { OR: [{ kcbCode }, { code: kcbCode }], ...(exceptId !== null ? { id: { not: exceptId } } : {}) },
      select: { code: true, name: true },
    });
  }

  findUnitOn(code: string, day: Date, db: Db = this.prisma) {
    return db.adminUnit.findFirst({
      where: { code, ...validOn(day) },
      select: { id: true, code: true, name: true, level: true },
      orderBy: { level: 'asc' },
    });
  }

  /** Every reporting line, for the cycle check (a few thousand rows). */
  allLines(db: Db) {
    return db.facilityReportingLine.findMany({ select: { id: true, facilityId: true, reportsToId: true, validFrom: true, validTo: true } });
  }

  /** Lines of other facilities that report to this one on a day or later. */
  reportersFrom(facilityId: number, day: Date, db: Db) {
    return db.facilityReportingLine.findMany({
      where: { reportsToId: facilityId, OR: [{ validTo: null }, { validTo: { gte: day } }] },
      include: { facility: { select: { code: true } } },
      orderBy: { facility: { code: 'asc' } },
    });
  }

  /** Answers the whole row: the audit trail records what the statement returns as the state after. */
  create(code: string, fields: FacilityFields, validFrom: Date, db: Db) {
    return db.facility.create({ data: { code, ...fields, validFrom } });
  }

  update(id: number, fields: Partial<FacilityFields> & { validTo?: Date }, db: Db) {
    return db.facility.update({ where: { id }, data: fields });
  }

  createLine(facilityId: number, reportsToId: number, validFrom: Date, validTo: Date | null, db: Db) {
    return db.facilityReportingLine.create({ data: { facilityId, reportsToId, validFrom, validTo } });
  }

  updateLine(id: number, data: { reportsToId?: number; validTo?: Date | null }, db: Db) {
    return db.facilityReportingLine.update({ where: { id }, data });
  }

  deleteLine(id: number, db: Db) {
    return db.facilityReportingLine.delete({ where: { id } });
  }

  /** Serialises reporting-line changes: a cycle check is only sound against lines nobody is changing. */
  async lockReportingLines(db: Db): Promise<void> {
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('skss:facility-reporting-lines'))`;
  }

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { timeout: 30_000, maxWait: 10_000 });
  }
}
