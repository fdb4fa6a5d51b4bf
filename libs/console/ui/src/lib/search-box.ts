import { ChangeDetectionStrategy, Component, computed, input, model, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { foldVietnamese } from '@skss/domain';
import { debounce, distinctUntilChanged, map, Observable, of, Subject, tap, timer } from 'rxjs';
import { Icon } from './icon';
import { TranslatePipe } from './translate.pipe';

/** What the user typed, and whether it should be searched at once (Enter, clearing) rather than after a pause. */
export interface SearchInput {
  readonly text: string;
  readonly immediate?: boolean;
}

/**
 * The query to send for a typed text: NFC (the API and the database compare NFC; a keyboard may type NFD), trimmed,
 * inner spaces collapsed; '' while it has fewer than `minLength` letters once diacritics are folded.
 */
export function settledQuery(text: string, minLength = 0): string {
  const query = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  return foldVietnamese(query).length >= minLength ? query : '';
}

type Setting = number | (() => number);
const read = (setting: Setting) => (typeof setting === 'number' ? setting : setting());

/** Two queries that search the same: equal once diacritics, case and spacing are folded. */
export function sameSearch(a: string, b: string): boolean {
  return foldVietnamese(a) === foldVietnamese(b);
}

/**
 * Typed texts → the queries to run: after `debounceMs` without typing (at once for an immediate input), and only when
 * the query differs once diacritics and case are folded ("Mường Nhé", "muong nhe" and "MUONG NHE" search the same,
 * so going from one to another asks the server nothing). `settled` runs each time typing settles, changed or not.
 */
export function settleSearch(
  debounceMs: Setting,
  minLength: Setting = 0,
  settled: () => void = () => undefined,
): (typed: Observable<SearchInput>) => Observable<string> {
  return (typed) =>
    typed.pipe(
      debounce((input) => (input.immediate ? of(0) : timer(read(debounceMs)))),
      map((input) => settledQuery(input.text, read(minLength))),
      tap(() => settled()),
      distinctUntilChanged(sameSearch),
    );
}

/**
 * A search field, diacritics optional: emits `(queryChange)` with the settled query (NFC, trimmed) after a pause in typing
 * (`debounce`, 300 ms), at once on Enter, Escape or the clear button, and only when the folded query changed. The API
 * folds diacritics on its side; `foldVietnamese` (`@skss/domain`) does the same for a filter in the browser.
 */
@Component({
  selector: 'skss-search-box',
  imports: [MatFormField, MatHint, MatIconButton, MatInput, MatLabel, MatPrefix, MatSuffix, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="field" appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() ?? ('search.label' | translate) }}</mat-label>
      <skss-icon matPrefix class="prefix" name="search" />
      <input
        #box
        matInput
        type="search"
        autocomplete="off"
        spellcheck="false"
        [attr.data-testid]="testId()"
        [placeholder]="placeholder() ?? ('search.placeholder' | translate)"
        [value]="value()"
        (input)="type(box.value)"
        (keydown.enter)="type(box.value, true)"
        (keydown.escape)="clear(box)"
      />
      @if (value()) {
        <button type="button" matIconButton matSuffix [attr.aria-label]="'common.clearSearch' | translate" (click)="clear(box)">
          <skss-icon name="close" />
        </button>
      }
      @if (tooShort()) {
        <mat-hint>{{ 'search.minChars' | translate: { min: minLength() } }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      width: 100%;
    }
    .prefix {
      margin: 0 4px 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SearchBox {
  readonly label = input<string | null>(null);
  readonly placeholder = input<string | null>(null);
  readonly testId = input<string>();
  /** Milliseconds without typing before searching. */
  readonly debounce = input(300);
  /** Letters needed (diacritics folded) before searching; shorter texts search for everything (''). */
  readonly minLength = input(0);
  /** The text in the box; set it to restore a search (from the URL…), read it to know what is typed. */
  readonly value = model('');

  /** The query to run (NFC, trimmed; '' for everything), once typing settles and only when it changed. */
  readonly queryChange = output<string>();
  /** True from a key press until the query settles: a list can show that it is about to change. */
  readonly typing = output<boolean>();

  private readonly typed = new Subject<SearchInput>();
  protected readonly tooShort = computed(() => {
    const folded = foldVietnamese(this.value());
    return folded.length > 0 && folded.length < this.minLength();
  });

  constructor() {
    this.typed
      .pipe(
        settleSearch(
          () => this.debounce(),
          () => this.minLength(),
          () => this.typing.emit(false),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((query) => this.queryChange.emit(query));
  }

  protected type(text: string, immediate = false): void {
    this.value.set(text);
    this.typing.emit(true);
    this.typed.next({ text, immediate });
  }

  protected clear(box: HTMLInputElement): void {
    box.value = '';
    this.type('', true);
    box.focus();
  }
}
