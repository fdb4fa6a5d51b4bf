export * from './sql-runner';
