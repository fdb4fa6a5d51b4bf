import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  linkedSignal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatCell, MatCellDef, MatColumnDef, MatHeaderCell, MatHeaderCellDef } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { Session } from '@skss/console/auth';
import {
  DayPipe,
  I18n,
  Icon,
  listParams,
  listQuery,
  ListQuery,
  Notice,
  PagedTable,
  remote,
  TranslatePipe,
  withFilters,
} from '@skss/console/ui';
import { Api, CatalogDto, CatalogItemDto, CatalogItemHistoryDto, listCatalogItems, listCatalogs } from '@skss/contract';
import { IsoDate, isIsoDate, todayInVietnam } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { DayField } from '../shared/day-field';
import { revealOnNarrowScreens } from '../shared/reveal';
import { catalogName } from './catalogs-page';
import { CatalogImportData, CatalogImportDialog } from './catalog-import-dialog';
import { CatalogItemDialog, CatalogItemDialogData } from './catalog-item-dialog';
import { ItemHistory } from './item-history';

/**
 * One catalog's codes valid on a chosen day (`?at=`, dd/MM/yyyy on screen, today by default), searched by name without
 * diacritics or by code prefix, paged on the server; the selected code's versions beside the list (`?item=`). With
 * `catalogs.manage`: add a code, import a file, and from the history relabel or retire a code from a day. A fixed
 * catalog (a code list the registers' rules depend on) only takes new labels, and says so.
 * Test hooks: `catalog-items-search|-row` (`data-key` = code), `catalog-day`, `catalog-add`, `catalog-import`,
 * `catalog-fixed-note`.
 */
@Component({
  selector: 'skss-catalog-items-page',
  imports: [
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    RouterLink,
    Icon,
    DayField,
    DayPipe,
    ItemHistory,
    Notice,
    PagedTable,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './catalog-items-page.html',
  styleUrl: './catalog-items-page.scss',
})
export class CatalogItemsPage {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(Session);
  protected readonly i18n = inject(I18n);

  /** Route parameter: the catalog's code. */
  readonly catalog = input.required<string>();
  /** `?at=YYYY-MM-DD`. */
  readonly at = input<string>();
  /** `?item=`: the code whose history is open. */
  readonly item = input<string>();

  private readonly detail = viewChild<ElementRef<HTMLElement>>('detail');
  private readonly reveal = revealOnNarrowScreens(this.detail);

  protected readonly canManage = computed(() => this.session.hasPermission('catalogs.manage'));
  protected readonly day = linkedSignal<IsoDate>(() => {
    const at = this.at();
    return at && isIsoDate(at) ? at : todayInVietnam();
  });
  /** The catalogs on the day, for this one's name, kind and description. */
  private readonly catalogs = remote(
    () => this.day(),
    (at) => this.api.invoke(listCatalogs, { at }),
  );
  protected readonly info = computed<CatalogDto | null>(
    () => this.catalogs.value()?.catalogs.find((c) => c.code === this.catalog()) ?? null,
  );
  protected readonly unknown = computed(() => this.catalogs.state().status === 'loaded' && !this.info());
  protected readonly title = computed(() => {
    const info = this.info();
    return info ? catalogName(info, this.i18n.language()) : this.catalog();
  });

  protected readonly query = linkedSignal<string, ListQuery>({ source: this.catalog, computation: () => listQuery() });
  protected readonly items = remote(
    () => {
      const { page, pageSize, q } = listParams(this.query());
      return { code: this.catalog(), at: this.day(), page, pageSize, q };
    },
    (params) => this.api.invoke(listCatalogItems, params),
  );
  protected readonly columns = computed(() => (this.item() ? ['code', 'name', 'validity'] : ['code', 'name', 'nameEn', 'validity']));
  protected readonly rowKey = (item: CatalogItemDto) => item.code;

  constructor() {
    // Another day: the same search from the first page.
    effect(() => {
      this.day();
      untracked(() => this.query.update((query) => withFilters(query, {})));
    });
  }

  protected setDay(day: IsoDate): void {
    this.day.set(day);
    void this.router.navigate([], {
      queryParams: { at: day === todayInVietnam() ? null : day },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected select(code: string | null): void {
    void this.router.navigate([], { queryParams: { item: code }, queryParamsHandling: 'merge' }).then(() => code && this.reveal());
  }

  protected async add(catalog: CatalogDto): Promise<void> {
    const ref = this.dialog.open<CatalogItemDialog, CatalogItemDialogData, CatalogItemHistoryDto>(CatalogItemDialog, {
      data: { mode: 'add', catalog, day: this.day() },
      width: '640px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
    const added = await firstValueFrom(ref.afterClosed());
    if (!added) return;
    this.refresh();
    this.select(added.code);
  }

  protected async import(catalog: CatalogDto): Promise<void> {
    const ref = this.dialog.open<CatalogImportDialog, CatalogImportData, boolean>(CatalogImportDialog, {
      data: { catalog, day: this.day() },
      width: '760px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
    if (await firstValueFrom(ref.afterClosed())) this.refresh();
  }

  /** After a change: the list, the counts and the open history are read again. */
  protected refresh(): void {
    this.items.reload();
    this.catalogs.reload();
  }
}
