import { CODE_LISTS, CodeListName, codeList, codesOf, isCodeOf, LAB_TEST_RESULT_LIST, labelOf } from './code-lists';

const names = Object.keys(CODE_LISTS) as CodeListName[];

describe('register code lists', () => {
  it.each(names)('%s has unique upper-case codes and both labels', (name) => {
    const codes = codesOf(name);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of codeList(name)) {
      expect(entry.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(entry.vi.trim()).not.toBe('');
      expect(entry.en.trim()).not.toBe('');
    }
  });

  it.each(names)('%s keeps Vietnamese labels in NFC without stray spaces', (name) => {
    for (const { vi, en } of codeList(name)) {
      expect(vi).toBe(vi.normalize('NFC'));
      expect(vi).toBe(vi.trim().replace(/\s+/g, ' '));
      expect(en).toMatch(/^[\x20-\x7e]+$/); // English labels stay ASCII
    }
  });

  it('holds the codes the registers and report-rules name', () => {
    expect(codesOf('PLACE')).toEqual(['FACILITY', 'HOME', 'ON_THE_WAY', 'OUTREACH']);
    expect(codesOf('ATTENDANT_KIND')).toEqual([
      'DOCTOR',
      'ASSISTANT_DOCTOR',
      'MIDWIFE',
      'NURSE',
      'VILLAGE_MIDWIFE',
      'TRADITIONAL_BIRTH_ATTENDANT',
      'RELATIVE',
      'NONE',
    ]);
    expect(codesOf('DELIVERY_MODE')).toEqual(['VAGINAL', 'INSTRUMENTAL', 'CAESAREAN']);
    expect(codesOf('CONTRACEPTIVE_METHOD')).toHaveLength(8);
    expect(codesOf('OBSTETRIC_COMPLICATION')).toEqual([
      'HAEMORRHAGE',
      'ECLAMPSIA',
      'NEONATAL_TETANUS',
      'UTERINE_RUPTURE',
      'INFECTION',
      'ABORTION_COMPLICATION',
      'OTHER',
    ]);
    expect(codesOf('EPISODE_CLOSURE')).toEqual(['DELIVERY', 'ABORTION', 'PREGNANCY_LOSS', 'MOVED_AWAY']);
    expect(codesOf('MATERNAL_DEATH_TIMING')).toEqual(['DURING_PREGNANCY', 'DURING_DELIVERY', 'WITHIN_42_DAYS']);
    expect(codesOf('SEX')).toEqual(['MALE', 'FEMALE']);
    expect(codesOf('RECORD_SOURCE')).toEqual(['ENTRY', 'EXCEL', 'API']);
  });

  it('models the result of each test on its own list', () => {
    expect(Object.keys(LAB_TEST_RESULT_LIST).sort()).toEqual(codesOf('LAB_TEST').sort());
    expect(codesOf(LAB_TEST_RESULT_LIST.VIA_VILI)).toEqual(['NEGATIVE', 'POSITIVE', 'SUSPICIOUS']);
    expect(codesOf(LAB_TEST_RESULT_LIST.BLOOD_GLUCOSE)).toEqual(['NORMAL', 'ABOVE_NORMAL']);
    expect(codesOf(LAB_TEST_RESULT_LIST.HBV)).toEqual(['NEGATIVE', 'POSITIVE']);
  });

  it('gives labels in Vietnamese by default and in English on request', () => {
    expect(labelOf('ATTENDANT_KIND', 'ASSISTANT_DOCTOR')).toBe('Y sĩ');
    expect(labelOf('ATTENDANT_KIND', 'VILLAGE_MIDWIFE', 'vi')).toBe('Cô đỡ thôn bản');
    expect(labelOf('DELIVERY_MODE', 'CAESAREAN', 'en')).toBe('Caesarean section');
    expect(labelOf('OBSTETRIC_COMPLICATION', 'HAEMORRHAGE')).toBe('Băng huyết');
    expect(labelOf('SEX', 'FEMALE')).toBe('Nữ');
  });

  it('answers undefined for a code the list does not have', () => {
    expect(labelOf('SEX', 'OTHER')).toBeUndefined();
    expect(labelOf('PLACE', 'OTHER_FACILITY', 'en')).toBeUndefined();
  });

  it('narrows untrusted values', () => {
    expect(isCodeOf('CONTRACEPTIVE_METHOD', 'IMPLANT')).toBe(true);
    expect(isCodeOf('CONTRACEPTIVE_METHOD', 'implant')).toBe(false);
    expect(isCodeOf('CONTRACEPTIVE_METHOD', 3)).toBe(false);
    expect(isCodeOf('VIA_RESULT', 'SUSPICIOUS')).toBe(true);
    expect(isCodeOf('TEST_RESULT', 'SUSPICIOUS')).toBe(false);
  });
});
