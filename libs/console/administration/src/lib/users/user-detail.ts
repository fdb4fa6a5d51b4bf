import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslationKey } from '@skss/console/i18n';
import { Session } from '@skss/console/auth';
import {
  ApiErrorMessage,
  ApiFailure,
  applyFieldErrors,
  DateTimePipe,
  describeFailure,
  FacilityOption,
  FacilityPicker,
  FieldError,
  fieldMessage,
  I18n,
  Icon,
  remote,
  TranslatePipe,
} from '@skss/console/ui';
import {
  Api,
  disableUser,
  enableUser,
  endUserSessions,
  getUser,
  resetUserPassword,
  resetUserTotp,
  RoleDto,
  setUserRoles,
  unlockUser,
  updateUser,
  UpdateUserDto,
  UserDto,
} from '@skss/contract';
import { firstValueFrom, Observable } from 'rxjs';
import { AuditHistory } from '../shared/audit-history';
import { confirmAction } from '@skss/console/ui';
import { showSecret } from '../shared/secret-dialog';
import { accountControls, MAX_ROLES, orNull } from './user-form';

/** An action on the account, from the "Bảo mật" section. */
type AccountAction = 'resetPassword' | 'unlock' | 'disable' | 'enable' | 'endSessions' | 'resetTotp';

/** Which part of the panel a failure belongs to, so that it shows next to what failed. */
type Part = 'profile' | 'roles' | 'actions';

/**
 * The selected account: its details (editable with `users.manage`), roles, security state and actions, and its history
 * (with `audit.read`). Destructive actions ask first; a reset password is shown once. The own account cannot have its
 * roles, link, unit or status changed (the API says OWN_ACCOUNT): those controls are disabled with a note.
 */
