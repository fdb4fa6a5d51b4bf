import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * Icons of the report screens that the console's shared set (`skss-icon`, in the initial bundle) does not have, drawn
 * the same way from Material Icons paths (Apache License 2.0) and loaded with the reports only.
 */
const PATHS = {
  download: 'M19 9h-4V3H9v6H5l7 7 7-7zM5 18v2h14v-2H5z',
  notifications:
    'M12 22c1.1 0 2-.9 2-2h-4c0 1.1.89 2 2 2zm6-6v-5c0-3.07-1.64-5.64-4.5-6.32V4c0-.83-.67-1.5-1.5-1.5s-1.5.67-1.5 1.5v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2z',
  send: 'M2.01 21L23 12 2.01 3 2 10l15 2-15 2z',
  undo: 'M12.5 8c-2.65 0-5.05.99-6.9 2.6L2 7v9h9l-3.62-3.62c1.39-1.16 3.16-1.88 5.12-1.88 3.54 0 6.55 2.31 7.6 5.5l2.37-.78C21.08 11.03 17.15 8 12.5 8z',
  check: 'M9 16.17L4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z',
  reply: 'M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z',
} as const;

export type ReportsIconName = keyof typeof PATHS;

/** `<skss-reports-icon name="add" />`: decorative, 24×24, in the current text colour. */
@Component({
  selector: 'skss-reports-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true' },
  template: `<svg viewBox="0 0 24 24" focusable="false"><path [attr.d]="path()" /></svg>`,
  styles: `
    :host {
      display: inline-flex;
      width: var(--skss-icon-size, 24px);
      height: var(--skss-icon-size, 24px);
      flex-shrink: 0;
      vertical-align: middle;
    }
    svg {
      width: 100%;
      height: 100%;
      fill: currentColor;
    }
  `,
})
export class ReportsIcon {
  readonly name = input.required<ReportsIconName>();
  protected readonly path = computed(() => PATHS[this.name()]);
}
