import { validateAncVisit } from './anc-visits';
import { ValidationContext } from './validate';

const context: ValidationContext = {
  today: '2025-06-30',
  person: { dateOfBirth: '2000-05-20', sex: 'FEMALE' },
  episode: { lmp: '2025-01-10', registeredOn: '2025-03-01', closedOn: null },
};
const visit = { visitDate: '2025-04-15', place: 'FACILITY' };
const problems = (input: object, ctx = context) => validateAncVisit(input, ctx).problems.map((p) => `${p.field}:${p.code}`);

describe('antenatal visits', () => {
  it('accepts a full visit and normalises it', () => {
    const { value, problems } = validateAncVisit(
      {
        visitDate: '15/04/2025',
        place: 'Tại nhà',
        gaWeeks: '13',
        weightKg: '52,5',
        heightCm: 152,
        systolic: 110,
        diastolic: '70',
        fundalHeightCm: 12,
        fetalHeartRate: 140,
        tetanusDoseGiven: 'Có',
        ironFolicGiven: true,
        urineProtein: 'Âm tính',
        hbvResult: 'NEGATIVE',
        syphilisResult: 'negative',
        hivResult: 'Dương tính',
        glucoseResult: 'ABOVE_NORMAL',
        examiner: ' Hộ sinh  Lò Thị Hoa ',
        notes: 'Thiếu máu nhẹ',
        sourceRecordId: 'YTCS-123',
      },
      context,
    );
    expect(problems).toEqual([]);
    expect(value).toEqual({
      visitDate: '2025-04-15',
      place: 'HOME',
      gaWeeks: 13,
      weightKg: 52.5,
      heightCm: 152,
      systolic: 110,
      diastolic: 70,
      fundalHeightCm: 12,
      fetalHeartRate: 140,
      tetanusDoseGiven: true,
      ironFolicGiven: true,
      urineProtein: 'NEGATIVE',
      hbvResult: 'NEGATIVE',
      syphilisResult: 'NEGATIVE',
      hivResult: 'POSITIVE',
      glucoseResult: 'ABOVE_NORMAL',
      examiner: 'Hộ sinh Lò Thị Hoa',
      notes: 'Thiếu máu nhẹ',
      sourceRecordId: 'YTCS-123',
    });
  });

  it('leaves tests not done as null and flags as false', () => {
    expect(validateAncVisit(visit, context).value).toMatchObject({ urineProtein: null, hivResult: null, tetanusDoseGiven: false });
  });

  it('requires the date and the place', () => {
    expect(problems({})).toEqual(['visitDate:REQUIRED', 'place:REQUIRED']);
  });

  it('refuses a visit in the future and a place the register does not use', () => {
    expect(problems({ ...visit, visitDate: '2025-07-01' })).toEqual(['visitDate:DATE_IN_FUTURE']);
    expect(problems({ ...visit, place: 'OTHER_FACILITY' })).toEqual(['place:PLACE_NOT_ALLOWED']);
  });

  it('keeps the recorded GA 1–42 weeks', () => {
    expect(problems({ ...visit, gaWeeks: 0 })).toEqual(['gaWeeks:GA_OUT_OF_RANGE']);
    expect(problems({ ...visit, gaWeeks: 43 })).toEqual(['gaWeeks:GA_OUT_OF_RANGE']);
    expect(validateAncVisit({ ...visit, gaWeeks: 43 }, context).problems[0].message).toBe('Tuổi thai phải từ 1 đến 42 tuần');
    expect(problems({ ...visit, gaWeeks: 42 })).toEqual([]);
  });

  it('keeps the maternal weight 25–200 kg and height 100–220 cm', () => {
    expect(problems({ ...visit, weightKg: 24.9 })).toEqual(['weightKg:OUT_OF_RANGE']);
    expect(problems({ ...visit, weightKg: '200,1' })).toEqual(['weightKg:OUT_OF_RANGE']);
    expect(validateAncVisit({ ...visit, weightKg: 201 }, context).problems[0].message).toBe('Cân nặng của mẹ phải từ 25 đến 200 kg');
    expect(problems({ ...visit, heightCm: 99 })).toEqual(['heightCm:OUT_OF_RANGE']);
  });

  it('keeps blood pressure in range, complete, and systolic above diastolic', () => {
    expect(problems({ ...visit, systolic: 49, diastolic: 30 })).toEqual(['systolic:OUT_OF_RANGE']);
    expect(problems({ ...visit, systolic: 261, diastolic: 90 })).toEqual(['systolic:OUT_OF_RANGE']);
    expect(problems({ ...visit, systolic: 120, diastolic: 29 })).toEqual(['diastolic:OUT_OF_RANGE']);
    expect(problems({ ...visit, systolic: 200, diastolic: 161 })).toEqual(['diastolic:OUT_OF_RANGE']);
    expect(problems({ ...visit, systolic: 90, diastolic: 90 })).toEqual(['diastolic:SYSTOLIC_NOT_ABOVE_DIASTOLIC']);
    expect(problems({ ...visit, systolic: 120 })).toEqual(['diastolic:BLOOD_PRESSURE_INCOMPLETE']);
    expect(problems({ ...visit, diastolic: 80 })).toEqual(['systolic:BLOOD_PRESSURE_INCOMPLETE']);
    expect(problems({ ...visit, systolic: 50, diastolic: 30 })).toEqual([]);
  });

  it('keeps fundal height 5–50 cm and fetal heart rate 50–300 a minute', () => {
    expect(problems({ ...visit, fundalHeightCm: 51 })).toEqual(['fundalHeightCm:OUT_OF_RANGE']);
    expect(problems({ ...visit, fetalHeartRate: 49 })).toEqual(['fetalHeartRate:OUT_OF_RANGE']);
    expect(problems({ ...visit, fetalHeartRate: 14.5 })).toEqual(['fetalHeartRate:NOT_AN_INTEGER']);
  });

  it('takes test results from their own lists', () => {
    expect(problems({ ...visit, hivResult: 'SUSPICIOUS' })).toEqual(['hivResult:NOT_IN_LIST']);
    expect(problems({ ...visit, glucoseResult: 'POSITIVE' })).toEqual(['glucoseResult:NOT_IN_LIST']);
    expect(problems({ ...visit, tetanusDoseGiven: 'một mũi' })).toEqual(['tetanusDoseGiven:NOT_A_BOOLEAN']);
  });

  it('limits the text fields to their columns', () => {
    expect(problems({ ...visit, examiner: 'x'.repeat(201) })).toEqual(['examiner:TOO_LONG']);
    expect(problems({ ...visit, notes: 'x'.repeat(1001) })).toEqual(['notes:TOO_LONG']);
    expect(problems({ ...visit, notes: 'x'.repeat(1000) })).toEqual([]);
  });

  it('refuses a visit before the episode’s LMP or more than 44 weeks after it', () => {
    expect(problems({ ...visit, visitDate: '2025-01-09' })).toEqual(['visitDate:VISIT_BEFORE_LMP']);
    expect(problems({ ...visit, visitDate: '2025-01-10' })).toEqual([]);
    const longAgo = { ...context, episode: { lmp: '2024-01-01', registeredOn: '2024-02-01', closedOn: null } };
    expect(problems({ ...visit, visitDate: '2024-11-05' }, longAgo)).toEqual(['visitDate:GA_FROM_LMP_OUT_OF_RANGE']);
    expect(problems({ ...visit, visitDate: '2024-11-04' }, longAgo)).toEqual([]);
  });

  it('refuses a visit after the episode closed, but not on its closing day', () => {
    const closed = { ...context, episode: { lmp: '2025-01-10', registeredOn: '2025-03-01', closedOn: '2025-05-01' } };
    expect(problems({ ...visit, visitDate: '2025-05-02' }, closed)).toEqual(['visitDate:VISIT_AFTER_EPISODE_CLOSED']);
    expect(problems({ ...visit, visitDate: '2025-05-01' }, closed)).toEqual([]);
  });

  it('skips the episode rules without an episode', () => {
    expect(problems({ ...visit, visitDate: '2020-01-01' }, { today: '2025-06-30' })).toEqual([]);
  });

  it('is kept for women only, not before their birth', () => {
    expect(problems(visit, { ...context, person: { dateOfBirth: '2000-05-20', sex: 'MALE' } })).toEqual(['person.sex:PERSON_NOT_FEMALE']);
    expect(problems(visit, { ...context, episode: undefined, person: { dateOfBirth: '2025-05-01', sex: 'FEMALE' } })).toEqual([
      'visitDate:BEFORE_DATE_OF_BIRTH',
    ]);
  });
});
