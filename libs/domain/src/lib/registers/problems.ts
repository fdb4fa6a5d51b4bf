/**
 * Every machine code the register validators return. A problem is always field + code + Vietnamese
 * message (the API's `details`, the import preview's cell errors, the console's inline errors).
 */
export const RECORD_PROBLEM_CODES = [
  // Shape and type of a value
  'NOT_AN_OBJECT',
  'NOT_A_LIST',
  'REQUIRED',
  'NOT_A_DATE',
  'NOT_A_DATETIME',
  'NOT_AN_INTEGER',
  'NOT_A_NUMBER',
  'NOT_A_BOOLEAN',
  'NOT_TEXT',
  'NOT_IN_LIST',
  'PLACE_NOT_ALLOWED',
  'INVALID_FORMAT',
  'INVALID_CHARACTERS',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_FEW_ITEMS',
  'TOO_MANY_ITEMS',
  // Dates
  'DATE_IN_FUTURE',
  'DATE_TOO_EARLY',
  'BEFORE_DATE_OF_BIRTH',
  // Ranges
  'OUT_OF_RANGE',
  'GA_OUT_OF_RANGE',
  'GA_FROM_LMP_OUT_OF_RANGE',
  'BIRTH_WEIGHT_OUT_OF_RANGE',
  // Person
  'PERSON_NOT_FEMALE',
  // Pregnancy episode
  'REGISTERED_BEFORE_LMP',
  'CLOSED_BEFORE_LMP',
  'CLOSED_BEFORE_REGISTRATION',
  'EXPECTED_DATE_OUT_OF_RANGE',
  'PARITY_NOT_BELOW_GRAVIDITY',
  // Antenatal visit
  'VISIT_BEFORE_LMP',
  'VISIT_AFTER_EPISODE_CLOSED',
  'BLOOD_PRESSURE_INCOMPLETE',
  'SYSTOLIC_NOT_ABOVE_DIASTOLIC',
  // Delivery, newborns, postnatal visits
  'DELIVERY_BEFORE_LMP',
  'DELIVERY_BEFORE_22_WEEKS',
  'DISCHARGE_BEFORE_DELIVERY',
  'MODE_REQUIRES_FACILITY',
  'BABIES_MISMATCH',
  'BIRTH_ORDER_OUT_OF_RANGE',
  'BIRTH_ORDER_DUPLICATE',
  'HEP_B_BEFORE_BIRTH',
  'STILLBORN_CARE_NOT_ALLOWED',
  'BIRTH_CERTIFICATE_FOR_STILLBORN',
  'POSTNATAL_BEFORE_DELIVERY',
  'POSTNATAL_BEFORE_DISCHARGE',
  // Complications
  'COMPLICATION_BEFORE_EVENT',
  'COMPLICATION_KIND_NOT_ALLOWED',
  // Abortion
  'ABORTION_BEFORE_LMP',
  // Contraception
  'METHOD_NOT_FOR_SEX',
  // Gynaecology and HPV
  'TREATMENTS_WITHOUT_TREATMENT_GIVEN',
  'HPV_TOO_YOUNG',
  // Child exam
  'CHILD_TOO_OLD',
  'NO_MEASUREMENT',
  'IMPLAUSIBLE_MEASUREMENT',
  // Death
  'RECORDED_BEFORE_DEATH',
  'MATERNAL_DEATH_NOT_FEMALE',
  'MATERNAL_TIMING_NOT_MATERNAL',
  'STILLBIRTH_UNDER_22_WEEKS',
  'STILLBIRTH_GA_NOT_STILLBIRTH',
  'STILLBIRTH_AND_MATERNAL',
  // Identifiers (persons/identifiers.ts)
  'CCCD_FORMAT',
  'CCCD_PROVINCE',
  'CCCD_BIRTH_MISMATCH',
  'CCCD_SEX_MISMATCH',
  'INSURANCE_CARD_FORMAT',
  'INSURANCE_CARD_BENEFIT_LEVEL',
  'INSURANCE_CARD_PROVINCE',
  'PHONE_FORMAT',
] as const;

export type RecordProblemCode = (typeof RECORD_PROBLEM_CODES)[number];

export interface RecordProblem {
  /** Dotted path of the field in the input: 'visitDate', 'person.citizenId', 'newborns[1].weightGrams' (0-based). */
  readonly field: string;
  readonly code: RecordProblemCode;
  /** Vietnamese, naming the field as labelled. */
  readonly message: string;
}

/** 6000 → "6.000", 0.5 → "0,5": numbers as Vietnamese readers write them. */
export function formatNumberVi(value: number): string {
  const [whole, fraction] = Math.abs(value).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '−' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** '2025-03-07' → "07/03/2025". */
export function formatDateVi(day: string): string {
  const [year, month, date] = day.slice(0, 10).split('-');
  return `${date}/${month}/${year}`;
}

/** "Cân nặng sơ sinh phải từ 300 đến 6.000 g". */
export function rangeText(min: number | undefined, max: number | undefined, unit?: string): string {
  const suffix = unit ? ` ${unit}` : '';
  if (min !== undefined && max !== undefined) return `từ ${formatNumberVi(min)} đến ${formatNumberVi(max)}${suffix}`;
  if (min !== undefined) return `từ ${formatNumberVi(min)}${suffix} trở lên`;
  return `không quá ${formatNumberVi(max ?? 0)}${suffix}`;
}
