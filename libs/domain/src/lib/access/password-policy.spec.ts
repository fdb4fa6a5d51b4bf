import { checkPasswordPolicy } from './password-policy';

const user = { username: 'tyt.muongnhe', fullName: 'Nguyễn Thị Hằng' };

describe('checkPasswordPolicy', () => {
  it('accepts a password meeting the regulation', () => {
    expect(checkPasswordPolicy('Xuân-2026!kq', user)).toEqual([]);
  });

  it.each([
    ['Ab1!xyz', 'PASSWORD_TOO_SHORT'],
    ['abcdef12!', 'PASSWORD_NEEDS_UPPERCASE'],
    ['ABCDEF12!', 'PASSWORD_NEEDS_LOWERCASE'],
    ['Abcdefgh!', 'PASSWORD_NEEDS_DIGIT'],
    ['Abcdefgh12', 'PASSWORD_NEEDS_SPECIAL'],
    ['Tyt.MuongNhe-2026', 'PASSWORD_CONTAINS_NAME'],
    ['HangNguyen#2026', 'PASSWORD_CONTAINS_NAME'],
    ['Nguyễn@2026x', 'PASSWORD_CONTAINS_NAME'],
  ])('refuses %p with %s', (password, violation) => {
    expect(checkPasswordPolicy(password, user)).toContain(violation);
  });

  it('counts Vietnamese letters as upper and lower case', () => {
    expect(checkPasswordPolicy('ĐƯỜNGđường9!', { username: 'x' })).toEqual([]);
  });

  it('reports a common password when the dictionary says so', () => {
    expect(checkPasswordPolicy('Password1!', { username: 'x', isCommon: true })).toEqual(['PASSWORD_TOO_COMMON']);
  });

  it('limits the length', () => {
    expect(checkPasswordPolicy(`Aa1!${'x'.repeat(130)}`, { username: 'x' })).toEqual(['PASSWORD_TOO_LONG']);
  });
});
