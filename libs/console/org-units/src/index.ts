export { ORG_UNITS_ROUTES } from './lib/org-units.routes';
