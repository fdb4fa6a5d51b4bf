import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatOption } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatSelect } from '@angular/material/select';
import { DIALOG_FRAME, FacilityOption, FacilityPicker, fieldMessage, FORM_FIELDS, FormSubmission, I18n, Icon } from '@skss/console/ui';
import { Api, createUser, CreatedUserDto, RoleDto } from '@skss/contract';
import { DEFAULT_ROLES } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { accountControls, MAX_ROLES, orNull, USERNAME_PATTERN } from './user-form';

export interface UserCreateData {
  readonly roles: readonly RoleDto[];
}

/**
 * "Tạo tài khoản": user name, full name, contact, unit (searched) and roles, which default to the default role of the
 * unit's kind (Điều 5). Closes with the created account, whose initial password the page then shows once.
 */
@Component({
  selector: 'skss-user-create-dialog',
  imports: [DIALOG_FRAME, FORM_FIELDS, MatOption, MatSelect, Icon, FacilityPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-create-dialog.html',
  styleUrl: './user-create-dialog.scss',
})
export class UserCreateDialog {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<UserCreateDialog, CreatedUserDto>>(MatDialogRef);
  protected readonly roles = inject<UserCreateData>(MAT_DIALOG_DATA).roles;

  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(USERNAME_PATTERN)] }),
    ...accountControls(),
    roleCodes: new FormControl<string[]>([], { nonNullable: true, validators: [Validators.maxLength(MAX_ROLES)] }),
  });
  protected readonly facility = signal<FacilityOption | null>(null);
  protected readonly submitted = signal(false);
  protected readonly submission = new FormSubmission(this.form);
  protected readonly facilityError = computed(() => {
    if (this.submitted() && !this.facility()) return this.i18n.t('admin.users.form.facilityRequired');
    return this.facility() ? null : fieldMessage(this.submission.failure(), 'facilityCode');
  });
  /** The role that the API would grant by default, suggested as soon as the unit is known. */
  protected readonly defaultRole = computed(() => {
    const facility = this.facility();
    return facility ? DEFAULT_ROLES[facility.kind]?.code : undefined;
  });

  protected setFacility(facility: FacilityOption | null): void {
    this.facility.set(facility);
    const roles = this.form.controls.roleCodes;
    const suggested = facility ? DEFAULT_ROLES[facility.kind]?.code : undefined;
    // Follow the unit while the roles were not chosen by hand.
    if (!roles.dirty) roles.setValue(suggested && this.roles.some((role) => role.code === suggested) ? [suggested] : []);
  }

  protected async submit(): Promise<void> {
    if (!this.submission.begin()) return;
    this.submitted.set(true);
    const facility = this.facility();
    if (this.form.invalid || !facility) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    await this.submission.send(
      () =>
        firstValueFrom(
          this.api.invoke(createUser, {
            body: {
              username: value.username.trim().toLowerCase(),
              fullName: value.fullName.trim(),
              email: orNull(value.email),
              phone: orNull(value.phone),
              ssoSubject: orNull(value.ssoSubject) ?? undefined,
              facilityCode: facility.code,
              roleCodes: value.roleCodes.length ? value.roleCodes : undefined,
            },
          }),
        ),
      (created) => this.ref.close(created),
    );
  }
}
