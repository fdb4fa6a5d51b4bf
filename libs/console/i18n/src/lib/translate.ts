import { en } from './en';
import { vi } from './vi';

export const LANGUAGES = ['vi', 'en'] as const;
/** Languages of the console: Vietnamese by default, English as the second language. */
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';

/** Every text of the console has a key in the Vietnamese dictionary. */
export type TranslationKey = keyof typeof vi;
/** Values for `{name}` placeholders in a text. */
export type TranslationParams = Readonly<Record<string, string | number>>;

const DICTIONARIES: Readonly<Record<Language, Readonly<Record<TranslationKey, string>>>> = { vi, en };

/** Locale ids registered with Angular (`@angular/common/locales/vi` and the built-in `en`). */
export const LANGUAGE_LOCALES: Readonly<Record<Language, string>> = { vi: 'vi', en: 'en' };

/** Native names, shown the same whatever the current language. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { vi: 'Tiếng Việt', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isTranslationKey(value: unknown): value is TranslationKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(vi, value);
}

/** The text for a key in a language, with `{name}` placeholders replaced; unknown placeholders are kept. */
export function translate(language: Language, key: TranslationKey, params?: TranslationParams): string {
  const text = DICTIONARIES[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : placeholder,
  );
}
