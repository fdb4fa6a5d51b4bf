import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatSelect } from '@angular/material/select';
import { MatCell, MatCellDef, MatColumnDef, MatHeaderCell, MatHeaderCellDef } from '@angular/material/table';
import { DateTimePipe, listQuery, ListQuery, PagedTable, remote, TranslatePipe, withFilters } from '@skss/console/ui';
import type { OutboxDestination, OutboxItemDto, OutboxStatus } from '@skss/contract';
import { MonitoringApi } from '../data/monitoring-api';
import { DESTINATIONS, destinationKey, itemState, stateKey } from '../shared/monitoring-figures';
import { ItemStateChip } from './item-state-chip';

const STATUSES: readonly OutboxStatus[] = ['PENDING', 'DEAD', 'DELIVERED'];

/**
 * The outbox, newest first and paged by the API, filtered by destination and status, each item with its attempts and
 * last error; with `integration.manage`, a failed or dead item is sent again from its row (`resend` asks the page).
 * Test hooks: `outbox-destination`, `outbox-status`, `outbox-row` (`data-key` = id), `outbox-resend`.
 */
@Component({
  selector: 'skss-outbox-list',
  imports: [
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatFormField,
    MatHeaderCell,
    MatHeaderCellDef,
    MatLabel,
    MatOption,
    MatSelect,
    DateTimePipe,
    ItemStateChip,
    PagedTable,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './outbox-list.html',
  styleUrl: './outbox-list.scss',
})
export class OutboxList {
  private readonly api = inject(MonitoringApi);

  readonly canResend = input(false);
  /** The id of an item being re-sent, whose button waits. */
  readonly busyId = input<string | null>(null);
  readonly resend = output<OutboxItemDto>();

  protected readonly destinations = DESTINATIONS;
  protected readonly statuses = STATUSES;
  protected readonly destinationKey = destinationKey;
  protected readonly stateKey = stateKey;
  protected readonly itemState = itemState;
  protected readonly rowKey = (item: OutboxItemDto) => item.id;

  protected readonly destination = signal<OutboxDestination | null>(null);
  protected readonly status = signal<OutboxStatus | null>(null);
  /** Back to the first page whenever a filter changes. */
  protected readonly query = linkedSignal<unknown, ListQuery>({
    source: () => [this.destination(), this.status()],
    computation: (_filters, previous) => (previous ? withFilters(previous.value, {}) : listQuery()),
  });
  protected readonly items = remote(
    () => ({
      page: this.query().page + 1,
      pageSize: this.query().pageSize,
      destination: this.destination(),
      status: this.status(),
    }),
    (query) => this.api.outbox(query),
  );
  protected readonly columns = computed(() => [
    'id',
    'destination',
    'status',
    'subject',
    'attempts',
    'createdAt',
    'nextAttempt',
    'lastError',
    ...(this.canResend() ? ['resend'] : []),
  ]);

  /** Delivered items are not sent again (the API refuses them: re-announce the data instead). */
  protected resendable(item: OutboxItemDto): boolean {
    return item.status !== 'DELIVERED';
  }

  /** Reads the page again (after a re-send from the page: its rows changed status). */
  reload(): void {
    this.items.reload();
  }
}
