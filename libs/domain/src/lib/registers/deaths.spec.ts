import { validateDeath } from './deaths';
import { ValidationContext } from './validate';

const context: ValidationContext = { today: '2025-06-30' };
const death = {
  recordedOn: '2025-06-05',
  fullName: 'Lò Văn Pọm',
  sex: 'MALE',
  dateOfBirth: '1950-02-01',
  diedOn: '2025-06-03',
  place: 'HOME',
};
const problems = (input: object, ctx = context) => validateDeath(input, ctx).problems.map((p) => `${p.field}:${p.code}`);

describe('deaths', () => {
  it('accepts a death and computes the age in days', () => {
    const { value, problems } = validateDeath(
      { ...death, causeCode: 'i64', familyPhone: '0987 654 321', seenWithin30Days: 'Không' },
      context,
    );
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      ...death,
      causeCode: 'I64',
      familyPhone: '0987654321',
      seenWithin30Days: false,
      maternal: false,
      ageDays: 27516,
    });
    expect(value?.attendedByHealthWorker).toBeNull();
  });

  it('counts a death on the day of birth as 0 days', () => {
    expect(validateDeath({ ...death, dateOfBirth: '2025-06-03' }, context).value?.ageDays).toBe(0);
  });

  it('requires the record date, name, death date and place', () => {
    expect(problems({})).toEqual(['recordedOn:REQUIRED', 'fullName:REQUIRED', 'diedOn:REQUIRED', 'place:REQUIRED']);
    expect(problems({ ...death, fullName: 'A' })).toEqual(['fullName:TOO_SHORT']);
  });

  it('accepts the places of death, another facility included, not outreach', () => {
    expect(problems({ ...death, place: 'OTHER_FACILITY' })).toEqual([]);
    expect(problems({ ...death, place: 'ON_THE_WAY' })).toEqual([]);
    expect(problems({ ...death, place: 'OUTREACH' })).toEqual(['place:PLACE_NOT_ALLOWED']);
  });

  it('refuses a death in the future, before the birth, or recorded before it happened', () => {
    expect(problems({ ...death, diedOn: '2025-07-01', recordedOn: '2025-07-01' })).toEqual([
      'recordedOn:DATE_IN_FUTURE',
      'diedOn:DATE_IN_FUTURE',
    ]);
    expect(problems({ ...death, dateOfBirth: '2025-06-04' })).toEqual(['diedOn:BEFORE_DATE_OF_BIRTH']);
    expect(problems({ ...death, recordedOn: '2025-06-02' })).toEqual(['recordedOn:RECORDED_BEFORE_DEATH']);
  });

  it('uses a linked person’s birth date and sex when the row has none', () => {
    const linked = { ...context, person: { dateOfBirth: '2025-06-04', sex: 'FEMALE' as const } };
    expect(problems({ ...death, dateOfBirth: null }, linked)).toEqual(['diedOn:BEFORE_DATE_OF_BIRTH']);
    expect(problems({ ...death, sex: null, maternal: true, maternalTiming: 'WITHIN_42_DAYS', dateOfBirth: '1990-01-01' }, linked)).toEqual(
      [],
    );
  });

  it('records a maternal death for a woman only, with its timing', () => {
    const maternal = {
      ...death,
      fullName: 'Lò Thị Ón',
      sex: 'FEMALE',
      dateOfBirth: '1995-01-01',
      maternal: true,
      maternalTiming: 'DURING_DELIVERY',
    };
    expect(problems(maternal)).toEqual([]);
    expect(problems({ ...maternal, sex: 'MALE' })).toEqual(['maternal:MATERNAL_DEATH_NOT_FEMALE']);
    expect(problems({ ...maternal, sex: null })).toEqual(['sex:REQUIRED']);
    expect(problems({ ...maternal, maternalTiming: null })).toEqual(['maternalTiming:REQUIRED']);
    expect(problems({ ...maternal, maternalTiming: 'AFTER_42_DAYS' })).toEqual(['maternalTiming:NOT_IN_LIST']);
    expect(problems({ ...maternal, maternal: false })).toEqual(['maternalTiming:MATERNAL_TIMING_NOT_MATERNAL']);
    expect(validateDeath({ ...maternal, audited: 'Có' }, context).value?.audited).toBe(true);
  });

  it('records a stillbirth from 22 weeks, with its GA, and no age in days', () => {
    const stillbirth = { ...death, fullName: 'Con của Lò Thị Ón', dateOfBirth: '2025-06-03', stillbirth: true, stillbirthGaWeeks: 30 };
    expect(validateDeath(stillbirth, context)).toMatchObject({ value: { ageDays: null, stillbirthGaWeeks: 30 }, problems: [] });
    expect(problems({ ...stillbirth, stillbirthGaWeeks: null })).toEqual(['stillbirthGaWeeks:REQUIRED']);
    expect(problems({ ...stillbirth, stillbirthGaWeeks: 21 })).toEqual(['stillbirthGaWeeks:STILLBIRTH_UNDER_22_WEEKS']);
    expect(problems({ ...stillbirth, stillbirthGaWeeks: 22 })).toEqual([]);
    expect(problems({ ...stillbirth, stillbirthGaWeeks: 46 })).toEqual(['stillbirthGaWeeks:GA_OUT_OF_RANGE']);
    expect(problems({ ...stillbirth, stillbirth: false })).toEqual(['stillbirthGaWeeks:STILLBIRTH_GA_NOT_STILLBIRTH']);
    expect(problems({ ...stillbirth, sex: 'FEMALE', maternal: true, maternalTiming: 'DURING_DELIVERY' })).toEqual([
      'stillbirth:STILLBIRTH_AND_MATERNAL',
    ]);
  });

  it('checks codes, identifiers and lengths of the A6 fields', () => {
    expect(problems({ ...death, causeCode: 'đột quỵ' })).toEqual(['causeCode:INVALID_FORMAT']);
    expect(problems({ ...death, familyPhone: '12345' })).toEqual(['familyPhone:PHONE_FORMAT']);
    expect(problems({ ...death, ethnicityCode: '99' })).toEqual(['ethnicityCode:NOT_IN_LIST']);
    expect(problems({ ...death, mainCause: 'x'.repeat(501) })).toEqual(['mainCause:TOO_LONG']);
    expect(problems({ ...death, collector: 'x'.repeat(201) })).toEqual(['collector:TOO_LONG']);
    expect(problems({ ...death, deathNoticeIssued: 'chưa' })).toEqual(['deathNoticeIssued:NOT_A_BOOLEAN']);
    expect(problems({ ...death, dateOfBirth: '1899-12-31' })).toEqual(['dateOfBirth:DATE_TOO_EARLY']);
  });

  it('ignores a person part: the row names the deceased itself', () => {
    expect(validateDeath({ ...death, person: { fullName: 'X' } }, context).value).not.toHaveProperty('person');
  });
});
