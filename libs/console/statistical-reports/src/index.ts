export { REPORTS_ROUTES } from './lib/reports.routes';
