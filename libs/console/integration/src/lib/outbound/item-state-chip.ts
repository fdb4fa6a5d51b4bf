import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@skss/console/ui';
import { ItemState, stateKey } from '../shared/monitoring-figures';

/** An outbox item's state as a coloured chip ("Chờ gửi", "Ngừng gửi"…); `data-status` carries the code for tests. */
@Component({
  selector: 'skss-item-state',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': "'state-' + state()", '[attr.data-status]': 'state()' },
  template: `{{ key() | translate }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    :host(.state-DELIVERED) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    :host(.state-FAILING),
    :host(.state-DEAD) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class ItemStateChip {
  readonly state = input.required<ItemState>();
  protected readonly key = computed(() => stateKey(this.state()));
}
