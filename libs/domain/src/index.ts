export * from './lib/calendar/calendar-date';
export * from './lib/org/org-levels';
export * from './lib/org/reporting-rules';
export * from './lib/text/fold';
