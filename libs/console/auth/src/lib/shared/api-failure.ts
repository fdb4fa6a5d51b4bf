import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorMessage, hasApiMessage } from '@skss/console/ui';
import { TranslationKey, TranslationParams } from '@skss/console/i18n';

/** A failed call as a page shows it: the API's message (Vietnamese) and, for rejected fields, each field's message. */
export interface ApiFailure {
  readonly code: string | null;
  readonly message: string;
  readonly details: readonly { field: string; code: string; message: string }[];
}

export function describeFailure(error: unknown, t: (key: TranslationKey, params?: TranslationParams) => string): ApiFailure {
  const body: unknown = error instanceof HttpErrorResponse ? error.error : undefined;
  const apiBody = hasApiMessage(body) ? body : null;
  const details: unknown = apiBody ? (body as { details?: unknown }).details : undefined;
  return {
    code: apiBody?.code ?? null,
    message: apiErrorMessage(error, t),
    details: Array.isArray(details) ? details.filter(isFieldError) : [],
  };
}

function isFieldError(value: unknown): value is { field: string; code: string; message: string } {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['field'] === 'string' && typeof candidate['code'] === 'string' && typeof candidate['message'] === 'string';
}
