import { Inject } from '@nestjs/common';

/** Typed configuration, read and checked once at boot. Services receive it by injection. */
export interface AppConfig {
  databaseUrl: string;
  port: number;
  /** Folder of the built console served at `/`; empty to serve the API only. */
  consoleDir: string;
  /** Log each SQL statement (development only). */
  logQueries: boolean;
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
  };
}
