import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl, FormGroup } from '@angular/forms';
import { TranslationKey, TranslationParams } from '@skss/console/i18n';
import { apiErrorMessage, hasApiMessage } from '@skss/console/ui';
import { FieldErrorDto } from '@skss/contract';
import { AdminTextKey } from './admin-texts';

/** A failed call as a screen shows it: the API's message (Vietnamese), its code, and each rejected field's message. */
export interface ApiFailure {
  readonly code: string | null;
  readonly message: string;
  readonly details: readonly FieldErrorDto[];
}

type Translate = (key: TranslationKey, params?: TranslationParams) => string;

export function describeFailure(error: unknown, t: Translate): ApiFailure {
  const body: unknown = error instanceof HttpErrorResponse ? error.error : undefined;
  const apiBody = hasApiMessage(body) ? body : null;
  const details: unknown = apiBody ? (body as { details?: unknown }).details : undefined;
  return {
    code: apiBody?.code ?? null,
    message: apiErrorMessage(error, t),
    details: Array.isArray(details) ? details.filter(isFieldError) : [],
  };
}

/**
 * Puts each field error of a failure on the form control of the same name (`{ api: message }`, shown by `mat-error`),
 * and returns the messages that belong to no control, for the banner. `aliases` maps API field names to control names.
 */
export function applyFieldErrors(form: FormGroup, failure: ApiFailure, aliases: Readonly<Record<string, string>> = {}): string[] {
  const unplaced: string[] = [];
  for (const detail of failure.details) {
    const control: AbstractControl | null = form.get(aliases[detail.field] ?? detail.field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), api: detail.message });
      control.markAsTouched();
    } else {
      unplaced.push(detail.message);
    }
  }
  return unplaced;
}

/** The API's message set on a control by `applyFieldErrors`, else null. */
export function apiFieldError(control: AbstractControl): string | null {
  const message: unknown = control.errors?.['api'];
  return typeof message === 'string' ? message : null;
}

/** The message of a field in a failure (for fields that are not form controls, such as the unit picker). */
export function fieldMessage(failure: ApiFailure | null, field: string): string | null {
  return failure?.details.find((detail) => detail.field === field)?.message ?? null;
}

/**
 * A download (read as a Blob) fails with its JSON error body still in a Blob: read it so that the API's
 * message can be shown like any other.
 */
export async function withBlobErrorBody(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  try {
    const body: unknown = JSON.parse(await error.error.text());
    return new HttpErrorResponse({ error: body, headers: error.headers, status: error.status, statusText: error.statusText });
  } catch {
    return error;
  }
}

function isFieldError(value: unknown): value is FieldErrorDto {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['field'] === 'string' && typeof candidate['code'] === 'string' && typeof candidate['message'] === 'string';
}

/**
 * The message of a control in error: the API's own, else the first of `messages` whose validator failed. Used in one
 * always-present `<mat-error>` per field (a `mat-error` switched in and out by `@if` is not reliably shown).
 */
export function controlError(
  control: AbstractControl,
  messages: Readonly<Record<string, AdminTextKey>>,
  t: (key: AdminTextKey) => string,
): string {
  const api = apiFieldError(control);
  if (api) return api;
  const failed = Object.keys(messages).find((error) => control.hasError(error));
  return failed ? t(messages[failed]) : '';
}
