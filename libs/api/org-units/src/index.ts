export * from './lib/api-org-units.module';
