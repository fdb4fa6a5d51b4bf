import { Injectable } from '@nestjs/common';
import { UserPrincipal } from '@skss/api/core';
import { AuditEventPageDto, AuditHistoryDto } from '../dto/audit-event.response.dto';
import { AuditHistoryQueryDto, ListAuditEventsQueryDto } from '../dto/audit-query.dto';
import { actorFacilityIds, toAuditEventDto } from './audit-events.mapper';
import { AuditEventRow, AuditEventsRepository } from './audit-events.repository';
import { toAuditFilter } from './audit-filter';

/** Most events one history answer holds; a record with more is marked truncated. */
export const HISTORY_LIMIT = 5000;

/** Reading the audit trail (Điều 17.5): who did what, when, to which record. */
@Injectable()
export class AuditEventsService {
  constructor(private readonly events: AuditEventsRepository) {}

  async list(query: ListAuditEventsQueryDto, principal: UserPrincipal): Promise<AuditEventPageDto> {
    const filter = await toAuditFilter(query, principal, this.events);
    const { rows, total } = await this.events.findPage(filter, (query.page - 1) * query.pageSize, query.pageSize);
    return { items: await this.toDtos(rows), page: query.page, pageSize: query.pageSize, total };
  }

  /** Everything that happened to one record, oldest first. */
  async history(query: AuditHistoryQueryDto, principal: UserPrincipal): Promise<AuditHistoryDto> {
    const filter = await toAuditFilter({ entityType: query.entityType, entityId: query.entityId }, principal, this.events);
    const rows = await this.events.findHistory(filter, HISTORY_LIMIT);
    const truncated = rows.length > HISTORY_LIMIT;
    return {
      entityType: query.entityType,
      entityId: query.entityId,
      events: await this.toDtos(truncated ? rows.slice(0, HISTORY_LIMIT) : rows),
      truncated,
    };
  }

  private async toDtos(rows: AuditEventRow[]) {
    const codes = await this.events.facilityCodes(actorFacilityIds(rows));
    return rows.map((row) => toAuditEventDto(row, codes));
  }
}
