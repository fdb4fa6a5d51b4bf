import { computed, DestroyRef, effect, inject, ModelSignal, Signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { foldVietnamese } from '@skss/domain';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

/** Characters (diacritics folded) before a search is sent: fewer would match half the country. */
export const TYPEAHEAD_MIN_QUERY = 2;
/** Pause after the last key before searching: a commune officer on a slow line sends one request, not one a key. */
const DEBOUNCE_MS = 300;

/** Something a typeahead picks: shown as "name (code)". */
export interface Pickable {
  readonly code: string;
  readonly name: string;
}

/**
 * The mechanics every search-and-pick field of the console shares (facilities, administrative units): the text box
 * that shows the chosen item or what is being typed, the query settled after a pause and folded (diacritics
 * optional), "too short", and the API's message on the field. The picker supplies the search (`remote` over
 * `settled()`) and its options. Created in a component's field initialiser, with the component's `value` model and
 * `error` input.
 */
export class Typeahead<T extends Pickable> {
  readonly text = new FormControl<string | T>('', { nonNullable: true });
  private readonly typed = toSignal(this.text.valueChanges, { initialValue: '' as string | T });
  private readonly query = computed(() => {
    const typed = this.typed();
    return typeof typed === 'string' ? typed.trim() : '';
  });
  readonly searchable = computed(() => foldVietnamese(this.query()).length >= TYPEAHEAD_MIN_QUERY);
  readonly tooShort = computed(() => this.query().length > 0 && !this.searchable() && !this.value());
  /** The folded query once typing pauses; '' while too short. */
  readonly settled = toSignal(
    toObservable(this.query).pipe(
      debounceTime(DEBOUNCE_MS),
      map((query) => {
        const folded = foldVietnamese(query);
        return folded.length >= TYPEAHEAD_MIN_QUERY ? folded : '';
      }),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  readonly display = (value: T | string | null): string =>
    typeof value === 'string' ? value : value ? `${value.name} (${value.code})` : '';

  constructor(
    private readonly value: ModelSignal<T | null>,
    error: Signal<string | null>,
  ) {
    // The box shows the chosen item; typing something else forgets it.
    effect(() => {
      const chosen = this.value();
      const shown = this.text.value;
      if (chosen && (typeof shown === 'string' || shown.code !== chosen.code)) this.text.setValue(chosen, { emitEvent: false });
      if (!chosen && typeof shown !== 'string') this.text.setValue('', { emitEvent: false });
    });
    effect(() => {
      const message = error();
      if (message) {
        this.text.setErrors({ api: message });
        this.text.markAsTouched();
      } else if (this.text.errors) {
        this.text.setErrors(null);
      }
    });
    this.text.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((typed) => {
      if (typeof typed === 'string' && this.value()) this.value.set(null);
    });
  }

  /** Typing, or waiting for the answer (`loading`): older options would be stale. */
  pending(loading: boolean): boolean {
    if (!this.searchable()) return false;
    return loading || foldVietnamese(this.query()) !== this.settled();
  }

  clear(): void {
    this.text.setValue('');
    this.value.set(null);
  }
}
