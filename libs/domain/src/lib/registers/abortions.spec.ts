import { validateAbortion } from './abortions';
import { ValidationContext } from './validate';

const context: ValidationContext = {
  today: '2025-06-30',
  person: { dateOfBirth: '2007-03-01', sex: 'FEMALE' },
  episode: { lmp: '2025-04-01', registeredOn: '2025-05-01', closedOn: null },
};
const abortion = { performedOn: '2025-05-20', place: 'FACILITY', gaWeeks: 7, method: 'MEDICAL' };
const problems = (input: object, ctx = context) => validateAbortion(input, ctx).problems.map((p) => `${p.field}:${p.code}`);

describe('abortions', () => {
  it('accepts an abortion', () => {
    expect(validateAbortion(abortion, context)).toEqual({
      value: { ...abortion, notes: null, sourceRecordId: null, complications: [] },
      problems: [],
    });
  });

  it('requires the date, place, GA and method', () => {
    expect(problems({})).toEqual(['performedOn:REQUIRED', 'place:REQUIRED', 'gaWeeks:REQUIRED', 'method:REQUIRED']);
  });

  it('keeps the GA 1–42 weeks (QĐ 4750 XML7)', () => {
    const noEpisode = { ...context, episode: undefined };
    expect(problems({ ...abortion, gaWeeks: 0 }, noEpisode)).toEqual(['gaWeeks:GA_OUT_OF_RANGE']);
    expect(problems({ ...abortion, gaWeeks: 43 }, noEpisode)).toEqual(['gaWeeks:GA_OUT_OF_RANGE']);
    expect(problems({ ...abortion, gaWeeks: 42 }, noEpisode)).toEqual([]);
    expect(problems({ ...abortion, gaWeeks: 1 }, noEpisode)).toEqual([]);
  });

  it('refuses a date in the future, before the LMP, or with a GA from the LMP outside 1–42 weeks', () => {
    expect(problems({ ...abortion, performedOn: '2025-07-01' })).toEqual(['performedOn:DATE_IN_FUTURE']);
    expect(problems({ ...abortion, performedOn: '2025-03-31' })).toEqual(['performedOn:ABORTION_BEFORE_LMP']);
    expect(problems({ ...abortion, performedOn: '2025-04-05' })).toEqual(['performedOn:GA_FROM_LMP_OUT_OF_RANGE']);
    expect(problems({ ...abortion, performedOn: '2025-04-08' })).toEqual([]);
  });

  it('takes the method and the place from their lists', () => {
    expect(problems({ ...abortion, method: 'Hút thai chân không' })).toEqual([]);
    expect(problems({ ...abortion, method: 'HERBAL' })).toEqual(['method:NOT_IN_LIST']);
    expect(problems({ ...abortion, place: 'OTHER_FACILITY' })).toEqual(['place:PLACE_NOT_ALLOWED']);
  });

  it('records obstetric complications, including abortion complications, from the day of the abortion', () => {
    const complication = { kind: 'ABORTION_COMPLICATION', onsetOn: '2025-05-21', outcome: 'RECOVERED' };
    expect(validateAbortion({ ...abortion, complications: [complication] }, context).value?.complications).toEqual([
      { ...complication, category: 'OBSTETRIC' },
    ]);
    expect(problems({ ...abortion, complications: [{ ...complication, onsetOn: '2025-05-19' }] })).toEqual([
      'complications[0].onsetOn:COMPLICATION_BEFORE_EVENT',
    ]);
    expect(problems({ ...abortion, complications: [{ ...complication, kind: 'ANAPHYLAXIS' }] })).toEqual([
      'complications[0].kind:NOT_IN_LIST',
    ]);
  });

  it('is kept for women only, not before their birth', () => {
    expect(problems(abortion, { ...context, person: { dateOfBirth: '2007-03-01', sex: 'MALE' } })).toEqual([
      'person.sex:PERSON_NOT_FEMALE',
    ]);
    expect(problems(abortion, { ...context, episode: undefined, person: { dateOfBirth: '2025-05-21', sex: 'FEMALE' } })).toEqual([
      'performedOn:BEFORE_DATE_OF_BIRTH',
    ]);
  });
});