@Component({
  selector: 'skss-user-detail',
  imports: [
    FieldError,
    ReactiveFormsModule,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ApiErrorMessage,
    Icon,
    TranslatePipe,
    AuditHistory,
    DateTimePipe,
    FacilityPicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-detail.html',
  styleUrl: './user-detail.scss',
})
export class UserDetail {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly session = inject(Session);
  private readonly i18n = inject(I18n);

  readonly userId = input.required<string>();
  readonly roles = input<readonly RoleDto[]>([]);
  /** The account changed: the list should be read again. */
  readonly changed = output<void>();
  readonly closed = output<void>();

  protected readonly user = remote(
    () => this.userId(),
    (id) => this.api.invoke(getUser, { id }),
  );
  protected readonly canManage = computed(() => this.session.hasPermission('users.manage'));
  protected readonly canReadAudit = computed(() => this.session.hasPermission('audit.read'));
  protected readonly own = computed(() => this.session.user()?.id === this.userId());

  protected readonly profile = new FormGroup(accountControls());
  protected readonly facility = signal<FacilityOption | null>(null);
  protected readonly rolesControl = new FormControl<string[]>([], { nonNullable: true, validators: [Validators.maxLength(MAX_ROLES)] });
  protected readonly rolesForm = new FormGroup({ roleCodes: this.rolesControl });

  protected readonly busy = signal<Part | null>(null);
  protected readonly failure = signal<{ part: Part; failure: ApiFailure } | null>(null);
  protected readonly historyVersion = signal(0);

  protected readonly facilityChanged = computed(() => {
    const facility = this.facility();
    const user = this.user.value();
    return !!facility && !!user && facility.code !== user.facility.code;
  });
  protected readonly facilityError = computed(() => {
    const failure = this.failure();
    return failure?.part === 'profile' ? fieldMessage(failure.failure, 'facilityCode') : null;
  });
  /** Roles in the list plus any the account holds that the list does not show. */
  protected readonly roleOptions = computed(() => {
    const listed = this.roles();
    const held = (this.user.value()?.roles ?? []).filter((role) => !listed.some((option) => option.code === role.code));
    return [...listed.map((role) => ({ code: role.code, name: role.name })), ...held];
  });
  private readonly rolesValue = signal<string[]>([]);
  protected readonly rolesChanged = computed(() => {
    const held = (this.user.value()?.roles ?? []).map((role) => role.code).sort();
    const chosen = [...this.rolesValue()].sort();
    return held.length !== chosen.length || held.some((code, i) => code !== chosen[i]);
  });

  constructor() {
    let shownId: string | undefined;
    let shownVersion: string | undefined;
    // Show the account in the forms when another account opens, or when it changed and nothing is being edited.
    effect(() => {
      const user = this.user.value();
      if (!user || user.id !== this.userId()) return;
      const sameAccount = user.id === shownId;
      if (!sameAccount || (user.updatedAt !== shownVersion && !this.profile.dirty)) this.resetProfile(user);
      if (!sameAccount || (user.updatedAt !== shownVersion && !this.rolesControl.dirty)) this.resetRoles(user);
      shownId = user.id;
      shownVersion = user.updatedAt;
    });
    effect(() => {
      const editable = this.canManage();
      for (const form of [this.profile, this.rolesForm]) {
        if (editable) form.enable({ emitEvent: false });
        else form.disable({ emitEvent: false });
      }
      if (editable && this.own()) {
        this.profile.controls.ssoSubject.disable({ emitEvent: false });
        this.rolesControl.disable({ emitEvent: false });
      }
    });
    this.rolesControl.valueChanges.subscribe((value) => this.rolesValue.set(value));
  }

  protected statusKey(user: UserDto): TranslationKey {
    return user.status === 'disabled'
      ? 'admin.users.status.disabled'
      : user.locked
        ? 'admin.users.status.locked'
        : 'admin.users.status.active';
  }

  protected failureOf(part: Part): ApiFailure | null {
    const failure = this.failure();
    return failure?.part === part ? failure.failure : null;
  }

  protected resetProfile(user: UserDto): void {
    this.profile.reset({ fullName: user.fullName, email: user.email ?? '', phone: user.phone ?? '', ssoSubject: user.ssoSubject ?? '' });
    this.facility.set({ ...user.facility });
    if (this.failure()?.part === 'profile') this.failure.set(null);
  }

  protected resetRoles(user: UserDto): void {
    const codes = user.roles.map((role) => role.code);
    this.rolesControl.reset(codes);
    this.rolesValue.set(codes);
    if (this.failure()?.part === 'roles') this.failure.set(null);
  }

  protected async saveProfile(user: UserDto): Promise<void> {
    if (this.profile.invalid) {
      this.profile.markAllAsTouched();
      return;
    }
    const value = this.profile.getRawValue();
    const body: UpdateUserDto = { fullName: value.fullName.trim(), email: orNull(value.email), phone: orNull(value.phone) };
    if (!this.own()) body.ssoSubject = orNull(value.ssoSubject);
    const facility = this.facility();
    if (facility && facility.code !== user.facility.code) body.facilityCode = facility.code;
    const saved = await this.call('profile', () => this.api.invoke(updateUser, { id: user.id, body }));
    if (saved) {
      this.profile.markAsPristine();
      this.done('admin.users.saved');
    }
  }

  protected async saveRoles(user: UserDto): Promise<void> {
    if (this.rolesControl.invalid) return;
    const saved = await this.call('roles', () =>
      this.api.invoke(setUserRoles, { id: user.id, body: { roleCodes: this.rolesControl.value } }),
    );
    if (saved) {
      this.rolesControl.markAsPristine();
      this.done('admin.users.rolesSaved');
    }
  }

  protected async act(user: UserDto, action: AccountAction): Promise<void> {
    const name = { name: user.fullName, username: user.username };
    const confirmations: Partial<Record<AccountAction, [TranslationKey, TranslationKey, TranslationKey]>> = {
      resetPassword: ['admin.users.action.resetPassword', 'admin.users.confirm.resetPassword', 'admin.users.action.resetPassword'],
      disable: ['admin.users.action.disable', 'admin.users.confirm.disable', 'admin.users.action.disable'],
      enable: ['admin.users.action.enable', 'admin.users.confirm.enable', 'admin.users.action.enable'],
      endSessions: ['admin.users.action.endSessions', 'admin.users.confirm.endSessions', 'admin.users.action.endSessions'],
      resetTotp: ['admin.users.action.resetTotp', 'admin.users.confirm.resetTotp', 'admin.users.action.resetTotp'],
    };
    const confirmation = confirmations[action];
    if (confirmation) {
      const [title, text, confirm] = confirmation;
      const ok = await confirmAction(this.dialog, {
        title: this.i18n.t(title),
        text: this.i18n.t(text, name),
        confirm: this.i18n.t(confirm),
        destructive: action !== 'enable',
      });
      if (!ok) return;
    }
    const id = user.id;
    switch (action) {
      case 'resetPassword': {
        const result = (await this.call('actions', () => this.api.invoke(resetUserPassword, { id })))?.value;
        if (result) {
          await showSecret(this.dialog, {
            title: this.i18n.t('admin.users.reset.title'),
            intro: this.i18n.t('admin.users.reset.intro', name),
            facts: [{ label: this.i18n.t('admin.users.username'), value: result.username }],
            secretLabel: this.i18n.t('admin.users.newPassword'),
            secret: result.initialPassword,
            testId: 'initial-password',
            warning: this.i18n.t('admin.users.initialPassword.warning'),
          });
        }
        return;
      }
      case 'unlock':
        if (await this.call('actions', () => this.api.invoke(unlockUser, { id }))) this.done('admin.users.done.unlock');
        return;
      case 'disable':
        if (await this.call('actions', () => this.api.invoke(disableUser, { id }))) this.done('admin.users.done.disable');
        return;
      case 'enable':
        if (await this.call('actions', () => this.api.invoke(enableUser, { id }))) this.done('admin.users.done.enable');
        return;
      case 'endSessions':
        if (await this.call('actions', () => this.api.invoke(endUserSessions, { id }))) this.done('admin.users.done.endSessions');
        return;
      case 'resetTotp':
        if (await this.call('actions', () => this.api.invoke(resetUserTotp, { id }))) this.done('admin.users.done.resetTotp');
        return;
    }
  }

  /** Calls the API for one part of the panel; on success reads the account, the list and the history again. */
  private async call<R>(part: Part, request: () => Observable<R>): Promise<{ value: R } | null> {
    if (this.busy()) return null;
    this.busy.set(part);
    this.failure.set(null);
    try {
      const value = await firstValueFrom(request());
      this.user.reload();
      this.changed.emit();
      this.historyVersion.update((n) => n + 1);
      return { value };
    } catch (error) {
      const failure = describeFailure(error, (key, params) => this.i18n.t(key, params));
      this.failure.set({ part, failure });
      if (part === 'profile') applyFieldErrors(this.profile, failure);
      if (part === 'roles') applyFieldErrors(this.rolesForm, failure);
      return null;
    } finally {
      this.busy.set(null);
    }
  }

  private done(key: TranslationKey): void {
    this.snackBar.open(this.i18n.t(key), this.i18n.t('common.close'), { duration: 5000 });
  }
}
