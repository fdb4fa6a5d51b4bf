export const LANGUAGES = ['vi', 'en'] as const;
/** Languages of the console: Vietnamese by default, English as the second language. */
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';

/** Values for `{name}` placeholders in a text. */
export type TranslationParams = Readonly<Record<string, string | number>>;

/** A dictionary: key → text, `{name}` placeholders allowed. */
export type Dictionary = Readonly<Record<string, string>>;

/** Locale ids registered with Angular (`@angular/common/locales/vi` and the built-in `en`). */
export const LANGUAGE_LOCALES: Readonly<Record<Language, string>> = { vi: 'vi', en: 'en' };

/** Native names, shown the same whatever the current language. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { vi: 'Tiếng Việt', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Replaces `{name}` placeholders with their values; unknown placeholders are kept as they are. */
export function interpolate(text: string, params?: TranslationParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : placeholder,
  );
}

/** A label given in both languages by a shared vocabulary (`@skss/domain`'s permissions, code lists…). */
export type BilingualLabel = Readonly<Record<Language, string>>;
