import { itemBody, ITEM_CODE_PATTERN } from './catalog-item-form';

describe('itemBody', () => {
  const value = { name: '  Mông \u00a0 (H’Mông) ', nameEn: '', sortOrder: null, validFrom: '2027-01-01' };

  it('sends a new code’s texts in NFC, trimmed, and leaves out what was not given', () => {
    const decomposed = 'Tày'.normalize('NFD');
    expect(itemBody({ ...value, name: decomposed }, null)).toEqual({ name: 'Tày', validFrom: '2027-01-01' });
    expect(itemBody({ ...value, nameEn: ' Hmong ', sortOrder: 4 }, null)).toEqual({
      name: 'Mông (H’Mông)',
      nameEn: 'Hmong',
      sortOrder: 4,
      validFrom: '2027-01-01',
    });
  });

  it('sends a relabelling’s English label and position only when they changed, a cleared label as null', () => {
    const current = { nameEn: 'Hmong', sortOrder: 4 };
    expect(itemBody({ ...value, nameEn: 'Hmong', sortOrder: 4 }, current)).toEqual({ name: 'Mông (H’Mông)', validFrom: '2027-01-01' });
    expect(itemBody({ ...value, nameEn: '', sortOrder: 7 }, current)).toEqual({
      name: 'Mông (H’Mông)',
      nameEn: null,
      sortOrder: 7,
      validFrom: '2027-01-01',
    });
  });

  it('accepts the codes official lists use and refuses others, as the API does', () => {
    expect(['01', 'VN', 'O80.0', 'A15-A19', 'IUD', 'x_1'].every((code) => ITEM_CODE_PATTERN.test(code))).toBe(true);
    expect(['', '-1', 'mã', 'A B', 'X'.repeat(21)].some((code) => ITEM_CODE_PATTERN.test(code))).toBe(false);
  });
});
