import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslationKey } from '@skss/console/i18n';
import { Session } from '@skss/console/auth';
import { ApiErrorMessage, ApiFailure, DateTimePipe, describeFailure, I18n, Icon, remote, TranslatePipe } from '@skss/console/ui';
import {
  Api,
  getIntegrationClient,
  IntegrationClientDto,
  IntegrationOperation,
  revokeIntegrationClient,
  rotateIntegrationClientSecret,
  updateIntegrationClient,
} from '@skss/contract';
import { INTEGRATION_OPERATIONS } from '@skss/domain';
import { firstValueFrom, Observable } from 'rxjs';
import { AuditHistory } from '../shared/audit-history';
import { confirmAction } from '@skss/console/ui';
import { showSecret } from '../shared/secret-dialog';
import { AdminLabels } from '../shared/admin-labels';

/** Facilities listed before "và N cơ sở khác". */
const SHOWN_FACILITIES = 30;

/**
 * One integration account: what it may do and for which facilities, when it was last used; its name and operations
 * can be edited, its secret rotated (the new one shown once) and the account revoked for good.
 */
@Component({
  selector: 'skss-client-detail',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatIconButton,
    MatInput,
    MatLabel,
    MatProgressBar,
    ApiErrorMessage,
    Icon,
    TranslatePipe,
    AuditHistory,
    DateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-detail.html',
  styleUrl: './client-detail.scss',
})
export class ClientDetail {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly session = inject(Session);
  protected readonly labels = inject(AdminLabels);

  readonly clientId = input.required<string>();
  readonly changed = output<void>();
  readonly closed = output<void>();

  protected readonly client = remote(
    () => this.clientId(),
    (clientId) => this.api.invoke(getIntegrationClient, { clientId }),
  );
  protected readonly canReadAudit = computed(() => this.session.hasPermission('audit.read'));
  protected readonly allOperations = INTEGRATION_OPERATIONS;
  protected readonly name = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(120)] });
  protected readonly operations = signal<IntegrationOperation[]>([]);
  protected readonly shownFacilities = computed(() => this.client.value()?.facilities.slice(0, SHOWN_FACILITIES) ?? []);
  protected readonly moreFacilities = computed(() => Math.max(0, (this.client.value()?.facilities.length ?? 0) - SHOWN_FACILITIES));
  protected readonly edited = computed(() => {
    const client = this.client.value();
    if (!client) return false;
    const ops = this.operations();
    return this.nameValue() !== client.name || ops.length !== client.operations.length || ops.some((o) => !client.operations.includes(o));
  });
  private readonly nameValue = signal('');
  protected readonly busy = signal<'save' | 'rotate' | 'revoke' | null>(null);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly historyVersion = signal(0);

  constructor() {
    effect(() => {
      const client = this.client.value();
      if (client && client.clientId === this.clientId()) this.reset(client);
    });
    this.name.valueChanges.subscribe((value) => this.nameValue.set(value));
  }

  protected reset(client: IntegrationClientDto): void {
    this.name.reset(client.name);
    this.nameValue.set(client.name);
    this.operations.set([...client.operations]);
    if (client.status !== 'active') this.name.disable();
    else this.name.enable();
  }

  protected toggle(operation: IntegrationOperation, on: boolean): void {
    this.operations.update((ops) => INTEGRATION_OPERATIONS.filter((o) => (o === operation ? on : ops.includes(o))));
  }

  protected async save(client: IntegrationClientDto): Promise<void> {
    if (this.name.invalid || this.operations().length === 0) {
      this.name.markAsTouched();
      return;
    }
    const result = await this.call('save', () =>
      this.api.invoke(updateIntegrationClient, {
        clientId: client.clientId,
        body: { name: this.name.value.trim(), operations: this.operations() },
      }),
    );
    if (result) this.done('admin.clients.saved');
  }

  protected async rotate(client: IntegrationClientDto): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: this.i18n.t('admin.clients.rotate'),
      text: this.i18n.t('admin.clients.confirm.rotate', { name: client.name }),
      confirm: this.i18n.t('admin.clients.rotate'),
      destructive: true,
    });
    if (!ok) return;
    const result = await this.call('rotate', () => this.api.invoke(rotateIntegrationClientSecret, { clientId: client.clientId }));
    if (!result) return;
    await showSecret(this.dialog, {
      title: this.i18n.t('admin.clients.rotated.title'),
      intro: this.i18n.t('admin.clients.rotated.intro', { name: result.value.client.name }),
      facts: [{ label: this.i18n.t('admin.clients.clientId'), value: result.value.client.clientId, testId: 'client-id' }],
      secretLabel: this.i18n.t('admin.clients.newSecret'),
      secret: result.value.clientSecret,
      testId: 'client-secret',
      warning: this.i18n.t('admin.clients.secret.warning'),
    });
  }

  protected async revoke(client: IntegrationClientDto): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: this.i18n.t('admin.clients.revoke'),
      text: this.i18n.t('admin.clients.confirm.revoke', { name: client.name, clientId: client.clientId }),
      confirm: this.i18n.t('admin.clients.revoke'),
      destructive: true,
    });
    if (ok && (await this.call('revoke', () => this.api.invoke(revokeIntegrationClient, { clientId: client.clientId })))) {
      this.done('admin.clients.revoked');
    }
  }

  private async call<R>(action: 'save' | 'rotate' | 'revoke', request: () => Observable<R>): Promise<{ value: R } | null> {
    if (this.busy()) return null;
    this.busy.set(action);
    this.failure.set(null);
    try {
      const value = await firstValueFrom(request());
      this.client.reload();
      this.changed.emit();
      this.historyVersion.update((n) => n + 1);
      return { value };
    } catch (error) {
      this.failure.set(describeFailure(error, (key, params) => this.i18n.t(key, params)));
      return null;
    } finally {
      this.busy.set(null);
    }
  }

  private done(key: TranslationKey): void {
    this.snackBar.open(this.i18n.t(key), this.i18n.t('common.close'), { duration: 5000 });
  }
}
