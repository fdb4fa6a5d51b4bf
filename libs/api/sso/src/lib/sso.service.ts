import { Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig, DomainError, InjectAppConfig, SsoConfig } from '@skss/api/core';
import { IssuedSession, SignInClient, SignInService } from '@skss/api/auth';
import { SSO_LABEL, SsoStatusDto } from './dto/sso-status.dto';
import { SsoAccountsRepository } from './linking/sso-accounts.repository';
import { decideLink, failureUsername, linkValueOf, SsoError } from './linking/sso-linking';
import { OidcClient, OidcOutcome, protocolErrorCode, TransactionSource } from './oidc/oidc-client';

export type SsoCompletion = { signedIn: IssuedSession & { userId: string } } | { error: SsoError };

export const loginPageWith = (error: SsoError): string => `/login?sso_error=${error}`;

/**
 * Single sign-on with the health statistics software (phần mềm Thống kê y tế) as an OpenID Connect
 * relying party. A provider account signs in here only when an administrator linked it to an
 * active account (user_account.sso_subject); accounts are never created on the fly. The protocol
 * is the Passport strategy's (oidc/oidc.strategy.ts, run by OidcClient); the rules are here.
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger(SsoService.name);

  constructor(
    @InjectAppConfig() private readonly config: AppConfig,
    private readonly oidc: OidcClient,
    private readonly accounts: SsoAccountsRepository,
    private readonly signIn: SignInService,
  ) {}

  status(): SsoStatusDto {
    return { enabled: this.config.sso !== null, label: SSO_LABEL };
  }

  /** Where to send the browser: the provider's authorization endpoint (the strategy stored the transaction), or back to the login page. */
  async begin(req: FastifyRequest, transaction: TransactionSource): Promise<string> {
    const outcome = await this.oidc.authenticate(this.configured(), req, 'login', transaction);
    if (outcome.kind === 'redirect') return outcome.location;
    this.logger.warn(`Single sign-on could not start (provider unreachable or misconfigured): ${describe(failureOf(outcome))}`);
    return loginPageWith('SSO_FAILED');
  }

  /** Finishes a sign-in from the provider's answer (the callback request) and the browser's sealed transaction. */
  async complete(req: FastifyRequest, transaction: TransactionSource, client: SignInClient): Promise<SsoCompletion> {
    const sso = this.configured();
    const outcome = await this.oidc.authenticate(sso, req, 'callback', transaction);
    if (outcome.kind === 'no-transaction') return this.refuse(null, 'SSO_FAILED', 'oidc-no-transaction', client);
    if (outcome.kind !== 'verified') {
      const error = failureOf(outcome);
      this.logger.warn(`Single sign-on refused by the protocol checks: ${describe(error)}`);
      return this.refuse(null, 'SSO_FAILED', `oidc-error:${protocolErrorCode(error)}`, client);
    }

    const { claims } = outcome;
    const linkValue = linkValueOf(claims, sso.linkClaim);
    if (linkValue === null) return this.refuse(linkValueOf(claims, 'sub'), 'SSO_FAILED', 'oidc-claim-missing', client);
    const decision = decideLink(await this.accounts.findBySsoSubject(linkValue));
    if (!decision.ok) return this.refuse(linkValue, decision.error, decision.reason, client);

    const { account } = decision;
    return { signedIn: await this.signIn.open(account.id, account.username, 'oidc', account.totpEnabled, client) };
  }

  private async refuse(linkValue: string | null, error: SsoError, reason: string, client: SignInClient): Promise<SsoCompletion> {
    await this.signIn.recordFailure(failureUsername(linkValue), client, reason);
    return { error };
  }

  private configured(): SsoConfig {
    if (!this.config.sso) throw new DomainError('SSO_NOT_CONFIGURED', 'Chưa cấu hình đăng nhập bằng tài khoản Thống kê y tế', 404);
    return this.config.sso;
  }
}

/** Code and message of a failure, for operators. openid-client's messages name the failed check, never a token. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 200) : '';
  return `${protocolErrorCode(error)}${message ? ` (${message})` : ''}`;
}

/** The failure of a run of the strategy (a leg ending as only the other leg can is one too). */
function failureOf(outcome: OidcOutcome): unknown {
  return outcome.kind === 'failed' ? outcome.error : new Error(`Unexpected outcome of the strategy: ${outcome.kind}`);
}
