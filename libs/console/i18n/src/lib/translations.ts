import { CORE_LOADERS, CORE_VI, scopeOf, TRANSLATION_SCOPES, TranslationKey, TranslationScope } from './scopes';
import { DEFAULT_LANGUAGE, Dictionary, interpolate, Language, TranslationParams } from './translate';

/** Where the dictionaries come from: the console's lazy chunks, or fixtures in tests. */
export interface DictionaryLoaders {
  readonly core: Readonly<Record<Language, () => Promise<Dictionary>>>;
  readonly scopes: Readonly<Record<TranslationScope, Readonly<Record<Language, () => Promise<Dictionary>>>>>;
}

/** The console's dictionaries, each a lazy chunk but the Vietnamese console-wide one. */
export const CONSOLE_LOADERS: DictionaryLoaders = { core: CORE_LOADERS, scopes: TRANSLATION_SCOPES };

/** `null` stands for the console-wide dictionary. */
type Part = TranslationScope | null;

const id = (language: Language, part: Part) => `${language}:${part ?? ''}`;

/**
 * The dictionaries loaded so far, per language and scope, and the lookup of a key in them (framework-free; the
 * console's `I18n` service wraps it in signals). Each dictionary is fetched at most once at a time; a failed fetch is
 * forgotten so that the next call tries again. A key whose dictionary is not loaded in the language asked for falls
 * back to Vietnamese, then to the key itself, so a screen never goes blank.
 */
export class Translations {
  private readonly loaded = new Map<string, Dictionary>([[id(DEFAULT_LANGUAGE, null), CORE_VI]]);
  private readonly inFlight = new Map<string, Promise<void>>();

  /** `onLoad` runs after each dictionary arrives (the service bumps a signal there). */
  constructor(
    private readonly loaders: DictionaryLoaders = CONSOLE_LOADERS,
    private readonly onLoad: () => void = () => undefined,
  ) {}

  isLoaded(language: Language, scope: Part = null): boolean {
    return this.loaded.has(id(language, scope));
  }

  /** Fetches a dictionary unless it is loaded; resolves once it is usable, rejects when the fetch failed. */
  load(language: Language, scope: Part = null): Promise<void> {
    const key = id(language, scope);
    if (this.loaded.has(key)) return Promise.resolve();
    let pending = this.inFlight.get(key);
    if (!pending) {
      const loader = scope === null ? this.loaders.core[language] : this.loaders.scopes[scope][language];
      pending = loader()
        .then((dictionary) => {
          this.loaded.set(key, dictionary);
          this.onLoad();
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** The text of a key in a language, placeholders filled; Vietnamese, then the key itself, when it is missing. */
  text(language: Language, key: TranslationKey, params?: TranslationParams): string {
    const scope = scopeOf(key);
    const local = scope === null ? key : key.slice(scope.length + 1);
    const text = this.loaded.get(id(language, scope))?.[local] ?? this.loaded.get(id(DEFAULT_LANGUAGE, scope))?.[local];
    return text === undefined ? key : interpolate(text, params);
  }
}
