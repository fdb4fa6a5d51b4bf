export * from './lib/statistical-reports.module';
export * from './lib/computation';
export * from './lib/aggregation';
export * from './lib/drill-down';
export * from './lib/reports/draft-cache';
