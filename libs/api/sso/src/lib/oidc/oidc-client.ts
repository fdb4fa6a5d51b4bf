import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig, InjectAppConfig, SsoConfig } from '@skss/api/core';
import { SsoTransaction } from './sso-transaction';

/** Where the provider sends the browser back: the API prefix and version are those of apps/api. */
export const SSO_PATH = '/api/v1/auth/sso';
export const callbackUrl = (sso: SsoConfig): string => `${sso.publicUrl}${SSO_PATH}/callback`;

const SCOPE = 'openid profile';
const DISCOVERY_TIMEOUT_SECONDS = 10;
/** Plain HTTP is accepted only for a provider on this machine (tests, local trials). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type ProviderClaims = Readonly<Record<string, unknown>>;

/**
 * The OpenID Connect relying party (authorization code flow with PKCE, state and nonce) over
 * openid-client. The provider's metadata is discovered once and cached; a failed discovery is
 * retried on the next sign-in.
 */
@Injectable()
export class OidcClient {
  private configuration: Promise<oidc.Configuration> | null = null;
  private readonly issuer: URL | null;

  constructor(@InjectAppConfig() config: AppConfig) {
    // A misconfigured issuer stops the API at boot rather than at the first sign-in.
    this.issuer = config.sso ? issuerUrl(config.sso.issuer) : null;
  }

  /** The provider's authorization URL for a new sign-in, and what the callback must check. */
  async begin(sso: SsoConfig): Promise<{ url: string; transaction: SsoTransaction }> {
    const configuration = await this.discover(sso);
    const transaction: SsoTransaction = {
      codeVerifier: oidc.randomPKCECodeVerifier(),
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: callbackUrl(sso),
      scope: SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url: url.href, transaction };
  }

  /**
   * Validates the authorization response (state, issuer), redeems the code with the PKCE verifier,
   * validates the ID token (signature, audience, nonce) and returns its claims; when the link claim
   * is not in the ID token, the userinfo answer (for the same subject) fills the gap.
   */
  async finish(sso: SsoConfig, callbackQuery: string, transaction: SsoTransaction): Promise<ProviderClaims> {
    const configuration = await this.discover(sso);
    const tokens = await oidc.authorizationCodeGrant(configuration, new URL(`${callbackUrl(sso)}${callbackQuery}`), {
      pkceCodeVerifier: transaction.codeVerifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('The provider returned no ID token');
    if (claims[sso.linkClaim] !== undefined) return claims;
    const userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    return { ...userinfo, ...claims };
  }

  private discover(sso: SsoConfig): Promise<oidc.Configuration> {
    if (!this.issuer) throw new Error('Single sign-on is not configured');
    const insecure = this.issuer.protocol === 'http:';
    this.configuration ??= oidc
      .discovery(this.issuer, sso.clientId, sso.clientSecret, oidc.ClientSecretBasic(sso.clientSecret), {
        timeout: DISCOVERY_TIMEOUT_SECONDS,
        execute: insecure ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.configuration = null;
        throw error;
      });
    return this.configuration;
  }
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
