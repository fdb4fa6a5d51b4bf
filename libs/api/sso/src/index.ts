export * from './lib/sso.module';
export * from './lib/dto/sso-status.dto';
export { SSO_ERRORS } from './lib/linking/sso-linking';
export type { SsoError } from './lib/linking/sso-linking';
