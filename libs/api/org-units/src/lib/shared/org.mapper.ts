import { AdminLevel as DomainAdminLevel, FACILITY_KIND_INFO, FacilityKind, formatIsoDate } from '@skss/domain';
import type { AdminUnitDto, AdminUnitRefDto, FacilityRefDto } from '../dto/org-response.dto';

interface AdminUnitLike {
  code: string;
  name: string;
  level: DomainAdminLevel;
  type: string;
  validFrom: Date | null;
  validTo: Date | null;
  parent: { code: string } | null;
  _count?: { children: number };
}

export const toDay = (date: Date | null): string | null => (date ? formatIsoDate(date) : null);

export function toAdminUnitDto(row: AdminUnitLike): AdminUnitDto {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    type: row.type,
    parentCode: row.parent?.code ?? null,
    validFrom: toDay(row.validFrom),
    validTo: toDay(row.validTo),
    childCount: row._count?.children ?? 0,
  };
}

export function toAdminUnitRef(row: { code: string; name: string; level: DomainAdminLevel }): AdminUnitRefDto {
  return { code: row.code, name: row.name, level: row.level };
}

export function toFacilityRef(row: { code: string; name: string; kind: FacilityKind }): FacilityRefDto {
  return { code: row.code, name: row.name, kind: row.kind, level: FACILITY_KIND_INFO[row.kind].level };
}
