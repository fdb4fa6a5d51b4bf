import {
  computed,
  DOCUMENT,
  EnvironmentProviders,
  inject,
  Injectable,
  InjectionToken,
  makeEnvironmentProviders,
  provideAppInitializer,
  signal,
} from '@angular/core';
import {
  BilingualLabel,
  CONSOLE_LOADERS,
  DEFAULT_LANGUAGE,
  DictionaryLoaders,
  isLanguage,
  Language,
  LANGUAGE_LOCALES,
  scopeOf,
  TranslationKey,
  TranslationParams,
  Translations,
  TranslationScope,
} from '@skss/console/i18n';

const STORAGE_KEY = 'skss.language';

/** Where the dictionaries come from: the console's lazy chunks (tests give fixtures). */
export const TRANSLATION_LOADERS = new InjectionToken<DictionaryLoaders>('TRANSLATION_LOADERS', { factory: () => CONSOLE_LOADERS });

/**
 * The console's one text mechanism: Vietnamese by default, switchable to English at run time without a reload,
 * remembered in localStorage and mirrored on `<html lang>` for screen readers and hyphenation.
 *
 * Texts come in dictionaries (`@skss/console/i18n`): the console-wide one, and one scope per feature that is fetched with
 * the feature (`withTranslations`) and only in the language in use. Switching language first fetches that language's
 * dictionaries of everything already in use, then switches all texts at once.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(DEFAULT_LANGUAGE);
  /** Bumped whenever a dictionary arrives, so that texts read before it re-render. */
  private readonly revision = signal(0);
  private readonly translations = new Translations(inject(TRANSLATION_LOADERS), () => this.revision.update((n) => n + 1));
  /** Scopes some screen has asked for: a language switch fetches them too. */
  private readonly inUse = new Set<TranslationScope>();

  readonly language = this.current.asReadonly();
  /** Angular / Intl locale id of the current language. */
  readonly locale = computed(() => LANGUAGE_LOCALES[this.current()]);

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  /** The text of a key in the current language; reading it inside a template or computed tracks language and loading. */
  t(key: TranslationKey, params?: TranslationParams): string {
    const language = this.current();
    this.revision();
    const scope = scopeOf(key);
    // A key of a scope nobody asked for yet (a dialog of another feature…): fetch it, the text follows when it arrives.
    if (scope && !this.translations.isLoaded(language, scope)) void this.use(scope).catch(() => undefined);
    return this.translations.text(language, key, params);
  }

  /** A label a shared vocabulary gives in both languages (`PERMISSION_LABELS[p]`, a code list entry…). */
  label(label: BilingualLabel): string {
    return label[this.current()];
  }

  /** Makes a scope's texts available in the current language; rejects when they could not be fetched. */
  use(scope: TranslationScope): Promise<void> {
    this.inUse.add(scope);
    return this.translations.load(this.current(), scope);
  }

  /**
   * Switches the language once its dictionaries (console-wide and of every scope in use) have arrived, so that no
   * screen shows a mix of languages; resolves to false, keeping the current language, when they could not be fetched.
   */
  async setLanguage(language: Language): Promise<boolean> {
    try {
      await Promise.all([this.translations.load(language), ...[...this.inUse].map((scope) => this.translations.load(language, scope))]);
    } catch {
      return false;
    }
    this.current.set(language);
    this.document.documentElement.lang = language;
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Storage may be disabled (private browsing, policies): the choice then lasts for this page only.
    }
    return true;
  }

  /** At start: the language chosen last time, once its texts are here (Vietnamese when they cannot be fetched). */
  async restore(): Promise<void> {
    const stored = this.storedLanguage();
    if (stored !== this.current()) await this.setLanguage(stored);
  }

  private storedLanguage(): Language {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE;
    }
  }
}

/** For the application's providers: starts in the language chosen last time, its texts loaded before the first screen. */
export function provideConsoleI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([provideAppInitializer(() => inject(I18n).restore())]);
}

/**
 * Wraps a route's `loadChildren` or `loadComponent` so that the scope's texts are fetched alongside the code (in
 * parallel, no extra round trip) and are there when the page first renders:
 * `loadComponent: withTranslations('admin', () => import('./users/users-page').then((m) => m.UsersPage))`.
 * A failed fetch fails the navigation like a failed chunk, and the shell offers to retry.
 */
export function withTranslations<T>(scope: TranslationScope, load: () => Promise<T>): () => Promise<T> {
  return () => {
    const texts = inject(I18n).use(scope);
    return Promise.all([load(), texts]).then(([loaded]) => loaded);
  };
}
