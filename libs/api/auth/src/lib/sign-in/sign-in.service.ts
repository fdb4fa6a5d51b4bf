import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, PrismaService } from '@skss/api/core';
import { TIMING_DECOY_HASH, verifyPassword } from '../passwords/password-hasher';
import { IssuedSession, SessionsService } from '../sessions/sessions.service';

/** Failures within this window count towards a lockout (Điều 17; ASVS 6.3.1). */
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_DURATION_MS = 15 * 60_000;
/** Failed attempts from one client address in the window before it is throttled. */
export const IP_FAILURE_LIMIT = 30;

const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng', 401);
const locked = () => new DomainError('ACCOUNT_LOCKED', 'Tài khoản tạm khóa do đăng nhập sai nhiều lần, vui lòng thử lại sau 15 phút', 423);

export interface SignInClient {
  ip: string | null;
  userAgent?: string;
}

/** Username and password sign-in with per-account lockout and per-address throttling. */
@Injectable()
export class SignInService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async signIn(rawUsername: string, password: string, client: SignInClient): Promise<IssuedSession & { userId: string }> {
    const username = rawUsername.trim().toLowerCase();
    const now = new Date();
    const db = this.prisma.raw;
    if (
      client.ip &&
      (await db.signInAttempt.count({
        where: { ip: client.ip, success: false, at: { gt: new Date(now.getTime() - LOCKOUT_WINDOW_MS) } },
      })) >= IP_FAILURE_LIMIT
    ) {
      throw new DomainError('TOO_MANY_ATTEMPTS', 'Quá nhiều lần đăng nhập sai từ địa chỉ này, vui lòng thử lại sau', 429);
    }

    const user = await db.userAccount.findUnique({ where: { username }, include: { roles: { include: { role: true } } } });
    if (user?.lockedUntil && user.lockedUntil > now) {
      await this.fail(username, client, 'locked');
      throw locked();
    }
    const failures = await this.recentFailures(username, now, user?.lockedUntil ?? null);
    if (!user && failures >= LOCKOUT_THRESHOLD) {
      // Unknown usernames lock the same way, so the answer does not reveal which accounts exist.
      await this.fail(username, client, 'locked');
      throw locked();
    }

    const valid = await verifyPassword(user?.passwordHash ?? (await TIMING_DECOY_HASH), password);
    if (!user || !valid) {
      await this.fail(username, client, 'wrong-credentials');
      if (user && failures + 1 >= LOCKOUT_THRESHOLD) {
        await db.userAccount.update({ where: { id: user.id }, data: { lockedUntil: new Date(now.getTime() + LOCKOUT_DURATION_MS) } });
        await this.audit.record({
          action: 'LOCKOUT',
          entityType: 'UserAccount',
          entityId: user.id,
          username,
          details: { failures: failures + 1 },
        });
      }
      throw invalidCredentials();
    }
    if (user.status !== 'active') {
      await this.fail(username, client, 'disabled');
      throw new DomainError('ACCOUNT_DISABLED', 'Tài khoản đã bị vô hiệu hóa, vui lòng liên hệ quản trị', 403);
    }
    return this.open(user.id, username, 'password', user.totpEnabled, client);
  }

  /** Opens a session for an account already authenticated (password or single sign-on). */
  async open(
    userId: string,
    username: string,
    method: 'password' | 'oidc',
    needsTotp: boolean,
    client: SignInClient,
  ): Promise<IssuedSession & { userId: string }> {
    await this.prisma.raw.signInAttempt.create({ data: { username, ip: client.ip, success: true } });
    await this.prisma.raw.userAccount.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
    const session = await this.sessions.issue(userId, method, !needsTotp, client);
    await this.audit.record({
      action: 'SIGN_IN',
      entityType: 'UserAccount',
      entityId: userId,
      username,
      details: { method, sessionId: session.id },
    });
    return { ...session, userId };
  }

  async recordSignOut(userId: string | undefined): Promise<void> {
    await this.audit.record({ action: 'SIGN_OUT', entityType: 'UserAccount', entityId: userId });
  }

  async recordFailure(username: string, client: SignInClient, reason: string): Promise<void> {
    await this.fail(username, client, reason);
  }

  private async fail(username: string, client: SignInClient, reason: string): Promise<void> {
    await this.prisma.raw.signInAttempt.create({ data: { username, ip: client.ip, success: false } });
    await this.audit.record({ action: 'SIGN_IN_FAILED', entityType: 'UserAccount', username, details: { reason } });
  }

  /** Failures since the later of: the window start, the end of the last lock (or an unlock), the last success. */
  private async recentFailures(username: string, now: Date, lockedUntil: Date | null): Promise<number> {
    const lastSuccess = await this.prisma.raw.signInAttempt.findFirst({
      where: { username, success: true },
      orderBy: { at: 'desc' },
      select: { at: true },
    });
    const since = Math.max(now.getTime() - LOCKOUT_WINDOW_MS, lockedUntil?.getTime() ?? 0, lastSuccess?.at.getTime() ?? 0);
    return this.prisma.raw.signInAttempt.count({ where: { username, success: false, at: { gt: new Date(since) } } });
  }
}
