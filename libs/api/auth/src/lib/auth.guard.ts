import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppConfig, DomainError, InjectAppConfig, PENDING_ALLOWED_KEY, PERMISSIONS_KEY, PUBLIC_KEY, RequestContext } from '@skss/api/core';
import type { Permission } from '@skss/domain';
import { PENDING_MESSAGES, pendingStep, toPrincipal } from './sessions/account-state';
import { CSRF_HEADER, SESSION_COOKIE } from './sessions/session-token';
import { ResolvedSession, SessionsService } from './sessions/sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session a request carries, and how: the console's cookie or an API client's bearer token. */
export function readCredentials(req: Request): { token: string; via: 'cookie' | 'bearer' } | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/**
 * Global guard: every route needs a live session unless marked @Public(); cookie sessions must
 * echo their CSRF token on unsafe methods; sessions that owe a password change or second factor
 * may only use @AllowPending() routes; @RequirePermissions() is checked against the user's roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const req = context.switchToHttp().getRequest<Request & { session?: ResolvedSession }>();
    const credentials = readCredentials(req);
    const session = credentials ? await this.sessions.resolve(credentials.token) : null;
    if (!session) {
      if (isPublic) return true;
      throw new DomainError(
        credentials ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED',
        credentials ? 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại' : 'Chưa đăng nhập',
        401,
      );
    }
    if (credentials?.via === 'cookie' && !SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new DomainError('CSRF_TOKEN_INVALID', 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo), vui lòng tải lại trang', 403);
    }
    const state = RequestContext.current();
    if (state) state.principal = toPrincipal(session.user, session.id);
    req.session = session;
    if (isPublic) return true;

    const pending = pendingStep(session.user, session, this.config);
    if (pending && !this.reflector.getAllAndOverride<boolean>(PENDING_ALLOWED_KEY, targets)) {
      throw new DomainError(pending, PENDING_MESSAGES[pending], 403);
    }
    const required = this.reflector.getAllAndOverride<Permission[]>(PERMISSIONS_KEY, targets) ?? [];
    const granted = state?.principal?.kind === 'user' ? state.principal.permissions : new Set<Permission>();
    if (!required.every((p) => granted.has(p))) {
      throw new DomainError('FORBIDDEN', 'Tài khoản không có quyền thực hiện thao tác này', 403);
    }
    return true;
  }
}
