import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Icon, IconName } from './icon';

/** A quiet inline message: empty results, hints, placeholders. Never leave a panel blank. */
@Component({
  selector: 'skss-notice',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status', class: 'skss-notice' },
  template: `<skss-icon [name]="icon()" /><span><ng-content /></span>`,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 12px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class Notice {
  readonly icon = input<IconName>('info');
}
