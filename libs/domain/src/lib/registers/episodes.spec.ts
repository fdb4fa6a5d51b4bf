import { validateEpisode } from './episodes';
import { ValidationContext } from './validate';

const context: ValidationContext = { today: '2025-06-30', person: { dateOfBirth: '2000-05-20', sex: 'FEMALE' } };
const episode = { registeredOn: '2025-03-01', lmp: '2025-01-10', expectedOn: '2025-10-17', gravidity: 2, parity: 1, tetanusDosesBefore: 3 };
const problems = (input: object, ctx = context) => validateEpisode(input, ctx).problems.map((p) => `${p.field}:${p.code}`);

describe('pregnancy episodes', () => {
  it('accepts a registration and fills the defaults', () => {
    expect(validateEpisode({ registeredOn: '2025-03-01' }, context)).toEqual({
      value: {
        registeredOn: '2025-03-01',
        lmp: null,
        expectedOn: null,
        gravidity: null,
        parity: null,
        tetanusDosesBefore: 0,
        closure: null,
        closedOn: null,
        sourceRecordId: null,
      },
      problems: [],
    });
    expect(problems(episode)).toEqual([]);
  });

  it('requires the registration date, not in the future', () => {
    expect(problems({})).toEqual(['registeredOn:REQUIRED']);
    expect(problems({ registeredOn: '2025-07-01' })).toEqual(['registeredOn:DATE_IN_FUTURE']);
  });

  it('accepts an expected date in the future, within 44 weeks of the LMP', () => {
    expect(problems({ ...episode, expectedOn: '2025-10-17' })).toEqual([]);
    expect(problems({ ...episode, expectedOn: '2025-01-10' })).toEqual(['expectedOn:EXPECTED_DATE_OUT_OF_RANGE']);
    expect(problems({ ...episode, expectedOn: '2025-11-15' })).toEqual(['expectedOn:EXPECTED_DATE_OUT_OF_RANGE']);
    expect(problems({ ...episode, expectedOn: '2025-11-14' })).toEqual([]);
  });

  it('refuses a registration before the LMP or more than 44 weeks after it', () => {
    expect(problems({ ...episode, lmp: '2025-03-02', expectedOn: null })).toEqual(['lmp:REGISTERED_BEFORE_LMP']);
    expect(problems({ ...episode, lmp: '2024-04-26', expectedOn: null })).toEqual(['lmp:GA_FROM_LMP_OUT_OF_RANGE']);
    expect(problems({ ...episode, lmp: '2024-04-27', expectedOn: null })).toEqual([]);
  });

  it('keeps gravidity 1–30 and parity below it', () => {
    expect(problems({ ...episode, gravidity: 0 })).toEqual(['gravidity:OUT_OF_RANGE']);
    expect(problems({ ...episode, gravidity: 31 })).toEqual(['gravidity:OUT_OF_RANGE']);
    expect(problems({ ...episode, parity: -1 })).toEqual(['parity:OUT_OF_RANGE']);
    expect(problems({ ...episode, gravidity: 2, parity: 2 })).toEqual(['parity:PARITY_NOT_BELOW_GRAVIDITY']);
    expect(validateEpisode({ ...episode, gravidity: 3, parity: 3 }, context).problems[0].message).toBe(
      'Số lần đã đẻ phải từ 0 đến 2 (ít hơn lần có thai thứ 3)',
    );
    expect(validateEpisode({ ...episode, gravidity: 1, parity: 1 }, context).problems[0].message).toBe(
      'Số lần đã đẻ phải là 0 (ít hơn lần có thai thứ 1)',
    );
    expect(problems({ ...episode, gravidity: 1, parity: 0 })).toEqual([]);
  });

  it('keeps tetanus doses before the pregnancy 0–10', () => {
    expect(problems({ ...episode, tetanusDosesBefore: 11 })).toEqual(['tetanusDosesBefore:OUT_OF_RANGE']);
    expect(problems({ ...episode, tetanusDosesBefore: '2' })).toEqual([]);
  });

  it('needs the closure and its date together', () => {
    expect(problems({ ...episode, closure: 'DELIVERY' })).toEqual(['closedOn:REQUIRED']);
    expect(problems({ ...episode, closedOn: '2025-06-01' })).toEqual(['closure:REQUIRED']);
    expect(problems({ ...episode, closure: 'Đẻ', closedOn: '2025-06-01' })).toEqual([]);
    expect(problems({ ...episode, closure: 'LOST', closedOn: '2025-06-01' })).toEqual(['closure:NOT_IN_LIST']);
    expect(problems({ ...episode, closure: 'DELIVERY', closedOn: '2025-07-01' })).toEqual(['closedOn:DATE_IN_FUTURE']);
  });

  it('refuses a closing date before the LMP', () => {
    expect(problems({ ...episode, closure: 'PREGNANCY_LOSS', closedOn: '2025-01-09' })).toEqual(['closedOn:CLOSED_BEFORE_LMP']);
  });

  it('refuses a move away before the registration, but not a delivery registered afterwards', () => {
    expect(problems({ ...episode, closure: 'MOVED_AWAY', closedOn: '2025-02-28' })).toEqual(['closedOn:CLOSED_BEFORE_REGISTRATION']);
    expect(problems({ ...episode, closure: 'DELIVERY', closedOn: '2025-02-28' })).toEqual([]);
  });

  it('is kept for women only', () => {
    const man = { ...context, person: { dateOfBirth: '2000-05-20', sex: 'MALE' as const } };
    expect(problems(episode, man)).toEqual(['person.sex:PERSON_NOT_FEMALE']);
    expect(validateEpisode(episode, man).problems[0].message).toBe('Đăng ký quản lý thai chỉ ghi cho phụ nữ, người này có giới tính Nam');
  });

  it('refuses a registration before the woman’s birth', () => {
    expect(problems({ registeredOn: '2000-05-19' })).toEqual(['registeredOn:BEFORE_DATE_OF_BIRTH']);
  });

  it('validates and returns an inline person part, which takes precedence over the context', () => {
    const person = { fullName: 'Vàng Thị Dợ', dateOfBirth: '2008-02-01', sex: 'FEMALE' };
    const result = validateEpisode({ ...episode, person }, { today: '2025-06-30' });
    expect(result.problems).toEqual([]);
    expect(result.value?.person).toMatchObject(person);
    expect(problems({ ...episode, person: { ...person, sex: 'MALE' } })).toEqual(['person.sex:PERSON_NOT_FEMALE']);
    expect(problems({ ...episode, person: { sex: 'FEMALE' } })).toEqual(['person.fullName:REQUIRED', 'person.dateOfBirth:REQUIRED']);
    expect(problems({ registeredOn: '2008-01-31', person })).toEqual(['registeredOn:BEFORE_DATE_OF_BIRTH']);
    expect(problems({ ...episode, person: 'Vàng Thị Dợ' })).toEqual(['person:NOT_AN_OBJECT']);
  });

  it('keeps the source record id to 100 characters', () => {
    expect(problems({ ...episode, sourceRecordId: 'x'.repeat(101) })).toEqual(['sourceRecordId:TOO_LONG']);
  });
});
