import { computed, Signal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, Observable, of, startWith, switchMap } from 'rxjs';

/** The state of data fetched from the API: nothing asked yet, on its way, arrived, or failed. */
export type Remote<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly value: T }
  | { readonly status: 'error'; readonly error: unknown };

export interface RemoteRef<T> {
  readonly state: Signal<Remote<T>>;
  /** The value once loaded (kept while a reload is on its way), else undefined. */
  readonly value: Signal<T | undefined>;
  readonly loading: Signal<boolean>;
  /** The failure (usually an HttpErrorResponse), else undefined. */
  readonly error: Signal<unknown>;
  /** Asks again with the same parameters (the retry button, or after a change). */
  reload(): void;
}

const IDLE: Remote<never> = { status: 'idle' };
const LOADING: Remote<never> = { status: 'loading' };

/**
 * Loads `load(params())` whenever the parameters change, cancelling the request in flight (switchMap), and exposes the
 * outcome as signals; `undefined` parameters mean "nothing to load". By default the last value stays readable while the
 * next one loads, so that tables do not blink on every keystroke or page change; `keepPrevious: false` clears it instead
 * (a tree that must not show one day's units under another day). Call in an injection context.
 */
export function remote<P, T>(
  params: () => P | undefined,
  load: (params: P) => Observable<T>,
  options: { keepPrevious?: boolean } = {},
): RemoteRef<T> {
  const keepPrevious = options.keepPrevious ?? true;
  const reloads = signal(0);
  const request = computed(() => ({ params: params(), reload: reloads() }));
  const state = toSignal(
    toObservable(request).pipe(
      switchMap(({ params }) =>
        params === undefined
          ? of(IDLE)
          : load(params).pipe(
              map((value): Remote<T> => ({ status: 'loaded', value })),
              catchError((error: unknown) => of<Remote<T>>({ status: 'error', error })),
              startWith(LOADING),
            ),
      ),
    ),
    { initialValue: LOADING as Remote<T> },
  );
  let last: T | undefined;
  const value = computed(() => {
    const current = state();
    if (current.status === 'loaded') last = current.value;
    else if (current.status !== 'loading' || !keepPrevious) last = undefined;
    return last;
  });
  return {
    state,
    value,
    loading: computed(() => state().status === 'loading'),
    error: computed(() => {
      const current = state();
      return current.status === 'error' ? current.error : undefined;
    }),
    reload: () => reloads.update((n) => n + 1),
  };
}
