export { AUDIT_ROUTES, INTEGRATION_CLIENTS_ROUTES, ROLES_ROUTES, USERS_ROUTES } from './lib/administration.routes';
