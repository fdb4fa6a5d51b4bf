import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ApiErrorMessage, DateTimePipe, Icon, Notice, remote, TranslatePipe } from '@skss/console/ui';
import { Api, getAuditHistory } from '@skss/contract';
import { ChangeView } from './change-view';
import { AdminLabels } from './admin-labels';

/** "Lịch sử thay đổi": every audit event of one record, newest first, each opening its before/after values. */
@Component({
  selector: 'skss-audit-history',
  imports: [MatProgressBar, ApiErrorMessage, Icon, Notice, TranslatePipe, ChangeView, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (history.loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (history.state().status === 'error') {
      <skss-api-error [error]="history.error()" (retry)="history.reload()" />
    } @else if (history.value(); as value) {
      @if (value.truncated) {
        <skss-notice>{{ 'admin.history.truncated' | translate }}</skss-notice>
      }
      <ol class="events" data-testid="audit-history">
        @for (event of newestFirst(); track event.id) {
          <li class="event">
            <button type="button" class="head" [attr.aria-expanded]="open() === event.id" (click)="toggle(event.id)">
              <skss-icon class="chevron" [class.open]="open() === event.id" name="chevron_right" />
              <span class="action">{{ labels.action(event.action) }}</span>
              <span class="when">{{ event.at | dateTime }}</span>
              <span class="who">{{ event.actor?.username ?? ('admin.history.system' | translate) }}</span>
            </button>
            @if (open() === event.id) {
              <skss-change-view class="body" [event]="event" />
            }
          </li>
        } @empty {
          <li>
            <skss-notice>{{ 'admin.history.empty' | translate }}</skss-notice>
          </li>
        }
      </ol>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .events {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .event + .event {
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .head {
      display: grid;
      grid-template-columns: auto 1fr auto;
      align-items: center;
      gap: 0 8px;
      width: 100%;
      padding: 8px 4px;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    .head:hover {
      background: var(--mat-sys-surface-container-low);
    }
    .chevron {
      --skss-icon-size: 20px;
      transition: transform 120ms;
    }
    .chevron.open {
      transform: rotate(90deg);
    }
    .action {
      font-weight: 500;
    }
    .when,
    .who {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .who {
      grid-column: 2 / 4;
    }
    .body {
      padding: 4px 4px 12px 32px;
    }
  `,
})
export class AuditHistory {
  private readonly api = inject(Api);
  protected readonly labels = inject(AdminLabels);

  readonly entityType = input.required<string>();
  readonly entityId = input.required<string>();
  /** Bump to ask again (after an action on the record). */
  readonly version = input(0);

  protected readonly history = remote(
    () => ({ entityType: this.entityType(), entityId: this.entityId(), version: this.version() }),
    ({ entityType, entityId }) => this.api.invoke(getAuditHistory, { entityType, entityId }),
  );
  protected readonly newestFirst = computed(() => [...(this.history.value()?.events ?? [])].reverse());
  protected readonly open = signal<string | null>(null);

  protected toggle(id: string): void {
    this.open.update((current) => (current === id ? null : id));
  }
}
