import {
  AfterContentInit,
  ChangeDetectionStrategy,
  Component,
  computed,
  contentChildren,
  effect,
  inject,
  input,
  model,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSort } from '@angular/material/sort';
import { MatColumnDef, MatHeaderRow, MatHeaderRowDef, MatNoDataRow, MatRow, MatRowDef, MatTable } from '@angular/material/table';
import { IsoMonth, TranslationKey } from '@skss/console/i18n';
import { ApiErrorMessage } from './api-error';
import { FacilityOption } from './facility-lookup';
import { FacilityPicker } from './facility-picker';
import { provideConsolePaginatorIntl } from './intl';
import { isFiltered, ListPage, ListQuery, PAGE_SIZES, sortFrom, withFilters, withPage } from './list-query';
import { MonthField } from './month-field';
import { RemoteRef } from './remote';
import { SearchBox } from './search-box';
import { TranslatePipe } from './translate.pipe';

/**
 * A server-paged, sortable list: the shared filters (search without diacritics, month, facility) and the feature's own
 * (`<… skssTableFilter>`), a progress bar, the API's error with a retry button, the table, an empty state and the
 * paginator, all driven by one `ListQuery` (`[(query)]`) that the page turns into its API call:
 *
 * ```html
 * <skss-paged-table [data]="records" [(query)]="query" [columns]="['name', 'visitDay']" search month facility
 *                   testId="anc" (rowActivate)="open($event)">
 *   <ng-container matColumnDef="name">
 *     <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'records.name' | translate }}</th>
 *     <td mat-cell *matCellDef="let record">{{ record.fullName }}</td>
 *   </ng-container>
 *   …
 * </skss-paged-table>
 * ```
 * with `records = remote(() => listParams(this.query()), (params) => this.api.invoke(listAncVisits, params))`.
 * Any filter or sort change goes back to the first page. Column definitions are the page's, with `mat-sort-header` on
 * the sortable ones (the sort lives on this element). Test hooks: `<testId>-search|-month|-facility|-row` (`data-key`).
 */
@Component({
  selector: 'skss-paged-table',
  hostDirectives: [MatSort],
  imports: [
    MatHeaderRow,
    MatHeaderRowDef,
    MatNoDataRow,
    MatPaginator,
    MatProgressBar,
    MatRow,
    MatRowDef,
    MatTable,
    ApiErrorMessage,
    FacilityPicker,
    MonthField,
    SearchBox,
    TranslatePipe,
  ],
  providers: [provideConsolePaginatorIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './paged-table.html',
  styleUrl: './paged-table.scss',
})
export class PagedTable<T> implements AfterContentInit {
  private readonly sort = inject(MatSort, { self: true });

  /** The list as `remote()` loads it from the API. */
  readonly data = input.required<RemoteRef<ListPage<T>>>();
  readonly query = model.required<ListQuery>();
  /** Column names, in order: each one a `matColumnDef` inside the element. */
  readonly columns = input.required<readonly string[]>();
  /** Show the search box; `searchLabel`, `searchPlaceholder` and `searchMinLength` tune it. */
  readonly search = input(false, { transform: (value: boolean | '') => value !== false });
  readonly searchLabel = input<string | null>(null);
  readonly searchPlaceholder = input<string | null>(null);
  readonly searchMinLength = input(0);
  /** Show the month filter (bounded by `minMonth`, `maxMonth`). */
  readonly month = input(false, { transform: (value: boolean | '') => value !== false });
  readonly minMonth = input<IsoMonth | null>(null);
  readonly maxMonth = input<IsoMonth | null>(null);
  /** Show the facility filter. */
  readonly facility = input(false, { transform: (value: boolean | '') => value !== false });
  readonly pageSizes = input<readonly number[]>(PAGE_SIZES);
  /** Whether the list is narrowed, for the empty state; by default when a search or a facility is set. */
  readonly filtered = input<boolean | null>(null);
  /** The empty state when nothing is filtered (default "Chưa có dữ liệu"). */
  readonly emptyText = input<TranslationKey>('common.noData');
  /** A row's identity, for `trackBy`, `data-key` and `selected`. */
  readonly rowKey = input<(row: T) => string | number>((row: T) => JSON.stringify(row));
  /** The key of the highlighted row (the one open beside the list…). */
  readonly selected = input<string | number | null>(null);
  /** Rows are buttons: click or Enter emits `(rowActivate)`. */
  readonly activatable = input(true);
  readonly testId = input('list');
  readonly ariaLabel = input<string | null>(null);
  readonly rowActivate = output<T>();

  private readonly table = viewChild.required<MatTable<T>>(MatTable);
  private readonly columnDefs = contentChildren(MatColumnDef);
  protected readonly typing = signal(false);
  protected readonly rows = computed(() => this.data().value()?.items ?? []);
  protected readonly total = computed(() => this.data().value()?.total ?? 0);
  protected readonly busy = computed(() => this.data().loading() || this.typing());
  protected readonly failed = computed(() => this.data().state().status === 'error');
  protected readonly narrowed = computed(() => this.filtered() ?? isFiltered(this.query()));
  protected readonly trackRow = (_index: number, row: T) => this.rowKey()(row);

  constructor() {
    // Column definitions declared later (`@if` in the page) join the table too.
    effect(() => this.register());
    // The sort arrows show the query's sort, and a click on a header sorts the query.
    effect(() => {
      const sort = this.query().sort;
      if (this.sort.active !== (sort?.active ?? '') || this.sort.direction !== (sort?.direction ?? '')) {
        this.sort.active = sort?.active ?? '';
        this.sort.direction = sort?.direction ?? '';
        this.sort._stateChanges.next();
      }
    });
    this.sort.sortChange
      .pipe(takeUntilDestroyed())
      .subscribe(({ active, direction }) => this.query.update((query) => withFilters(query, { sort: sortFrom(active, direction) })));
  }

  ngAfterContentInit(): void {
    this.register();
  }

  protected setSearch(search: string): void {
    if (search !== this.query().search) this.query.update((query) => withFilters(query, { search }));
  }

  protected setMonth(month: IsoMonth | null): void {
    if (month !== this.query().month) this.query.update((query) => withFilters(query, { month }));
  }

  protected setFacility(facility: FacilityOption | null): void {
    if (facility?.code !== this.query().facility?.code) this.query.update((query) => withFilters(query, { facility }));
  }

  protected page(event: PageEvent): void {
    this.query.update((query) => withPage(query, event.pageIndex, event.pageSize));
  }

  protected activate(row: T): void {
    if (this.activatable()) this.rowActivate.emit(row);
  }

  private register(): void {
    const table = this.table();
    for (const def of this.columnDefs()) table.addColumnDef(def);
  }
}
