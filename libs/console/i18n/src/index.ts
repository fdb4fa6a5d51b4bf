export * from './lib/days';
export * from './lib/labels';
export * from './lib/translate';
export { vi } from './lib/vi';
export { en } from './lib/en';
