export * from './commune-rows';
export * from './regimes';
export * from './periods';
export * from './holidays';
export * from './deadlines';
export * from './facility-indicators';
export * from './facility-forms';
export * from './forms';
