import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@skss/api/core';
import { FACILITY_KIND_INFO, FACILITY_KINDS, foldVietnamese } from '@skss/domain';
import { AdminUnitsService } from '../admin-units/admin-units.service';
import { ListFacilitiesQueryDto } from '../dto/org-query.dto';
import { FacilityDto, FacilityPageDto, FacilityRefDto, ReportingChainDto } from '../dto/org-response.dto';
import { requestedDay } from '../shared/org-day';
import { toAdminUnitRef, toDay, toFacilityRef } from '../shared/org.mapper';
import { FacilitiesRepository, FacilityRow } from './facilities.repository';

/** A chain longer than this means a cycle in the reporting lines (the regulation has five levels). */
const MAX_CHAIN_LENGTH = 10;

@Injectable()
export class FacilitiesService {
  constructor(
    private readonly facilities: FacilitiesRepository,
    private readonly adminUnits: AdminUnitsService,
  ) {}

  async list(query: ListFacilitiesQueryDto): Promise<FacilityPageDto> {
    const day = requestedDay(query.at).date;
    const withinAdminUnitId = query.parent ? (await this.adminUnits.requireUnitOn(query.parent, day)).id : undefined;
    const reportsToId = query.reportsTo ? (await this.requireOn(query.reportsTo, day)).id : undefined;
    const levelKinds = query.level ? FACILITY_KINDS.filter((k) => FACILITY_KIND_INFO[k].level === query.level) : undefined;
    const kinds = query.kind ? (levelKinds && !levelKinds.includes(query.kind) ? [] : [query.kind]) : levelKinds;
    const { rows, total } = await this.facilities.findPage(
      { day, kinds, withinAdminUnitId, reportsToId, foldedText: query.q ? foldVietnamese(query.q) : undefined },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return { items: rows.map(toFacilityDto), page: query.page, pageSize: query.pageSize, total };
  }

  async get(code: string, at?: string): Promise<FacilityDto> {
    return toFacilityDto(await this.requireOn(code, requestedDay(at).date));
  }

  /** The facility and every level above it that checks its reports, on a day. */
  async reportingChain(code: string, at?: string): Promise<ReportingChainDto> {
    const day = requestedDay(at);
    const start = await this.requireOn(code, day.date);
    const chain: FacilityRefDto[] = [toFacilityRef(start)];
    let next = await this.facilities.findReportsTo(start.id, day.date);
    while (next) {
      if (chain.length >= MAX_CHAIN_LENGTH || chain.some((f) => f.code === next?.code)) {
        throw new Error(`Reporting chain of ${code} on ${day.iso} does not end`);
      }
      chain.push(toFacilityRef(next));
      next = await this.facilities.findReportsTo(next.id, day.date);
    }
    return { at: day.iso, chain };
  }

  private async requireOn(code: string, day: Date): Promise<FacilityRow> {
    const facility = await this.facilities.findByCodeOn(code, day);
    if (!facility) throw new NotFoundError('FACILITY_NOT_FOUND', `Không tìm thấy cơ sở mã ${code} vào ngày đã chọn`);
    return facility;
  }
}

function toFacilityDto(row: FacilityRow): FacilityDto {
  const reportsTo = row.reportingUp[0]?.reportsTo;
  return {
    ...toFacilityRef(row),
    adminUnit: row.adminUnit ? toAdminUnitRef(row.adminUnit) : null,
    reportsTo: reportsTo ? toFacilityRef(reportsTo) : null,
    validFrom: toDay(row.validFrom),
    validTo: toDay(row.validTo),
  };
}
