export * from './lib/accounts.module';
export * from './lib/first-administrator/first-administrator';
