import { DomainError, FieldError } from '@skss/api/core';

/** 400 VALIDATION_FAILED with the per-field problems of the domain validators (field, code, Vietnamese message). */
export function validationFailed(problems: readonly FieldError[]): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    'Dữ liệu gửi lên không hợp lệ',
    400,
    problems.map(({ field, code, message }) => ({ field, code, message })),
  );
}

/** A 400 about one field of the body that names something which cannot be used (a person, an episode, a facility). */
export function badReference(code: string, field: string, message: string): DomainError {
  return new DomainError(code, message, 400, [{ field, code, message }]);
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const FACILITY_CODE = /^[A-Z0-9.]{2,40}$/;

/**
 * Runs a write again once when it lost a race on a unique key (two requests bringing the same new
 * person, or the same source record, at once): the second attempt finds what the first created.
 */
export async function retryOnUniqueConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: unknown })?.code === 'P2002') return work();
    throw error;
  }
}
