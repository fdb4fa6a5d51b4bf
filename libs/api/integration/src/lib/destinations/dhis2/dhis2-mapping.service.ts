import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, PrismaService } from '@skss/api/core';
import { Dhis2FormMappingDto, Dhis2MappingDto, PutDhis2FormMappingDto, PutDhis2OrgUnitsDto } from './dhis2-mapping.dto';

const CELL_KEY = /^[A-Za-z0-9.]{1,20}\/[A-Za-z0-9_.-]{1,30}$/;
const DHIS2_ID = /^[A-Za-z0-9_.-]{1,60}$/;

/** The configurable mapping of report cells and facilities to DHIS2 (integration.manage, audited). */
@Injectable()
export class Dhis2MappingService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<Dhis2MappingDto> {
    const db = this.prisma.raw;
    const [forms, orgUnits] = await Promise.all([
      db.dhis2FormMapping.findMany({ orderBy: { form: 'asc' } }),
      db.$queryRaw<{ facilityCode: string; orgUnit: string }[]>`
        SELECT f.code AS "facilityCode", o.org_unit AS "orgUnit" FROM dhis2_org_unit o JOIN facility f ON f.id = o.facility_id ORDER BY f.code`,
    ]);
    return {
      forms: forms.map((f) => ({
        form: f.form,
        dataSet: f.dataSet,
        cells: f.cells as unknown as Dhis2FormMappingDto['cells'],
        updatedAt: f.updatedAt.toISOString(),
      })),
      orgUnits,
    };
  }

  async putForm(form: string, dto: PutDhis2FormMappingDto): Promise<Dhis2FormMappingDto> {
    const problems = Object.entries(dto.cells).flatMap(([key, target]) => {
      const ok =
        CELL_KEY.test(key) &&
        target !== null &&
        typeof target === 'object' &&
        typeof target.dataElement === 'string' &&
        DHIS2_ID.test(target.dataElement) &&
        (target.categoryOptionCombo === undefined ||
          target.categoryOptionCombo === null ||
          DHIS2_ID.test(String(target.categoryOptionCombo)));
      return ok
        ? []
        : [
            {
              field: `cells.${key}`,
              code: 'INVALID_CELL_MAPPING',
              message: 'Ô "<dòng>/<cột>" phải có dataElement (và categoryOptionCombo nếu có) hợp lệ',
            },
          ];
    });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'Dữ liệu không hợp lệ', 400, problems);
    const cells = Object.fromEntries(
      Object.entries(dto.cells).map(([key, t]) => [
        key,
        { dataElement: t.dataElement, ...(t.categoryOptionCombo ? { categoryOptionCombo: t.categoryOptionCombo } : {}) },
      ]),
    );
    const saved = await this.prisma.$transaction(async (tx) => {
      const before = await tx.dhis2FormMapping.findUnique({ where: { form } });
      const row = await tx.dhis2FormMapping.upsert({
        where: { form },
        create: { form, dataSet: dto.dataSet, cells },
        update: { dataSet: dto.dataSet, cells, updatedAt: new Date() },
      });
      await this.audit.record({ action: before ? 'UPDATE' : 'CREATE', entityType: 'Dhis2FormMapping', entityId: form, before, after: row });
      return row;
    });
    return {
      form: saved.form,
      dataSet: saved.dataSet,
      cells: saved.cells as unknown as Dhis2FormMappingDto['cells'],
      updatedAt: saved.updatedAt.toISOString(),
    };
  }

  async putOrgUnits(dto: PutDhis2OrgUnitsDto): Promise<Dhis2MappingDto> {
    const codes = dto.orgUnits.map((o) => o.facilityCode);
    const facilities = await this.prisma.raw.facility.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
    const idOf = new Map(facilities.map((f) => [f.code, f.id]));
    const unknown = codes.filter((code) => !idOf.has(code));
    if (unknown.length > 0) {
      throw new DomainError(
        'FACILITY_NOT_FOUND',
        'Không tìm thấy cơ sở',
        400,
        unknown.map((code) => ({ field: 'orgUnits', code: 'FACILITY_NOT_FOUND', message: `Không tìm thấy cơ sở mã ${code}` })),
      );
    }
    await this.prisma.$transaction(async (tx) => {
      for (const o of dto.orgUnits) {
        const facilityId = idOf.get(o.facilityCode) as number;
        await tx.dhis2OrgUnit.deleteMany({ where: { orgUnit: o.orgUnit, NOT: { facilityId } } });
        await tx.dhis2OrgUnit.upsert({
          where: { facilityId },
          create: { facilityId, orgUnit: o.orgUnit },
          update: { orgUnit: o.orgUnit, updatedAt: new Date() },
        });
      }
      await this.audit.record({ action: 'UPDATE', entityType: 'Dhis2OrgUnit', details: { orgUnits: dto.orgUnits } });
    });
    return this.get();
  }
}
