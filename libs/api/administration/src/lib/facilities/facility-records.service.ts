import { Injectable } from '@nestjs/common';
import { CENTRAL_KINDS, DomainError, FieldError, NotFoundError, outOfScope, Prisma, UserPrincipal } from '@skss/api/core';
import {
  addDays,
  AdminLevel,
  defaultOwnership,
  FACILITY_KIND_INFO,
  FacilityKind,
  FacilityOwnership,
  firstCycleDay,
  foldVietnamese,
  formatIsoDate,
  IsoDate,
  isLocatedAtAllowedLevel,
  ownershipConflicts,
  parseIsoDate,
  planEnding,
  planSuccession,
  reportingGroupOf,
  ReportingLineSpan,
  SEEDED_ONLY_KINDS,
  todayInVietnam,
  UNIT_LEVELS_OF_KIND,
  versionOn,
} from '@skss/domain';
import {
  CloseFacilityDto,
  CreateFacilityDto,
  ListFacilityRecordsQueryDto,
  SetReportsToDto,
  UpdateFacilityDto,
} from '../dto/facility.request.dto';
import { FacilityRecordDetailDto, FacilityRecordDto, FacilityRecordPageDto, FacilitySummaryDto } from '../dto/facility.response.dto';
import { earlierEnd, facilityListFilter } from './facility-filters';
import { Db, FacilityDetailRow, FacilityFields, FacilityRecordRow, FacilityRecordsRepository } from './facility-records.repository';

const LEVEL_NAMES: Readonly<Record<AdminLevel, string>> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };
/** Reporters listed when a facility cannot close. */
const MAX_LISTED = 20;

/**
 * Facility administration (Điều 5): facilities beyond the generated pilot set — central and sector
 * hospitals, provincial hospitals, private clinics — with their kind, ownership, services,
 * location, validity and who checks their reports, effective-dated. Reporting lines decide who
 * sees whose data, so changes are for central administrators only (write scope 'all', as the
 * scope mechanism of @skss/api/core gives the central units), never make a facility check its
 * own reports, and never rewrite the days before they take effect.
 */
@Injectable()
export class FacilityRecordsService {
  constructor(private readonly facilities: FacilityRecordsRepository) {}

