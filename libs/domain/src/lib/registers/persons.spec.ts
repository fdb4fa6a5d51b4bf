import { PERSON_FIELDS, validatePerson } from './persons';
import { ValidationContext } from './validate';

const context: ValidationContext = { today: '2025-06-30' };
// 0 (1900s, male) / 1 (1900s, female); 011 is Hà Nội's prefix; then the year of birth.
const woman = {
  fullName: 'Lò Thị Mai',
  dateOfBirth: '1995-04-12',
  sex: 'FEMALE',
  citizenId: '011195000123',
  insuranceCard: 'GD4011234567890',
  ethnicityCode: '07',
  occupationCode: '01',
  nationalityCode: 'VN',
  phone: '0912 345 678',
  communeCode: '03214',
  address: 'Bản Nà Hừ',
};
const problems = (input: unknown, ctx = context) => validatePerson(input, ctx).problems.map((p) => `${p.field}:${p.code}`);

describe('person part', () => {
  it('accepts a complete person and normalises identifiers', () => {
    const { value, problems } = validatePerson(woman, context);
    expect(problems).toEqual([]);
    expect(value).toEqual({ ...woman, phone: '0912345678' });
  });

  it('requires the name, the date of birth and the sex', () => {
    expect(problems({})).toEqual(['fullName:REQUIRED', 'dateOfBirth:REQUIRED', 'sex:REQUIRED']);
    expect(validatePerson({}, context).value).toBeNull();
  });

  it('keeps the name in NFC with single spaces, 2 to 200 characters', () => {
    const nfd = '  Hoàng   Thị Ngọc  '.normalize('NFD');
    expect(validatePerson({ ...woman, fullName: nfd }, context).value?.fullName).toBe('Hoàng Thị Ngọc'.normalize('NFC'));
    expect(problems({ ...woman, fullName: ' A ' })).toEqual(['fullName:TOO_SHORT']);
    expect(problems({ ...woman, fullName: 'A'.repeat(201) })).toEqual(['fullName:TOO_LONG']);
    expect(problems({ ...woman, fullName: 'Lò\u0000Mai' })).toEqual(['fullName:INVALID_CHARACTERS']);
  });

  it('refuses a date of birth in the future or before 1900', () => {
    expect(problems({ ...woman, citizenId: null, dateOfBirth: '2025-07-01' })).toEqual(['dateOfBirth:DATE_IN_FUTURE']);
    expect(problems({ ...woman, citizenId: null, dateOfBirth: '1899-12-31' })).toEqual(['dateOfBirth:DATE_TOO_EARLY']);
    expect(problems({ ...woman, dateOfBirth: '12/04/95' })).toEqual(['dateOfBirth:NOT_A_DATE']);
  });

  it('checks the citizen ID alone and against the year of birth and the sex', () => {
    expect(problems({ ...woman, citizenId: '01119500012' })).toEqual(['citizenId:CCCD_FORMAT']);
    expect(problems({ ...woman, citizenId: '999195000123' })).toEqual(['citizenId:CCCD_PROVINCE']);
    expect(problems({ ...woman, dateOfBirth: '1996-04-12' })).toEqual(['citizenId:CCCD_BIRTH_MISMATCH']);
    expect(problems({ ...woman, sex: 'MALE' })).toEqual(['citizenId:CCCD_SEX_MISMATCH']);
    expect(validatePerson({ ...woman, citizenId: '011 195 000 123' }, context).value?.citizenId).toBe('011195000123');
  });

  it('words identifier problems without a trailing full stop', () => {
    const [problem] = validatePerson({ ...woman, sex: 'MALE' }, context).problems;
    expect(problem.message).toMatch(/giới tính nữ/);
    expect(problem.message).not.toMatch(/\.$/);
  });

  it('checks the insurance card and the phone', () => {
    expect(problems({ ...woman, insuranceCard: 'GD40112345' })).toEqual(['insuranceCard:INSURANCE_CARD_FORMAT']);
    expect(problems({ ...woman, insuranceCard: 'GD9011234567890' })).toEqual(['insuranceCard:INSURANCE_CARD_BENEFIT_LEVEL']);
    expect(validatePerson({ ...woman, insuranceCard: 'gd4 01 1234567890' }, context).value?.insuranceCard).toBe('GD4011234567890');
    expect(problems({ ...woman, phone: '0123' })).toEqual(['phone:PHONE_FORMAT']);
  });

  it('checks the ethnicity, occupation and nationality codes against the catalogs when given', () => {
    const catalogs = {
      ETHNICITY: [{ code: '07', vi: 'Mông', en: 'Hmong' }],
      OCCUPATION: [{ code: '01', vi: 'Nông dân', en: 'Farmer' }],
      NATIONALITY: [{ code: 'VN', vi: 'Việt Nam', en: 'Vietnam' }],
    };
    expect(problems(woman, { ...context, catalogs })).toEqual([]);
    expect(problems({ ...woman, ethnicityCode: '08', occupationCode: '02', nationalityCode: 'LA' }, { ...context, catalogs })).toEqual([
      'ethnicityCode:NOT_IN_LIST',
      'occupationCode:NOT_IN_LIST',
      'nationalityCode:NOT_IN_LIST',
    ]);
    expect(problems({ ...woman, ethnicityCode: '60' })).toEqual(['ethnicityCode:NOT_IN_LIST']);
  });

  it('checks the commune code and the address length', () => {
    expect(problems({ ...woman, communeCode: 'Mường Nhé' })).toEqual(['communeCode:INVALID_FORMAT']);
    expect(problems({ ...woman, address: 'x'.repeat(301) })).toEqual(['address:TOO_LONG']);
  });

  it('refuses an input that is no object', () => {
    expect(problems('Lò Thị Mai')).toEqual([':NOT_AN_OBJECT']);
  });

  it('throws on a context without a valid today', () => {
    expect(() => validatePerson(woman, { today: '30/06/2025' })).toThrow(RangeError);
  });

  it('defines the fields in the order of the Person model', () => {
    expect(PERSON_FIELDS.map((field) => field.key)).toEqual(Object.keys(woman));
  });
});
