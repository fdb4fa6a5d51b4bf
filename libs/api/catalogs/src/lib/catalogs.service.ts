import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError } from '@skss/api/core';
import { foldVietnamese, IsoDate, parseIsoDate, todayInVietnam, versionOn } from '@skss/domain';
import { Db, CatalogsRepository } from './catalogs.repository';
import { AddCatalogItemDto, ListCatalogItemsQueryDto, RelabelCatalogItemDto, RetireCatalogItemDto } from './dto/catalog.request.dto';
import { CatalogItemDto, CatalogItemHistoryDto, CatalogItemPageDto, CatalogListDto } from './dto/catalog.response.dto';
import { ItemChanges, ItemVersion, planAdd, planRelabel, planRetire } from './import/item-changes';

export const catalogNotFound = (code: string) => new NotFoundError('CATALOG_NOT_FOUND', `Không tìm thấy danh mục ${code}`);
const itemNotFound = (catalog: string, code: string) =>
  new NotFoundError('CATALOG_ITEM_NOT_FOUND', `Không tìm thấy mã ${code} trong danh mục ${catalog}`);
export const catalogFixed = (code: string, what: string) =>
  new DomainError(
    'CATALOG_FIXED',
    `Danh mục ${code} là danh mục cố định theo quy tắc của sổ sách: chỉ được đổi tên hiển thị, không được ${what}`,
    409,
  );

/**
 * Catalogs (subsystem c): code lists with versioned items. Reads are open to every signed-in user
 * (reference data); changes are for administrators holding catalogs.manage. Each change takes
 * effect on a day and never rewrites the days before it: the version in force is closed the day
 * before and a new one opens (planned in import/item-changes.ts).
 */
@Injectable()
export class CatalogsService {
  constructor(private readonly catalogs: CatalogsRepository) {}

  async listCatalogs(at?: string): Promise<CatalogListDto> {
    const day = dayOf(at);
    const rows = await this.catalogs.findCatalogs(day.date);
    return {
      at: day.iso,
      catalogs: rows.map((row) => ({
        code: row.code,
        name: row.name,
        nameEn: row.nameEn,
        description: row.description,
        fixed: row.fixed,
        itemCount: row._count.items,
      })),
    };
  }

  async listItems(catalogCode: string, query: ListCatalogItemsQueryDto): Promise<CatalogItemPageDto> {
    await this.requireCatalog(catalogCode);
    const day = dayOf(query.at);
    const text = query.q ? { folded: foldVietnamese(query.q), raw: query.q } : null;
    const { rows, total } = await this.catalogs.findItemsPage(
      catalogCode,
      day.date,
      text,
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return { at: day.iso, items: rows.map(toItemDto), page: query.page, pageSize: query.pageSize, total };
  }

  async history(catalogCode: string, code: string): Promise<CatalogItemHistoryDto> {
    await this.requireCatalog(catalogCode);
    const versions = await this.catalogs.findVersions(catalogCode, code);
    if (versions.length === 0) throw itemNotFound(catalogCode, code);
    return toHistory(catalogCode, code, versions);
  }

  async addItem(catalogCode: string, dto: AddCatalogItemDto): Promise<CatalogItemHistoryDto> {
    return this.change(catalogCode, dto.code, async (db, catalog, versions) => {
      if (catalog.fixed) throw catalogFixed(catalogCode, 'thêm mã mới');
      const label = { name: dto.name, nameEn: dto.nameEn ?? null, sortOrder: dto.sortOrder ?? null };
      const plan = planAdd(versions, dto.code, label, await this.catalogs.nextSortOrder(catalogCode, db), dto.validFrom);
      if (plan === 'exists') {
        const current = versionOn(versions, dto.validFrom);
        const message = `Mã ${dto.code} đã có trong danh mục ${catalogCode} vào ngày ${dto.validFrom}${current ? ` (“${current.name}”)` : ''}: hãy đổi tên mục thay vì thêm mới`;
        throw new DomainError('CATALOG_ITEM_EXISTS', message, 409, [{ field: 'code', code: 'CATALOG_ITEM_EXISTS', message }]);
      }
      return plan;
    });
  }

  async relabelItem(catalogCode: string, code: string, dto: RelabelCatalogItemDto): Promise<CatalogItemHistoryDto> {
    return this.change(catalogCode, code, async (_db, _catalog, versions) => {
      if (versions.length === 0) throw itemNotFound(catalogCode, code);
      const plan = planRelabel(versions, { name: dto.name, nameEn: dto.nameEn, sortOrder: dto.sortOrder }, dto.validFrom);
      if (plan === 'not-in-force') throw notInForce(catalogCode, code, dto.validFrom);
      return plan === 'unchanged' ? null : plan;
    });
  }

  async retireItem(catalogCode: string, code: string, dto: RetireCatalogItemDto): Promise<CatalogItemHistoryDto> {
    return this.change(catalogCode, code, async (_db, catalog, versions) => {
      if (versions.length === 0) throw itemNotFound(catalogCode, code);
      if (catalog.fixed) throw catalogFixed(catalogCode, 'ngừng sử dụng mã');
      const plan = planRetire(versions, dto.retiredFrom);
      if (plan === 'retired') {
        throw new DomainError('CATALOG_ITEM_RETIRED', `Mã ${code} đã ngừng sử dụng trước ngày ${dto.retiredFrom}`, 409);
      }
      return plan;
    });
  }

  async requireCatalog(code: string, db?: Db) {
    const catalog = await this.catalogs.findCatalog(code, db);
    if (!catalog) throw catalogNotFound(code);
    return catalog;
  }

  /** One change of one item, in a transaction holding the catalog's lock; answers the item's history after it. */
  private async change(
    catalogCode: string,
    code: string,
    plan: (db: Db, catalog: { fixed: boolean }, versions: ItemVersion[]) => Promise<ItemChanges | null>,
  ): Promise<CatalogItemHistoryDto> {
    const versions = await this.catalogs.transaction(async (db) => {
      const catalog = await this.requireCatalog(catalogCode, db);
      await this.catalogs.lock(catalogCode, db);
      const changes = await plan(db, catalog, await this.catalogs.findVersions(catalogCode, code, db));
      if (changes) await this.catalogs.apply(catalogCode, changes, db);
      return this.catalogs.findVersions(catalogCode, code, db);
    });
    return toHistory(catalogCode, code, versions);
  }
}

const notInForce = (catalog: string, code: string, day: string) =>
  new DomainError('CATALOG_ITEM_NOT_IN_FORCE', `Mã ${code} của danh mục ${catalog} không có hiệu lực vào ngày ${day}`, 409);

function dayOf(at: string | undefined): { iso: IsoDate; date: Date } {
  const iso = at ?? todayInVietnam();
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`Unvalidated day reached the service: ${iso}`);
  return { iso, date };
}

export function toItemDto(version: ItemVersion): CatalogItemDto {
  return {
    code: version.code,
    name: version.name,
    nameEn: version.nameEn,
    sortOrder: version.sortOrder,
    validFrom: version.validFrom,
    validTo: version.validTo,
  };
}

function toHistory(catalogCode: string, code: string, versions: ItemVersion[]): CatalogItemHistoryDto {
  const sorted = [...versions].sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
  return { catalogCode, code, versions: sorted.map(toItemDto) };
}
