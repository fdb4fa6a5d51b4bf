import { Inject } from '@nestjs/common';

/** Typed configuration, read and checked once at boot. Services receive it by injection. */
export interface AppConfig {
  databaseUrl: string;
  port: number;
  /** Folder of the built console served at `/`; empty to serve the API only. */
  consoleDir: string;
  /** Log each SQL statement (development only). */
  logQueries: boolean;
  /** Connections of this instance's pool (docs/operations/sizing.md): enough to keep the server's cores busy, no more. */
  databasePoolSize: number;
  /**
   * Seconds a resolved session (account, roles, view scope) is reused from memory; 0 reads it on
   * every request. Changes reach every instance at once through LISTEN/NOTIFY; this bounds the rest
   * (a reporting line coming into force at midnight).
   */
  sessionCacheSeconds: number;
  /** Minutes without activity after which a session ends (Điều 4.2: idle sessions are protected). */
  sessionIdleMinutes: number;
  /** Hours after which a session ends whatever the activity. */
  sessionMaxHours: number;
  /** Send the session cookie only over HTTPS (turn off only for local HTTP trials). */
  cookieSecure: boolean;
  /** Days after which accounts with administration permissions must change their password (Điều 17.3). */
  adminPasswordMaxAgeDays: number;
  /** Origins allowed to call the API from a browser (CORS); empty: same origin only. */
  corsOrigins: string[];
  /** Single sign-on with the health statistics software (OpenID Connect); null when not configured. */
  sso: SsoConfig | null;
  /** Express `trust proxy`: hops (number) or addresses of the load balancers; false when none. */
  trustProxy: number | string | false;
}

export interface SsoConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Public URL of this system, where the provider sends the user back (…/api/v1/auth/sso/callback). */
  publicUrl: string;
  /** Claim whose value links a provider account to an account here (matched against sso_subject). */
  linkClaim: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
export const InjectAppConfig = () => Inject(APP_CONFIG);

export class ConfigError extends Error {}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgresql:// connection string');
  }
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got ${env['PORT']}`);
  return {
    databaseUrl,
    port,
    consoleDir: env['CONSOLE_DIR'] ?? 'dist/apps/console/browser',
    logQueries: env['LOG_QUERIES'] === 'true',
    databasePoolSize: positiveInteger(env, 'DATABASE_POOL_SIZE', 10),
    sessionCacheSeconds: nonNegativeNumber(env, 'SESSION_CACHE_SECONDS', 30),
    sessionIdleMinutes: positiveNumber(env, 'SESSION_IDLE_MINUTES', 30),
    sessionMaxHours: positiveNumber(env, 'SESSION_MAX_HOURS', 12),
    cookieSecure: env['COOKIE_SECURE'] !== 'false',
    adminPasswordMaxAgeDays: positiveNumber(env, 'ADMIN_PASSWORD_MAX_AGE_DAYS', 183),
    corsOrigins: (env['CORS_ORIGINS'] ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    sso: loadSso(env, port),
    trustProxy: env['TRUST_PROXY'] ? (/^\d+$/.test(env['TRUST_PROXY']) ? Number(env['TRUST_PROXY']) : env['TRUST_PROXY']) : false,
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, got ${raw}`);
  return value;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = positiveNumber(env, name, fallback);
  if (!Number.isInteger(value)) throw new ConfigError(`${name} must be a whole number, got ${env[name]}`);
  return value;
}

function nonNegativeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return env[name] === '0' ? 0 : positiveNumber(env, name, fallback);
}

function loadSso(env: NodeJS.ProcessEnv, port: number): SsoConfig | null {
  const issuer = env['SSO_ISSUER'];
  if (!issuer) return null;
  const clientId = env['SSO_CLIENT_ID'];
  const clientSecret = env['SSO_CLIENT_SECRET'];
  if (!clientId || !clientSecret) throw new ConfigError('SSO_ISSUER is set: SSO_CLIENT_ID and SSO_CLIENT_SECRET are required too');
  return {
    issuer,
    clientId,
    clientSecret,
    publicUrl: (env['PUBLIC_URL'] ?? `http://localhost:${port}`).replace(/\/$/, ''),
    linkClaim: env['SSO_LINK_CLAIM'] ?? 'preferred_username',
  };
}
