import { validateGynaecologyVisit } from './gynaecology';
import { ValidationContext } from './validate';

const context: ValidationContext = { today: '2025-06-30', person: { dateOfBirth: '1985-01-01', sex: 'FEMALE' } };
const visit = { visitDate: '2025-06-10', place: 'FACILITY', purpose: 'SCREENING' };
const problems = (input: object, ctx = context) => validateGynaecologyVisit(input, ctx).problems.map((p) => `${p.field}:${p.code}`);

describe('gynaecology visits', () => {
  it('accepts a screening visit and normalises it', () => {
    const { value, problems } = validateGynaecologyVisit(
      {
        ...visit,
        viaViliResult: 'Nghi ngờ ung thư',
        cytologySent: 'x',
        treatmentGiven: 'Có',
        treatments: 'CRYOTHERAPY, LEEP',
        diagnosis: 'Viêm cổ tử cung',
      },
      context,
    );
    expect(problems).toEqual([]);
    expect(value).toEqual({
      ...visit,
      viaViliResult: 'SUSPICIOUS',
      cytologySent: true,
      hpvTestSent: false,
      treatmentGiven: true,
      treatments: ['CRYOTHERAPY', 'LEEP'],
      diagnosis: 'Viêm cổ tử cung',
      notes: null,
      sourceRecordId: null,
    });
  });

  it('requires the date, place and purpose', () => {
    expect(problems({})).toEqual(['visitDate:REQUIRED', 'place:REQUIRED', 'purpose:REQUIRED']);
    expect(problems({ ...visit, purpose: 'FOLLOW_UP' })).toEqual(['purpose:NOT_IN_LIST']);
    expect(problems({ ...visit, visitDate: '2025-07-01' })).toEqual(['visitDate:DATE_IN_FUTURE']);
  });

  it('takes VIA/VILI from its three-value list', () => {
    expect(problems({ ...visit, viaViliResult: 'POSITIVE' })).toEqual([]);
    expect(problems({ ...visit, viaViliResult: 'ABNORMAL' })).toEqual(['viaViliResult:NOT_IN_LIST']);
  });

  it('lists treatments only with a treatment given', () => {
    expect(problems({ ...visit, treatmentGiven: false, treatments: ['LEEP'] })).toEqual([
      'treatmentGiven:TREATMENTS_WITHOUT_TREATMENT_GIVEN',
    ]);
    expect(problems({ ...visit, treatments: ['LEEP'] })).toEqual(['treatmentGiven:TREATMENTS_WITHOUT_TREATMENT_GIVEN']);
    expect(problems({ ...visit, treatmentGiven: true })).toEqual([]);
  });

  it('checks treatment codes against the catalog when given', () => {
    const catalogs = { GYN_TREATMENT: [{ code: 'LEEP', vi: 'Cắt bằng vòng điện (LEEP)', en: 'LEEP' }] };
    expect(problems({ ...visit, treatmentGiven: true, treatments: ['LEEP', 'CONE'] }, { ...context, catalogs })).toEqual([
      'treatments[1]:NOT_IN_LIST',
    ]);
  });

  it('limits diagnosis and notes to their columns', () => {
    expect(problems({ ...visit, diagnosis: 'x'.repeat(501) })).toEqual(['diagnosis:TOO_LONG']);
    expect(problems({ ...visit, notes: 'x'.repeat(1001) })).toEqual(['notes:TOO_LONG']);
  });

  it('is kept for women only, not before their birth', () => {
    expect(problems(visit, { ...context, person: { dateOfBirth: '1985-01-01', sex: 'MALE' } })).toEqual(['person.sex:PERSON_NOT_FEMALE']);
    expect(problems({ ...visit, visitDate: '1984-12-31' })).toEqual(['visitDate:BEFORE_DATE_OF_BIRTH']);
  });
});
