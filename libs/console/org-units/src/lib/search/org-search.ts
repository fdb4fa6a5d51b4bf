import { ChangeDetectionStrategy, Component, computed, inject, input, model, output } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatActionList, MatListItem, MatListItemLine, MatListItemTitle } from '@angular/material/list';
import { MatProgressBar } from '@angular/material/progress-bar';
import { adminLevelKey } from '@skss/console/i18n';
import { ApiErrorMessage, Icon, Notice, TranslatePipe, remote } from '@skss/console/ui';
import { AdminUnitDto } from '@skss/contract';
import { foldVietnamese, IsoDate } from '@skss/domain';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { OrgUnitsData } from '../data/org-units.data';

/** Fewer folded characters than this match too much to be useful. */
export const MIN_SEARCH_LENGTH = 2;
const SEARCH_DEBOUNCE_MS = 300;

/**
 * Search across all levels, diacritics optional ("muong nhe" finds "Xã Mường Nhé"), on the chosen day.
 * The query is a model so that the page can show the tree again once the box is cleared.
 */
@Component({
  selector: 'skss-org-search',
  imports: [
    MatActionList,
    MatFormField,
    MatHint,
    MatIconButton,
    MatInput,
    MatLabel,
    MatListItem,
    MatListItemLine,
    MatListItemTitle,
    MatPrefix,
    MatProgressBar,
    MatSuffix,
    ApiErrorMessage,
    Icon,
    Notice,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './org-search.html',
  styleUrl: './org-search.scss',
})
export class OrgSearch {
  private readonly data = inject(OrgUnitsData);

  readonly day = input.required<IsoDate>();
  readonly selectedCode = input<string>();
  readonly query = model('');
  readonly selected = output<AdminUnitDto>();

  /** Whether the query is long enough to search; the page hides the tree meanwhile. */
  readonly active = computed(() => isSearchable(this.query()));
  protected readonly tooShort = computed(() => this.query().trim().length > 0 && !this.active());

  private readonly settledQuery = toSignal(
    toObservable(this.query).pipe(
      debounceTime(SEARCH_DEBOUNCE_MS),
      map((q) => q.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly results = remote(
    () => {
      const q = this.settledQuery();
      return isSearchable(q) && this.active() ? { q, day: this.day() } : undefined;
    },
    ({ q, day }) => this.data.search(q, day),
    { keepPrevious: false },
  );

  /** Typing and waiting for the debounce counts as searching, so the progress bar shows at once. */
  protected readonly busy = computed(() => this.results.loading() || (this.active() && this.settledQuery() !== this.query().trim()));
  protected readonly levelKey = adminLevelKey;

  protected onInput(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }

  protected clear(input: HTMLInputElement): void {
    this.query.set('');
    input.focus();
  }
}

export function isSearchable(query: string): boolean {
  return foldVietnamese(query).length >= MIN_SEARCH_LENGTH;
}
