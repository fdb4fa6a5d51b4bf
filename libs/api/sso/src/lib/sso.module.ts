import { Module } from '@nestjs/common';
import { AuthModule } from '@skss/api/auth';
import { SsoAccountsRepository } from './linking/sso-accounts.repository';
import { OidcClient } from './oidc/oidc-client';
import { SsoController } from './sso.controller';
import { SsoService } from './sso.service';

/** Sign-in with the account of the health statistics software (OpenID Connect); sessions come from the auth module. */
@Module({
  imports: [AuthModule],
  controllers: [SsoController],
  providers: [SsoService, OidcClient, SsoAccountsRepository],
})
export class SsoModule {}
