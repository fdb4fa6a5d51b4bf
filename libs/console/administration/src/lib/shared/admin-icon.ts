import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * A few icons the console's shared set (`skss-icon`) does not have, drawn the same way from Material Icons paths
 * (Apache License 2.0), kept here so that the shared set (in the initial bundle) does not grow for lazy screens.
 */
const PATHS = {
  add: 'M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z',
  download: 'M19 9h-4V3H9v6H5l7 7 7-7zM5 18v2h14v-2H5z',
  person_add:
    'M15 12c2.21 0 4-1.79 4-4s-1.79-4-4-4-4 1.79-4 4 1.79 4 4 4zm-9-2V7H4v3H1v2h3v3h2v-3h3v-2H6zm9 4c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z',
  vpn_key:
    'M12.65 10C11.83 7.67 9.61 6 7 6c-3.31 0-6 2.69-6 6s2.69 6 6 6c2.61 0 4.83-1.67 5.65-4H17v4h4v-4h2v-4H12.65zM7 14c-1.1 0-2-.9-2-2s.9-2 2-2 2 .9 2 2-.9 2-2 2z',
} as const;

export type AdminIconName = keyof typeof PATHS;

/** `<skss-admin-icon name="download" />`: decorative, 24×24, in the current text colour. */
@Component({
  selector: 'skss-admin-icon',
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
export class AdminIcon {
  readonly name = input.required<AdminIconName>();
  protected readonly path = computed(() => PATHS[this.name()]);
}
