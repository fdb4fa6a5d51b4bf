import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import {
  AppConfig,
  AuditService,
  ClientPrincipal,
  DomainError,
  InjectAppConfig,
  PENDING_ALLOWED_KEY,
  PERMISSIONS_KEY,
  PrismaService,
  PUBLIC_KEY,
  RequestContext,
  RequestState,
  Scope,
} from '@skss/api/core';
import type { Permission } from '@skss/domain';
import { CLIENT_ROUTE_KEY, ClientRouteRequirement } from './client-operation.decorator';
import { PENDING_MESSAGES, pendingStep } from './sessions/account-state';
import { CSRF_HEADER, hashToken, SESSION_COOKIE } from './sessions/session-token';
import { CachedSession, ResolvedSession, SessionsService } from './sessions/sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Only write an integration account's last use once a minute, not on every request. */
const CLIENT_TOUCH_INTERVAL_MS = 60_000;
const MAX_CLIENT_ID_LENGTH = 60;
const MAX_CLIENT_SECRET_LENGTH = 200;
/** Compared against when the client id is unknown, so that case costs the same as a wrong secret. */
const DECOY_SECRET_HASH = Buffer.from(hashToken('no such integration account'), 'hex');

const forbidden = () => new DomainError('FORBIDDEN', 'Tài khoản không có quyền thực hiện thao tác này', 403);

/** The session a request carries, and how: the console's cookie or an API client's bearer token. */
export function readCredentials(req: Request): { token: string; via: 'cookie' | 'bearer' } | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/**
 * An external system's client credentials (`Authorization: Basic base64(clientId:clientSecret)`,
 * RFC 7617): undefined without that scheme, null when the header is malformed.
 */
export function readClientCredentials(req: Request): { clientId: string; secret: string } | null | undefined {
  const header = req.headers.authorization;
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const clientId = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  if (!secret || clientId.length > MAX_CLIENT_ID_LENGTH || secret.length > MAX_CLIENT_SECRET_LENGTH) return null;
  return { clientId, secret };
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
 * External systems authenticate with client credentials and may only use the routes marked
 * @RequireClientOperation() / @ClientRoute() (and users may not use those).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    // Public routes use no principal: answering them costs no credential check and no database work.
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const clientRoute = this.reflector.getAllAndOverride<ClientRouteRequirement | undefined>(CLIENT_ROUTE_KEY, targets);
    const req = context.switchToHttp().getRequest<Request & { session?: ResolvedSession }>();
    const clientCredentials = readClientCredentials(req);
    if (clientCredentials !== undefined) {
      const principal = await this.authenticateClient(clientCredentials);
      if (!principal) {
        context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Basic realm="SKSS", charset="UTF-8"');
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

  /**
   * The principal of an active integration account whose secret matches, or null: an unknown id,
   * a wrong secret and a revoked account get the same answer. Secrets are random 256-bit values
   * stored as SHA-256 (see the integration library), compared in constant time.
   */
  private async authenticateClient(credentials: { clientId: string; secret: string } | null): Promise<ClientPrincipal | null> {
    if (!credentials) return null;
    const db = this.prisma.raw;
    const client = await db.integrationClient.findUnique({
      where: { clientId: credentials.clientId },
      include: { facilities: { select: { facilityId: true } } },
    });
    const stored = client ? Buffer.from(client.secretHash, 'hex') : DECOY_SECRET_HASH;
    const presented = Buffer.from(hashToken(credentials.secret), 'hex');
    const matches = stored.length === presented.length && timingSafeEqual(stored, presented);
    if (!client) return null;
    if (!matches || client.status !== 'active' || client.revokedAt) {
      await this.audit.record({
        action: 'ACCESS_DENIED',
        entityType: 'IntegrationClient',
        entityId: client.id,
        details: { clientId: client.clientId, reason: matches ? 'revoked' : 'wrong-secret' },
      });
      return null;
    }
    const now = new Date();
    if (!client.lastUsedAt || now.getTime() - client.lastUsedAt.getTime() > CLIENT_TOUCH_INTERVAL_MS) {
      // Raw client: last use is bookkeeping, not a configuration change for the audit trail.
      await db.integrationClient.updateMany({
        where: { id: client.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - CLIENT_TOUCH_INTERVAL_MS) } }] },
        data: { lastUsedAt: now, updatedAt: client.updatedAt },
      });
    }
    return {
      kind: 'client',
      clientId: client.clientId,
      facilityIds: new Set(client.facilities.map((f) => f.facilityId)),
      operations: new Set(client.operations),
    };
  }
}
