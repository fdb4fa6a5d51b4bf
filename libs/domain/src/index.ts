export * from './lib/calendar/calendar-date';
export * from './lib/org/org-levels';
export * from './lib/org/reporting-rules';
export * from './lib/text/fold';
export * from './lib/access/default-roles';
export * from './lib/access/password-policy';
export * from './lib/access/integration-operations';
export * from './lib/access/permissions';
