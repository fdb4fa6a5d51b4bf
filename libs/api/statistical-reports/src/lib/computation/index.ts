export * from './sql-runner';
export * from './commune-cells';
export * from './commune-choices';
export * from './sql-fragments';
export * from './statement-context';
export * from './maternal-statements';
export * from './register-statements';
