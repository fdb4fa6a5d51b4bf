import { BIRTH_REGISTRATION_PROVINCES } from './birth-registration-provinces';
import {
  cccdFacts,
  insuranceCardFacts,
  normalisePhone,
  personMatchKey,
  phoneE164,
  validateCitizenId,
  validateInsuranceCard,
  validatePhone,
} from './identifiers';

describe('birth-registration provinces', () => {
  const codes = Object.keys(BIRTH_REGISTRATION_PROVINCES);

  it('holds the 63 pre-2025 provinces, Hà Nội 01 to Cà Mau 96', () => {
    expect(codes).toHaveLength(63);
    expect(BIRTH_REGISTRATION_PROVINCES['01']).toBe('Thành phố Hà Nội');
    expect(BIRTH_REGISTRATION_PROVINCES['02']).toBe('Tỉnh Hà Giang');
    expect(BIRTH_REGISTRATION_PROVINCES['04']).toBe('Tỉnh Cao Bằng');
    expect(BIRTH_REGISTRATION_PROVINCES['96']).toBe('Tỉnh Cà Mau');
    expect(codes.every((code) => /^\d{2}$/.test(code))).toBe(true);
  });

  it('includes the seven pilot provinces and none of the gaps in the numbering', () => {
    for (const code of ['10', '11', '12', '14', '62', '64', '67']) expect(BIRTH_REGISTRATION_PROVINCES[code]).toBeDefined();
    for (const code of ['00', '03', '05', '13', '97']) expect(BIRTH_REGISTRATION_PROVINCES[code]).toBeUndefined();
  });

  it('stores names in NFC', () => {
    for (const name of Object.values(BIRTH_REGISTRATION_PROVINCES)) expect(name).toBe(name.normalize('NFC'));
  });
});

