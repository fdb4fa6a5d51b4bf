import { Injectable } from '@nestjs/common';
import { AppConfig, InjectAppConfig, PrismaService } from '@skss/api/core';
import { toPrincipal } from './account-state';
import { CachedSession, SessionCache } from './session-cache';
import { findSession } from './session-lookup';
import { hashToken, newToken } from './session-token';

export type { ResolvedSession, SessionAccount } from './session-lookup';
export type { CachedSession } from './session-cache';

export type SessionMethod = 'password' | 'oidc';

export interface IssuedSession {
  id: string;
  token: string;
  csrfToken: string;
  method: SessionMethod;
  /** False while a second factor is owed. */
  fullyAuthenticated: boolean;
}

/** Only write last-seen once a minute per session, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Server-side sessions: the client holds a random token; the server stores its hash. Resolving a
 * token costs one statement the first time and none while this instance keeps it (SessionCache);
 * whatever ends or changes a session here is forgotten before the answer leaves.
 */
@Injectable()
export class SessionsService {
  /** Reads in flight, so that concurrent first requests of one session share a single statement. */
  private readonly loading = new Map<string, Promise<CachedSession | null>>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly cache: SessionCache,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  async issue(
    userId: string,
    method: SessionMethod,
    fullyAuthenticated: boolean,
    client: { ip: string | null; userAgent?: string },
  ): Promise<IssuedSession> {
    const token = newToken();
    const csrfToken = newToken();
    const session = await this.prisma.raw.session.create({
      data: {
        tokenHash: hashToken(token),
        csrfToken,
        userId,
        method,
        fullyAuthenticated,
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
        expiresAt: new Date(Date.now() + this.config.sessionMaxHours * 3600_000),
      },
    });
    return { id: session.id, token, csrfToken, method, fullyAuthenticated };
  }

  /** The live session for a token, with its account and principal; ends sessions that are idle or past their lifetime. */
  async resolve(token: string): Promise<CachedSession | null> {
    const tokenHash = hashToken(token);
    const entry = this.cache.get(tokenHash) ?? (await this.load(tokenHash));
    if (!entry) return null;
    const session = entry.session;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now) return this.end(session.id, 'expired');
    if (session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000 <= now) return this.end(session.id, 'idle');
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      // Set first: the other requests of this session in the meantime need not touch it too.
      session.lastSeenAt = new Date(now);
      await this.prisma.raw.session.updateMany({
        where: { id: session.id, lastSeenAt: { lt: new Date(now - TOUCH_INTERVAL_MS) } },
        data: { lastSeenAt: session.lastSeenAt },
      });
    }
    return entry;
  }

  async markFullyAuthenticated(sessionId: string): Promise<void> {
    await this.prisma.raw.session.update({ where: { id: sessionId }, data: { fullyAuthenticated: true } });
    this.cache.forgetSession(sessionId);
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.prisma.raw.session.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: reason },
    });
    this.cache.forgetSession(sessionId);
  }

  /** Ends a user's sessions (password change, disabling), optionally keeping the current one. */
  async revokeAllForUser(userId: string, reason: string, exceptSessionId?: string): Promise<number> {
    const result = await this.prisma.raw.session.updateMany({
      where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
      data: { revokedAt: new Date(), revokedReason: reason },
    });
    // The kept session is forgotten too: its account has just changed.
    this.cache.forgetUser(userId);
    return result.count;
  }

  /**
   * After changing an account here (status, roles, unit, password, second factor): the next request
   * of its sessions reads it again. Other instances learn it from the database's notification.
   */
  forgetUser(userId: string): void {
    this.cache.forgetUser(userId);
  }

  /** After changing a role's permissions, which any session may hold. */
  forgetAll(): void {
    this.cache.forgetAll();
  }

  private load(tokenHash: string): Promise<CachedSession | null> {
    let pending = this.loading.get(tokenHash);
    if (!pending) {
      const stamp = this.cache.stamp();
      pending = this.read(tokenHash, stamp).finally(() => this.loading.delete(tokenHash));
      this.loading.set(tokenHash, pending);
    }
    return pending;
  }

  private async read(tokenHash: string, stamp: number): Promise<CachedSession | null> {
    const session = await findSession(this.prisma.raw, tokenHash);
    if (!session || session.revokedAt) return null;
    if (session.user.status !== 'active') return this.end(session.id, 'disabled');
    const entry: CachedSession = { session, principal: toPrincipal(session.user, session.id), loadedAt: Date.now() };
    this.cache.put(tokenHash, entry, stamp);
    return entry;
  }

  private async end(sessionId: string, reason: string): Promise<null> {
    await this.revoke(sessionId, reason);
    return null;
  }
}
