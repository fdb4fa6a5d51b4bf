import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@skss/console/ui';
import type { ReportStatus } from '@skss/contract';
import { statusKey } from './report-labels';

/** A report's status as a coloured chip ("Đã gửi", "Bị trả lại"…); `data-status` carries the code for tests. */
@Component({
  selector: 'skss-report-status',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'chip', '[class]': "'status-' + status()", '[attr.data-status]': 'status()' },
  template: `{{ key() | translate }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    :host(.status-DRAFT) {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    :host(.status-SENT) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    :host(.status-RETURNED) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host(.status-APPROVED),
    :host(.status-UNAPPROVAL_REQUESTED) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
})
export class ReportStatusChip {
  readonly status = input.required<ReportStatus>();
  protected readonly key = computed(() => statusKey(this.status()));
}
