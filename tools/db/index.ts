export * from './embedded-postgres';
export * from './migrate';
