export { ACCOUNT_ROUTES, LOGIN_ROUTE } from './lib/auth.routes';
export { IdleTimeout } from './lib/idle/idle-timeout';
export { guestGuard, permissionGuard, sessionGuard } from './lib/session/guards';
export { LOGIN_PATH, PASSWORD_PATH, PROFILE_PATH, TWO_FACTOR_PATH } from './lib/session/return-url';
export { Session } from './lib/session/session';
export { sessionInterceptor } from './lib/session/session.interceptor';
