export * from './lib/statistical-reports.module';
export * from './lib/computation';
