import { afterNextRender, DOCUMENT, ElementRef, inject, Injector, Signal } from '@angular/core';

/** Matches the admin pages' breakpoint (`_admin.scss`, `columns`) where the detail panel goes below the list. */
const SINGLE_COLUMN = '(max-width: 1199.98px)';

/**
 * On a phone or a narrow window the selected item's panel is below the list: returns a function that, called after a
 * selection, brings the panel into view once it has rendered. Call in an injection context.
 */
export function revealOnNarrowScreens(panel: Signal<ElementRef<HTMLElement> | undefined>): () => void {
  const injector = inject(Injector);
  const window = inject(DOCUMENT).defaultView;
  return () =>
    afterNextRender(
      () => {
        if (window?.matchMedia(SINGLE_COLUMN).matches) panel()?.nativeElement.scrollIntoView({ block: 'start' });
      },
      { injector },
    );
}
