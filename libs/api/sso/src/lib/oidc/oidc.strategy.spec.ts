import type { FastifyRequest } from 'fastify';
import { createHash, generateKeyPairSync, randomBytes, sign as signWith } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import passport from 'passport';
import type { AppConfig, SsoConfig } from '@skss/api/core';
import { OidcClient, OidcOutcome } from './oidc-client';
import { transactionSession } from './oidc-passport';
import { OIDC_SESSION_KEY, OidcStrategy, SSO_OIDC } from './oidc.strategy';
import { openTransaction, sealTransaction, transactionKey } from './sso-transaction';

/**
 * The real openid-client strategy (jest.config.cts transforms openid-client and its ES module
 * dependencies) against a small provider in this process: discovery, JWKS, a token endpoint that
 * checks the client, the PKCE verifier and single use of codes, and signs RS256 ID tokens.
 */
const CLIENT_ID = 'skss';
const CLIENT_SECRET = 'unit-client-secret';
const PUBLIC_URL = 'https://skss.example.vn';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/sso/callback`;

interface Grant {
  challenge: string;
  nonce: string;
  login: string;
  used: boolean;
}

class TestProvider {
  readonly grants = new Map<string, Grant>();
  tokenRequests = 0;
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server!: Server;
  issuer = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((done) => this.server.close(() => done()));
  }

  /** What the provider does once the user signed in: a code bound to the request's PKCE challenge and nonce. */
  issueCode(authorizationUrl: URL, login: string, nonce = authorizationUrl.searchParams.get('nonce') ?? ''): string {
    const code = randomBytes(16).toString('base64url');
    this.grants.set(code, {
      challenge: authorizationUrl.searchParams.get('code_challenge') ?? '',
      nonce,
      login,
      used: false,
    });
    return code;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/auth`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: `${this.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        authorization_response_iss_parameter_supported: true,
      });
    }
    if (req.url === '/jwks')
      return json(200, { keys: [{ ...this.keys.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }] });
    if (req.url === '/token' && req.method === 'POST') {
      this.tokenRequests += 1;
      let body = '';
      for await (const chunk of req) body += String(chunk);
      const form = new URLSearchParams(body);
      // RFC 6749 §2.3.1: id and secret are form-encoded before Basic.
      const [id, secret] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
        .toString()
        .split(':');
      if (decodeURIComponent(id ?? '') !== CLIENT_ID || decodeURIComponent(secret ?? '') !== CLIENT_SECRET)
        return json(401, { error: 'invalid_client' });
      const grant = this.grants.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      if (!grant || grant.used || form.get('redirect_uri') !== CALLBACK) return json(400, { error: 'invalid_grant' });
      grant.used = true;
      if (createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) return json(400, { error: 'invalid_grant' });
      const now = Math.floor(Date.now() / 1000);
      const idToken = this.jwt({
        iss: this.issuer,
        aud: CLIENT_ID,
        sub: `tkyt-${grant.login}`,
        preferred_username: grant.login,
        nonce: grant.nonce,
        iat: now,
        exp: now + 300,
      });
      return json(200, { access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken });
    }
    json(404, { error: 'not_found' });
  }

  private jwt(claims: Record<string, unknown>): string {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${part({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${part(claims)}`;
    return `${input}.${signWith('sha256', Buffer.from(input), this.keys.privateKey).toString('base64url')}`;
  }
}

/** The parts of a Fastify request the client reads. */
function request(path: string): FastifyRequest {
  return {
    method: 'GET',
    url: path,
    originalUrl: path,
    protocol: 'https',
    host: 'skss.example.vn',
    hostname: 'skss.example.vn',
    headers: { host: 'skss.example.vn' },
  } as unknown as FastifyRequest;
}

