import { callbackUrl, issuerUrl, protocolErrorCode } from './oidc-client';

describe('issuerUrl', () => {
  it('accepts https issuers', () => {
    expect(issuerUrl('https://sso.thongke.moh.gov.vn/realms/yte').href).toBe('https://sso.thongke.moh.gov.vn/realms/yte');
  });

  it.each(['http://localhost:9000', 'http://127.0.0.1:9000/oidc', 'http://[::1]:9000'])(
    'accepts plain http on this machine (%s)',
    (issuer) => {
      expect(issuerUrl(issuer).protocol).toBe('http:');
    },
  );

  it.each(['http://sso.thongke.moh.gov.vn', 'http://10.0.0.5', 'ftp://localhost', 'not a url'])('refuses %s', (issuer) => {
    expect(() => issuerUrl(issuer)).toThrow(/SSO_ISSUER/);
  });
});

describe('callbackUrl', () => {
  it('is under the public URL', () => {
    expect(
      callbackUrl({ issuer: 'https://i', clientId: 'c', clientSecret: 's', publicUrl: 'https://skss.example.vn', linkClaim: 'sub' }),
    ).toBe('https://skss.example.vn/api/v1/auth/sso/callback');
  });
});

describe('protocolErrorCode', () => {
  it('prefers the OAuth error, then the check code, then the error name', () => {
    expect(protocolErrorCode(Object.assign(new Error('x'), { error: 'invalid_grant', code: 'OAUTH_RESPONSE_BODY_ERROR' }))).toBe(
      'invalid_grant',
    );
    expect(protocolErrorCode(Object.assign(new Error('x'), { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' }))).toBe(
      'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
    );
    expect(protocolErrorCode(new TypeError('fetch failed'))).toBe('TypeError');
    expect(protocolErrorCode(undefined)).toBe('unknown');
  });

  it('keeps a provider-chosen value short and log-safe', () => {
    expect(protocolErrorCode({ error: 'bad\nvalue <script>' + 'x'.repeat(100) })).toBe(('badvaluescript' + 'x'.repeat(100)).slice(0, 60));
  });
});
