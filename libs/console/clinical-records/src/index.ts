export { RECORDS_ROUTES } from './lib/records.routes';
