import { Injectable } from '@nestjs/common';
import { CENTRAL_KINDS, PrismaService, reportingSubtree, RequestContext } from '@skss/api/core';

/**
 * Which facilities' flows the caller may watch: every one for the central units (NCHI, the MCH
 * Department), otherwise the facilities reporting through the caller's today. 'all' also shows
 * the flows tied to no facility (the e-handbook's webhooks).
 */
@Injectable()
export class MonitoringScope {
  constructor(private readonly prisma: PrismaService) {}

  async facilities(): Promise<number[] | 'all'> {
    const principal = RequestContext.current()?.principal;
    if (!principal || principal.kind !== 'user') return [];
    if (CENTRAL_KINDS.includes(principal.facilityKind)) return 'all';
    return [...(await reportingSubtree(this.prisma.raw, principal.facilityId))];
  }
}
