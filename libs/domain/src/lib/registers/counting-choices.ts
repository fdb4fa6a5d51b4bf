import { AttendantKind, Place } from './code-lists';

/**
 * The choices of report-rules.md kept as named data, so that each can change without touching
 * the counting code (the rules say which definitions are choices rather than quotations).
 */

/** Row I.5.9b "attended by health staff" (report-rules §1). Choice. */
export const HEALTH_STAFF_ATTENDANTS: readonly AttendantKind[] = ['DOCTOR', 'ASSISTANT_DOCTOR', 'MIDWIFE', 'NURSE', 'VILLAGE_MIDWIFE'];

/** Row I.5.9c "skilled birth attendant": WHO "skilled" excludes untrained and village attendants. Choice. */
export const SKILLED_ATTENDANTS: readonly AttendantKind[] = ['DOCTOR', 'ASSISTANT_DOCTOR', 'MIDWIFE'];

/** Adolescent (VTN): age in completed years at the event, both bounds inclusive (WHO band). Choice. */
export const ADOLESCENT_AGE = { min: 10, max: 19 } as const;

/** Ethnic minority (DTTS): an ethnicity code other than Kinh's. */
export const MAJORITY_ETHNICITY_CODE = '01';

/**
 * Codes that are not counted as minorities besides Kinh's. report-rules §1 says "other than 01",
 * so code 55 "Người nước ngoài" (foreigner, not an ethnic group of Vietnam) counts as a minority
 * until the Ministry says otherwise; put '55' here to exclude it (the reports follow this list).
 */
export const NOT_AN_ETHNIC_GROUP_CODES: readonly string[] = [];

/** Places counted in the commune form's "Ngoài CSYT" column (report-rules §2). */
export const OUTSIDE_FACILITY_PLACES: readonly Place[] = ['HOME', 'ON_THE_WAY', 'OUTREACH'];

export function isHealthStaffAttendant(kind: AttendantKind | null | undefined): boolean {
  return kind != null && HEALTH_STAFF_ATTENDANTS.includes(kind);
}

export function isSkilledAttendant(kind: AttendantKind | null | undefined): boolean {
  return kind != null && SKILLED_ATTENDANTS.includes(kind);
}

export function isAdolescentAge(ageInYears: number | null | undefined): boolean {
  return ageInYears != null && ageInYears >= ADOLESCENT_AGE.min && ageInYears <= ADOLESCENT_AGE.max;
}

/**
 * Unknown ethnicity (null, empty) is not counted as a minority (report-rules §1). Codes are two
 * digits; a spreadsheet that dropped the leading zero ('1') still means Kinh.
 */
export function isEthnicMinority(ethnicityCode: string | null | undefined): boolean {
  const trimmed = ethnicityCode?.trim() ?? '';
  if (!trimmed) return false;
  const code = /^\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
  return code !== MAJORITY_ETHNICITY_CODE && !NOT_AN_ETHNIC_GROUP_CODES.includes(code);
}

export function isOutsideFacility(place: Place | null | undefined): boolean {
  return place != null && OUTSIDE_FACILITY_PLACES.includes(place);
}
