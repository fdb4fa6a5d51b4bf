import { DomainError, UserPrincipal } from '@skss/api/core';
import { addDays, parseIsoDate } from '@skss/domain';
import type { AuditEventFilterDto } from '../dto/audit-query.dto';
import type { AuditEventsRepository, AuditFilter } from './audit-events.repository';

/** Vietnam is UTC+7 all year (no daylight saving): a day there starts at 17:00 UTC the day before. */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The instant a Vietnamese calendar day starts. */
export function startOfVietnamDay(day: string): Date {
  const date = parseIsoDate(day);
  if (!date) throw new RangeError(`Unvalidated day reached the service: ${day}`);
  return new Date(date.getTime() - VIETNAM_OFFSET_MS);
}

/** The query's filters as the repository takes them, limited to what the caller may read. */
export async function toAuditFilter(
  query: AuditEventFilterDto,
  principal: UserPrincipal,
  events: AuditEventsRepository,
): Promise<AuditFilter> {
  if (query.from && query.to && query.from > query.to) {
    throw new DomainError('INVALID_PERIOD', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', 400, [
      { field: 'to', code: 'INVALID_PERIOD', message: 'Ngày kết thúc trước ngày bắt đầu' },
    ]);
  }
  let actorFacilityId: number | undefined;
  if (query.facility) {
    const id = await events.findFacilityId(query.facility);
    if (id === null) {
      throw new DomainError('UNKNOWN_FACILITY', `Không có cơ sở mã ${query.facility}`, 400, [
        { field: 'facility', code: 'UNKNOWN_FACILITY', message: `Không có cơ sở mã ${query.facility}` },
      ]);
    }
    actorFacilityId = id;
  }
  return {
    entityType: query.entityType,
    entityId: query.entityId,
    actorUsername: query.actor,
    actorFacilityId,
    action: query.action,
    from: query.from ? startOfVietnamDay(query.from) : undefined,
    until: query.to ? startOfVietnamDay(addDays(query.to, 1)) : undefined,
    visibleFacilityIds: await events.visibleFacilities(principal),
  };
}
