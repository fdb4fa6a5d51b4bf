import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { TranslationKey } from '@skss/console/i18n';
import { Session } from '@skss/console/auth';
import {
  ApiErrorMessage,
  DateTimePipe,
  FacilityOption,
  FacilityPicker,
  I18n,
  Icon,
  provideConsolePaginatorIntl,
  remote,
  TranslatePipe,
} from '@skss/console/ui';
import { AccountStatus, Api, CreatedUserDto, listRoles, listUsers, UserDto } from '@skss/contract';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { revealOnNarrowScreens } from '../shared/reveal';
import { showSecret } from '../shared/secret-dialog';
import { UserCreateDialog, UserCreateData } from './user-create-dialog';
import { UserDetail } from './user-detail';

const SEARCH_DEBOUNCE_MS = 300;
const PAGE_SIZES = [20, 50, 100];

/**
 * "Tài khoản": the accounts the signed-in user may see (the API narrows them to the user's units), searched without
 * diacritics, filtered by unit, status and role, with the selected account's panel beside the table (`?id=`).
 * With `users.manage`: create, edit, roles and the account actions; with `users.read` only: a read-only view.
 */
@Component({
  selector: 'skss-users-page',
  imports: [
    MatButton,
    MatTableModule,
    MatFormField,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatPrefix,
    MatProgressBar,
    MatSelect,
    MatSuffix,
    ApiErrorMessage,
    Icon,
    TranslatePipe,
    DateTimePipe,
    FacilityPicker,
    UserDetail,
  ],
  providers: [provideConsolePaginatorIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
})
export class UsersPage {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(Session);
  private readonly i18n = inject(I18n);

  /** `?id=`: the selected account. */
  readonly id = input<string>();

  private readonly detail = viewChild<ElementRef<HTMLElement>>('detail');
  private readonly reveal = revealOnNarrowScreens(this.detail);

  protected readonly canManage = computed(() => this.session.hasPermission('users.manage'));
  /** Fewer columns while the account's panel takes half of the width. */
  protected readonly columns = computed(() =>
    this.id() ? ['account', 'facility', 'status'] : ['account', 'facility', 'roles', 'status', 'lastSignInAt'],
  );
  protected readonly pageSizes = PAGE_SIZES;

  protected readonly query = signal('');
  protected readonly facility = signal<FacilityOption | null>(null);
  protected readonly status = signal<AccountStatus | ''>('');
  protected readonly role = signal('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(PAGE_SIZES[0]);

  private readonly settledQuery = toSignal(
    toObservable(this.query).pipe(
      debounceTime(SEARCH_DEBOUNCE_MS),
      map((q) => q.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly users = remote(
    () => ({
      q: this.settledQuery() || undefined,
      facility: this.facility()?.code,
      status: this.status() || undefined,
      role: this.role() || undefined,
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
    }),
    (params) => this.api.invoke(listUsers, params),
  );
  protected readonly roles = remote(
    () => true,
    () => this.api.invoke(listRoles),
  );
  protected readonly busy = computed(() => this.users.loading() || this.settledQuery() !== this.query().trim());
  protected readonly filtered = computed(() => !!(this.query().trim() || this.facility() || this.status() || this.role()));

  protected onSearch(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
    this.pageIndex.set(0);
  }

  protected clearSearch(input: HTMLInputElement): void {
    this.query.set('');
    this.pageIndex.set(0);
    input.focus();
  }

  protected setFacility(facility: FacilityOption | null): void {
    this.facility.set(facility);
    this.pageIndex.set(0);
  }

  protected setStatus(status: AccountStatus | ''): void {
    this.status.set(status);
    this.pageIndex.set(0);
  }

  protected setRole(role: string): void {
    this.role.set(role);
    this.pageIndex.set(0);
  }

  protected clearFilters(input: HTMLInputElement): void {
    input.value = '';
    this.query.set('');
    this.facility.set(null);
    this.status.set('');
    this.role.set('');
    this.pageIndex.set(0);
  }

  protected page(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected select(user: UserDto | null): void {
    void this.router
      .navigate([], { queryParams: { id: user?.id ?? null }, queryParamsHandling: 'merge' })
      .then(() => user && this.reveal());
  }

  protected async create(): Promise<void> {
    const ref = this.dialog.open<UserCreateDialog, UserCreateData, CreatedUserDto>(UserCreateDialog, {
      data: { roles: this.roles.value() ?? [] },
      width: '720px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
    const created = await new Promise<CreatedUserDto | undefined>((resolve) => ref.afterClosed().subscribe(resolve));
    if (!created) return;
    this.users.reload();
    this.select(created);
    await showSecret(this.dialog, {
      title: this.i18n.t('admin.users.created.title'),
      intro: this.i18n.t('admin.users.created.intro', { name: created.fullName }),
      facts: [
        { label: this.i18n.t('admin.users.username'), value: created.username, testId: 'created-username' },
        { label: this.i18n.t('admin.users.facility'), value: created.facility.name },
      ],
      secretLabel: this.i18n.t('admin.users.initialPassword'),
      secret: created.initialPassword,
      testId: 'initial-password',
      warning: this.i18n.t('admin.users.initialPassword.warning'),
    });
  }

  protected statusKey(user: UserDto): TranslationKey {
    return user.status === 'disabled'
      ? 'admin.users.status.disabled'
      : user.locked
        ? 'admin.users.status.locked'
        : 'admin.users.status.active';
  }
}
