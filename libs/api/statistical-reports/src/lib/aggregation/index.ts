export * from './approved-values';
export * from './unit-tree';
export * from './unit-lines';
export * from './unit-report';
export * from './unit-report.service';
