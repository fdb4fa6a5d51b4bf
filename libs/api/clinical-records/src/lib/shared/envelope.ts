import { FieldError } from '@skss/api/core';
import { IsoDate, isIsoDate } from '@skss/domain';
import { FACILITY_CODE, UUID } from './problems';

/**
 * The parts of a request body that are not fields of the record: which facility records it, which
 * person and episode it is about, where it came from. The record's fields are the domain
 * validators' business; these are read and checked here, and every key that is neither is refused
 * (as the API's other bodies refuse unknown properties).
 */
export interface EnvelopeReader {
  readonly problems: FieldError[];
  string(key: string, options?: { maxLength?: number; pattern?: RegExp; patternMessage?: string }): string | undefined;
  uuid(key: string): string | null | undefined;
  day(key: string): IsoDate | undefined;
  facilityCode(): string | undefined;
  refuseUnknown(allowed: Iterable<string>, path?: string, object?: Record<string, unknown>): void;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function readEnvelope(body: unknown): EnvelopeReader & { body: Record<string, unknown> } {
  const problems: FieldError[] = [];
  const source = isObject(body) ? body : {};
  if (!isObject(body)) problems.push({ field: '', code: 'NOT_AN_OBJECT', message: 'Nội dung yêu cầu phải là một đối tượng JSON' });
  const present = (key: string) => Object.prototype.hasOwnProperty.call(source, key) && source[key] !== null && source[key] !== '';
  const reader = {
    body: source,
    problems,
    string(key: string, options: { maxLength?: number; pattern?: RegExp; patternMessage?: string } = {}) {
      if (!present(key)) return undefined;
      const value = source[key];
      if (typeof value !== 'string') {
        problems.push({ field: key, code: 'NOT_TEXT', message: 'Phải là chuỗi ký tự' });
        return undefined;
      }
      const text = value.trim();
      if (options.maxLength !== undefined && text.length > options.maxLength) {
        problems.push({ field: key, code: 'TOO_LONG', message: `Không được dài quá ${options.maxLength} ký tự` });
        return undefined;
      }
      if (options.pattern && !options.pattern.test(text)) {
        problems.push({ field: key, code: 'INVALID_FORMAT', message: options.patternMessage ?? 'Không đúng định dạng' });
        return undefined;
      }
      return text;
    },
    uuid(key: string) {
      if (Object.prototype.hasOwnProperty.call(source, key) && source[key] === null) return null;
      return reader.string(key, { pattern: UUID, patternMessage: 'Phải là mã định danh (UUID)' });
    },
    day(key: string) {
      if (!present(key)) return undefined;
      if (!isIsoDate(source[key])) {
        problems.push({ field: key, code: 'NOT_A_DATE', message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật' });
        return undefined;
      }
      return source[key] as IsoDate;
    },
    facilityCode() {
      return reader.string('facilityCode', { pattern: FACILITY_CODE, patternMessage: 'Mã cơ sở không đúng định dạng' });
    },
    refuseUnknown(allowed: Iterable<string>, path = '', object: Record<string, unknown> = source) {
      const known = new Set(allowed);
      for (const key of Object.keys(object)) {
        if (!known.has(key))
          problems.push({ field: `${path}${key}`, code: 'WHITELIST_VALIDATION', message: 'Trường này không được chấp nhận' });
      }
    },
  };
  return reader;
}

export { isObject };
