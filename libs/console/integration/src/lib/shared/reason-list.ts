import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReasonCount } from './monitoring-figures';

/** Rejection reasons as the API's problem codes with their counts ("DATE_IN_FUTURE × 3"), the most frequent first. */
@Component({
  selector: 'skss-reason-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (reason of reasons(); track reason.code) {
      <span class="reason" data-testid="reason" [attr.data-code]="reason.code">
        <code>{{ reason.code }}</code> × {{ reason.count }}
      </span>
    } @empty {
      —
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 6px;
    }
    .reason {
      padding: 1px 8px;
      border-radius: 10px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
  `,
})
export class ReasonList {
  readonly reasons = input.required<readonly ReasonCount[]>();
}
