import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { ApiErrorMessage, DateTimePipe, Icon, Notice, remote, TranslatePipe } from '@skss/console/ui';
import type { NotificationDto } from '@skss/contract';
import { firstValueFrom } from 'rxjs';
import { ReportsApi } from '../data/reports-api';
import { eventKey } from '../shared/report-labels';

/**
 * The in-app notifications of the caller's facility (sent, returned, approved, un-approval requested…): a button with
 * the unread count that opens the list, latest first; each links to its report and can be marked read (opening the
 * report marks it too). Test hooks: `notifications-toggle`, `notification` (`data-kind`, `data-unread`),
 * `notification-read`.
 */
@Component({
  selector: 'skss-notifications-panel',
  imports: [MatButton, RouterLink, ApiErrorMessage, DateTimePipe, Notice, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notifications-panel.html',
  styleUrl: './notifications-panel.scss',
})
export class NotificationsPanel {
  private readonly api = inject(ReportsApi);

  protected readonly open = signal(false);
  protected readonly notifications = remote(
    () => true,
    () => this.api.notifications(),
  );
  protected readonly unread = computed(() => this.notifications.value()?.unread ?? 0);
  protected readonly eventKey = eventKey;

  protected link(item: NotificationDto): unknown[] | null {
    return item.form && item.facility && item.month ? ['/reports', item.form, item.facility.id, item.month] : null;
  }

  protected async markRead(item: NotificationDto): Promise<void> {
    if (item.readAt) return;
    try {
      await firstValueFrom(this.api.markRead(item.id));
    } finally {
      this.notifications.reload();
    }
  }
}
