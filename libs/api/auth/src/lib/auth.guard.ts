import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type {} from '@fastify/cookie';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AppConfig,
  DomainError,
  InjectAppConfig,
  PENDING_ALLOWED_KEY,
  PERMISSIONS_KEY,
  PUBLIC_KEY,
  RequestContext,
  RequestState,
  Scope,
} from '@skss/api/core';
import type { Permission } from '@skss/domain';
import { CLIENT_ROUTE_KEY, ClientRouteRequirement } from './client-operation.decorator';
import { authenticateIntegrationClient, hasBasicCredentials, INTEGRATION_BASIC } from './integration-basic.strategy';
import { PENDING_MESSAGES, pendingStep } from './sessions/account-state';
import { CSRF_HEADER, SESSION_COOKIE } from './sessions/session-token';
import { CachedSession, ResolvedSession, SessionsService } from './sessions/sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const forbidden = () => new DomainError('FORBIDDEN', 'Tài khoản không có quyền thực hiện thao tác này', 403);

/** The session a request carries, and how: the console's cookie or an API client's bearer token. */
export function readCredentials(req: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = req.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/**
 * The scope the core computes on the first scoped query (scoped-prisma.ts) is stored with the
 * cached session instead of the request, so it is computed once per session, not per request.
 */
function keepScopeWithSession(state: RequestState, cached: CachedSession): void {
  Object.defineProperty(state, 'scope', {
    configurable: true,
    enumerable: true,
    get: () => cached.scope,
    set: (scope: Scope | undefined) => {
      cached.scope = scope;
    },
  });
}

/**
 * Global guard: every route needs a live session unless marked @Public(); cookie sessions must
 * echo their CSRF token on unsafe methods; sessions that owe a password change or second factor
 * may only use @AllowPending() routes; @RequirePermissions() is checked against the user's roles.
 * External systems authenticate with client credentials (HTTP Basic, checked by the Passport
 * strategy IntegrationBasicStrategy) and may only use the routes marked
 * @RequireClientOperation() / @ClientRoute() (and users may not use those).
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
    // Public routes use no principal: answering them costs no credential check and no database work.
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const clientRoute = this.reflector.getAllAndOverride<ClientRouteRequirement | undefined>(CLIENT_ROUTE_KEY, targets);
    const req = context.switchToHttp().getRequest<FastifyRequest & { session?: ResolvedSession }>();
    // A route may name its own strategy (the national endpoint's token); else Basic credentials make a client request.
    const strategy = clientRoute?.strategy ?? (hasBasicCredentials(req) ? INTEGRATION_BASIC : undefined);
    if (strategy) {
      const res = context.switchToHttp().getResponse<FastifyReply>();
      const principal = await authenticateIntegrationClient(req, res, strategy);
      if (!principal) {
        res.header('WWW-Authenticate', strategy === INTEGRATION_BASIC ? 'Basic realm="SKSS", charset="UTF-8"' : 'Bearer realm="SKSS"');
        throw new DomainError('INVALID_CLIENT_CREDENTIALS', 'Thông tin xác thực của hệ thống tích hợp không hợp lệ', 401);
      }
      const state = RequestContext.current();
      if (state) state.principal = principal;
      if (!clientRoute) throw forbidden();
      if (clientRoute.operation && !principal.operations.has(clientRoute.operation)) throw forbidden();
      return true;
    }

    const credentials = readCredentials(req);
    const resolved = credentials ? await this.sessions.resolve(credentials.token) : null;
    if (!resolved) {
      throw new DomainError(
        credentials ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED',
        credentials ? 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại' : 'Chưa đăng nhập',
        401,
      );
    }
    const session = resolved.session;
    if (credentials?.via === 'cookie' && !SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new DomainError('CSRF_TOKEN_INVALID', 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo), vui lòng tải lại trang', 403);
    }
    const state = RequestContext.current();
    if (state) {
      state.principal = resolved.principal;
      keepScopeWithSession(state, resolved);
    }
    req.session = session;
    if (clientRoute) throw forbidden();

    const pending = pendingStep(session.user, session, this.config);
    if (pending && !this.reflector.getAllAndOverride<boolean>(PENDING_ALLOWED_KEY, targets)) {
      throw new DomainError(pending, PENDING_MESSAGES[pending], 403);
    }
    const required = this.reflector.getAllAndOverride<Permission[]>(PERMISSIONS_KEY, targets) ?? [];
    const granted = state?.principal?.kind === 'user' ? state.principal.permissions : new Set<Permission>();
    if (!required.every((p) => granted.has(p))) throw forbidden();
    return true;
  }
}