  async list(query: ListFacilityRecordsQueryDto): Promise<FacilityRecordPageDto> {
    const day = dayOf(query.at);
    const filter = facilityListFilter(query);
    if (filter === 'none') return { at: day.iso, items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    const withinAdminUnitId = query.parent ? (await this.requireUnit(query.parent, day.iso, 'parent')).id : undefined;
    const { rows, total } = await this.facilities.findPage(
      {
        day: day.date,
        kinds: filter.kinds,
        ownership: filter.ownership,
        withinAdminUnitId,
        foldedText: query.q ? foldVietnamese(query.q) : undefined,
      },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return { at: day.iso, items: rows.map((row) => toRecordDto(row)), page: query.page, pageSize: query.pageSize, total };
  }

  async get(code: string, at?: string, db?: Db): Promise<FacilityRecordDetailDto> {
    const row = await this.facilities.findDetail(code, db);
    if (!row) throw facilityNotFound(code);
    return toDetailDto(row, at ?? todayInVietnam());
  }

  async create(actor: UserPrincipal, dto: CreateFacilityDto): Promise<FacilityRecordDetailDto> {
    assertCentralWriteScope(actor);
    const ownership = dto.ownership ?? defaultOwnership(dto.kind);
    assertOwnership(dto.kind, ownership);
    try {
      return await this.facilities.transaction(async (db) => {
        await this.facilities.lockReportingLines(db);
        if (await this.facilities.findSummary(dto.code, db)) throw codeTaken(dto.code);
        if (dto.kcbCode) await this.assertKcbCodeFree(dto.kcbCode, null, db);
        const unit = await this.requireUnit(dto.adminUnitCode, dto.validFrom, 'adminUnitCode', db);
        assertLocation(dto.kind, unit.level, 'adminUnitCode');
        const fields: FacilityFields = {
          name: dto.name,
          nameFolded: foldVietnamese(dto.name),
          kind: dto.kind,
          ownership,
          maternalServices: dto.maternalServices ?? true,
          childServices: dto.childServices ?? true,
          address: dto.address ?? null,
          adminUnitId: unit.id,
          kcbCode: dto.kcbCode ?? null,
        };
        await this.facilities.create(dto.code, fields, toDate(dto.validFrom), db);
        if (dto.reportsToCode) await this.setLine(db, dto.code, dto.reportsToCode, dto.validFrom);
        return this.get(dto.code, dto.validFrom, db);
      });
    } catch (error) {
      // Another administrator created the same code (or gave the same KCB code) between the check and the insert.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw dto.kcbCode && isKcbCodeConflict(error) ? kcbCodeTaken(dto.kcbCode) : codeTaken(dto.code);
      }
      throw error;
    }
  }

  async update(actor: UserPrincipal, code: string, dto: UpdateFacilityDto): Promise<FacilityRecordDetailDto> {
    assertCentralWriteScope(actor);
    try {
      return await this.updateFields(code, dto);
    } catch (error) {
      // Another administrator gave the same KCB code between the check and the update.
      if (dto.kcbCode && isKcbCodeConflict(error)) throw kcbCodeTaken(dto.kcbCode);
      throw error;
    }
  }

  private updateFields(code: string, dto: UpdateFacilityDto): Promise<FacilityRecordDetailDto> {
    return this.facilities.transaction(async (db) => {
      const current = await this.requireAdministered(code, db);
      const kind = dto.kind ?? current.kind;
      const ownership = dto.ownership ?? current.ownership;
      if (dto.kind !== undefined || dto.ownership !== undefined) assertOwnership(kind, ownership);
      const unit = dto.adminUnitCode
        ? await this.requireUnit(dto.adminUnitCode, referenceDay(current), 'adminUnitCode', db)
        : current.adminUnit
          ? { id: current.adminUnitId as number, level: current.adminUnit.level }
          : null;
      if (dto.kind !== undefined || dto.adminUnitCode !== undefined) {
        if (!unit) throw locationRequired();
        assertLocation(kind, unit.level, dto.adminUnitCode !== undefined ? 'adminUnitCode' : 'kind');
      }
      const changes: Partial<FacilityFields> = {};
      if (dto.name !== undefined && dto.name !== current.name)
        Object.assign(changes, { name: dto.name, nameFolded: foldVietnamese(dto.name) });
      if (kind !== current.kind) changes.kind = kind;
      if (ownership !== current.ownership) changes.ownership = ownership;
      if (dto.maternalServices !== undefined && dto.maternalServices !== current.maternalServices)
        changes.maternalServices = dto.maternalServices;
      if (dto.childServices !== undefined && dto.childServices !== current.childServices) changes.childServices = dto.childServices;
      if (dto.address !== undefined && (dto.address ?? null) !== current.address) changes.address = dto.address ?? null;
      if (unit && unit.id !== current.adminUnitId) changes.adminUnitId = unit.id;
      if (dto.kcbCode !== undefined && (dto.kcbCode ?? null) !== current.kcbCode) {
        if (dto.kcbCode) await this.assertKcbCodeFree(dto.kcbCode, current.id, db);
        changes.kcbCode = dto.kcbCode ?? null;
      }
      if (Object.keys(changes).length > 0) await this.facilities.update(current.id, changes, db);
      return this.get(code, undefined, db);
    });
  }

  /** Ends a facility on a day: its own reporting lines end with it; facilities still reporting to it must be moved first. */
  async close(actor: UserPrincipal, code: string, dto: CloseFacilityDto): Promise<FacilityRecordDetailDto> {
    assertCentralWriteScope(actor);
    return this.facilities.transaction(async (db) => {
      await this.facilities.lockReportingLines(db);
      const current = await this.requireAdministered(code, db);
      const validFrom = toDay(current.validFrom);
      const validTo = toDay(current.validTo);
      if (validFrom && dto.validTo < validFrom) {
        const message = `Ngày ngừng hoạt động (${dto.validTo}) trước ngày bắt đầu hoạt động của cơ sở (${validFrom})`;
        throw new DomainError('FACILITY_CLOSE_BEFORE_START', message, 400, [
          { field: 'validTo', code: 'FACILITY_CLOSE_BEFORE_START', message },
        ]);
      }
      if (validTo && validTo <= dto.validTo) {
        throw new DomainError('FACILITY_ALREADY_CLOSED', `Cơ sở ${code} đã ngừng hoạt động sau ngày ${validTo}`, 409);
      }
      const dayAfter = addDays(dto.validTo, 1);
      const reporters = (await this.facilities.reportersFrom(current.id, toDate(dayAfter), db)).filter((l) => l.facilityId !== current.id);
      if (reporters.length > 0) {
        const codes = [...new Set(reporters.map((l) => l.facility.code))];
        throw new DomainError(
          'FACILITY_HAS_REPORTERS',
          `Còn ${codes.length} cơ sở báo cáo qua ${code} sau ngày ${dto.validTo}: hãy chuyển tuyến báo cáo của các cơ sở này trước`,
          409,
          codes.slice(0, MAX_LISTED).map((reporter) => ({
            field: 'reporters',
            code: 'FACILITY_HAS_REPORTERS',
            message: `${reporter} báo cáo qua ${code} sau ngày ${dto.validTo}`,
          })),
        );
      }
      await this.facilities.update(current.id, { validTo: toDate(dto.validTo) }, db);
      const ending = planEnding(linesOf(current), dayAfter);
      if (ending?.close) await this.facilities.updateLine(ending.close.id, { validTo: toDate(ending.close.validTo) }, db);
      for (const id of ending?.remove ?? []) await this.facilities.deleteLine(id, db);
      return this.get(code, dto.validTo, db);
    });
  }

  async setReportsTo(actor: UserPrincipal, code: string, dto: SetReportsToDto): Promise<FacilityRecordDetailDto> {
    assertCentralWriteScope(actor);
    return this.facilities.transaction(async (db) => {
      await this.facilities.lockReportingLines(db);
      await this.requireAdministered(code, db);
      await this.setLine(db, code, dto.reportsToCode, dto.validFrom);
      return this.get(code, dto.validFrom, db);
    });
  }

  /**
   * The facility reports to `reportsToCode` from `day`: the line in force then ends the day
   * before, the new one runs until the next planned line (or the facility's last day). Refused
   * when either facility is not in force that day or when the chain would come back to the facility.
   */
  private async setLine(db: Db, code: string, reportsToCode: string, day: IsoDate): Promise<void> {
    const facility = await this.facilities.findDetail(code, db);
    if (!facility) throw facilityNotFound(code);
    if (!inForce(facility, day)) {
      throw new DomainError('FACILITY_NOT_IN_FORCE', `Cơ sở ${code} không hoạt động vào ngày ${day}`, 409, [
        { field: 'validFrom', code: 'FACILITY_NOT_IN_FORCE', message: `Cơ sở ${code} không hoạt động vào ngày ${day}` },
      ]);
    }
    const target = await this.facilities.findSummary(reportsToCode, db);
    if (!target) {
      const message = `Không tìm thấy cơ sở ${reportsToCode}`;
      throw new DomainError('REPORTS_TO_NOT_FOUND', message, 404, [{ field: 'reportsToCode', code: 'REPORTS_TO_NOT_FOUND', message }]);
    }
    if (!inForce(target, day)) {
      const message = `Cơ sở ${reportsToCode} không hoạt động vào ngày ${day}: không thể báo cáo lên cơ sở này từ ngày đó`;
      throw new DomainError('REPORTS_TO_NOT_IN_FORCE', message, 409, [
        { field: 'reportsToCode', code: 'REPORTS_TO_NOT_IN_FORCE', message },
      ]);
    }
    if (target.id === facility.id) throw cycle(code, reportsToCode, day);
    const lines = linesOf(facility);
    const plan = planSuccession(lines, day);
    const current = versionOn(
      facility.reportingUp.map((l) => ({ ...l, validFrom: toDay(l.validFrom), validTo: toDay(l.validTo) })),
      day,
    );
    if (current && current.reportsToId === target.id) return; // already so
    const validTo = earlierEnd(plan.validTo, toDay(facility.validTo));

    // The lines as they would be, checked for a cycle on every day of the new line.
    const spans: (ReportingLineSpan & { id: number })[] = (await this.facilities.allLines(db)).map((l) => ({
      id: l.id,
      facility: l.facilityId,
      reportsTo: l.reportsToId,
      validFrom: toDay(l.validFrom),
      validTo: toDay(l.validTo),
    }));
    const after = spans
      .filter((s) => !(plan.kind === 'replace' && s.id === plan.id))
      .map((s) => (plan.kind === 'split' && s.id === plan.close.id ? { ...s, validTo: plan.close.validTo } : s));
    after.push({ id: 0, facility: facility.id, reportsTo: target.id, validFrom: day, validTo });
    const cycleDay = firstCycleDay(after, facility.id, { validFrom: day, validTo });
    if (cycleDay) throw cycle(code, reportsToCode, cycleDay);

    if (plan.kind === 'replace') {
      await this.facilities.updateLine(plan.id, { reportsToId: target.id, validTo: validTo ? toDate(validTo) : null }, db);
      return;
    }
    if (plan.kind === 'split') await this.facilities.updateLine(plan.close.id, { validTo: toDate(plan.close.validTo) }, db);
    await this.facilities.createLine(facility.id, target.id, toDate(day), validTo ? toDate(validTo) : null, db);
  }

  /** A facility administrators may change: not one of the seeded central agencies. */
  private async requireAdministered(code: string, db: Db): Promise<FacilityDetailRow> {
    const row = await this.facilities.findDetail(code, db);
    if (!row) throw facilityNotFound(code);
    if (SEEDED_ONLY_KINDS.includes(row.kind)) {
      throw new DomainError(
        'CENTRAL_AGENCY_FIXED',
        `${row.name} là đơn vị trung ương của hệ thống, không được thay đổi qua chức năng quản trị cơ sở`,
        409,
      );
    }
    return row;
  }

  /** One facility per KCB code, and none whose own code it is: the national endpoint must find one facility by it. */
  private async assertKcbCodeFree(kcbCode: string, facilityId: number | null, db: Db): Promise<void> {
    const holder = await this.facilities.findKcbCodeHolder(kcbCode, facilityId, db);
    if (holder) throw kcbCodeTaken(kcbCode, holder);
  }

  private async requireUnit(code: string, day: IsoDate, field: string, db?: Db) {
    const unit = await this.facilities.findUnitOn(code, toDate(day), db);
    if (!unit) {
      const message = `Không có đơn vị hành chính mã ${code} vào ngày ${day}`;
      throw new DomainError('ADMIN_UNIT_NOT_IN_FORCE', message, field === 'parent' ? 404 : 409, [
        { field, code: 'ADMIN_UNIT_NOT_IN_FORCE', message },
      ]);
    }
    return unit;
  }
}

/** Facilities and their reporting lines decide everyone's scope: only central units (write scope 'all') change them. */
function assertCentralWriteScope(actor: UserPrincipal): void {
  if (!CENTRAL_KINDS.includes(actor.facilityKind)) throw outOfScope();
}

function assertOwnership(kind: FacilityKind, ownership: FacilityOwnership): void {
  if (!ownershipConflicts(kind, ownership)) return;
  const message =
    kind === 'PRIVATE_CLINIC'
      ? 'Cơ sở y tế tư nhân phải có hình thức sở hữu tư nhân'
      : `${FACILITY_KIND_INFO[kind].nameVi} là đơn vị công lập, không thể có hình thức sở hữu tư nhân`;
  throw new DomainError('OWNERSHIP_CONFLICT', message, 400, [{ field: 'ownership', code: 'OWNERSHIP_CONFLICT', message }]);
}

function assertLocation(kind: FacilityKind, level: AdminLevel, field: string): void {
  if (isLocatedAtAllowedLevel(kind, level)) return;
  const allowed = UNIT_LEVELS_OF_KIND[kind].map((l) => LEVEL_NAMES[l]).join(' hoặc ');
  const message = `${FACILITY_KIND_INFO[kind].nameVi} phải đặt tại đơn vị hành chính cấp ${allowed}, không phải cấp ${LEVEL_NAMES[level]}`;
  throw new DomainError('FACILITY_LOCATION_LEVEL', message, 400, [{ field, code: 'FACILITY_LOCATION_LEVEL', message }]);
}

const locationRequired = () => {
  const message = 'Cơ sở chưa có địa bàn: hãy chọn đơn vị hành chính (adminUnitCode)';
  return new DomainError('FACILITY_LOCATION_REQUIRED', message, 400, [
    { field: 'adminUnitCode', code: 'FACILITY_LOCATION_REQUIRED', message },
  ]);
};

const facilityNotFound = (code: string) => new NotFoundError('FACILITY_NOT_FOUND', `Không tìm thấy cơ sở mã ${code}`);

function codeTaken(code: string): DomainError {
  const message = `Mã cơ sở ${code} đã được dùng`;
  return new DomainError('FACILITY_CODE_TAKEN', message, 409, [{ field: 'code', code: 'FACILITY_CODE_TAKEN', message }]);
}

function kcbCodeTaken(kcbCode: string, holder?: { code: string; name: string }): DomainError {
  const message = holder
    ? `Mã cơ sở KCB ${kcbCode} đã thuộc về cơ sở ${holder.name} (${holder.code})`
    : `Mã cơ sở KCB ${kcbCode} đã được dùng cho một cơ sở khác`;
  return new DomainError('KCB_CODE_TAKEN', message, 409, [{ field: 'kcbCode', code: 'KCB_CODE_TAKEN', message }]);
}

/** A unique violation on facility.kcb_code (the index names the column; the driver adapter may name the field). */
function isKcbCodeConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false;
  return /kcb_?code/i.test(JSON.stringify(error.meta ?? {}));
}

