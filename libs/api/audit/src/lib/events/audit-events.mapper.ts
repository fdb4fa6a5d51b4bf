import type { AuditAction } from '@skss/api/core';
import type { AuditEventDto } from '../dto/audit-event.response.dto';
import type { AuditEventRow } from './audit-events.repository';

/** Facility ids of the people who acted, to look their codes up once per page. */
export function actorFacilityIds(rows: AuditEventRow[]): number[] {
  return [...new Set(rows.map((r) => r.actorFacilityId).filter((id): id is number => id !== null))];
}

export function toAuditEventDto(row: AuditEventRow, facilityCodes: ReadonlyMap<number, string>): AuditEventDto {
  const hasActor = row.actorUserId !== null || row.actorUsername !== null;
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    action: row.action as AuditAction,
    entityType: row.entityType,
    entityId: row.entityId,
    actor: hasActor
      ? {
          userId: row.actorUserId,
          username: row.actorUsername,
          facilityCode: row.actorFacilityId !== null ? (facilityCodes.get(row.actorFacilityId) ?? null) : null,
        }
      : null,
    clientId: row.actorClientId,
    ip: row.ip,
    before: row.before,
    after: row.after,
    details: row.details,
  };
}
