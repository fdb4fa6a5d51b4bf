import { Injectable } from '@nestjs/common';
import { AppConfig, InjectAppConfig, Scope, UserPrincipal } from '@skss/api/core';
import type { ResolvedSession } from './session-lookup';

/** A session as this instance keeps it between requests. */
export interface CachedSession {
  session: ResolvedSession;
  principal: UserPrincipal;
  /** The caller's scope, computed by the core on first use and kept with the session (see AuthGuard). */
  scope?: Scope;
  /** When it was read from the database (ms since the epoch). */
  loadedAt: number;
}

/** Beyond this many sessions the oldest are dropped (a province's officers fit many times over). */
const MAX_SESSIONS = 20_000;

/**
 * Resolved sessions by token hash, so that a request needs no database round trip to know who is
 * calling. Correctness rests on invalidation, not on the short lifetime: every change that can end
 * or alter a session is announced by PostgreSQL (NOTIFY from triggers, migration
 * 20261130040000_session_invalidation) to every instance, and this instance forgets what it
 * changed itself before answering. While the listener is not connected nothing is reused.
 */
@Injectable()
export class SessionCache {
  private readonly byToken = new Map<string, CachedSession>();
  private readonly tokenOfSession = new Map<string, string>();
  private readonly lifetimeMs: number;
  private listening = false;
  /** Bumped by every invalidation: a read that started before one must not be kept. */
  private generation = 0;

  constructor(@InjectAppConfig() config: AppConfig) {
    this.lifetimeMs = config.sessionCacheSeconds * 1000;
  }

  get enabled(): boolean {
    return this.listening && this.lifetimeMs > 0;
  }

  get(tokenHash: string, now = Date.now()): CachedSession | undefined {
    const entry = this.byToken.get(tokenHash);
    if (!entry) return undefined;
    if (this.enabled && now - entry.loadedAt < this.lifetimeMs) return entry;
    this.remove(tokenHash);
    return undefined;
  }

  /** Taken before reading a session from the database; put() keeps the result only if nothing was invalidated since. */
  stamp(): number {
    return this.generation;
  }

  put(tokenHash: string, entry: CachedSession, stamp: number): void {
    if (!this.enabled || stamp !== this.generation) return;
    if (this.byToken.size >= MAX_SESSIONS) {
      const oldest = this.byToken.keys().next().value;
      if (oldest !== undefined) this.remove(oldest);
    }
    this.byToken.set(tokenHash, entry);
    this.tokenOfSession.set(entry.session.id, tokenHash);
  }

  forgetSession(sessionId: string): void {
    this.generation++;
    const tokenHash = this.tokenOfSession.get(sessionId);
    if (tokenHash) this.remove(tokenHash);
  }

  forgetUser(userId: string): void {
    this.generation++;
    for (const [tokenHash, entry] of this.byToken) if (entry.session.userId === userId) this.remove(tokenHash);
  }

  forgetAll(): void {
    this.generation++;
    this.byToken.clear();
    this.tokenOfSession.clear();
  }

  /** One notification of channel skss_session_cache: `session:<id>`, `user:<id>` or `all`. */
  invalidate(payload: string): void {
    const [kind, id] = payload.split(':', 2);
    if (kind === 'session' && id) this.forgetSession(id);
    else if (kind === 'user' && id) this.forgetUser(id);
    else this.forgetAll();
  }

  /** The listener is connected: changes are announced from now on (what came before is unknown). */
  resume(): void {
    this.forgetAll();
    this.listening = true;
  }

  /** The listener lost its connection: changes could go unannounced, so nothing is reused until it is back. */
  suspend(): void {
    this.listening = false;
    this.forgetAll();
  }

  private remove(tokenHash: string): void {
    const entry = this.byToken.get(tokenHash);
    if (entry) this.tokenOfSession.delete(entry.session.id);
    this.byToken.delete(tokenHash);
  }
}
