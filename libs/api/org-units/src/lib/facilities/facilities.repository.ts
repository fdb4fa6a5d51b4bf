import { Injectable } from '@nestjs/common';
import { FacilityKind, findPage, Page, Prisma, PrismaService } from '@skss/api/core';
import { validOn } from '../shared/validity';

export interface FacilityFilter {
  day: Date;
  kinds?: FacilityKind[];
  /** Facilities located in this admin unit or any unit below it. */
  withinAdminUnitId?: number;
  reportsToId?: number;
  foldedText?: string;
}

/** What the org browser shows of a facility on a day: only these columns are read (a province lists hundreds). */
const facilitySelect = (day: Date) =>
  ({
    id: true,
    code: true,
    name: true,
    kind: true,
    validFrom: true,
    validTo: true,
    adminUnit: { select: { code: true, name: true, level: true } },
    reportingUp: { where: validOn(day), select: { reportsTo: { select: { code: true, name: true, kind: true } } }, take: 1 },
  }) satisfies Prisma.FacilitySelect;

export type FacilityRow = Prisma.FacilityGetPayload<{ select: ReturnType<typeof facilitySelect> }>;

/** The only place that reads the facility and facility_reporting_line tables. */
@Injectable()
export class FacilitiesRepository {
  constructor(private readonly prisma: PrismaService) {}

  findPage(filter: FacilityFilter, skip: number, take: number): Promise<Page<FacilityRow>> {
    const where = this.toWhere(filter);
    return findPage(
      { skip, take },
      (range) =>
        this.prisma.facility.findMany({
          where,
          select: facilitySelect(filter.day),
          orderBy: [{ kind: 'asc' }, { code: 'asc' }],
          ...range,
        }),
      () => this.prisma.facility.count({ where }),
    );
  }

  findByCodeOn(code: string, day: Date): Promise<FacilityRow | null> {
    return this.prisma.facility.findFirst({ where: { code, ...validOn(day) }, select: facilitySelect(day) });
  }

  /** The facility a facility reports to on a day, or null at the top of the chain. */
  async findReportsTo(facilityId: number, day: Date) {
    const line = await this.prisma.facilityReportingLine.findFirst({
      where: { facilityId, ...validOn(day) },
      include: { reportsTo: { select: { id: true, code: true, name: true, kind: true } } },
    });
    return line?.reportsTo ?? null;
  }

  private toWhere(filter: FacilityFilter): Prisma.FacilityWhereInput {
    const unitId = filter.withinAdminUnitId;
    return {
      ...validOn(filter.day),
      ...(filter.kinds ? { kind: { in: filter.kinds } } : {}),
      ...(unitId !== undefined ? { adminUnit: { OR: [{ id: unitId }, { parentId: unitId }, { parent: { parentId: unitId } }] } } : {}),
      ...(filter.reportsToId !== undefined ? { reportingUp: { some: { reportsToId: filter.reportsToId, ...validOn(filter.day) } } } : {}),
      ...(filter.foldedText
        ? { OR: [{ nameFolded: { contains: filter.foldedText } }, { code: { contains: filter.foldedText.toUpperCase() } }] }
        : {}),
    };
  }
}
