import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslationKey, TranslationParams } from '@skss/console/i18n';
import { Session } from '@skss/console/auth';
import { ApiErrorMessage, confirmAction, DateTimePipe, describeFailure, I18n, Icon, Notice, remote, TranslatePipe } from '@skss/console/ui';
import type { DestinationStatusDto, OutboxItemDto } from '@skss/contract';
import { firstValueFrom, Observable } from 'rxjs';
import { MonitoringApi } from '../data/monitoring-api';
import { destinationKey, itemState } from '../shared/monitoring-figures';
import { ItemStateChip } from './item-state-chip';
import { OutboxList } from './outbox-list';

/** Failures shown under each destination: the latest few, the list below has them all. */
const FAILURES_SHOWN = 3;

/**
 * "Dữ liệu gửi đi" (`monitoring.read`): per destination (DHIS2, the FHIR EHR repository, the e-handbook) whether it is
 * configured, the last successful sync, pending, failing and dead items with the latest failures and their reasons;
 * below, the outbox list. With `integration.manage`, an item is re-sent from its row and a destination's dead letters
 * all at once after a confirmation. Test hooks: `destination` (`data-destination`), `destination-pending|failing|dead`,
 * `destination-resend-dead`, `monitoring-action-error`.
 */
@Component({
  selector: 'skss-outbound-page',
  imports: [MatButton, MatProgressBar, ApiErrorMessage, DateTimePipe, Icon, ItemStateChip, Notice, OutboxList, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './outbound-page.html',
  styleUrl: './outbound-page.scss',
})
export class OutboundPage {
  private readonly api = inject(MonitoringApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly session = inject(Session);
  protected readonly i18n = inject(I18n);

  private readonly list = viewChild(OutboxList);
  protected readonly canResend = computed(() => this.session.hasPermission('integration.manage'));
  protected readonly monitoring = remote(
    () => true,
    () => this.api.outbound(),
  );
  /** What is being re-sent: an item's id, or a destination's dead letters. */
  protected readonly busy = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected readonly destinationKey = destinationKey;
  protected readonly itemState = itemState;

  protected failures(destination: DestinationStatusDto): OutboxItemDto[] {
    return destination.recentFailures.slice(0, FAILURES_SHOWN);
  }

  protected async resendItem(item: OutboxItemDto): Promise<void> {
    const done = await this.act(item.id, () => this.api.resend(item.id));
    if (done) this.notify('integration.outbox.resentOne', { id: item.id });
  }

  protected async resendDead(destination: DestinationStatusDto): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('integration.outbound.confirm.title'),
      text: this.i18n.t('integration.outbound.confirm.text', {
        count: destination.dead,
        destination: this.i18n.t(destinationKey(destination.destination)),
      }),
      confirm: this.i18n.t('integration.outbound.confirm.ok'),
    });
    if (!confirmed) return;
    const done = await this.act(destination.destination, () => this.api.resendDead(destination.destination));
    if (done) this.notify('integration.outbound.resent', { count: done.value.resent });
  }

  /** One re-send at a time; on success the summary and the list are read again, on failure the API's message shows. */
  private async act<R>(what: string, request: () => Observable<R>): Promise<{ value: R } | null> {
    if (this.busy()) return null;
    this.busy.set(what);
    this.actionError.set(null);
    try {
      const value = await firstValueFrom(request());
      return { value };
    } catch (error) {
      this.actionError.set(describeFailure(error, (key, params) => this.i18n.t(key, params)).message);
      return null;
    } finally {
      this.busy.set(null);
      this.monitoring.reload();
      this.list()?.reload();
    }
  }

  private notify(key: TranslationKey, params: TranslationParams): void {
    this.snackBar.open(this.i18n.t(key, params), this.i18n.t('common.close'), { duration: 5000 });
  }
}
