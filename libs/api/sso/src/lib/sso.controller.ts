import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, ErrorResponseDto, InjectAppConfig, Public } from '@skss/api/core';
import { CSRF_COOKIE, IssuedSession, SESSION_COOKIE } from '@skss/api/auth';
import { SsoStatusDto } from './dto/sso-status.dto';
import { SSO_PATH, TransactionSource } from './oidc/oidc-client';
import { SSO_TRANSACTION_TTL_MS } from './oidc/sso-transaction';
import { loginPageWith, SsoService } from './sso.service';

/** The sealed PKCE verifier, state and nonce of a sign-in in progress (see sso-transaction.ts). */
export const SSO_TRANSACTION_COOKIE = 'skss_sso';

/**
 * Answer of a successful callback. The session cookie stays SameSite=Strict (as for password
 * sign-in), but the callback is reached through a redirect chain that started on the provider's
 * site, so a Strict cookie would not be sent on a 302 to `/` that continues that chain. This page
 * is served from our own origin and its refresh starts a new, same-site navigation, on which the
 * browser does send the cookie. (No inline script: the Content-Security-Policy forbids it.)
 */
const CONTINUE_PAGE = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/"><title>Đang đăng nhập…</title></head>
<body><p>Đăng nhập thành công. <a href="/">Tiếp tục</a></p></body>
</html>
`;

@ApiTags('auth')
@Controller('auth/sso')
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('status')
  @ApiOperation({ operationId: 'getSsoStatus', summary: 'Whether sign-in with the health statistics software account is offered' })
  @ApiOkResponse({ type: SsoStatusDto })
  status(): SsoStatusDto {
    return this.sso.status();
  }

  @Public()
  @Get('login')
  @ApiOperation({
    operationId: 'startSsoLogin',
    summary: 'Start single sign-on: redirects the browser to the health statistics software (OpenID Connect provider)',
  })
  @ApiFoundResponse({ description: "To the provider's authorization endpoint, or to /login?sso_error=SSO_FAILED when it is unreachable" })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SSO_NOT_CONFIGURED' })
  async login(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    res.redirect(await this.sso.begin(req, this.transaction(req, res)), 302);
  }

  @Public()
  @Get('callback')
  @ApiOperation({
    operationId: 'completeSsoLogin',
    summary: 'Where the provider sends the browser back: opens a session for the linked account',
    description:
      'Linked and active: session cookies and a page continuing to `/`. Otherwise a redirect to `/login?sso_error=NOT_LINKED|ACCOUNT_DISABLED|SSO_FAILED`.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Signed in: sets the session cookies and continues to /' })
  @ApiFoundResponse({ description: 'Refused: to /login?sso_error=…' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SSO_NOT_CONFIGURED' })
  async callback(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    const result = await this.sso.complete(req, this.transaction(req, res), { ip: req.ip, userAgent: req.headers['user-agent'] });
    // One use only, whatever the outcome.
    res.clearCookie(SSO_TRANSACTION_COOKIE, this.transactionCookie());
    res.header('Cache-Control', 'no-store');
    if ('error' in result) {
      res.redirect(loginPageWith(result.error), 302);
      return;
    }
    this.setSessionCookies(res, result.signedIn);
    res.type('text/html; charset=utf-8').send(CONTINUE_PAGE);
  }

  /** The sealed transaction this browser presents, and where the strategy's new one goes (see oidc/oidc-passport.ts). */
  private transaction(req: FastifyRequest, res: FastifyReply): TransactionSource {
    return {
      sealed: req.cookies[SSO_TRANSACTION_COOKIE],
      store: (sealed) => void res.setCookie(SSO_TRANSACTION_COOKIE, sealed, this.transactionCookie(SSO_TRANSACTION_TTL_MS)),
    };
  }

  /**
   * SameSite=Lax, unlike the session cookie: the provider's redirect back is a cross-site top-level
   * GET, on which only Lax cookies are sent. It holds nothing usable elsewhere (sealed, bound to
   * this path, ten minutes). Max-Age is in seconds (the TTL in milliseconds), with Expires beside
   * it as Express wrote them.
   */
  private transactionCookie(ttlMs?: number): CookieSerializeOptions {
    const lifetime = ttlMs ? { maxAge: Math.floor(ttlMs / 1000), expires: new Date(Date.now() + ttlMs) } : {};
    return { httpOnly: true, secure: this.config.cookieSecure, sameSite: 'lax', path: SSO_PATH, ...lifetime };
  }

  /** The same cookies as password sign-in (AuthController.setCookies). */
  private setSessionCookies(res: FastifyReply, session: IssuedSession): void {
    const base: CookieSerializeOptions = { secure: this.config.cookieSecure, sameSite: 'strict', path: '/' };
    res.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
    res.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
  }
}
