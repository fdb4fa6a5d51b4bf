import { IsoDate, parseIsoDate } from '../calendar/calendar-date';
import { Sex } from '../registers/code-lists';
import { foldVietnamese } from '../text/fold';
import { BIRTH_REGISTRATION_PROVINCES } from './birth-registration-provinces';

export type IdentifierProblemCode =
  | 'CCCD_FORMAT'
  | 'CCCD_PROVINCE'
  | 'CCCD_BIRTH_MISMATCH'
  | 'CCCD_SEX_MISMATCH'
  | 'INSURANCE_CARD_FORMAT'
  | 'INSURANCE_CARD_BENEFIT_LEVEL'
  | 'INSURANCE_CARD_PROVINCE'
  | 'PHONE_FORMAT';

/** A problem with an identifier: a stable machine code and a Vietnamese message for the user. */
export interface IdentifierProblem {
  code: IdentifierProblemCode;
  message: string;
}

const problem = (code: IdentifierProblemCode, message: string): IdentifierProblem => ({ code, message });

// ---- Citizen ID (căn cước công dân / số định danh cá nhân) ----

export interface CccdFacts {
  /** GSO province code (two digits) of the birth registration, null when the prefix is no province. */
  provinceCode: string | null;
  provinceName: string | null;
  sex: Sex;
  birthYear: number;
}

/** Spaces are how people group the digits when they copy an ID; they carry nothing. */
export function normaliseCitizenId(value: string): string {
  return value.replace(/\s+/g, '');
}

/**
 * What the 12 digits say (Circular 07/2016/TT-BCA): digits 1–3 the province of birth registration,
 * digit 4 century and sex (0/1 = 1900s male/female, 2/3 = 2000s, … 8/9 = 2300s), digits 5–6 the
 * last two digits of the year of birth. Null when the value is not 12 digits.
 */
export function cccdFacts(value: string): CccdFacts | null {
  const id = normaliseCitizenId(value);
  if (!/^\d{12}$/.test(id)) return null;
  const prefix = id.slice(0, 3);
  const provinceCode = prefix.startsWith('0') && BIRTH_REGISTRATION_PROVINCES[prefix.slice(1)] ? prefix.slice(1) : null;
  const centuryAndSex = Number(id[3]);
  return {
    provinceCode,
    provinceName: provinceCode ? BIRTH_REGISTRATION_PROVINCES[provinceCode] : null,
    sex: centuryAndSex % 2 === 0 ? 'MALE' : 'FEMALE',
    birthYear: 1900 + Math.floor(centuryAndSex / 2) * 100 + Number(id.slice(4, 6)),
  };
}

export interface CitizenIdContext {
  dateOfBirth?: IsoDate | null;
  sex?: Sex | null;
}

/** Checks a citizen ID alone, then against the person's date of birth and sex when they are known. */
export function validateCitizenId(value: string, opts: CitizenIdContext = {}): IdentifierProblem | null {
  const facts = cccdFacts(value);
  if (!facts) return problem('CCCD_FORMAT', 'Số căn cước công dân phải gồm đúng 12 chữ số.');
  if (!facts.provinceCode) {
    const prefix = normaliseCitizenId(value).slice(0, 3);
    return problem('CCCD_PROVINCE', `Ba chữ số đầu của số căn cước công dân (${prefix}) không phải mã tỉnh nơi đăng ký khai sinh.`);
  }
  const birth = opts.dateOfBirth ? parseIsoDate(opts.dateOfBirth) : null;
  if (birth && birth.getUTCFullYear() !== facts.birthYear) {
    return problem(
      'CCCD_BIRTH_MISMATCH',
      `Số căn cước công dân ứng với năm sinh ${facts.birthYear}, không khớp với ngày sinh đã ghi (năm ${birth.getUTCFullYear()}).`,
    );
  }
  if (opts.sex && opts.sex !== facts.sex) {
    const idSex = facts.sex === 'MALE' ? 'nam' : 'nữ';
    return problem('CCCD_SEX_MISMATCH', `Số căn cước công dân ứng với giới tính ${idSex}, không khớp với giới tính đã ghi.`);
  }
  return null;
}

// ---- Health-insurance card (thẻ BHYT) ----