describe('citizen ID (CCCD)', () => {
  it('reads province, sex and year of birth', () => {
    expect(cccdFacts('001090012345')).toEqual({ provinceCode: '01', provinceName: 'Thành phố Hà Nội', sex: 'MALE', birthYear: 1990 });
    expect(cccdFacts('079301012345')).toEqual({
      provinceCode: '79',
      provinceName: 'Thành phố Hồ Chí Minh',
      sex: 'FEMALE',
      birthYear: 2001,
    });
    expect(cccdFacts('011185000123')?.provinceName).toBe('Tỉnh Điện Biên');
  });

  it.each([
    ['0', 'MALE', 1900],
    ['1', 'FEMALE', 1900],
    ['2', 'MALE', 2000],
    ['3', 'FEMALE', 2000],
    ['4', 'MALE', 2100],
    ['5', 'FEMALE', 2100],
    ['6', 'MALE', 2200],
    ['7', 'FEMALE', 2200],
    ['8', 'MALE', 2300],
    ['9', 'FEMALE', 2300],
  ])('digit 4 = %s means %s born in the century from %p', (digit, sex, century) => {
    const facts = cccdFacts(`012${digit}07000001`);
    expect(facts?.sex).toBe(sex);
    expect(facts?.birthYear).toBe(century + 7);
  });

  it('accepts a valid ID, ignoring spaces people type between groups', () => {
    expect(validateCitizenId('001090012345')).toBeNull();
    expect(validateCitizenId(' 001 090 012 345 ')).toBeNull();
  });

  it.each(['', '00109001234', '0010900123456', '00109001234a', '001-090-012345', '123456789'])('refuses %p as CCCD_FORMAT', (value) => {
    const result = validateCitizenId(value);
    expect(result?.code).toBe('CCCD_FORMAT');
    expect(result?.message).toBe('Số căn cước công dân phải gồm đúng 12 chữ số.');
    expect(cccdFacts(value)).toBeNull();
  });

  it.each(['000090012345', '003090012345', '097090012345', '101090012345'])('refuses %p: no province has that code', (value) => {
    const result = validateCitizenId(value);
    expect(result?.code).toBe('CCCD_PROVINCE');
    expect(result?.message).toContain(value.slice(0, 3));
    expect(cccdFacts(value)?.provinceCode).toBeNull();
  });

  it('checks the year of birth against the date of birth', () => {
    expect(validateCitizenId('001090012345', { dateOfBirth: '1990-12-31' })).toBeNull();
    const result = validateCitizenId('001090012345', { dateOfBirth: '1991-01-01' });
    expect(result?.code).toBe('CCCD_BIRTH_MISMATCH');
    expect(result?.message).toBe('Số căn cước công dân ứng với năm sinh 1990, không khớp với ngày sinh đã ghi (năm 1991).');
    // the century digit matters: 2 means 2000s, so 1990 does not match "…290…"
    expect(validateCitizenId('001290012345', { dateOfBirth: '1990-05-01' })?.code).toBe('CCCD_BIRTH_MISMATCH');
    expect(validateCitizenId('001290012345', { dateOfBirth: '2090-05-01' })).toBeNull();
  });

  it('checks the sex', () => {
    expect(validateCitizenId('001190012345', { sex: 'FEMALE' })).toBeNull();
    const result = validateCitizenId('001190012345', { sex: 'MALE' });
    expect(result?.code).toBe('CCCD_SEX_MISMATCH');
    expect(result?.message).toBe('Số căn cước công dân ứng với giới tính nữ, không khớp với giới tính đã ghi.');
    expect(validateCitizenId('001090012345', { sex: 'FEMALE' })?.message).toContain('giới tính nam');
  });

  it('skips the checks whose context is unknown or malformed', () => {
    expect(validateCitizenId('001090012345', { dateOfBirth: null, sex: null })).toBeNull();
    expect(validateCitizenId('001090012345', { dateOfBirth: '1990-02-30' })).toBeNull();
  });

  it('reports the format before the province, and the province before mismatches', () => {
    expect(validateCitizenId('0030900123', { sex: 'FEMALE' })?.code).toBe('CCCD_FORMAT');
    expect(validateCitizenId('003090012345', { dateOfBirth: '2000-01-01', sex: 'FEMALE' })?.code).toBe('CCCD_PROVINCE');
    expect(validateCitizenId('001090012345', { dateOfBirth: '2000-01-01', sex: 'FEMALE' })?.code).toBe('CCCD_BIRTH_MISMATCH');
  });

  it('writes NFC Vietnamese messages', () => {
    for (const value of ['1', '003090012345']) {
      const message = validateCitizenId(value)?.message ?? '';
      expect(message).toBe(message.normalize('NFC'));
    }
  });
});

describe('health-insurance card (thẻ BHYT)', () => {
  it('reads the 15-character card', () => {
    expect(insuranceCardFacts('TE1010123456789')).toEqual({
      kind: 'CARD_15',
      objectCode: 'TE',
      benefitLevel: 1,
      provinceCode: '01',
      socialInsuranceNumber: '0123456789',
    });
    expect(validateInsuranceCard('TE1010123456789')).toBeNull();
    expect(validateInsuranceCard('DN4797931234567')).toBeNull();
  });

  it('accepts the 10-digit social-insurance number printed on cards since 2021', () => {
    expect(insuranceCardFacts('0123456789')).toEqual({
      kind: 'SOCIAL_INSURANCE_NUMBER',
      objectCode: null,
      benefitLevel: null,
      provinceCode: null,
      socialInsuranceNumber: '0123456789',
    });
    expect(validateInsuranceCard('0123456789')).toBeNull();
  });

  it('tolerates lower case, spaces and dashes', () => {
    expect(validateInsuranceCard('te 1 01 0123456789')).toBeNull();
    expect(insuranceCardFacts('hn-2-12-0123456789')?.objectCode).toBe('HN');
  });

  it.each(['', 'TE101012345678', 'TE10101234567890', '1E1010123456789', 'TEA010123456789', '012345678', '01234567890', 'TE1O10123456789'])(
    'refuses %p as INSURANCE_CARD_FORMAT',
    (value) => expect(validateInsuranceCard(value)?.code).toBe('INSURANCE_CARD_FORMAT'),
  );

  it('refuses a benefit level outside 1–5', () => {
    for (const level of ['0', '6', '9']) {
      const result = validateInsuranceCard(`TE${level}010123456789`);
      expect(result?.code).toBe('INSURANCE_CARD_BENEFIT_LEVEL');
      expect(result?.message).toBe('Ký tự thứ ba của số thẻ BHYT (mức hưởng) phải là một chữ số từ 1 đến 5.');
    }
    for (const level of ['1', '5']) expect(validateInsuranceCard(`TE${level}010123456789`)).toBeNull();
  });

  it('refuses province 00', () => {
    expect(validateInsuranceCard('TE1000123456789')?.code).toBe('INSURANCE_CARD_PROVINCE');
    expect(validateInsuranceCard('TE1990123456789')).toBeNull();
  });
});

