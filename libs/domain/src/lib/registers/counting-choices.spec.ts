import { codesOf } from './code-lists';
import {
  ADOLESCENT_AGE,
  HEALTH_STAFF_ATTENDANTS,
  isAdolescentAge,
  isEthnicMinority,
  isHealthStaffAttendant,
  isOutsideFacility,
  isSkilledAttendant,
  SKILLED_ATTENDANTS,
} from './counting-choices';

describe('counting choices of report-rules §1', () => {
  it('counts doctors, assistant doctors, midwives, nurses and village midwives as health staff (5.9b)', () => {
    expect(HEALTH_STAFF_ATTENDANTS).toEqual(['DOCTOR', 'ASSISTANT_DOCTOR', 'MIDWIFE', 'NURSE', 'VILLAGE_MIDWIFE']);
    expect(isHealthStaffAttendant('VILLAGE_MIDWIFE')).toBe(true);
    expect(isHealthStaffAttendant('TRADITIONAL_BIRTH_ATTENDANT')).toBe(false);
    expect(isHealthStaffAttendant('RELATIVE')).toBe(false);
    expect(isHealthStaffAttendant(null)).toBe(false);
  });

  it('counts only doctors, assistant doctors and midwives as skilled (5.9c)', () => {
    expect(SKILLED_ATTENDANTS).toEqual(['DOCTOR', 'ASSISTANT_DOCTOR', 'MIDWIFE']);
    expect(isSkilledAttendant('MIDWIFE')).toBe(true);
    expect(isSkilledAttendant('NURSE')).toBe(false);
    expect(isSkilledAttendant('VILLAGE_MIDWIFE')).toBe(false);
    expect(isSkilledAttendant(undefined)).toBe(false);
  });

  it('makes every skilled attendant a health staff attendant, from the attendant list', () => {
    const kinds = codesOf('ATTENDANT_KIND');
    for (const kind of SKILLED_ATTENDANTS) expect(isHealthStaffAttendant(kind)).toBe(true);
    for (const kind of HEALTH_STAFF_ATTENDANTS) expect(kinds).toContain(kind);
  });

  it('takes adolescents as 10–19 inclusive', () => {
    expect(ADOLESCENT_AGE).toEqual({ min: 10, max: 19 });
    expect([9, 10, 19, 20].map(isAdolescentAge)).toEqual([false, true, true, false]);
    expect(isAdolescentAge(null)).toBe(false);
  });

  it('counts every ethnicity other than Kinh (01) as a minority, as report-rules §1 says, but not unknown', () => {
    expect(isEthnicMinority('01')).toBe(false);
    expect(isEthnicMinority('1')).toBe(false);
    expect(isEthnicMinority('08')).toBe(true); // HMông
    expect(isEthnicMinority(' 02 ')).toBe(true);
    expect(isEthnicMinority('54')).toBe(true);
    expect(isEthnicMinority('55')).toBe(true);
    expect(isEthnicMinority(null)).toBe(false);
    expect(isEthnicMinority('')).toBe(false);
  });

  it('puts home, on the way and outreach in the "Ngoài CSYT" column', () => {
    expect(codesOf('PLACE').filter(isOutsideFacility)).toEqual(['HOME', 'ON_THE_WAY', 'OUTREACH']);
    expect(isOutsideFacility('FACILITY')).toBe(false);
    expect(isOutsideFacility(undefined)).toBe(false);
  });
});
