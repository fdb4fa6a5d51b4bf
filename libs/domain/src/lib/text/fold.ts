/**
 * Folds Vietnamese text for search: NFC and NFD input give the same result, diacritics are
 * dropped, đ/Đ become d, case and runs of whitespace are ignored.
 * "Tỉnh Điện Biên", "tinh dien bien" and the NFD form of either all fold to "tinh dien bien".
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Canonical form for storing user-entered Vietnamese text (TCVN 6909:2001 is Unicode NFC). */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}
