import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AllowPending,
  AppConfig,
  CurrentUser,
  ErrorResponseDto,
  InjectAppConfig,
  Public,
  SignedInRoutes,
  UserPrincipal,
} from '@skss/api/core';
import { CredentialsService } from './credentials.service';
import { ChangePasswordDto, LoginDto, LoginResponseDto, MeDto, TotpCodeDto, TotpSetupDto } from './dto/auth.dto';
import { MeService } from './me.service';
import { CSRF_COOKIE, SESSION_COOKIE } from './sessions/session-token';
import { ResolvedSession, SessionsService } from './sessions/sessions.service';
import { SignInService } from './sign-in/sign-in.service';
import { TotpService } from './totp/totp.service';

type SessionRequest = FastifyRequest & { session?: ResolvedSession };

/** The session the guard resolved; every route that names a signed-in user has one. */
function sessionOf(req: SessionRequest): ResolvedSession {
  if (!req.session) throw new Error('Route of a signed-in user reached without a session');
  return req.session;
}

@ApiTags('auth')
@SignedInRoutes()
@ApiBadRequestResponse({ type: ErrorResponseDto })
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
    private readonly me: MeService,
    private readonly credentials: CredentialsService,
    private readonly totp: TotpService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'login', summary: 'Sign in with username and password' })
  @ApiOkResponse({ type: LoginResponseDto })
  async login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<LoginResponseDto> {
    const session = await this.signIn.signIn(dto.username, dto.password, { ip: req.ip ?? null, userAgent: req.headers['user-agent'] });
    // Resolving the new token describes the user and keeps the session ready for the next request.
    const resolved = await this.sessions.resolve(session.token);
    if (!resolved) throw new Error('A session just issued did not resolve');
    const me = this.me.describe(resolved.session.user, resolved.session);
    if (dto.session === 'bearer') return { ...me, token: session.token };
    this.setCookies(res, session.token, session.csrfToken);
    return me;
  }

  @AllowPending()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'logout', summary: 'End the current session (server-side)' })
  @ApiNoContentResponse()
  async logout(@Req() req: SessionRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    if (req.session) await this.sessions.revoke(req.session.id, 'logout');
    await this.signIn.recordSignOut(req.session?.userId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  @AllowPending()
  @Get('me')
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in user, unit, permissions and pending steps' })
  @ApiOkResponse({ type: MeDto })
  getMe(@Req() req: SessionRequest): MeDto {
    const session = sessionOf(req);
    return this.me.describe(session.user, session);
  }

  @AllowPending()
  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'changePassword', summary: 'Change the own password (ends the other sessions)' })
  @ApiNoContentResponse()
  changePassword(@Body() dto: ChangePasswordDto, @CurrentUser() user: UserPrincipal): Promise<void> {
    return this.credentials.changeOwnPassword(user, dto.currentPassword, dto.newPassword);
  }

  @AllowPending()
  @Post('totp/setup')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'beginTotpSetup', summary: 'Start two-factor enrolment: a new secret for an authenticator app' })
  @ApiOkResponse({ type: TotpSetupDto })
  async beginTotp(@CurrentUser() user: UserPrincipal): Promise<TotpSetupDto> {
    const setup = await this.totp.begin(user.userId, user.username);
    this.sessions.forgetUser(user.userId);
    return setup;
  }

  @AllowPending()
  @Post('totp/enable')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'enableTotp', summary: 'Confirm enrolment with a code from the app' })
  @ApiNoContentResponse()
  async enableTotp(@Body() dto: TotpCodeDto, @CurrentUser() user: UserPrincipal): Promise<void> {
    await this.totp.confirm(user.userId, dto.code);
    this.sessions.forgetUser(user.userId);
  }

  @AllowPending()
  @Post('totp/verify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'verifyTotp', summary: 'Second step of sign-in: the current code' })
  @ApiOkResponse({ type: MeDto })
  async verifyTotp(@Body() dto: TotpCodeDto, @Req() req: SessionRequest, @CurrentUser() user: UserPrincipal): Promise<MeDto> {
    await this.totp.verify(user.userId, dto.code);
    await this.sessions.markFullyAuthenticated(user.sessionId);
    const session = sessionOf(req);
    return this.me.describe(session.user, { fullyAuthenticated: true, method: session.method });
  }

  private setCookies(res: FastifyReply, token: string, csrfToken: string): void {
    const base = { secure: this.config.cookieSecure, sameSite: 'strict' as const, path: '/' };
    res.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
    res.setCookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false });
  }
}
