import { Injectable } from '@nestjs/common';
import { AuditEvent, CENTRAL_KINDS, findPage, Page, Prisma, PrismaService, reportingSubtree, UserPrincipal } from '@skss/api/core';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorUsername?: string;
  actorFacilityId?: number;
  action?: string;
  /** Instants: from inclusive, until exclusive. */
  from?: Date;
  until?: Date;
  /** Facilities whose people's events the caller may read; 'all' for central units. */
  visibleFacilityIds: ReadonlySet<number> | 'all';
}

export type AuditEventRow = AuditEvent;

const NEWEST_FIRST = [{ at: 'desc' }, { id: 'desc' }] satisfies Prisma.AuditEventOrderByWithRelationInput[];
const OLDEST_FIRST = [{ at: 'asc' }, { id: 'asc' }] satisfies Prisma.AuditEventOrderByWithRelationInput[];

/**
 * The only place that reads audit_event (rows are written by the scoped Prisma client and
 * AuditService in libs/api/core; PostgreSQL refuses updates and deletes).
 */
@Injectable()
export class AuditEventsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Central units (MCH Department, NCHI) read every event; other units the events of people of
   * the facilities in their reporting subtree (audit_event has no facility owner column, so it
   * is not in SCOPED_MODELS).
   */
  async visibleFacilities(principal: UserPrincipal): Promise<ReadonlySet<number> | 'all'> {
    if (CENTRAL_KINDS.includes(principal.facilityKind)) return 'all';
    return reportingSubtree(this.prisma.raw, principal.facilityId);
  }

  findPage(filter: AuditFilter, skip: number, take: number): Promise<Page<AuditEventRow>> {
    const where = toWhere(filter);
    return findPage(
      { skip, take },
      (range) => this.prisma.auditEvent.findMany({ where, orderBy: NEWEST_FIRST, ...range }),
      () => this.prisma.auditEvent.count({ where }),
    );
  }

  count(filter: AuditFilter): Promise<number> {
    return this.prisma.auditEvent.count({ where: toWhere(filter) });
  }

  /** Events newest first, read in batches so that large exports are never held whole. */
  async *iterate(filter: AuditFilter, limit: number, batchSize = 2000): AsyncGenerator<AuditEventRow[]> {
    const where = toWhere(filter);
    for (let skip = 0; skip < limit; skip += batchSize) {
      const rows = await this.prisma.auditEvent.findMany({ where, orderBy: NEWEST_FIRST, skip, take: Math.min(batchSize, limit - skip) });
      if (rows.length) yield rows;
      if (rows.length < batchSize) return;
    }
  }

  /** One record's events, oldest first; `limit + 1` rows tell the caller there are more. */
  findHistory(filter: AuditFilter, limit: number): Promise<AuditEventRow[]> {
    return this.prisma.auditEvent.findMany({ where: toWhere(filter), orderBy: OLDEST_FIRST, take: limit + 1 });
  }

  async findFacilityId(code: string): Promise<number | null> {
    return (await this.prisma.facility.findUnique({ where: { code }, select: { id: true } }))?.id ?? null;
  }

  async facilityCodes(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.facility.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } });
    return new Map(rows.map((r) => [r.id, r.code]));
  }
}

function toWhere(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const visible = filter.visibleFacilityIds;
  const facilityIds =
    visible === 'all'
      ? filter.actorFacilityId !== undefined
        ? [filter.actorFacilityId]
        : undefined
      : [...visible].filter((id) => filter.actorFacilityId === undefined || id === filter.actorFacilityId);
  return {
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.actorUsername ? { actorUsername: filter.actorUsername } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(facilityIds ? { actorFacilityId: { in: facilityIds } } : {}),
    ...(filter.from || filter.until
      ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.until ? { lt: filter.until } : {}) } }
      : {}),
  };
}
