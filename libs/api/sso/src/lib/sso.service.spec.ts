import { Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AppConfig, SsoConfig } from '@skss/api/core';
import type { SignInService } from '@skss/api/auth';
import { SsoAccountsRepository } from './linking/sso-accounts.repository';
import { LinkedAccount } from './linking/sso-linking';
import { OidcClient, OidcOutcome, TransactionSource } from './oidc/oidc-client';
import { SsoService } from './sso.service';

// The protocol is the Passport strategy's (oidc/oidc.strategy.spec.ts, and the browser test); here, the rules.

const sso: SsoConfig = {
  issuer: 'https://thongke.example.vn',
  clientId: 'skss',
  clientSecret: 'client-secret',
  publicUrl: 'https://skss.example.vn',
  linkClaim: 'preferred_username',
};
const client = { ip: '10.0.0.7', userAgent: 'jest' };
const req = { originalUrl: '/api/v1/auth/sso/callback?code=c&state=s' } as FastifyRequest;
const transaction: TransactionSource = { sealed: 'sealed', store: () => undefined };
const tytMuongNhe: LinkedAccount = { id: 'u-1', username: 'tyt.muongnhe', status: 'active', totpEnabled: true };
const issued = { id: 'session-1', token: 'token', csrfToken: 'csrf', userId: 'u-1' };

function setUp(
  options: { config?: Partial<AppConfig>; claims?: Record<string, unknown>; outcome?: OidcOutcome; account?: LinkedAccount | null } = {},
) {
  const verified: OidcOutcome = { kind: 'verified', claims: options.claims ?? { sub: 'a81f', preferred_username: 'hoa.tk' } };
  const oidc = {
    authenticate: jest.fn(
      async (_sso: SsoConfig, _req: FastifyRequest, step: string): Promise<OidcOutcome> =>
        step === 'login' ? { kind: 'redirect', location: 'https://thongke.example.vn/authorize?x=1' } : (options.outcome ?? verified),
    ),
  };
  const accounts = { findBySsoSubject: jest.fn().mockResolvedValue(options.account === undefined ? tytMuongNhe : options.account) };
  const signIn = { open: jest.fn().mockResolvedValue(issued), recordFailure: jest.fn().mockResolvedValue(undefined) };
  const config = { sso, ...options.config } as AppConfig;
  const service = new SsoService(
    config,
    oidc as unknown as OidcClient,
    accounts as unknown as SsoAccountsRepository,
    signIn as unknown as SignInService,
  );
  return { service, oidc, accounts, signIn };
}

