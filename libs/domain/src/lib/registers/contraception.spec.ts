import { validateContraception } from './contraception';
import { ValidationContext } from './validate';

const woman: ValidationContext = { today: '2025-06-30', person: { dateOfBirth: '1990-01-01', sex: 'FEMALE' } };
const man: ValidationContext = { today: '2025-06-30', person: { dateOfBirth: '1988-01-01', sex: 'MALE' } };
const service = { servedOn: '2025-06-10', place: 'OUTREACH', method: 'IUD', acceptorStatus: 'NEW' };
const problems = (input: object, ctx = woman) => validateContraception(input, ctx).problems.map((p) => `${p.field}:${p.code}`);

describe('contraceptive services', () => {
  it('accepts a service', () => {
    expect(validateContraception(service, woman)).toEqual({
      value: { ...service, notes: null, sourceRecordId: null, complications: [] },
      problems: [],
    });
  });

  it('requires the date, place, method and acceptor status', () => {
    expect(problems({})).toEqual(['servedOn:REQUIRED', 'place:REQUIRED', 'method:REQUIRED', 'acceptorStatus:REQUIRED']);
    expect(problems({ ...service, acceptorStatus: 'OLD' })).toEqual(['acceptorStatus:NOT_IN_LIST']);
    expect(problems({ ...service, servedOn: '2025-07-01' })).toEqual(['servedOn:DATE_IN_FUTURE']);
  });

  it('gives male sterilisation to men only', () => {
    expect(problems({ ...service, method: 'MALE_STERILISATION' }, man)).toEqual([]);
    expect(problems({ ...service, method: 'MALE_STERILISATION' }, woman)).toEqual(['method:METHOD_NOT_FOR_SEX']);
    expect(validateContraception({ ...service, method: 'MALE_STERILISATION' }, woman).problems[0].message).toBe(
      'Biện pháp "Triệt sản nam" chỉ dùng cho nam, người này có giới tính Nữ',
    );
  });

  it.each(['IUD', 'INJECTABLE', 'IMPLANT', 'PILL', 'FEMALE_STERILISATION'])('gives %s to women only', (method) => {
    expect(problems({ ...service, method }, woman)).toEqual([]);
    expect(problems({ ...service, method }, man)).toEqual(['method:METHOD_NOT_FOR_SEX']);
  });

  it.each(['CONDOM', 'OTHER_MODERN'])('gives %s to either sex', (method) => {
    expect(problems({ ...service, method }, woman)).toEqual([]);
    expect(problems({ ...service, method }, man)).toEqual([]);
  });

  it('does not check the sex of an unknown person', () => {
    expect(problems({ ...service, method: 'MALE_STERILISATION' }, { today: '2025-06-30' })).toEqual([]);
  });

  it('records contraceptive complications from the day of the service', () => {
    const complication = { kind: 'UTERINE_PERFORATION', onsetOn: '2025-06-10', outcome: 'REFERRED' };
    expect(validateContraception({ ...service, complications: [complication] }, woman).value?.complications).toEqual([
      { ...complication, category: 'CONTRACEPTIVE' },
    ]);
    const complicate = (extra: object) => problems({ ...service, complications: [{ ...complication, ...extra }] });
    expect(complicate({ onsetOn: '2025-06-09' })).toEqual(['complications[0].onsetOn:COMPLICATION_BEFORE_EVENT']);
    expect(complicate({ kind: 'HAEMORRHAGE' })).toEqual(['complications[0].kind:NOT_IN_LIST']);
    expect(complicate({ kind: 'ABORTION_COMPLICATION' })).toEqual(['complications[0].kind:NOT_IN_LIST']);
    expect(problems({ ...service, complications: Array(11).fill(complication) })).toEqual(['complications:TOO_MANY_ITEMS']);
  });

  it('is not a maternal register: a man may be recorded, not before his birth', () => {
    expect(problems({ ...service, method: 'CONDOM', servedOn: '1987-12-31' }, man)).toEqual(['servedOn:BEFORE_DATE_OF_BIRTH']);
  });
});
