import { computed, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { DEFAULT_LANGUAGE, isLanguage, Language, LANGUAGE_LOCALES, translate, TranslationKey, TranslationParams } from '@skss/console/i18n';

const STORAGE_KEY = 'skss.language';

/**
 * The console's language: Vietnamese by default, switchable to English at run time without a reload,
 * remembered in localStorage and mirrored on `<html lang>` for screen readers and hyphenation.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(this.storedLanguage());

  readonly language = this.current.asReadonly();
  /** Angular / Intl locale id of the current language. */
  readonly locale = computed(() => LANGUAGE_LOCALES[this.current()]);

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  setLanguage(language: Language): void {
    this.current.set(language);
    this.document.documentElement.lang = language;
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Storage may be disabled (private browsing, policies): the choice then lasts for this page only.
    }
  }

  /** The text of a key in the current language; reading it inside a template or computed tracks the language. */
  t(key: TranslationKey, params?: TranslationParams): string {
    return translate(this.current(), key, params);
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
