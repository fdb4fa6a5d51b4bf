export * from './cell-rows';
export * from './scoped-records';
export * from './report-drill-down.service';
