export { INBOUND_MONITORING_ROUTES, OUTBOUND_MONITORING_ROUTES } from './lib/monitoring.routes';
