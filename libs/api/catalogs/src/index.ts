export * from './lib/catalogs.module';
