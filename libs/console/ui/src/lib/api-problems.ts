import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl, FormGroup } from '@angular/forms';
import { TranslationKey, TranslationParams } from '@skss/console/i18n';
import { apiErrorMessage, hasApiMessage } from './api-error';

/**
 * One rejected field of a 400 answer, as the API's `details[]` gives it (`FieldErrorDto` of `@skss/contract`, which a
 * ui library may not import): the field's name in the request (`facilityCode`, `visits[2].weight`…), a stable code and
 * the Vietnamese message to show next to the field.
 */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** A failed call as a screen shows it: the API's message (Vietnamese), its code, and each rejected field. */
export interface ApiFailure {
  readonly code: string | null;
  readonly message: string;
  readonly details: readonly FieldProblem[];
}

export type Translate = (key: TranslationKey, params?: TranslationParams) => string;

export function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['field'] === 'string' && typeof candidate['code'] === 'string' && typeof candidate['message'] === 'string';
}

/** Reads a failed call: `{ code, message, details? }` from the API, or the network / server failure in the console's words. */
export function describeFailure(error: unknown, t: Translate): ApiFailure {
  const body: unknown = error instanceof HttpErrorResponse ? error.error : undefined;
  const apiBody = hasApiMessage(body) ? body : null;
  const details: unknown = apiBody ? (body as { details?: unknown }).details : undefined;
  return {
    code: apiBody?.code ?? null,
    message: apiErrorMessage(error, t),
    details: Array.isArray(details) ? details.filter(isFieldProblem) : [],
  };
}

/**
 * Puts each field problem of a failure on the form control of the same name (a path such as `visits.2.weight` reaches
 * into nested groups and arrays; `visits[2].weight` is read the same way) as the `api` error, which `<skss-field-error>`
 * shows and the next edit of the field clears. Returns the messages that belong to no control, for a banner.
 * `aliases` maps API field names to control paths.
 */
export function applyFieldErrors(form: FormGroup, failure: ApiFailure, aliases: Readonly<Record<string, string>> = {}): string[] {
  const unplaced: string[] = [];
  for (const detail of failure.details) {
    const path = (aliases[detail.field] ?? detail.field).replace(/\[(\d+)\]/g, '.$1');
    const control: AbstractControl | null = form.get(path);
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

/** The message of a field in a failure (for fields that are not form controls, such as a facility picker). */
export function fieldMessage(failure: ApiFailure | null, field: string): string | null {
  return failure?.details.find((detail) => detail.field === field)?.message ?? null;
}

/**
 * The message of a control in error: the API's own, else the text of the first of `messages` whose validator failed
 * (`{ required: 'common.required', pattern: 'admin.users.form.usernamePattern' }`), else ''.
 */
export function controlError(control: AbstractControl, messages: Readonly<Record<string, TranslationKey>>, t: Translate): string {
  const api = apiFieldError(control);
  if (api) return api;
  const failed = Object.keys(messages).find((error) => control.hasError(error));
  return failed ? t(messages[failed]) : '';
}

/**
 * A download (read as a Blob) fails with its JSON error body still in a Blob: read it so that the API's message can be
 * shown like any other.
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