describe('OpenID Connect sign-in as a Passport strategy', () => {
  const provider = new TestProvider();
  let sso: SsoConfig;
  let client: OidcClient;
  const key = transactionKey(CLIENT_SECRET);

  beforeAll(async () => {
    await provider.start();
    sso = {
      issuer: provider.issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      publicUrl: PUBLIC_URL,
      linkClaim: 'preferred_username',
    };
    client = new OidcClient({ sso } as AppConfig);
  });
  afterAll(() => provider.stop());

  /** The login leg: where the browser is sent and the sealed transaction the strategy stored. */
  async function login(): Promise<{ url: URL; sealed: string }> {
    let sealed = '';
    const outcome = await client.authenticate(sso, request('/api/v1/auth/sso/login'), 'login', {
      sealed: undefined,
      store: (value) => (sealed = value),
    });
    if (outcome.kind !== 'redirect') throw new Error(`Expected a redirect, got ${JSON.stringify(outcome)}`);
    return { url: new URL(outcome.location), sealed };
  }

  const callback = (query: Record<string, string>, sealed: string | undefined): Promise<OidcOutcome> =>
    client.authenticate(sso, request(`/api/v1/auth/sso/callback?${new URLSearchParams(query)}`), 'callback', {
      sealed,
      store: () => {
        throw new Error('The callback stores no transaction');
      },
    });

  it('registers the shipped strategy with Passport under its name once the provider is discovered', async () => {
    await login();
    const registered = (passport as unknown as { _strategy(name: string): unknown })._strategy(SSO_OIDC);
    expect(registered).toBeInstanceOf(OidcStrategy);
  });

  it('sends the browser to the provider with PKCE S256, state, nonce, scope and the callback, and seals them for the browser', async () => {
    const { url, sealed } = await login();
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/auth`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      scope: 'openid profile',
      redirect_uri: CALLBACK,
      code_challenge_method: 'S256',
    });
    const transaction = openTransaction(sealed, key);
    expect(transaction).toEqual({
      codeVerifier: expect.any(String),
      state: url.searchParams.get('state'),
      nonce: url.searchParams.get('nonce'),
    });
    expect(
      createHash('sha256')
        .update(transaction?.codeVerifier ?? '')
        .digest('base64url'),
    ).toBe(url.searchParams.get('code_challenge'));
  });

  it('redeems the code and returns the verified claims of the ID token', async () => {
    const { url, sealed } = await login();
    const code = provider.issueCode(url, 'hoa.nguyen');
    const outcome = await callback({ code, state: url.searchParams.get('state') ?? '', iss: provider.issuer }, sealed);
    expect(outcome).toEqual({
      kind: 'verified',
      claims: expect.objectContaining({ sub: 'tkyt-hoa.nguyen', preferred_username: 'hoa.nguyen' }),
    });
  });

  it('refuses a tampered state before calling the provider', async () => {
    const { url, sealed } = await login();
    const code = provider.issueCode(url, 'hoa.nguyen');
    const before = provider.tokenRequests;
    const outcome = await callback({ code, state: 'forged', iss: provider.issuer }, sealed);
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'OAUTH_INVALID_RESPONSE' } });
    expect(provider.tokenRequests).toBe(before);
  });

  it('refuses a replayed callback (the code is single use)', async () => {
    const { url, sealed } = await login();
    const query = { code: provider.issueCode(url, 'hoa.nguyen'), state: url.searchParams.get('state') ?? '', iss: provider.issuer };
    expect((await callback(query, sealed)).kind).toBe('verified');
    expect(await callback(query, sealed)).toMatchObject({ kind: 'failed', error: { error: 'invalid_grant' } });
  });

  it('refuses an ID token whose nonce is not the one of this browser', async () => {
    const { url, sealed } = await login();
    const other = await login();
    const code = provider.issueCode(url, 'hoa.nguyen', other.url.searchParams.get('nonce') ?? '');
    const outcome = await callback({ code, state: url.searchParams.get('state') ?? '', iss: provider.issuer }, sealed);
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' } });
  });

  it('answers no-transaction for a callback without a live transaction of this browser, without calling the provider', async () => {
    const { url, sealed } = await login();
    const code = provider.issueCode(url, 'hoa.nguyen');
    const before = provider.tokenRequests;
    const query = { code, state: url.searchParams.get('state') ?? '', iss: provider.issuer };
    expect(await callback(query, undefined)).toEqual({ kind: 'no-transaction' });
    expect(await callback(query, `${sealed.slice(0, -2)}AA`)).toEqual({ kind: 'no-transaction' });
    const expired = sealTransaction({ codeVerifier: 'v', state: query.state, nonce: 'n' }, key, Date.now() - 11 * 60_000);
    expect(await callback(query, expired)).toEqual({ kind: 'no-transaction' });
    expect(provider.tokenRequests).toBe(before);
  });

  it('never starts a new sign-in from the callback route (a bare callback is refused, not redirected)', async () => {
    expect(await callback({}, undefined)).toEqual({ kind: 'no-transaction' });
  });

  it('records the OAuth error when the user cancelled at the provider', async () => {
    const { url, sealed } = await login();
    const outcome = await callback({ error: 'access_denied', state: url.searchParams.get('state') ?? '', iss: provider.issuer }, sealed);
    expect(outcome).toMatchObject({ kind: 'failed', error: { error: 'access_denied' } });
  });

  it('fails the sign-in rather than store a transaction without state and nonce', () => {
    const store = jest.fn();
    const { store: session } = transactionSession({ sealed: undefined, store }, key);
    expect(() => (session[OIDC_SESSION_KEY] = { code_verifier: 'v' })).toThrow(/state and a nonce/);
    expect(store).not.toHaveBeenCalled();
  });

  it('answers failed when the provider cannot be reached', async () => {
    const down = new OidcClient({ sso: { ...sso, issuer: 'http://127.0.0.1:9' } } as AppConfig);
    const outcome = await down.authenticate({ ...sso, issuer: 'http://127.0.0.1:9' }, request('/api/v1/auth/sso/login'), 'login', {
      sealed: undefined,
      store: jest.fn(),
    });
    expect(outcome.kind).toBe('failed');
  });
});
