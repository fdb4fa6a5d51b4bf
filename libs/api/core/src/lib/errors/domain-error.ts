/** A field-level problem in a request, reported back with a stable code. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * Services throw these; one exception filter turns them into `{ code, message, details }`.
 * `code` is stable and machine-readable; `message` is Vietnamese, for the officer.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly details?: FieldError[],
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 404);
  }
}
