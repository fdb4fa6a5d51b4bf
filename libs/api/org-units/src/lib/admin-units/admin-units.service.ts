import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@skss/api/core';
import { foldVietnamese, formatIsoDate } from '@skss/domain';
import { ListAdminUnitsQueryDto, LineageQueryDto } from '../dto/org-query.dto';
import { AdminUnitLineageDto, AdminUnitPageDto } from '../dto/org-response.dto';
import { requestedDay } from '../shared/org-day';
import { toAdminUnitDto } from '../shared/org.mapper';
import { AdminUnitsRepository } from './admin-units.repository';

@Injectable()
export class AdminUnitsService {
  constructor(private readonly units: AdminUnitsRepository) {}

  async list(query: ListAdminUnitsQueryDto): Promise<AdminUnitPageDto> {
    const day = requestedDay(query.at).date;
    const parentId = query.parent ? (await this.requireUnitOn(query.parent, day)).id : undefined;
    const foldedText = query.q ? foldVietnamese(query.q) : undefined;
    const { rows, total } = await this.units.findPage(
      { day, level: query.level, parentId, foldedText },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return { items: rows.map(toAdminUnitDto), page: query.page, pageSize: query.pageSize, total };
  }

  async lineage(code: string, query: LineageQueryDto): Promise<AdminUnitLineageDto> {
    const versions = await this.units.findVersionsWithLineage(code, query.level);
    const inForce = query.at ? versions.filter((v) => isInForce(v, query.at as string)) : versions;
    if (inForce.length === 0) throw unitNotFound(code);
    return {
      code,
      versions: inForce.map((v) => ({
        unit: toAdminUnitDto(v),
        predecessors: v.predecessors.map((l) => ({
          kind: l.kind,
          effectiveOn: formatIsoDate(l.effectiveOn),
          unit: toAdminUnitDto(l.predecessor),
        })),
        successors: v.successors.map((l) => ({
          kind: l.kind,
          effectiveOn: formatIsoDate(l.effectiveOn),
          unit: toAdminUnitDto(l.successor),
        })),
      })),
    };
  }

  /** The unit with this code in force on the day, for other modules (facility filters). */
  async requireUnitOn(code: string, day: Date) {
    const unit = await this.units.findOneOn(code, day);
    if (!unit) throw unitNotFound(code);
    return unit;
  }
}

function isInForce(unit: { validFrom: Date | null; validTo: Date | null }, day: string): boolean {
  return (!unit.validFrom || formatIsoDate(unit.validFrom) <= day) && (!unit.validTo || day <= formatIsoDate(unit.validTo));
}

const unitNotFound = (code: string) =>
  new NotFoundError('ADMIN_UNIT_NOT_FOUND', `Không tìm thấy đơn vị hành chính mã ${code} vào ngày đã chọn`);
