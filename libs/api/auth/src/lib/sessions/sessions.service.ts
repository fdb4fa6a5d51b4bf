import { Injectable } from '@nestjs/common';
import { AppConfig, InjectAppConfig, PrismaService } from '@skss/api/core';
import { hashToken, newToken } from './session-token';

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

const sessionWithUser = {
  user: { include: { facility: true, roles: { include: { role: true } } } },
} as const;

/** Server-side sessions: the client holds a random token; the server stores its hash. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly prisma: PrismaService,
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

  /** The live session for a token, with its user; ends sessions that are idle or past their lifetime. */
  async resolve(token: string) {
    const session = await this.prisma.raw.session.findUnique({ where: { tokenHash: hashToken(token) }, include: sessionWithUser });
    if (!session || session.revokedAt) return null;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now) {
      await this.revoke(session.id, 'expired');
      return null;
    }
    if (session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000 <= now) {
      await this.revoke(session.id, 'idle');
      return null;
    }
    if (session.user.status !== 'active') {
      await this.revoke(session.id, 'disabled');
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.prisma.raw.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
    }
    return session;
  }

  async markFullyAuthenticated(sessionId: string): Promise<void> {
    await this.prisma.raw.session.update({ where: { id: sessionId }, data: { fullyAuthenticated: true } });
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.prisma.raw.session.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: reason },
    });
  }

  /** Ends a user's sessions (password change, disabling), optionally keeping the current one. */
  async revokeAllForUser(userId: string, reason: string, exceptSessionId?: string): Promise<number> {
    const result = await this.prisma.raw.session.updateMany({
      where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
      data: { revokedAt: new Date(), revokedReason: reason },
    });
    return result.count;
  }
}

export type ResolvedSession = NonNullable<Awaited<ReturnType<SessionsService['resolve']>>>;
