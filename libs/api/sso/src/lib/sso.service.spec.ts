import { Logger } from '@nestjs/common';
import type { AppConfig, SsoConfig } from '@skss/api/core';
import type { SignInService } from '@skss/api/auth';
import { SsoAccountsRepository } from './linking/sso-accounts.repository';
import { LinkedAccount } from './linking/sso-linking';
import { OidcClient } from './oidc/oidc-client';
import { openTransaction, sealTransaction, SsoTransaction, transactionKey } from './oidc/sso-transaction';
import { SsoService } from './sso.service';

// openid-client is an ES module Jest cannot load; the protocol itself is covered by the browser test.
jest.mock('openid-client', () => ({}));

const sso: SsoConfig = {
  issuer: 'https://thongke.example.vn',
  clientId: 'skss',
  clientSecret: 'client-secret',
  publicUrl: 'https://skss.example.vn',
  linkClaim: 'preferred_username',
};
const client = { ip: '10.0.0.7', userAgent: 'jest' };
const transaction: SsoTransaction = { codeVerifier: 'v', state: 's', nonce: 'n' };
const sealed = sealTransaction(transaction, transactionKey(sso.clientSecret));
const tytMuongNhe: LinkedAccount = { id: 'u-1', username: 'tyt.muongnhe', status: 'active', totpEnabled: true };
const issued = { id: 'session-1', token: 'token', csrfToken: 'csrf', userId: 'u-1' };

function setUp(options: { config?: Partial<AppConfig>; claims?: Record<string, unknown> | Error; account?: LinkedAccount | null } = {}) {
  const oidc = {
    begin: jest.fn().mockResolvedValue({ url: 'https://thongke.example.vn/authorize?x=1', transaction }),
    finish:
      options.claims instanceof Error
        ? jest.fn().mockRejectedValue(options.claims)
        : jest.fn().mockResolvedValue(options.claims ?? { sub: 'a81f', preferred_username: 'hoa.tk' }),
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
    it('redirects to the provider and seals the transaction for the browser', async () => {
      const { service } = setUp();
      const start = await service.begin();
      expect(start.location).toBe('https://thongke.example.vn/authorize?x=1');
      expect(openTransaction(start.transaction, transactionKey(sso.clientSecret))).toEqual(transaction);
    });

    it('sends the browser back to the login page when the provider cannot be reached', async () => {
      const { service, oidc } = setUp();
      oidc.begin.mockRejectedValue(Object.assign(new TypeError('fetch failed'), { code: 'ECONNREFUSED' }));
      expect(await service.begin()).toEqual({ location: '/login?sso_error=SSO_FAILED' });
    });

    it('answers 404 SSO_NOT_CONFIGURED when it is not configured', async () => {
      const { service, oidc } = setUp({ config: { sso: null } });
      await expect(service.begin()).rejects.toMatchObject({ code: 'SSO_NOT_CONFIGURED', status: 404 });
      expect(oidc.begin).not.toHaveBeenCalled();
    });
  });

  describe('complete', () => {
    it('opens an oidc session for the account linked to the configured claim, owing the second factor if enrolled', async () => {
      const { service, oidc, accounts, signIn } = setUp();
      expect(await service.complete('?code=c&state=s', sealed, client)).toEqual({ signedIn: issued });
      expect(oidc.finish).toHaveBeenCalledWith(sso, '?code=c&state=s', transaction);
      expect(accounts.findBySsoSubject).toHaveBeenCalledWith('hoa.tk');
      expect(signIn.open).toHaveBeenCalledWith('u-1', 'tyt.muongnhe', 'oidc', true, client);
      expect(signIn.recordFailure).not.toHaveBeenCalled();
    });

    it('links on another claim when configured so', async () => {
      const { service, accounts } = setUp({ config: { sso: { ...sso, linkClaim: 'sub' } } });
      await service.complete('?code=c', sealed, client);
      expect(accounts.findBySsoSubject).toHaveBeenCalledWith('a81f');
    });

    it('refuses an unlinked provider account, records the failure and creates nothing', async () => {
      const { service, signIn } = setUp({ account: null });
      expect(await service.complete('?code=c', sealed, client)).toEqual({ error: 'NOT_LINKED' });
      expect(signIn.recordFailure).toHaveBeenCalledWith('sso:hoa.tk', client, 'oidc-not-linked');
      expect(signIn.open).not.toHaveBeenCalled();
    });

    it('refuses a linked account that is disabled', async () => {
      const { service, signIn } = setUp({ account: { ...tytMuongNhe, status: 'disabled' } });
      expect(await service.complete('?code=c', sealed, client)).toEqual({ error: 'ACCOUNT_DISABLED' });
      expect(signIn.recordFailure).toHaveBeenCalledWith('sso:hoa.tk', client, 'oidc-disabled');
      expect(signIn.open).not.toHaveBeenCalled();
    });

    it('refuses when the provider does not send the link claim', async () => {
      const { service, accounts, signIn } = setUp({ claims: { sub: 'a81f' } });
      expect(await service.complete('?code=c', sealed, client)).toEqual({ error: 'SSO_FAILED' });
      expect(signIn.recordFailure).toHaveBeenCalledWith('sso:a81f', client, 'oidc-claim-missing');
      expect(accounts.findBySsoSubject).not.toHaveBeenCalled();
    });

    it('refuses a response that fails the protocol checks, recording only the error code', async () => {
      const mismatch = Object.assign(new Error('unexpected "state" response parameter value'), { code: 'OAUTH_INVALID_RESPONSE' });
      const { service, accounts, signIn } = setUp({ claims: mismatch });
      expect(await service.complete('?code=c&state=forged', sealed, client)).toEqual({ error: 'SSO_FAILED' });
      expect(signIn.recordFailure).toHaveBeenCalledWith('sso:?', client, 'oidc-error:OAUTH_INVALID_RESPONSE');
      expect(accounts.findBySsoSubject).not.toHaveBeenCalled();
      expect(signIn.open).not.toHaveBeenCalled();
    });

    it('records the OAuth error the provider answered (e.g. the user cancelled)', async () => {
      const denied = Object.assign(new Error('authorization response from the server is an error'), {
        code: 'OAUTH_AUTHORIZATION_RESPONSE_ERROR',
        error: 'access_denied',
      });
      const { service, signIn } = setUp({ claims: denied });
      expect(await service.complete('?error=access_denied', sealed, client)).toEqual({ error: 'SSO_FAILED' });
      expect(signIn.recordFailure).toHaveBeenCalledWith('sso:?', client, 'oidc-error:access_denied');
    });

    it('refuses a callback without the transaction of this browser, without calling the provider', async () => {
      const { service, oidc, signIn } = setUp();
      expect(await service.complete('?code=c&state=s', undefined, client)).toEqual({ error: 'SSO_FAILED' });
      expect(oidc.finish).not.toHaveBeenCalled();
      expect(signIn.recordFailure).toHaveBeenCalledWith('sso:?', client, 'oidc-no-transaction');
      expect(signIn.open).not.toHaveBeenCalled();
    });
  });
});