function cycle(code: string, reportsToCode: string, day: IsoDate): DomainError {
  const message =
    code === reportsToCode
      ? `Cơ sở ${code} không thể báo cáo lên chính mình`
      : `Từ ngày ${day}, ${reportsToCode} báo cáo (trực tiếp hoặc qua tuyến trên) qua ${code}: ${code} không thể báo cáo lên ${reportsToCode} (vòng lặp trong tuyến báo cáo)`;
  const details: FieldError[] = [{ field: 'reportsToCode', code: 'REPORTING_CYCLE', message }];
  return new DomainError('REPORTING_CYCLE', message, 409, details);
}

function dayOf(at: string | undefined): { iso: IsoDate; date: Date } {
  const iso = at ?? todayInVietnam();
  return { iso, date: toDate(iso) };
}

function toDate(day: IsoDate): Date {
  const date = parseIsoDate(day);
  if (!date) throw new RangeError(`Unvalidated day reached the service: ${day}`);
  return date;
}

const toDay = (date: Date | null): IsoDate | null => (date ? formatIsoDate(date) : null);

function inForce(row: { validFrom: Date | null; validTo: Date | null }, day: IsoDate): boolean {
  const from = toDay(row.validFrom);
  const to = toDay(row.validTo);
  return (from === null || from <= day) && (to === null || day <= to);
}

