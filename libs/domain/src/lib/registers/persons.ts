import { IsoDate } from '../calendar/calendar-date';
import { validateCitizenId } from '../persons/identifiers';
import { Sex } from './code-lists';
import { ethnicityField, occupationField } from './fields';
import { FieldDefinition } from './register-definition';
import { assertContext, Draft, isPlainObject, ProblemSink, readFields, ReadScope, ValidationContext, ValidationResult } from './validate';

/**
 * The person part of a record: who a woman or child is. A register row references a stored person;
 * an Excel row or an API call that brings a new person carries these fields under `person`.
 * Stored in Person, and communeCode/address in PersonResidence (effective from the event date).
 */
export interface PersonRecord {
  fullName: string;
  dateOfBirth: IsoDate;
  sex: Sex;
  citizenId: string | null;
  insuranceCard: string | null;
  ethnicityCode: string | null;
  occupationCode: string | null;
  nationalityCode: string | null;
  phone: string | null;
  communeCode: string | null;
  address: string | null;
}

export const PERSON_NAME_LENGTH = { min: 2, max: 200 } as const;

/** The earliest date of birth accepted (also the earliest date of any register field). */
export const EARLIEST_DATE_OF_BIRTH: IsoDate = '1900-01-01';

export const PERSON_FIELDS: readonly FieldDefinition[] = [
  {
    key: 'fullName',
    label: { vi: 'Họ và tên', en: 'Full name' },
    type: 'text',
    required: true,
    minLength: PERSON_NAME_LENGTH.min,
    maxLength: PERSON_NAME_LENGTH.max,
    help: {
      vi: 'Viết có dấu, như trên giấy tờ tùy thân; trẻ chưa có tên ghi "Con của" và tên mẹ.',
      en: 'With diacritics, as on the identity papers; a child without a name yet is "Con của" and the mother’s name.',
    },
  },
  {
    key: 'dateOfBirth',
    label: { vi: 'Ngày sinh', en: 'Date of birth' },
    type: 'date',
    required: true,
    minDate: EARLIEST_DATE_OF_BIRTH,
    help: { vi: 'Dùng để tính tuổi khi sự kiện xảy ra.', en: 'Used to compute the age at each event.' },
  },
  { key: 'sex', label: { vi: 'Giới tính', en: 'Sex' }, type: 'code', codeList: 'SEX', required: true },
  {
    key: 'citizenId',
    label: { vi: 'Số căn cước công dân', en: 'Citizen ID number' },
    type: 'text',
    format: 'citizenId',
    required: false,
    maxLength: 12,
    help: {
      vi: '12 chữ số; phải khớp với năm sinh và giới tính. Trùng số thì dùng lại hồ sơ đã có.',
      en: '12 digits; must agree with the year of birth and the sex. A known number reuses the stored person.',
    },
  },
  {
    key: 'insuranceCard',
    label: { vi: 'Số thẻ BHYT', en: 'Health-insurance card number' },
    type: 'text',
    format: 'insuranceCard',
    required: false,
    maxLength: 15,
    help: {
      vi: '15 ký tự (2 chữ cái và 13 chữ số) hoặc mã số BHXH 10 chữ số.',
      en: '15 characters (2 letters and 13 digits) or the 10-digit social-insurance number.',
    },
  },
  ethnicityField(),
  occupationField(),
  {
    key: 'nationalityCode',
    label: { vi: 'Quốc tịch', en: 'Nationality' },
    type: 'code',
    catalog: 'NATIONALITY',
    required: false,
    maxLength: 4,
    help: { vi: 'Mã quốc gia 2 chữ cái (VN là Việt Nam).', en: 'Two-letter country code (VN is Vietnam).' },
  },
  {
    key: 'phone',
    label: { vi: 'Số điện thoại', en: 'Phone number' },
    type: 'text',
    format: 'phone',
    required: false,
    maxLength: 20,
    help: { vi: 'Số di động 10 chữ số hoặc số cố định 11 chữ số.', en: 'A 10-digit mobile or 11-digit landline number.' },
  },
  {
    key: 'communeCode',
    label: { vi: 'Mã xã nơi cư trú', en: 'Commune of residence (code)' },
    type: 'text',
    format: 'communeCode',
    required: false,
    maxLength: 5,
    help: {
      vi: 'Mã 5 chữ số của xã, phường, đặc khu đang ở; quyết định cột "CSYT khác" của báo cáo xã nơi cư trú.',
      en: 'Five-digit code of the commune of residence; decides the "other facilities" column of that commune’s report.',
    },
  },
  {
    key: 'address',
    label: { vi: 'Địa chỉ', en: 'Address' },
    type: 'text',
    required: false,
    maxLength: 300,
    help: { vi: 'Số nhà, thôn, bản, tổ dân phố.', en: 'House number, village or hamlet.' },
  },
];

/** Reads the person part into a draft, with the cross-check of the citizen ID against birth year and sex. */
export function readPerson(input: unknown, scope: ReadScope): Draft<PersonRecord> | null {
  if (!isPlainObject(input)) {
    scope.sink.add(scope.path.replace(/\.$/, ''), 'NOT_AN_OBJECT', `${scope.prefix}thông tin người không đúng dạng`);
    return null;
  }
  const draft = readFields(PERSON_FIELDS, input, scope) as Draft<PersonRecord>;
  if (draft.citizenId && (draft.dateOfBirth || draft.sex)) {
    const problem = validateCitizenId(draft.citizenId, { dateOfBirth: draft.dateOfBirth, sex: draft.sex });
    if (problem) scope.sink.add(`${scope.path}citizenId`, problem.code, `${scope.prefix}${problem.message.replace(/\.$/, '')}`);
  }
  return draft;
}

/** Validates a person on its own (the persons API, the person picker's "new person" form). */
export function validatePerson(input: unknown, context: ValidationContext): ValidationResult<PersonRecord> {
  assertContext(context);
  const sink = new ProblemSink();
  const draft = readPerson(input, { context, sink, path: '', prefix: '' });
  return { value: sink.problems.length === 0 ? (draft as PersonRecord) : null, problems: sink.problems };
}
