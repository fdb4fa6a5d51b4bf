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
  /** Outbound integration and its scheduled jobs (docs/operations/integration.md). */
  outbound: OutboundConfig;
}

/** Destinations are null when not configured: their items wait, nothing is sent. */
export interface OutboundConfig {
  /** Run the outbox scheduler and the integration jobs in this instance (INTEGRATION_JOBS=false: never). */
  jobs: boolean;
  /** Seconds between two looks at due outbox items (retries included). */
  pollSeconds: number;
  batchSize: number;
  /** Failed deliveries after which an item is dead-lettered (kept for a manual re-send). */
  maxAttempts: number;
  /** Backoff after the n-th failure: base × 2^(n-1) seconds, at most max, with ±25 % jitter. */
  backoffBaseSeconds: number;
  backoffMaxSeconds: number;
  requestTimeoutSeconds: number;
  dhis2: Dhis2Config | null;
  fhir: { baseUrl: string; token: string | null; schedule: string } | null;
  /** When the e-handbook's webhooks are told about new changes (cron). */
  ehandbookSchedule: string;
  /** Bearer token of GET /api/metrics; null: the endpoint is off. */
  metricsToken: string | null;
  /** A facility that sent nothing for more than this many days is listed as silent. */
  silentDays: number;
  /** How long the integration's working data is kept (nightly RetentionJob, docs/operations/integration.md). */
  retention: IntegrationRetentionConfig;
}

/** Days after which integration working data is deleted. Dead outbox items are never deleted automatically. */
export interface IntegrationRetentionConfig {
  /** Delivered outbox items, counted from their delivery. */
  deliveredOutboxDays: number;
  /** Idempotency-Keys (the key → batch link), counted from their first use. */
  idempotencyKeyDays: number;
  /** Inbound batch records and their stored answers (integration_batch); at least idempotencyKeyDays. */
  inboundBatchDays: number;
  /** National XML package receipts (national_transaction). */
  nationalPackageDays: number;
  /**
   * E-handbook feed changes are deleted once every registered consumer has read them, and in any
   * case after this many days: a consumer further behind loses the older changes and must reload.
   */
  feedHorizonDays: number;
}

export interface Dhis2Config {
  baseUrl: string;
  username: string | null;
  password: string | null;
  /** Personal access token (Authorization: ApiToken …), instead of username and password. */
  token: string | null;
  /** When approved reports are released to DHIS2 (cron, Vietnam time). */
  schedule: string;
  /** idScheme of the data value sets (uid or code). */
  idScheme: string;
  /** Tracker program of maternal and child deaths; null: no death pull. */
  deathsProgram: string | null;
  deathsSchedule: string;
  /** Death register field → data element of the program (JSON). */
  deathsDataElements: Record<string, string>;
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
    outbound: loadOutbound(env),
  };
}

/** Default data elements of the death program (codes, with DHIS2_ID_SCHEME=code); DHIS2_DEATHS_DATA_ELEMENTS overrides. */
export const DEFAULT_DEATH_DATA_ELEMENTS: Readonly<Record<string, string>> = {
  fullName: 'A6_HO_TEN',
  sex: 'A6_GIOI_TINH',
  dateOfBirth: 'A6_NGAY_SINH',
  place: 'A6_NOI_TU_VONG',
  mainCause: 'A6_NGUYEN_NHAN',
  causeCode: 'A6_MA_ICD10',
  maternal: 'A6_TU_VONG_ME',
  maternalTiming: 'A6_THOI_DIEM_TU_VONG_ME',
  stillbirth: 'A6_THAI_CHET_LUU',
};

