import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ApiFailure, apiFieldError, applyFieldErrors, describeFailure, FieldError, I18n, Icon, TranslatePipe } from '@skss/console/ui';
import { Api, createRole, deleteRole, Permission, PermissionDto, RoleDto, updateRole } from '@skss/contract';
import { firstValueFrom } from 'rxjs';
import { confirmAction } from '@skss/console/ui';
import { groupPermissions } from './permission-groups';
import { AdminLabels } from '../shared/admin-labels';

/** The API's rule for role codes (`ROLE_CODE_PATTERN`). */
const ROLE_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;

/**
 * A role's name, description, two-factor requirement and permissions, grouped and labelled in the console's language;
 * a new role also takes its code (fixed afterwards). Read-only without `roles.manage`.
 */
@Component({
  selector: 'skss-role-editor',
  imports: [
    FieldError,
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatIconButton,
    MatInput,
    MatLabel,
    MatProgressBar,
    MatSlideToggle,
    Icon,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './role-editor.html',
  styleUrl: './role-editor.scss',
})
export class RoleEditor {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly labels = inject(AdminLabels);

  /** The role to edit, or null for a new one. */
  readonly role = input.required<RoleDto | null>();
  readonly permissions = input.required<readonly PermissionDto[]>();
  readonly canEdit = input(false);
  readonly saved = output<RoleDto>();
  readonly deleted = output<void>();
  readonly closed = output<void>();

  protected readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(ROLE_CODE_PATTERN)] }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(120)] }),
    description: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }),
    requireTotp: new FormControl(false, { nonNullable: true }),
    permissions: new FormControl<Permission[]>([], { nonNullable: true }),
  });
  private readonly chosen = toSignal(this.form.controls.permissions.valueChanges, { initialValue: [] as Permission[] });
  protected readonly chosenSet = computed(() => new Set(this.chosen()));
  protected readonly groups = computed(() => groupPermissions(this.permissions().map((p) => p.code)));
  protected readonly administrative = computed(
    () =>
      new Set(
        this.permissions()
          .filter((p) => p.administration)
          .map((p) => p.code),
      ),
  );
  protected readonly isNew = computed(() => this.role() === null);
  protected readonly busy = signal<'save' | 'delete' | null>(null);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly apiError = apiFieldError;

  constructor() {
    effect(() => this.load(this.role()));
    effect(() => {
      if (this.canEdit()) this.form.enable({ emitEvent: false });
      else this.form.disable({ emitEvent: false });
      if (!this.isNew()) this.form.controls.code.disable({ emitEvent: false });
    });
  }

  protected label(permission: Permission): string {
    const fromApi = this.permissions().find((p) => p.code === permission);
    const label = this.labels.permission(permission);
    if (label !== permission || !fromApi) return label;
    return this.labels.language() === 'vi' ? fromApi.label : fromApi.labelEn;
  }

  protected toggle(permission: Permission, on: boolean): void {
    const current = this.form.controls.permissions.value;
    const next = on ? [...new Set([...current, permission])] : current.filter((p) => p !== permission);
    this.setPermissions(next);
  }

  protected groupState(permissions: readonly Permission[]): 'all' | 'some' | 'none' {
    const chosen = this.chosenSet();
    const count = permissions.filter((p) => chosen.has(p)).length;
    return count === 0 ? 'none' : count === permissions.length ? 'all' : 'some';
  }

  protected toggleGroup(permissions: readonly Permission[], on: boolean): void {
    const current = this.form.controls.permissions.value;
    this.setPermissions(on ? [...new Set([...current, ...permissions])] : current.filter((p) => !permissions.includes(p)));
  }

  protected undo(): void {
    this.load(this.role());
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const description = value.description.trim() || null;
    const role = this.role();
    this.busy.set('save');
    this.failure.set(null);
    try {
      const saved = role
        ? await firstValueFrom(
            this.api.invoke(updateRole, {
              code: role.code,
              body: { name: value.name.trim(), description, permissions: value.permissions, requireTotp: value.requireTotp },
            }),
          )
        : await firstValueFrom(
            this.api.invoke(createRole, {
              body: {
                code: value.code.trim(),
                name: value.name.trim(),
                description,
                permissions: value.permissions,
                requireTotp: value.requireTotp,
              },
            }),
          );
      this.form.markAsPristine();
      this.snackBar.open(this.i18n.t(role ? 'admin.roles.saved' : 'admin.roles.created'), this.i18n.t('common.close'), { duration: 5000 });
      this.saved.emit(saved);
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected async remove(role: RoleDto): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: this.i18n.t('admin.roles.delete'),
      text: this.i18n.t('admin.roles.confirm.delete', { name: role.name, code: role.code }),
      confirm: this.i18n.t('admin.roles.delete'),
      destructive: true,
    });
    if (!ok) return;
    this.busy.set('delete');
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.invoke(deleteRole, { code: role.code }));
      this.snackBar.open(this.i18n.t('admin.roles.deleted'), this.i18n.t('common.close'), { duration: 5000 });
      this.deleted.emit();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(null);
    }
  }

  private fail(error: unknown): void {
    const failure = describeFailure(error, (key, params) => this.i18n.t(key, params));
    this.failure.set(failure);
    applyFieldErrors(this.form, failure);
  }

  private setPermissions(permissions: Permission[]): void {
    const order = this.permissions().map((p) => p.code);
    const control = this.form.controls.permissions;
    control.setValue([...permissions].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    control.markAsDirty();
  }

  private load(role: RoleDto | null): void {
    this.form.reset({
      code: role?.code ?? '',
      name: role?.name ?? '',
      description: role?.description ?? '',
      requireTotp: role?.requireTotp ?? false,
      permissions: role?.permissions ?? [],
    });
    this.failure.set(null);
  }
}