describe('phone numbers', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0321 234 567', '0321234567'],
    ['0567.123.456', '0567123456'],
    ['070-123-4567', '0701234567'],
    ['0812345678', '0812345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['+84 0912345678', '0912345678'],
    ['0084912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['(024) 3825 1234', '02438251234'],
    ['0215 3825 123', '02153825123'],
    ['+84 24 3825 1234', '02438251234'],
    ['912345678', '0912345678'], // a spreadsheet dropped the leading zero
  ])('normalises %p to %p', (value, national) => {
    expect(normalisePhone(value)).toBe(national);
    expect(validatePhone(value)).toBeNull();
  });

  it.each([
    '',
    '091234567', // 9 digits
    '09123456789', // 11-digit mobile
    '0123456789', // 01x prefixes were retired in 2018
    '0612345678',
    '0412345678',
    '0243825123', // a landline needs 11 digits
    '1900123456',
    '+1 212 555 0100',
    '09123abc78',
  ])('refuses %p with PHONE_FORMAT', (value) => {
    expect(normalisePhone(value)).toBeNull();
    const result = validatePhone(value);
    expect(result?.code).toBe('PHONE_FORMAT');
    expect(result?.message).toMatch(/^Số điện thoại không đúng/);
  });

  it('gives the E.164 form', () => {
    expect(phoneE164('0912 345 678')).toBe('+84912345678');
    expect(phoneE164('024 3825 1234')).toBe('+842438251234');
    expect(phoneE164('12345')).toBeNull();
  });
});

describe('personMatchKey (probable duplicates)', () => {
  it('matches the same person typed with or without diacritics, in NFC or NFD, in any case', () => {
    const key = personMatchKey('Lò Thị Hương', '1998-04-12', '03199');
    expect(key).toBe('lo thi huong|1998-04-12|03199');
    expect(personMatchKey('  LÒ  THỊ HƯƠNG ', '1998-04-12', '03199')).toBe(key);
    expect(personMatchKey('Lo Thi Huong', '1998-04-12', ' 03199 ')).toBe(key);
    expect(personMatchKey('Lò Thị Hương'.normalize('NFD'), '1998-04-12', '03199')).toBe(key);
  });

  it('folds đ to d', () => {
    expect(personMatchKey('Đỗ Văn Đức', '2020-01-01', '00001')).toBe(personMatchKey('do van duc', '2020-01-01', '00001'));
  });

  it('tells apart a different date of birth or commune', () => {
    const key = personMatchKey('Lò Thị Hương', '1998-04-12', '03199');
    expect(personMatchKey('Lò Thị Hương', '1998-04-13', '03199')).not.toBe(key);
    expect(personMatchKey('Lò Thị Hương', '1998-04-12', '03200')).not.toBe(key);
    expect(personMatchKey('Lò Thị Hướng', '1998-04-12', '03199')).toBe(key); // tones fold away: still probable
  });

  it('gives no key when a part is missing', () => {
    expect(personMatchKey('', '1998-04-12', '03199')).toBeNull();
    expect(personMatchKey('   ', '1998-04-12', '03199')).toBeNull();
    expect(personMatchKey('Lò Thị Hương', null, '03199')).toBeNull();
    expect(personMatchKey('Lò Thị Hương', '1998-04-12', undefined)).toBeNull();
  });
});
