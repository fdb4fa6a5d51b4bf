export * from './embedded-postgres';
export * from './migrate';
export * from './connection';
export * from './postgres-settings';
