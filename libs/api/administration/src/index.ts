export * from './lib/administration.module';