describe('SsoService', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  describe('status', () => {
    it('offers the button only when single sign-on is configured', () => {
      expect(setUp().service.status()).toEqual({ enabled: true, label: 'Đăng nhập bằng tài khoản Thống kê y tế' });
      expect(setUp({ config: { sso: null } }).service.status().enabled).toBe(false);
    });
  });

  describe('begin', () => {
    it('sends the browser where the strategy redirected it (the strategy stored the transaction)', async () => {
      const { service, oidc } = setUp();
      expect(await service.begin(req, transaction)).toBe('https://thongke.example.vn/authorize?x=1');
      expect(oidc.authenticate).toHaveBeenCalledWith(sso, req, 'login', transaction);
    });

    it('sends the browser back to the login page when the provider cannot be reached', async () => {
      const { service, oidc } = setUp();
      oidc.authenticate.mockResolvedValue({
        kind: 'failed',
        error: Object.assign(new TypeError('fetch failed'), { code: 'ECONNREFUSED' }),
      });
      expect(await service.begin(req, transaction)).toBe('/login?sso_error=SSO_FAILED');
    });

    it('answers 404 SSO_NOT_CONFIGURED when it is not configured', async () => {
      const { service, oidc } = setUp({ config: { sso: null } });
      await expect(service.begin(req, transaction)).rejects.toMatchObject({ code: 'SSO_NOT_CONFIGURED', status: 404 });
      expect(oidc.authenticate).not.toHaveBeenCalled();
    });
  });

  describe('complete', () => {
    it('opens an oidc session for the account linked to the configured claim, owing the second factor if enrolled', async () => {
      const { service, oidc, accounts, signIn } = setUp();
      expect(await service.complete(req, transaction, client)).toEqual({ signedIn: issued });
      expect(oidc.authenticate).toHaveBeenCalledWith(sso, req, 'callback', transaction);
      expect(accounts.findBySsoSubject).toHaveBeenCalledWith('hoa.tk');
      expect(signIn.open).toHaveBeenCalledWith('u-1', 'tyt.muongnhe', 'oidc', true, client);
      expect(signIn.recordFailure).not.toHaveBeenCalled();
    });

    it('links on another claim when configured so', async () => {
      const { service, accounts } = setUp({ config: { sso: { ...sso, linkClaim: 'sub' } } });
      await service.complete(req, transaction, client);
      expect(accounts.findBySsoSubject).toHaveBeenCalledWith('a81f');
    });

    it('refuses an unlinked provider account, records the failure and creates nothing', async () => {
      const { service, signIn } = setUp({ account: null });
      expect(await service.complete(req, transaction, client)).toEqual({ error: 'NOT_LINKED' });
      expect(signIn.recordFailure).toHaveBeenCalledWith('sso:hoa.tk', client, 'oidc-not-linked');
      expect(signIn.open).not.toHaveBeenCalled();
    });

    it('refuses a linked account that is disabled', async () => {
      const { service, signIn } = setUp({ account: { ...tytMuongNhe, status: 'disabled' } });
      expect(await service.complete(req, transaction, client)).toEqual({ error: 'ACCOUNT_DISABLED' });
      expect(signIn.recordFailure).toHaveBeenCalledWith('sso:hoa.tk', client, 'oidc-disabled');
      expect(signIn.open).not.toHaveBeenCalled();
    });

    it('refuses when the provider does not send the link claim', async () => {
      const { service, accounts, signIn } = setUp({ claims: { sub: 'a81f' } });
      expect(await service.complete(req, transaction, client)).toEqual({ error: 'SSO_FAILED' });
      expect(signIn.recordFailure).toHaveBeenCalledWith('sso:a81f', client, 'oidc-claim-missing');
      expect(accounts.findBySsoSubject).not.toHaveBeenCalled();
    });

    it('refuses a response that fails the protocol checks, recording only the error code', async () => {
      const mismatch = Object.assign(new Error('unexpected "state" response parameter value'), { code: 'OAUTH_INVALID_RESPONSE' });
      const { service, accounts, signIn } = setUp({ outcome: { kind: 'failed', error: mismatch } });
      expect(await service.complete(req, transaction, client)).toEqual({ error: 'SSO_FAILED' });
      expect(signIn.recordFailure).toHaveBeenCalledWith('sso:?', client, 'oidc-error:OAUTH_INVALID_RESPONSE');
      expect(accounts.findBySsoSubject).not.toHaveBeenCalled();
      expect(signIn.open).not.toHaveBeenCalled();
    });

    it('records the OAuth error the provider answered (e.g. the user cancelled)', async () => {
      // What the strategy fails with on access_denied: the authorization response's parameters.
      const denied = { message: 'access_denied', error: 'access_denied', state: 's' };
      const { service, signIn } = setUp({ outcome: { kind: 'failed', error: denied } });
      expect(await service.complete(req, transaction, client)).toEqual({ error: 'SSO_FAILED' });
      expect(signIn.recordFailure).toHaveBeenCalledWith('sso:?', client, 'oidc-error:access_denied');
    });

    it('refuses a callback without the transaction of this browser', async () => {
      const { service, accounts, signIn } = setUp({ outcome: { kind: 'no-transaction' } });
      expect(await service.complete(req, { sealed: undefined, store: () => undefined }, client)).toEqual({ error: 'SSO_FAILED' });
      expect(signIn.recordFailure).toHaveBeenCalledWith('sso:?', client, 'oidc-no-transaction');
      expect(accounts.findBySsoSubject).not.toHaveBeenCalled();
      expect(signIn.open).not.toHaveBeenCalled();
    });
  });
});
