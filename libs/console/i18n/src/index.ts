export * from './lib/days';
export * from './lib/labels';
export * from './lib/sizes';
export * from './lib/translate';
export type { CoreKey, TranslationKey, TranslationScope } from './lib/scopes';
export { isTranslationKey, scopeOf, SCOPES } from './lib/scopes';
export * from './lib/translations';
