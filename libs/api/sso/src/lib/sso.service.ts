import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, DomainError, InjectAppConfig, SsoConfig } from '@skss/api/core';
import { IssuedSession, SignInClient, SignInService } from '@skss/api/auth';
import { SSO_LABEL, SsoStatusDto } from './dto/sso-status.dto';
import { SsoAccountsRepository } from './linking/sso-accounts.repository';
import { decideLink, failureUsername, linkValueOf, SsoError } from './linking/sso-linking';
import { OidcClient, protocolErrorCode } from './oidc/oidc-client';
import { openTransaction, sealTransaction, transactionKey } from './oidc/sso-transaction';

/** Where to send the browser to start, and the sealed transaction to keep in its cookie (none when it cannot start). */
export interface SsoStart {
  location: string;
  transaction?: string;
}

export type SsoCompletion = { signedIn: IssuedSession & { userId: string } } | { error: SsoError };

export const loginPageWith = (error: SsoError): string => `/login?sso_error=${error}`;

/**
 * Single sign-on with the health statistics software (phần mềm Thống kê y tế) as an OpenID Connect
 * relying party. A provider account signs in here only when an administrator linked it to an
 * active account (user_account.sso_subject); accounts are never created on the fly.
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger(SsoService.name);
  private readonly key: Buffer | null;

  constructor(
    @InjectAppConfig() private readonly config: AppConfig,
    private readonly oidc: OidcClient,
    private readonly accounts: SsoAccountsRepository,
    private readonly signIn: SignInService,
  ) {
    this.key = config.sso ? transactionKey(config.sso.clientSecret) : null;
  }

  status(): SsoStatusDto {
    return { enabled: this.config.sso !== null, label: SSO_LABEL };
  }

  async begin(): Promise<SsoStart> {
    const { sso, key } = this.configured();
    try {
      const { url, transaction } = await this.oidc.begin(sso);
      return { location: url, transaction: sealTransaction(transaction, key) };
    } catch (error) {
      this.logger.warn(`Single sign-on could not start (provider unreachable or misconfigured): ${describe(error)}`);
      return { location: loginPageWith('SSO_FAILED') };
    }
  }

  /** Finishes a sign-in from the provider's answer (the callback's query string) and the browser's sealed transaction. */
  async complete(callbackQuery: string, sealedTransaction: string | undefined, client: SignInClient): Promise<SsoCompletion> {
    const { sso, key } = this.configured();
    const transaction = openTransaction(sealedTransaction, key);
    if (!transaction) return this.refuse(null, 'SSO_FAILED', 'oidc-no-transaction', client);

    let claims;
    try {
      claims = await this.oidc.finish(sso, callbackQuery, transaction);
    } catch (error) {
      this.logger.warn(`Single sign-on refused by the protocol checks: ${describe(error)}`);
      return this.refuse(null, 'SSO_FAILED', `oidc-error:${protocolErrorCode(error)}`, client);
    }

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

  private configured(): { sso: SsoConfig; key: Buffer } {
    if (!this.config.sso || !this.key) {
      throw new DomainError('SSO_NOT_CONFIGURED', 'Chưa cấu hình đăng nhập bằng tài khoản Thống kê y tế', 404);
    }
    return { sso: this.config.sso, key: this.key };
  }
}

/** Code and message of a failure, for operators. openid-client's messages name the failed check, never a token. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 200) : '';
  return `${protocolErrorCode(error)}${message ? ` (${message})` : ''}`;
}