export interface InsuranceCardFacts {
  /** 15 characters as printed before 2021, or the 10-digit social-insurance number used since. */
  kind: 'CARD_15' | 'SOCIAL_INSURANCE_NUMBER';
  /** Two letters: the insured group (mã đối tượng), e.g. TE for children under 6. */
  objectCode: string | null;
  /** 1–5: the benefit level (mức hưởng). */
  benefitLevel: number | null;
  /** Province of the issuing social-insurance office, 01–99. */
  provinceCode: string | null;
  /** The person's lifelong social-insurance number (mã số BHXH), the last 10 digits of a 15-character card. */
  socialInsuranceNumber: string;
}

export function normaliseInsuranceCard(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

/** Null when the value has neither shape (15 characters: 2 letters + 13 digits; or 10 digits). */
export function insuranceCardFacts(value: string): InsuranceCardFacts | null {
  const card = normaliseInsuranceCard(value);
  if (/^\d{10}$/.test(card)) {
    return { kind: 'SOCIAL_INSURANCE_NUMBER', objectCode: null, benefitLevel: null, provinceCode: null, socialInsuranceNumber: card };
  }
  if (!/^[A-Z]{2}\d{13}$/.test(card)) return null;
  return {
    kind: 'CARD_15',
    objectCode: card.slice(0, 2),
    benefitLevel: Number(card[2]),
    provinceCode: card.slice(3, 5),
    socialInsuranceNumber: card.slice(5),
  };
}

/** Checks the shape only: the object codes change with the law, so they are not checked here. */
export function validateInsuranceCard(value: string): IdentifierProblem | null {
  const facts = insuranceCardFacts(value);
  if (!facts) {
    return problem('INSURANCE_CARD_FORMAT', 'Số thẻ BHYT phải gồm 15 ký tự (2 chữ cái và 13 chữ số) hoặc là mã số BHXH gồm 10 chữ số.');
  }
  if (facts.benefitLevel !== null && (facts.benefitLevel < 1 || facts.benefitLevel > 5)) {
    return problem('INSURANCE_CARD_BENEFIT_LEVEL', 'Ký tự thứ ba của số thẻ BHYT (mức hưởng) phải là một chữ số từ 1 đến 5.');
  }
  if (facts.provinceCode === '00') {
    return problem('INSURANCE_CARD_PROVINCE', 'Ký tự thứ tư và thứ năm của số thẻ BHYT (mã tỉnh) phải từ 01 đến 99.');
  }
  return null;
}

// ---- Phone numbers ----

const MOBILE = /^0[35789]\d{8}$/;
// Landlines have had 11 digits with a 02x area code since the 2017 renumbering.
const LANDLINE = /^02\d{9}$/;

/**
 * The national form ('0912345678') of a Vietnamese mobile or landline number written with spaces,
 * dots, dashes, brackets, or the country code (+84, 0084, 84); null when it is neither.
 */
export function normalisePhone(value: string): string | null {
  let digits = value.trim().replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = digits.slice(3);
  else if (digits.startsWith('0084')) digits = digits.slice(4);
  else if (/^84\d{9,10}$/.test(digits)) digits = digits.slice(2);
  if (!digits.startsWith('0')) digits = `0${digits}`;
  return MOBILE.test(digits) || LANDLINE.test(digits) ? digits : null;
}

/** E.164 form ('+84912345678') for SMS gateways; null when the number is not Vietnamese. */
export function phoneE164(value: string): string | null {
  const national = normalisePhone(value);
  return national ? `+84${national.slice(1)}` : null;
}

export function validatePhone(value: string): IdentifierProblem | null {
  return normalisePhone(value)
    ? null
    : problem(
        'PHONE_FORMAT',
        'Số điện thoại không đúng: số di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định gồm 11 chữ số bắt đầu bằng 02.',
      );
}

// ---- Probable duplicates ----

/**
 * The key of the probable-duplicate rule: two persons with the same folded full name, the same date
 * of birth and the same commune are probably one. Null when a part is missing: no key, no match.
 */
export function personMatchKey(
  fullName: string | null | undefined,
  dateOfBirth: IsoDate | null | undefined,
  communeCode: string | null | undefined,
): string | null {
  const name = fullName ? foldVietnamese(fullName) : '';
  const commune = communeCode?.trim() ?? '';
  if (!name || !dateOfBirth || !commune) return null;
  return `${name}|${dateOfBirth}|${commune}`;
}
