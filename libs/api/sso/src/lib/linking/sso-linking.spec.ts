import { decideLink, failureUsername, LinkedAccount, linkValueOf } from './sso-linking';

const tytMuongNhe: LinkedAccount = { id: 'u-1', username: 'tyt.muongnhe', status: 'active', totpEnabled: false };

describe('linkValueOf', () => {
  it('reads the configured claim, not the subject', () => {
    expect(linkValueOf({ sub: 'a81f-77', preferred_username: 'nguyen.thi.hoa' }, 'preferred_username')).toBe('nguyen.thi.hoa');
    expect(linkValueOf({ sub: 'a81f-77', preferred_username: 'nguyen.thi.hoa' }, 'sub')).toBe('a81f-77');
  });

  it('keeps the value exactly as sent (no case folding or trimming)', () => {
    expect(linkValueOf({ preferred_username: 'Nguyen.Thi.Hoa ' }, 'preferred_username')).toBe('Nguyen.Thi.Hoa ');
  });

  it('accepts an integer identifier as its decimal text', () => {
    expect(linkValueOf({ employee_no: 120045 }, 'employee_no')).toBe('120045');
  });

  it.each([
    ['absent', {}],
    ['empty', { preferred_username: '' }],
    ['blank', { preferred_username: '   ' }],
    ['not text', { preferred_username: ['a', 'b'] }],
    ['an object', { preferred_username: { value: 'x' } }],
    ['a fraction', { preferred_username: 1.5 }],
    ['too long for sso_subject', { preferred_username: 'x'.repeat(201) }],
  ])('refuses a claim that is %s', (_label, claims) => {
    expect(linkValueOf(claims, 'preferred_username')).toBeNull();
  });

  it('refuses when there are no claims at all', () => {
    expect(linkValueOf(undefined, 'preferred_username')).toBeNull();
  });
});

describe('decideLink', () => {
  it('lets a linked, active account sign in', () => {
    expect(decideLink(tytMuongNhe)).toEqual({ ok: true, account: tytMuongNhe });
  });

  it('refuses a provider account linked to no account (never creates one)', () => {
    expect(decideLink(null)).toEqual({ ok: false, error: 'NOT_LINKED', reason: 'oidc-not-linked' });
  });

  it('refuses a linked account that is disabled', () => {
    expect(decideLink({ ...tytMuongNhe, status: 'disabled' })).toEqual({ ok: false, error: 'ACCOUNT_DISABLED', reason: 'oidc-disabled' });
  });
});

describe('failureUsername', () => {
  it('prefixes the provider value so it never counts towards the lockout of a local username', () => {
    expect(failureUsername('tyt.muongnhe')).toBe('sso:tyt.muongnhe');
    expect(failureUsername(null)).toBe('sso:?');
  });

  it('fits the 60 characters of the sign-in records', () => {
    expect(failureUsername('x'.repeat(200))).toHaveLength(60);
  });
});
