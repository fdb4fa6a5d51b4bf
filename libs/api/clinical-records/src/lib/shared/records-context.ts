import { Injectable } from '@nestjs/common';
import { outOfScope, Principal, PrismaService, RequestContext, writeScopeOf } from '@skss/api/core';
import { CatalogName, CodeEntry, IsoDate, todayInVietnam, ValidationContext } from '@skss/domain';
import { badReference } from './problems';

export interface FacilityRef {
  id: number;
  code: string;
  name: string;
}

const CATALOGS: readonly CatalogName[] = ['ETHNICITY', 'OCCUPATION', 'NATIONALITY', 'GYN_TREATMENT'];
/** Catalog entries change rarely (an administrator edits them): read them again after this long. */
const CATALOG_CACHE_MS = 60_000;

/**
 * What every clinical-records write needs besides the record: the facility it is recorded by,
 * whether the caller may write there, today in Vietnam, the catalogs the validators check codes
 * against, and the person–facility link that makes a person visible to the facility.
 */
@Injectable()
export class RecordsContext {
  private catalogCache: { at: number; value: Partial<Record<CatalogName, readonly CodeEntry[]>> } | null = null;

  constructor(private readonly prisma: PrismaService) {}

  principal(): Principal | undefined {
    return RequestContext.current()?.principal;
  }

  today(): IsoDate {
    return todayInVietnam();
  }

  canWrite(facilityId: number): boolean {
    const scope = writeScopeOf(this.principal());
    return scope === 'all' || scope.has(facilityId);
  }

  assertWritable(facilityId: number): void {
    if (!this.canWrite(facilityId)) throw outOfScope();
  }

  /**
   * The facility a write is recorded by: the one named by `facilityCode` (which must be in the
   * caller's write scope), else the caller's own (an integration account with several facilities
   * must name one).
   */
  async facilityForWrite(code: string | undefined): Promise<FacilityRef> {
    if (code) {
      const facility = await this.facilityByCode(code);
      if (!facility) throw badReference('FACILITY_NOT_FOUND', 'facilityCode', `Không tìm thấy cơ sở mã ${code}`);
      this.assertWritable(facility.id);
      return facility;
    }
    const principal = this.principal();
    const id =
      principal?.kind === 'user' ? principal.facilityId : principal?.facilityIds.size === 1 ? [...principal.facilityIds][0] : undefined;
    if (id === undefined) {
      throw badReference('REQUIRED', 'facilityCode', 'Phải ghi mã cơ sở ghi sổ (tài khoản được gửi dữ liệu cho nhiều cơ sở)');
    }
    const facility = await this.prisma.facility.findUnique({ where: { id }, select: { id: true, code: true, name: true } });
    if (!facility) throw new Error(`The caller's facility ${id} does not exist`);
    return facility;
  }

  facilityByCode(code: string): Promise<FacilityRef | null> {
    return this.prisma.facility.findUnique({ where: { code }, select: { id: true, code: true, name: true } });
  }

  /** Makes the person visible to the facility (person scope is "facilities that recorded something for her"). */
  async recordKnownAt(personId: string, facilityId: number): Promise<void> {
    await this.prisma.personFacility.createMany({ data: [{ personId, facilityId }], skipDuplicates: true });
  }

  /**
   * The codes of the database catalogs the register validators check (any version: a code valid
   * once stays acceptable for the records of its time). A catalog without items is left out, and
   * the validators then check the code's shape only.
   */
  async catalogs(): Promise<ValidationContext['catalogs']> {
    if (this.catalogCache && Date.now() - this.catalogCache.at < CATALOG_CACHE_MS) return this.catalogCache.value;
    const items = await this.prisma.catalogItem.findMany({
      where: { catalogCode: { in: [...CATALOGS] } },
      select: { catalogCode: true, code: true, name: true, nameEn: true },
      orderBy: [{ catalogCode: 'asc' }, { sortOrder: 'asc' }, { validFrom: 'desc' }],
    });
    const value: Partial<Record<CatalogName, CodeEntry[]>> = {};
    for (const item of items) {
      const list = (value[item.catalogCode as CatalogName] ??= []);
      if (!list.some((entry) => entry.code === item.code)) list.push({ code: item.code, vi: item.name, en: item.nameEn ?? item.name });
    }
    this.catalogCache = { at: Date.now(), value };
    return value;
  }
}
