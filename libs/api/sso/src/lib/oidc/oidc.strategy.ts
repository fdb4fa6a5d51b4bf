import { PassportStrategy } from '@nestjs/passport';
import type { IncomingHttpHeaders } from 'node:http';
import * as oidc from 'openid-client';
import type * as shipped from 'openid-client/build/passport';
import { SsoConfig } from '@skss/api/core';

/*
 * openid-client ships its Passport strategy as the subpath export `openid-client/passport`. Node
 * resolves it through the package's exports map; TypeScript's node10 resolution of this workspace
 * does not read exports maps, so the types come from the file that subpath points to.
 */
const { Strategy } = require('openid-client/passport') as typeof shipped;

/** Name of the Passport strategy signing in with the health statistics software (OpenID Connect). */
export const SSO_OIDC = 'sso-oidc';

/** Where the strategy keeps the PKCE verifier, state and nonce in `req.session` (see oidc-passport.ts). */
export const OIDC_SESSION_KEY = 'skss-sso';

/** Where the provider sends the browser back: the API prefix and version are those of apps/api. */
export const SSO_PATH = '/api/v1/auth/sso';
export const callbackUrl = (sso: SsoConfig): string => `${sso.publicUrl}${SSO_PATH}/callback`;

export const SSO_SCOPE = 'openid profile';

export type ProviderClaims = Readonly<Record<string, unknown>>;

/** Which leg of the sign-in a route is: the route decides, not the query string (see shouldInitiateAuthRequest). */
export type OidcStep = 'login' | 'callback';

export interface OidcAuthenticateOptions extends shipped.AuthenticateOptions {
  step: OidcStep;
}

/**
 * What the strategy and Passport read of a request: OidcClient builds it from the Fastify request
 * (the shipped types name Express's request, which this API no longer has).
 */
export interface StrategyRequest {
  method: string;
  url: string;
  originalUrl: string;
  protocol: string;
  host: string;
  headers: IncomingHttpHeaders;
  /** Where the strategy keeps its transaction between the legs (oidc-passport.ts). */
  session?: Record<string, unknown>;
}

/** The request type of the shipped declarations (Express's), named only to call the shipped methods. */
type ShippedRequest = Parameters<shipped.Strategy['currentUrl']>[0];

type Tokens = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

/**
 * The OpenID Connect relying party as openid-client's own Passport strategy: it builds the
 * authorization request (PKCE S256), keeps what the callback must check in `req.session`, and on
 * the callback validates the authorization response (state, issuer), redeems the code with the
 * PKCE verifier and validates the ID token (signature, audience, nonce). validate() only turns the
 * verified tokens into the provider's claims; which account they sign in to is SsoService's rule.
 *
 * Not a Nest provider: the shipped strategy takes the provider's discovered metadata in its
 * constructor, and discovery needs the provider to be reachable. Discovering at boot would stop the
 * API while the statistics software is down, so OidcClient builds (and so registers) the strategy
 * on the first sign-in that reaches the provider, and retries a failed discovery on the next one.
 */
export class OidcStrategy extends PassportStrategy(Strategy, SSO_OIDC) {
  constructor(
    private readonly configuration: oidc.Configuration,
    private readonly sso: SsoConfig,
  ) {
    super({
      config: configuration,
      name: SSO_OIDC,
      sessionKey: OIDC_SESSION_KEY,
      callbackURL: callbackUrl(sso),
      scope: SSO_SCOPE,
    });
  }

  /**
   * State and nonce on every request. The shipped strategy sends neither when the provider supports
   * PKCE; this system has always sent both (PKCE binds the code, the nonce binds the ID token, the
   * state lets a forged response be refused before any call to the provider), and the strategy
   * stores and checks whichever of them the authorization URL carries.
   */
  override authorizationRequestParams<TOptions extends shipped.AuthenticateOptions>(
    req: StrategyRequest,
    options: TOptions,
  ): URLSearchParams {
    // The shipped method reads only the options.
    const params = new URLSearchParams(super.authorizationRequestParams(req as unknown as ShippedRequest, options));
    params.set('state', oidc.randomState());
    params.set('nonce', oidc.randomNonce());
    return params;
  }

  /**
   * The login route always starts a sign-in and the callback route never does: by default the
   * strategy starts one on any GET without `code` or `error`, so a bare callback URL would send
   * the browser back to the provider instead of being refused.
   */
  override shouldInitiateAuthRequest<TOptions extends shipped.AuthenticateOptions>(
    _req: StrategyRequest,
    _url: URL,
    options: TOptions,
  ): boolean {
    return (options as Partial<OidcAuthenticateOptions>).step === 'login';
  }

  /**
   * The URL the browser asked for, from the request's own protocol and host (Fastify applies the
   * trusted proxy's forwarded ones); the shipped one looks for Express's app settings first. Only
   * its query is used: the callback leg puts it on the configured callback URL.
   */
  override currentUrl(req: StrategyRequest): URL {
    return new URL(`${req.protocol}://${req.host}${req.originalUrl}`);
  }

  /** The ID token's claims; when the link claim is not among them, the userinfo answer (for the same subject) fills the gap. */
  async validate(tokens: Tokens): Promise<ProviderClaims> {
    const claims = tokens.claims();
    if (!claims) throw Object.assign(new Error('The provider returned no ID token'), { code: 'OAUTH_MISSING_ID_TOKEN' });
    if (claims[this.sso.linkClaim] !== undefined) return claims;
    const userinfo = await oidc.fetchUserInfo(this.configuration, tokens.access_token, claims.sub);
    return { ...userinfo, ...claims };
  }
}
