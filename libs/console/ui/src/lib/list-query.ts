import { IsoMonth, monthRange } from '@skss/console/i18n';
import { IsoDate } from '@skss/domain';
import type { FacilityOption } from './facility-lookup';

export type SortDirection = 'asc' | 'desc';

export interface ListSort {
  /** The column (and API sort field) name. */
  readonly active: string;
  readonly direction: SortDirection;
}

/**
 * What a server-paged list shows: the page, its sort and the shared filters of registers and reports (search, month,
 * facility). A feature with filters of its own keeps them beside it and resets `page` with `withFilters`.
 */
export interface ListQuery {
  /** 0-based, as the paginator counts. */
  readonly page: number;
  readonly pageSize: number;
  readonly sort: ListSort | null;
  /** Settled search text (NFC, trimmed), '' for none. */
  readonly search: string;
  readonly month: IsoMonth | null;
  readonly facility: FacilityOption | null;
}

/** A page of a list as the API answers it. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export const PAGE_SIZES: readonly number[] = [20, 50, 100];

export function listQuery(initial: Partial<ListQuery> = {}): ListQuery {
  return { page: 0, pageSize: PAGE_SIZES[0], sort: null, search: '', month: null, facility: null, ...initial };
}

/** A change of filter or sort: back to the first page (the current one may not exist any more). */
export function withFilters(query: ListQuery, change: Partial<Omit<ListQuery, 'page' | 'pageSize'>>): ListQuery {
  return { ...query, ...change, page: 0 };
}

/** Another page, or another page size (which starts again from the first page, as the paginator does). */
export function withPage(query: ListQuery, page: number, pageSize = query.pageSize): ListQuery {
  return { ...query, page: pageSize === query.pageSize ? page : 0, pageSize };
}

/** Whether the user narrowed the list (search or facility): an empty page then says "no match" rather than "no data". */
export function isFiltered(query: ListQuery): boolean {
  return query.search !== '' || query.facility !== null;
}

/** `asc` → `desc` → none (server order) → `asc`…, as `mat-sort-header` cycles. */
export function sortFrom(active: string, direction: SortDirection | ''): ListSort | null {
  return active && direction ? { active, direction } : null;
}

/**
 * The query as list endpoints take it: 1-based `page`, `pageSize`, `sort` as `field` or `-field`, `q`, `facility`
 * (code), and the month both as `month` and as its first and last day (`from`, `to`); empty filters are left out.
 * Pass it to the generated client (`api.invoke(listX, { ...listParams(query), status })`): each operation reads the
 * parameters it declares.
 */
export function listParams(query: ListQuery): {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
  facility?: string;
  month?: IsoMonth;
  from?: IsoDate;
  to?: IsoDate;
} {
  const range = query.month ? monthRange(query.month) : undefined;
  return {
    page: query.page + 1,
    pageSize: query.pageSize,
    sort: query.sort ? `${query.sort.direction === 'desc' ? '-' : ''}${query.sort.active}` : undefined,
    q: query.search || undefined,
    facility: query.facility?.code,
    month: query.month ?? undefined,
    from: range?.from,
    to: range?.to,
  };
}
