import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Session } from '@skss/console/auth';
import { ApiErrorMessage, DayPipe, I18n, Icon, remote, TranslatePipe } from '@skss/console/ui';
import { Api, CatalogDto, CatalogItemDto, CatalogItemHistoryDto, getCatalogItemHistory, retireCatalogItem } from '@skss/contract';
import { IsoDate, isValidOn } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { CatalogItemDialog, CatalogItemDialogData } from './catalog-item-dialog';
import { endOnDay } from '../shared/end-on-day-dialog';

/** The version valid on a day, else the latest one (a retired code's last label). */
export function versionOn(versions: readonly CatalogItemDto[], day: IsoDate): CatalogItemDto | null {
  return versions.find((version) => isValidOn(version, day)) ?? versions[versions.length - 1] ?? null;
}

/**
 * "Lịch sử mã": every version of a code with the days it was valid, newest first, the one valid on the list's day
 * marked. With `catalogs.manage`: change the label from a day, or stop using the code from a day (not in a fixed
 * catalog, which says why). Test hooks: `item-history` (`data-code`), `item-version` (`data-from`), `item-relabel`,
 * `item-retire`, `item-fixed-note`.
 */
@Component({
  selector: 'skss-item-history',
  imports: [MatButton, MatIconButton, MatProgressBar, ApiErrorMessage, DayPipe, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (history.loading()) {
      <mat-progress-bar class="progress" mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <div class="head">
      <div class="head-text">
        <h2 class="name">{{ current()?.name ?? itemCode() }}</h2>
        <p class="code">{{ 'admin.catalogs.history.code' | translate: { code: itemCode() } }}</p>
      </div>
      <button type="button" matIconButton [attr.aria-label]="'common.closePanel' | translate" (click)="closed.emit()">
        <skss-icon name="close" />
      </button>
    </div>
    @if (history.state().status === 'error') {
      <div class="section"><skss-api-error [error]="history.error()" (retry)="history.reload()" /></div>
    } @else if (history.value(); as value) {
      <section class="section" data-testid="item-history" [attr.data-code]="value.code">
        <h3 class="section-title"><skss-icon name="history" />{{ 'admin.catalogs.history.title' | translate }}</h3>
        <ol class="versions">
          @for (version of newestFirst(); track $index) {
            <li class="version" data-testid="item-version" [attr.data-from]="version.validFrom ?? ''" [class.current]="validOnDay(version)">
              <span class="label">{{ version.name }}</span>
              @if (version.nameEn) {
                <span class="sub">{{ version.nameEn }}</span>
              }
              <span class="sub">
                {{ version.validFrom ? (version.validFrom | day) : ('admin.validity.sinceRecords' | translate) }}
                –
                {{ version.validTo ? (version.validTo | day) : ('admin.validity.open' | translate) }}
              </span>
              @if (validOnDay(version)) {
                <span class="tag">{{ 'admin.catalogs.history.validOnDay' | translate: { day: (day() | day) } }}</span>
              }
            </li>
          }
        </ol>
        @if (canManage() && catalog(); as catalog) {
          <div class="actions">
            <button type="button" matButton="outlined" data-testid="item-relabel" (click)="relabel(catalog, value)">
              {{ 'admin.catalogs.relabel' | translate }}
            </button>
            @if (!catalog.fixed) {
              <button type="button" matButton="outlined" class="danger" data-testid="item-retire" (click)="retire(catalog, value)">
                {{ 'admin.catalogs.retire' | translate }}
              </button>
            }
          </div>
          @if (catalog.fixed) {
            <p class="note" data-testid="item-fixed-note">{{ 'admin.catalogs.fixed.itemNote' | translate }}</p>
          }
        }
      </section>
    }
  `,
  styleUrl: './item-history.scss',
})
export class ItemHistory {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly session = inject(Session);
  private readonly i18n = inject(I18n);

  readonly catalogCode = input.required<string>();
  /** The catalog (null while it loads): whether it is fixed. */
  readonly catalog = input<CatalogDto | null>(null);
  readonly itemCode = input.required<string>();
  /** The list's day: its version is marked, and changes start from it by default. */
  readonly day = input.required<IsoDate>();
  readonly changed = output<void>();
  readonly closed = output<void>();

  protected readonly canManage = computed(() => this.session.hasPermission('catalogs.manage'));
  protected readonly history = remote(
    () => ({ code: this.catalogCode(), itemCode: this.itemCode() }),
    (params) => this.api.invoke(getCatalogItemHistory, params),
    { keepPrevious: false },
  );
  protected readonly newestFirst = computed(() => [...(this.history.value()?.versions ?? [])].reverse());
  protected readonly current = computed(() => versionOn(this.history.value()?.versions ?? [], this.day()));

  protected validOnDay(version: CatalogItemDto): boolean {
    return isValidOn(version, this.day());
  }

  protected async relabel(catalog: CatalogDto, history: CatalogItemHistoryDto): Promise<void> {
    const item = versionOn(history.versions, this.day());
    if (!item) return;
    const ref = this.dialog.open<CatalogItemDialog, CatalogItemDialogData, CatalogItemHistoryDto>(CatalogItemDialog, {
      data: { mode: 'relabel', catalog, item: { ...item, code: history.code }, day: this.day() },
      width: '640px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
    if (await firstValueFrom(ref.afterClosed())) this.done('admin.catalogs.relabel.saved');
  }

  /** "Ngừng sử dụng mã từ ngày": the version in force the day before ends then; versions planned after it are dropped. */
  protected async retire(catalog: CatalogDto, history: CatalogItemHistoryDto): Promise<void> {
    const item = versionOn(history.versions, this.day());
    const retired = await endOnDay(this.dialog, {
      title: 'admin.catalogs.retire.title',
      intro: 'admin.catalogs.retire.intro',
      introParams: { code: history.code, name: item?.name ?? history.code },
      dayLabel: 'admin.catalogs.retire.from',
      submit: 'admin.catalogs.retire.submit',
      day: this.day(),
      testIds: { day: 'retire-from', submit: 'retire-submit', error: 'retire-error' },
      end: (retiredFrom) => this.api.invoke(retireCatalogItem, { code: catalog.code, itemCode: history.code, body: { retiredFrom } }),
    });
    if (retired) this.done('admin.catalogs.retire.saved');
  }

  private done(message: 'admin.catalogs.relabel.saved' | 'admin.catalogs.retire.saved'): void {
    this.history.reload();
    this.changed.emit();
    this.snackBar.open(this.i18n.t(message), undefined, { duration: 4000 });
  }
}
