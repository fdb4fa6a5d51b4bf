import { Injectable } from '@nestjs/common';
import { AdminLevel, findPage, Page, Prisma, PrismaService } from '@skss/api/core';
import { validOn } from '../shared/validity';

export interface AdminUnitFilter {
  day: Date;
  level?: AdminLevel;
  parentId?: number;
  /** Already folded with foldVietnamese. */
  foldedText?: string;
  code?: string;
}

const withParentAndChildCount = (day: Date) =>
  ({
    parent: { select: { code: true } },
    _count: { select: { children: { where: validOn(day) } } },
  }) satisfies Prisma.AdminUnitInclude;

export type AdminUnitRow = Prisma.AdminUnitGetPayload<{ include: ReturnType<typeof withParentAndChildCount> }>;

/** The only place that reads the admin_unit and admin_unit_lineage tables. */
@Injectable()
export class AdminUnitsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findPage(filter: AdminUnitFilter, skip: number, take: number): Promise<Page<AdminUnitRow>> {
    const where = this.toWhere(filter);
    return findPage(
      { skip, take },
      (range) =>
        this.prisma.adminUnit.findMany({
          where,
          include: withParentAndChildCount(filter.day),
          orderBy: [{ level: 'asc' }, { code: 'asc' }],
          ...range,
        }),
      () => this.prisma.adminUnit.count({ where }),
    );
  }

  findOneOn(code: string, day: Date, level?: AdminLevel): Promise<AdminUnitRow | null> {
    return this.prisma.adminUnit.findFirst({
      where: { code, ...(level ? { level } : {}), ...validOn(day) },
      include: withParentAndChildCount(day),
      orderBy: { level: 'asc' },
    });
  }

  /** Every version that bore a code, with its lineage; counts are as of each version's last day. */
  findVersionsWithLineage(code: string, level?: AdminLevel) {
    const unit = { include: { parent: { select: { code: true } } } } as const;
    return this.prisma.adminUnit.findMany({
      where: { code, ...(level ? { level } : {}) },
      include: {
        parent: { select: { code: true } },
        _count: { select: { children: true } },
        predecessors: { include: { predecessor: unit }, orderBy: { predecessor: { code: 'asc' } } },
        successors: { include: { successor: unit }, orderBy: { successor: { code: 'asc' } } },
      },
      orderBy: [{ level: 'asc' }, { validFrom: { sort: 'asc', nulls: 'first' } }],
    });
  }

  private toWhere(filter: AdminUnitFilter): Prisma.AdminUnitWhereInput {
    const text = filter.foldedText;
    return {
      ...validOn(filter.day),
      ...(filter.level ? { level: filter.level } : {}),
      ...(filter.parentId !== undefined ? { parentId: filter.parentId } : {}),
      ...(text ? textFilter(text) : {}),
    };
  }
}

/**
 * Any part of the name, or the start of the code. Unit codes are digits: a term without one
 * searches names only, which the trigram index on name_folded answers (an OR with the code would
 * make PostgreSQL read every unit).
 */
function textFilter(text: string): Prisma.AdminUnitWhereInput {
  return /\d/.test(text)
    ? { OR: [{ nameFolded: { contains: text } }, { code: { startsWith: text } }] }
    : { nameFolded: { contains: text } };
}
