import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { CredentialsService } from './credentials.service';
import { IntegrationBasicStrategy } from './integration-basic.strategy';
import { MeService } from './me.service';
import { PasswordService } from './passwords/password.service';
import { SecurityLogRetention } from './sessions/security-log-retention';
import { SessionCache } from './sessions/session-cache';
import { SessionInvalidationListener } from './sessions/session-invalidation.listener';
import { SessionsService } from './sessions/sessions.service';
import { SignInService } from './sign-in/sign-in.service';
import { TotpService } from './totp/totp.service';

/** Sign-in, sessions, passwords and two-factor; its guard protects every route of the API. */
@Module({
  controllers: [AuthController],
  providers: [
    SessionsService,
    SessionCache,
    SessionInvalidationListener,
    SignInService,
    PasswordService,
    CredentialsService,
    MeService,
    TotpService,
    SecurityLogRetention,
    IntegrationBasicStrategy,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionsService, SignInService, PasswordService, MeService, IntegrationBasicStrategy],
})
export class AuthModule {}
