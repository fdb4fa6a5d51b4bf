import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig, InjectAppConfig } from '@skss/api/core';
import { SessionCache } from './session-cache';

/** Channel of the triggers of migration 20261130040000_session_invalidation. */
export const SESSION_CACHE_CHANNEL = 'skss_session_cache';

const RECONNECT_MS = 2_000;
/** A silent network loss would otherwise go unnoticed until the next notification never comes. */
const HEARTBEAT_MS = 10_000;

/**
 * Listens on a connection of its own (LISTEN needs one that is not handed around by the pool, and
 * no transaction-mode pooler) and passes every notification to the session cache. While it is not
 * connected the cache is off, so a missed notification can never keep a revoked session alive.
 */
@Injectable()
export class SessionInvalidationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionInvalidationListener.name);
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly cache: SessionCache,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.sessionCacheSeconds > 0) await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.cache.suspend();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'skss-session-cache',
      keepAlive: true,
      query_timeout: 5_000,
    });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      this.disconnected(client, error);
    };
    client.on('notification', (message) => this.cache.invalidate(message.payload ?? 'all'));
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CACHE_CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (lost || this.stopped) return;
    this.client = client;
    this.cache.resume();
    this.schedule(() => this.heartbeat(client, onLost), HEARTBEAT_MS);
  }

  private async heartbeat(client: Client, onLost: (error?: Error) => void): Promise<void> {
    try {
      await client.query('SELECT 1');
      if (this.client === client) this.schedule(() => this.heartbeat(client, onLost), HEARTBEAT_MS);
    } catch (error) {
      onLost(error as Error);
    }
  }

  private disconnected(client: Client, error?: Error): void {
    if (this.client === client) this.client = null;
    this.cache.suspend();
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(`Session cache off until the database is reachable again (${error?.message ?? 'connection ended'})`);
    this.schedule(() => this.connect(), RECONNECT_MS);
  }

  private schedule(work: () => Promise<void>, delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void work(), delay);
    this.timer.unref();
  }
}
