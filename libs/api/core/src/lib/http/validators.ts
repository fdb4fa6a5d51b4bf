import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { isIsoDate, toNfc } from '@skss/domain';

/** A calendar day 'YYYY-MM-DD' that exists (2025-02-30 is refused). */
export function IsIsoDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isIsoDay', validator: { validate: (value) => isIsoDate(value) } }, options);
}

/** Stores text in NFC, the form TCVN 6909:2001 requires; leaves non-strings for the validators. */
export function NormalizeText(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? toNfc(value.trim()) : value));
}
