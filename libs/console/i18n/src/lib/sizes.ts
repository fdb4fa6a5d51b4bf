import { Language, LANGUAGE_LOCALES } from './translate';

const UNITS = ['B', 'kB', 'MB', 'GB'] as const;

/** A file size for people, in the language's number format: 1536 → '1,5 kB' in Vietnamese, '1.5 kB' in English. */
export function formatFileSize(bytes: number, language: Language): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(LANGUAGE_LOCALES[language], { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${UNITS[unit]}`;
}