/** The day a facility's location is checked on: its first day, else today (or its last day when it has ended). */
function referenceDay(row: { validFrom: Date | null; validTo: Date | null }): IsoDate {
  const from = toDay(row.validFrom);
  if (from) return from;
  const to = toDay(row.validTo);
  const today = todayInVietnam();
  return to && to < today ? to : today;
}

const linesOf = (row: FacilityDetailRow) =>
  row.reportingUp.map((l) => ({ id: l.id, validFrom: toDay(l.validFrom), validTo: toDay(l.validTo) }));

function toSummary(row: { code: string; name: string; kind: FacilityKind }): FacilitySummaryDto {
  return { code: row.code, name: row.name, kind: row.kind, level: FACILITY_KIND_INFO[row.kind].level };
}

function toRecordDto(row: FacilityRecordRow | FacilityDetailRow, reportsTo?: FacilitySummaryDto | null): FacilityRecordDto {
  const line = reportsTo === undefined ? row.reportingUp[0]?.reportsTo : undefined;
  return {
    ...toSummary(row),
    ownership: row.ownership,
    reportingGroup: reportingGroupOf(row),
    maternalServices: row.maternalServices,
    childServices: row.childServices,
    kcbCode: row.kcbCode,
    address: row.address,
    adminUnit: row.adminUnit ? { code: row.adminUnit.code, name: row.adminUnit.name, level: row.adminUnit.level } : null,
    validFrom: toDay(row.validFrom),
    validTo: toDay(row.validTo),
    reportsTo: reportsTo === undefined ? (line ? toSummary(line) : null) : reportsTo,
  };
}

function toDetailDto(row: FacilityDetailRow, at: IsoDate): FacilityRecordDetailDto {
  const lines = row.reportingUp.map((l) => ({
    reportsTo: toSummary(l.reportsTo),
    validFrom: toDay(l.validFrom),
    validTo: toDay(l.validTo),
  }));
  const current = versionOn(lines, at);
  return { ...toRecordDto(row, current?.reportsTo ?? null), at, reportingLines: lines };
}
