import { validateHpvVaccination } from './hpv-vaccinations';
import { ValidationContext } from './validate';

const context: ValidationContext = { today: '2025-06-30', person: { dateOfBirth: '2014-06-15', sex: 'FEMALE' } };
const dose = { givenOn: '2025-06-15', place: 'OUTREACH', doseNumber: 1 };
const problems = (input: object, ctx = context) => validateHpvVaccination(input, ctx).problems.map((p) => `${p.field}:${p.code}`);

describe('HPV vaccinations', () => {
  it('accepts a dose', () => {
    expect(validateHpvVaccination(dose, context)).toEqual({ value: { ...dose, sourceRecordId: null }, problems: [] });
  });

  it('requires the date, place and dose number, 1 to 3', () => {
    expect(problems({})).toEqual(['givenOn:REQUIRED', 'place:REQUIRED', 'doseNumber:REQUIRED']);
    expect(problems({ ...dose, doseNumber: 0 })).toEqual(['doseNumber:OUT_OF_RANGE']);
    expect(problems({ ...dose, doseNumber: 4 })).toEqual(['doseNumber:OUT_OF_RANGE']);
    expect(problems({ ...dose, doseNumber: '3' })).toEqual([]);
    expect(problems({ ...dose, givenOn: '2025-07-01' })).toEqual(['givenOn:DATE_IN_FUTURE']);
  });

  it('gives the vaccine from the 9th birthday', () => {
    expect(problems({ ...dose, givenOn: '2023-06-14' })).toEqual(['givenOn:HPV_TOO_YOUNG']);
    expect(problems({ ...dose, givenOn: '2023-06-15' })).toEqual([]);
  });

  it('may vaccinate a boy, not before his birth', () => {
    const boy = { ...context, person: { dateOfBirth: '2014-06-15', sex: 'MALE' as const } };
    expect(problems(dose, boy)).toEqual([]);
    expect(problems({ ...dose, givenOn: '2014-06-14' }, boy)).toEqual(['givenOn:BEFORE_DATE_OF_BIRTH']);
  });
});
