import { foldVietnamese, toNfc } from './fold';

describe('foldVietnamese', () => {
  it('drops diacritics and folds đ to d', () => {
    expect(foldVietnamese('Tỉnh Điện Biên')).toBe('tinh dien bien');
    expect(foldVietnamese('Đắk Nông')).toBe('dak nong');
  });

  it('gives the same answer for NFC and NFD input', () => {
    const nfc = 'Xã Mường Nhé'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
  });

  it('ignores case and collapses whitespace', () => {
    expect(foldVietnamese('  LAI   Châu ')).toBe('lai chau');
  });
});

describe('toNfc', () => {
  it('composes decomposed input', () => {
    const nfd = 'Sơn La'.normalize('NFD');
    expect(toNfc(nfd)).toBe('Sơn La'.normalize('NFC'));
    expect(toNfc(nfd).length).toBeLessThan(nfd.length);
  });
});
