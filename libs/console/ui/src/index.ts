export * from './lib/api-error';
export * from './lib/date-adapter';
export * from './lib/day.pipe';
export * from './lib/i18n.service';
export * from './lib/icon';
export * from './lib/notice';
export * from './lib/translate.pipe';
export * from './lib/remote';
