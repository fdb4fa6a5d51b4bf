import { validateChildExam } from './child-exams';
import { ValidationContext } from './validate';

const context: ValidationContext = { today: '2025-06-30', person: { dateOfBirth: '2024-06-01', sex: 'MALE' } };
const exam = { examDate: '2025-06-01', place: 'FACILITY', weightKg: 9.6, heightCm: 75.7 };
const problems = (input: object, ctx = context) => validateChildExam(input, ctx).problems.map((p) => `${p.field}:${p.code}`);

describe('child exams', () => {
  it('accepts an exam, with the age in days, the WHO z-scores and the nutritional status', () => {
    const { value, problems } = validateChildExam(exam, context);
    expect(problems).toEqual([]);
    expect(value).toMatchObject({ ...exam, measuredLying: null, ageDays: 365, nutritionalStatus: ['NORMAL'], notes: null });
    // A boy of 12 months at the WHO medians (9.6 kg, 75.7 cm) has z-scores near 0.
    expect(Math.abs(value?.weightForAgeZ ?? 9)).toBeLessThan(0.1);
    expect(Math.abs(value?.heightForAgeZ ?? 9)).toBeLessThan(0.1);
    expect(value?.weightForHeightZ).not.toBeNull();
  });

  it('classifies a low weight', () => {
    expect(validateChildExam({ ...exam, weightKg: '7,3', heightCm: 75.7 }, context).value?.nutritionalStatus).toContain('UNDERWEIGHT');
  });

  it('requires the date and place, and one measurement at least', () => {
    expect(problems({})).toEqual(['examDate:REQUIRED', 'place:REQUIRED', 'weightKg:NO_MEASUREMENT']);
    expect(problems({ ...exam, heightCm: null })).toEqual([]);
    expect(problems({ ...exam, weightKg: '' })).toEqual([]);
  });

  it('keeps the weight 0.5–60 kg and the height 35–150 cm', () => {
    expect(problems({ ...exam, weightKg: 0.4 })).toEqual(['weightKg:OUT_OF_RANGE']);
    expect(problems({ ...exam, weightKg: 60.01 })).toEqual(['weightKg:OUT_OF_RANGE']);
    expect(validateChildExam({ ...exam, weightKg: 61 }, context).problems[0].message).toBe('Cân nặng phải từ 0,5 đến 60 kg');
    expect(problems({ ...exam, heightCm: 34.9 })).toEqual(['heightCm:OUT_OF_RANGE']);
    expect(problems({ ...exam, heightCm: 150.1 })).toEqual(['heightCm:OUT_OF_RANGE']);
    // An out-of-range measure is no measurement: the other problem is enough.
    expect(problems({ ...exam, weightKg: 0.4, heightCm: null })).toEqual(['weightKg:OUT_OF_RANGE']);
  });

  it('flags a measurement the WHO standards call implausible', () => {
    expect(problems({ ...exam, weightKg: 30, heightCm: null })).toEqual(['weightKg:IMPLAUSIBLE_MEASUREMENT']);
    expect(problems({ ...exam, weightKg: null, heightCm: 40 })).toEqual(['heightCm:IMPLAUSIBLE_MEASUREMENT']);
  });

  it('reads whether the child was measured lying', () => {
    expect(validateChildExam({ ...exam, measuredLying: 'Có' }, context).value?.measuredLying).toBe(true);
    expect(problems({ ...exam, measuredLying: 'nằm' })).toEqual(['measuredLying:NOT_A_BOOLEAN']);
  });

  it('keeps the register to children under 6 years at the exam', () => {
    const born = { ...context, person: { dateOfBirth: '2019-06-02', sex: 'FEMALE' as const } };
    expect(problems({ ...exam, weightKg: 18, heightCm: 110 }, born)).toEqual([]);
    expect(validateChildExam({ ...exam, weightKg: 18, heightCm: 110 }, born).value?.weightForAgeZ).toBeNull();
    const sixToday = { ...context, person: { dateOfBirth: '2019-06-01', sex: 'FEMALE' as const } };
    expect(problems({ ...exam, weightKg: 18, heightCm: 110 }, sixToday)).toEqual(['examDate:CHILD_TOO_OLD']);
  });

  it('refuses an exam before the birth or in the future', () => {
    expect(problems({ ...exam, examDate: '2024-05-31' })).toEqual(['examDate:BEFORE_DATE_OF_BIRTH']);
    expect(problems({ ...exam, examDate: '2025-07-01' })).toEqual(['examDate:DATE_IN_FUTURE']);
  });

  it('computes the age from an inline person part', () => {
    const person = { fullName: 'Giàng A Páo', dateOfBirth: '2025-05-01', sex: 'MALE' };
    const { value } = validateChildExam({ ...exam, weightKg: 5, heightCm: 56, person }, { today: '2025-06-30' });
    expect(value?.ageDays).toBe(31);
    expect(value?.person?.fullName).toBe('Giàng A Páo');
  });

  it('leaves the derived values empty when the child is unknown to the validator', () => {
    expect(validateChildExam(exam, { today: '2025-06-30' }).value).toMatchObject({
      ageDays: null,
      weightForAgeZ: null,
      nutritionalStatus: [],
    });
  });
});
