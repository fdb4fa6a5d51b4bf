import { isKcbCode } from './kcb-code';

describe('isKcbCode', () => {
  it('accepts the 5 digits of a mã cơ sở KCB', () => {
    expect(['11001', '01920', '79071'].every(isKcbCode)).toBe(true);
  });

  it('refuses other lengths, letters, spaces and this system’s facility codes', () => {
    expect(['1100', '110011', '11a01', ' 11001', '11001 ', 'TYT.03127.2025', ''].some(isKcbCode)).toBe(false);
  });
});
