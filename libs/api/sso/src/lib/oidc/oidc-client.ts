import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import passport from 'passport';
import { AppConfig, InjectAppConfig, SsoConfig } from '@skss/api/core';
import { OidcAuthenticateOptions, OidcStep, OidcStrategy, ProviderClaims, SSO_OIDC, StrategyRequest } from './oidc.strategy';
import { transactionSession, TransactionSource } from './oidc-passport';
import { transactionKey } from './sso-transaction';

export { callbackUrl, SSO_PATH } from './oidc.strategy';
export type { OidcStep, ProviderClaims } from './oidc.strategy';
export type { TransactionSource } from './oidc-passport';

const DISCOVERY_TIMEOUT_SECONDS = 10;
/** Plain HTTP is accepted only for a provider on this machine (tests, local trials). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** How a run of the Passport strategy ended. */
export type OidcOutcome =
  /** Login: to the provider's authorization endpoint (the transaction is in the cookie). */
  | { kind: 'redirect'; location: string }
  /** Callback: the response passed every check; the provider's claims. */
  | { kind: 'verified'; claims: ProviderClaims }
  /** Callback without a live transaction of this browser: nothing was sent to the provider. */
  | { kind: 'no-transaction' }
  /** Provider unreachable, cancelled (`error=access_denied`) or a protocol check failed. */
  | { kind: 'failed'; error: unknown };

/**
 * Runs the OpenID Connect sign-in through Passport (the strategy in oidc.strategy.ts). The
 * provider's metadata is discovered once and the strategy built and registered with it; a failed
 * discovery is retried on the next sign-in.
 */
@Injectable()
export class OidcClient {
  private strategy: Promise<OidcStrategy> | null = null;
  private readonly issuer: URL | null;
  private readonly key: Buffer | null;

  constructor(@InjectAppConfig() config: AppConfig) {
    // A misconfigured issuer stops the API at boot rather than at the first sign-in.
    this.issuer = config.sso ? issuerUrl(config.sso.issuer) : null;
    this.key = config.sso ? transactionKey(config.sso.clientSecret) : null;
  }

  /**
   * passport.authenticate() with a callback of our own: Passport and the strategy write nothing to
   * the response. The strategy's redirect is caught (Passport would end the response itself) so
   * that the controller answers every outcome in one place, after the transaction cookie is set.
   */
  async authenticate(sso: SsoConfig, req: FastifyRequest, step: OidcStep, transaction: TransactionSource): Promise<OidcOutcome> {
    if (!this.key) throw new Error('Single sign-on is not configured');
    try {
      await this.registered(sso);
    } catch (error) {
      return { kind: 'failed', error };
    }
    const session = transactionSession(transaction, this.key);
    const options: OidcAuthenticateOptions = { session: false, step };
    return new Promise<OidcOutcome>((resolve) => {
      let location = '';
      const response = {
        statusCode: 0,
        setHeader: (name: string, value: string) => {
          if (name.toLowerCase() === 'location') location = value;
        },
        end: () => resolve(location ? { kind: 'redirect', location } : { kind: 'failed', error: new Error('Redirect without a location') }),
      };
      const middleware = passport.authenticate(SSO_OIDC, options, (error: unknown, claims: ProviderClaims | false, info: unknown) => {
        if (error) return resolve({ kind: 'failed', error });
        if (claims) return resolve({ kind: 'verified', claims });
        // The strategy fails without an error when it finds no transaction, and when the user cancelled at the provider.
        resolve(session.hadTransaction ? { kind: 'failed', error: info } : { kind: 'no-transaction' });
      }) as (req: StrategyRequest, res: unknown, next: (error?: unknown) => void) => void;
      middleware(strategyRequest(req, session.store), response, (error?: unknown) =>
        resolve({ kind: 'failed', error: error ?? new Error('The strategy passed') }),
      );
    });
  }

  /** The strategy for the configured provider, built (and so registered with Passport under SSO_OIDC) once discovered. */
  private registered(sso: SsoConfig): Promise<OidcStrategy> {
    if (!this.issuer) throw new Error('Single sign-on is not configured');
    const insecure = this.issuer.protocol === 'http:';
    this.strategy ??= oidc
      .discovery(this.issuer, sso.clientId, sso.clientSecret, oidc.ClientSecretBasic(sso.clientSecret), {
        timeout: DISCOVERY_TIMEOUT_SECONDS,
        execute: insecure ? [oidc.allowInsecureRequests] : [],
      })
      .then((configuration) => new OidcStrategy(configuration, sso))
      .catch((error: unknown) => {
        this.strategy = null;
        throw error;
      });
    return this.strategy;
  }
}

/**
 * The request as the strategy reads it, with the transaction as its `session`. A copy: Passport
 * adds its own methods to the request it is given, and the Fastify request keeps its shape (and
 * its `session`, the auth guard's).
 */
function strategyRequest(req: FastifyRequest, session: Record<string, unknown>): StrategyRequest {
  const { method, url, originalUrl, protocol, host, headers } = req;
  return { method, url, originalUrl, protocol, host, headers, session };
}

export function issuerUrl(issuer: string): URL {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`SSO_ISSUER must be a URL, got ${issuer}`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url;
  throw new Error('SSO_ISSUER must be an https:// URL (http:// only for a provider on localhost, in tests)');
}

/** A short, log-safe code for a protocol failure: the OAuth error or openid-client's check code, never a token. */
export function protocolErrorCode(error: unknown): string {
  const { error: oauthError, code, name } = (error ?? {}) as { error?: unknown; code?: unknown; name?: unknown };
  const raw = [oauthError, code, name].find((v): v is string => typeof v === 'string' && v !== '') ?? 'unknown';
  return raw.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 60) || 'unknown';
}