function loadOutbound(env: NodeJS.ProcessEnv): OutboundConfig {
  const url = (name: string): string | null => {
    const raw = env[name];
    if (!raw) return null;
    if (!/^https?:\/\//.test(raw)) throw new ConfigError(`${name} must be an http(s) URL, got ${raw}`);
    return raw.replace(/\/$/, '');
  };
  const dhis2Url = url('DHIS2_BASE_URL');
  const fhirUrl = url('FHIR_BASE_URL');
  let deathsDataElements = DEFAULT_DEATH_DATA_ELEMENTS;
  if (env['DHIS2_DEATHS_DATA_ELEMENTS']) {
    try {
      deathsDataElements = { ...DEFAULT_DEATH_DATA_ELEMENTS, ...JSON.parse(env['DHIS2_DEATHS_DATA_ELEMENTS']) };
    } catch {
      throw new ConfigError('DHIS2_DEATHS_DATA_ELEMENTS must be a JSON object of field → data element');
    }
  }
  return {
    jobs: env['INTEGRATION_JOBS'] !== 'false',
    pollSeconds: positiveNumber(env, 'OUTBOX_POLL_SECONDS', 30),
    batchSize: positiveInteger(env, 'OUTBOX_BATCH_SIZE', 100),
    maxAttempts: positiveInteger(env, 'OUTBOX_MAX_ATTEMPTS', 10),
    backoffBaseSeconds: positiveNumber(env, 'OUTBOX_BACKOFF_BASE_SECONDS', 60),
    backoffMaxSeconds: positiveNumber(env, 'OUTBOX_BACKOFF_MAX_SECONDS', 6 * 3600),
    requestTimeoutSeconds: positiveNumber(env, 'OUTBOX_REQUEST_TIMEOUT_SECONDS', 30),
    dhis2: dhis2Url
      ? {
          baseUrl: dhis2Url,
          username: env['DHIS2_USERNAME'] || null,
          password: env['DHIS2_PASSWORD'] || null,
          token: env['DHIS2_TOKEN'] || null,
          schedule: env['DHIS2_SYNC_SCHEDULE'] || '0 0 2 * * *',
          idScheme: env['DHIS2_ID_SCHEME'] || 'uid',
          deathsProgram: env['DHIS2_DEATHS_PROGRAM'] || null,
          deathsSchedule: env['DHIS2_DEATHS_SCHEDULE'] || '0 30 3 * * *',
          deathsDataElements,
        }
      : null,
    fhir: fhirUrl ? { baseUrl: fhirUrl, token: env['FHIR_TOKEN'] || null, schedule: env['FHIR_SYNC_SCHEDULE'] || '0 0 1 * * *' } : null,
    ehandbookSchedule: env['EHANDBOOK_NOTIFY_SCHEDULE'] || '0 * * * * *',
    metricsToken: env['METRICS_TOKEN'] || null,
    silentDays: positiveInteger(env, 'MONITORING_SILENT_DAYS', 7),
    retention: loadIntegrationRetention(env),
  };
}

function loadIntegrationRetention(env: NodeJS.ProcessEnv): IntegrationRetentionConfig {
  const retention: IntegrationRetentionConfig = {
    deliveredOutboxDays: positiveInteger(env, 'RETENTION_OUTBOX_DELIVERED_DAYS', 90),
    idempotencyKeyDays: positiveInteger(env, 'RETENTION_IDEMPOTENCY_KEY_DAYS', 30),
    inboundBatchDays: positiveInteger(env, 'RETENTION_INBOUND_BATCH_DAYS', 400),
    nationalPackageDays: positiveInteger(env, 'RETENTION_NATIONAL_PACKAGE_DAYS', 400),
    feedHorizonDays: positiveInteger(env, 'RETENTION_FEED_HORIZON_DAYS', 730),
  };
  // A key points at its batch (ON DELETE CASCADE): a batch must outlive its key.
  if (retention.inboundBatchDays < retention.idempotencyKeyDays) {
    throw new ConfigError('RETENTION_INBOUND_BATCH_DAYS must be at least RETENTION_IDEMPOTENCY_KEY_DAYS');
  }
  return retention;
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
