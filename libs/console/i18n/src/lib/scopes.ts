import { vi as coreVi } from './core/vi';
import { Dictionary, Language } from './translate';

type Loader = () => Promise<Dictionary>;

/**
 * The console-wide dictionaries: Vietnamese is in the initial bundle (the default language, and the fallback of every
 * other), English is a lazy chunk fetched only by someone who chooses English.
 */
export const CORE_LOADERS: Readonly<Record<Language, Loader>> = {
  vi: () => Promise.resolve(coreVi),
  en: () => import('./core/en').then((m) => m.en),
};

/**
 * The translation scopes: one per feature, each language a lazy chunk of its own, fetched with the feature's first
 * page (`withTranslations(scope, …)` in `@skss/console/ui`) and only in the language in use. A scope's keys are
 * written `<scope>.<key>` everywhere (`'admin.users.title' | translate`); its files hold them without the prefix.
 *
 * To add one: `scopes/<scope>/vi.ts` (the reference) and `en.ts` (typed `Record<keyof typeof vi, string>`), one line
 * here, and `withTranslations('<scope>', …)` on the feature's lazy routes. The unit tests check every scope listed here.
 */
export const TRANSLATION_SCOPES = {
  auth: { vi: () => import('./scopes/auth/vi').then((m) => m.vi), en: () => import('./scopes/auth/en').then((m) => m.en) },
  org: { vi: () => import('./scopes/org/vi').then((m) => m.vi), en: () => import('./scopes/org/en').then((m) => m.en) },
  admin: { vi: () => import('./scopes/admin/vi').then((m) => m.vi), en: () => import('./scopes/admin/en').then((m) => m.en) },
  records: { vi: () => import('./scopes/records/vi').then((m) => m.vi), en: () => import('./scopes/records/en').then((m) => m.en) },
  reports: { vi: () => import('./scopes/reports/vi').then((m) => m.vi), en: () => import('./scopes/reports/en').then((m) => m.en) },
  integration: {
    vi: () => import('./scopes/integration/vi').then((m) => m.vi),
    en: () => import('./scopes/integration/en').then((m) => m.en),
  },
} as const satisfies Readonly<Record<string, Readonly<Record<Language, Loader>>>>;

export type TranslationScope = keyof typeof TRANSLATION_SCOPES;
export const SCOPES = Object.keys(TRANSLATION_SCOPES) as TranslationScope[];

type ScopeDictionary<S extends TranslationScope> = Awaited<ReturnType<(typeof TRANSLATION_SCOPES)[S]['vi']>>;
type ScopedKey<S extends TranslationScope> = `${S}.${keyof ScopeDictionary<S> & string}`;

/** A console-wide key (`app.*`, `common.*`, `error.*`…). */
export type CoreKey = keyof typeof coreVi;
/** Every text of the console: a console-wide key or `<scope>.<key>`. Strict templates check keys against this. */
export type TranslationKey = CoreKey | { [S in TranslationScope]: ScopedKey<S> }[TranslationScope];

/** The scope a key belongs to (its first segment, when that names a scope), or null for a console-wide key. */
export function scopeOf(key: string): TranslationScope | null {
  const dot = key.indexOf('.');
  const head = dot > 0 ? key.slice(0, dot) : '';
  return Object.prototype.hasOwnProperty.call(TRANSLATION_SCOPES, head) ? (head as TranslationScope) : null;
}

/** Whether a string is a key of the console: a console-wide key, or one in a scope (checked once the scope is loaded). */
export function isTranslationKey(value: unknown): value is TranslationKey {
  return typeof value === 'string' && (Object.prototype.hasOwnProperty.call(coreVi, value) || scopeOf(value) !== null);
}

/** The Vietnamese console-wide dictionary, in the initial bundle: the texts shown before anything else loads. */
export const CORE_VI: Dictionary = coreVi;
