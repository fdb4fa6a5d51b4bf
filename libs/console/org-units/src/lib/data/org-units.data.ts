import { inject, Injectable } from '@angular/core';
import {
  AdminUnitDto,
  AdminUnitLineageDto,
  AdminUnitPageDto,
  Api,
  FacilityPageDto,
  getAdminUnitLineage,
  listAdminUnits,
  listFacilities,
} from '@skss/contract';
import { IsoDate } from '@skss/domain';
import { EMPTY, expand, Observable, reduce } from 'rxjs';

/** The largest page the API serves (pageSize ≤ 200). */
const MAX_PAGE_SIZE = 200;
export const SEARCH_PAGE_SIZE = 50;
export const FACILITY_PAGE_SIZE = 50;

interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Every API call of the org-unit browser, through the generated client only (`@skss/contract`). */
@Injectable()
export class OrgUnitsData {
  private readonly api = inject(Api);

  /** The province-level units in force on a day: 63 before 2025-07-01, 34 from then on. */
  provinces(at: IsoDate): Observable<AdminUnitDto[]> {
    return allPages((page) => this.api.invoke(listAdminUnits, { at, level: 'province', page, pageSize: MAX_PAGE_SIZE }));
  }

  /** The direct children of a unit on a day: districts, or communes (directly under provinces from 2025-07-01). */
  children(parent: string, at: IsoDate): Observable<AdminUnitDto[]> {
    return allPages((page) => this.api.invoke(listAdminUnits, { at, parent, page, pageSize: MAX_PAGE_SIZE }));
  }

  /** Units of every level whose name or code matches, diacritics and case ignored. */
  search(q: string, at: IsoDate): Observable<AdminUnitPageDto> {
    return this.api.invoke(listAdminUnits, { at, q, page: 1, pageSize: SEARCH_PAGE_SIZE });
  }

  lineage(code: string, at: IsoDate): Observable<AdminUnitLineageDto> {
    return this.api.invoke(getAdminUnitLineage, { code, at });
  }

  /** Health facilities located in a unit or below it, on a day. */
  facilities(parent: string, at: IsoDate, page: number): Observable<FacilityPageDto> {
    return this.api.invoke(listFacilities, { at, parent, page, pageSize: FACILITY_PAGE_SIZE });
  }
}

/** Fetches page after page until `total` items have arrived (or a page comes back empty). */
function allPages<T>(fetch: (page: number) => Observable<Page<T>>): Observable<T[]> {
  return fetch(1).pipe(
    expand((last) => (last.items.length > 0 && last.page * last.pageSize < last.total ? fetch(last.page + 1) : EMPTY)),
    reduce((all: T[], page) => all.concat(page.items), []),
  );
}
