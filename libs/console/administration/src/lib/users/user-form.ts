import { AbstractControl, FormControl, ValidationErrors, Validators } from '@angular/forms';

/** The API's rule for user names (`USERNAME_PATTERN`): 3–60 characters, lower-case letters first. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,59}$/;
export const MAX_ROLES = 10;

const optionalEmail = (control: AbstractControl<string>): ValidationErrors | null =>
  control.value.trim() === '' ? null : Validators.email(control);

/** The account's contact and link fields, the same in the create dialog and the detail panel. */
export function accountControls() {
  return {
    fullName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(120)] }),
    email: new FormControl('', { nonNullable: true, validators: [optionalEmail, Validators.maxLength(254)] }),
    phone: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^\+?[0-9 .-]{8,20}$/)] }),
    ssoSubject: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(255)] }),
  };
}

/** An empty text is sent as null (cleared), anything else trimmed. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
