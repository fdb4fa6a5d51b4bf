import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { ApiErrorMessage, DateTimePipe, I18n, Icon, provideConsolePaginatorIntl, remote, TranslatePipe } from '@skss/console/ui';
import { AccountStatus, Api, ExternalSystem, IntegrationClientSecretDto, listIntegrationClients } from '@skss/contract';
import { EXTERNAL_SYSTEMS } from '@skss/domain';
import { revealOnNarrowScreens } from '../shared/reveal';
import { showSecret } from '../shared/secret-dialog';
import { ClientCreateDialog } from './client-create-dialog';
import { ClientDetail } from './client-detail';
import { AdminLabels } from '../shared/admin-labels';

const PAGE_SIZE = 50;

/**
 * "Tài khoản tích hợp" (`integration.manage`): the accounts external systems (HIS, YTCS, Thống kê y tế…) use to send and
 * read data through the API, with HTTP Basic authentication. Secrets are shown once, at creation and at each rotation.
 */
@Component({
  selector: 'skss-clients-page',
  imports: [
    MatButton,
    MatTableModule,
    MatFormField,
    MatLabel,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatSelect,
    ApiErrorMessage,
    Icon,
    TranslatePipe,
    ClientDetail,
    DateTimePipe,
  ],
  providers: [provideConsolePaginatorIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './clients-page.html',
  styleUrl: './clients-page.scss',
})
export class ClientsPage {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);
  protected readonly labels = inject(AdminLabels);

  /** `?client=`: the selected account's client id. */
  readonly client = input<string>();

  private readonly detail = viewChild<ElementRef<HTMLElement>>('detail');
  private readonly reveal = revealOnNarrowScreens(this.detail);

  protected readonly systems = EXTERNAL_SYSTEMS;
  /** Fewer columns while the account's panel takes half of the width. */
  protected readonly columns = computed(() =>
    this.client() ? ['name', 'status'] : ['name', 'system', 'operations', 'facilities', 'status', 'lastUsedAt'],
  );
  protected readonly system = signal<ExternalSystem | ''>('');
  protected readonly status = signal<AccountStatus | ''>('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = PAGE_SIZE;
  protected readonly clients = remote(
    () => ({ system: this.system() || undefined, status: this.status() || undefined, page: this.pageIndex() + 1, pageSize: PAGE_SIZE }),
    (params) => this.api.invoke(listIntegrationClients, params),
  );

  protected setSystem(system: ExternalSystem | ''): void {
    this.system.set(system);
    this.pageIndex.set(0);
  }

  protected setStatus(status: AccountStatus | ''): void {
    this.status.set(status);
    this.pageIndex.set(0);
  }

  protected page(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }

  protected select(clientId: string | null): void {
    void this.router
      .navigate([], { queryParams: { client: clientId }, queryParamsHandling: 'merge' })
      .then(() => clientId && this.reveal());
  }

  protected async create(): Promise<void> {
    const ref = this.dialog.open<ClientCreateDialog, void, IntegrationClientSecretDto>(ClientCreateDialog, {
      width: '720px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
    const created = await new Promise<IntegrationClientSecretDto | undefined>((resolve) => ref.afterClosed().subscribe(resolve));
    if (!created) return;
    this.clients.reload();
    this.select(created.client.clientId);
    await showSecret(this.dialog, {
      title: this.i18n.t('admin.clients.created.title'),
      intro: this.i18n.t('admin.clients.created.intro', { name: created.client.name }),
      facts: [
        { label: this.i18n.t('admin.clients.clientId'), value: created.client.clientId, testId: 'client-id' },
        { label: this.i18n.t('admin.clients.facilityCount'), value: String(created.client.facilityCount) },
      ],
      secretLabel: this.i18n.t('admin.clients.secret'),
      secret: created.clientSecret,
      testId: 'client-secret',
      warning: this.i18n.t('admin.clients.secret.warning'),
    });
  }
}
