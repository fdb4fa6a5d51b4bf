import { openTransaction, sealTransaction, SSO_TRANSACTION_TTL_MS, SsoTransaction, transactionKey } from './sso-transaction';

const transaction: SsoTransaction = { codeVerifier: 'verifier-123', state: 'state-456', nonce: 'nonce-789' };
const key = transactionKey('client-secret');
const now = Date.UTC(2026, 0, 15, 8, 0, 0);

describe('sealed SSO transaction', () => {
  it('opens what was sealed, within ten minutes', () => {
    const sealed = sealTransaction(transaction, key, now);
    expect(openTransaction(sealed, key, now + SSO_TRANSACTION_TTL_MS - 1)).toEqual(transaction);
  });

  it('does not show its contents', () => {
    const sealed = sealTransaction(transaction, key, now);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('verifier-123');
  });

  it('has expired after ten minutes', () => {
    const sealed = sealTransaction(transaction, key, now);
    expect(openTransaction(sealed, key, now + SSO_TRANSACTION_TTL_MS)).toBeNull();
  });

  it('refuses a value sealed with another key (another client secret)', () => {
    const sealed = sealTransaction(transaction, transactionKey('other-secret'), now);
    expect(openTransaction(sealed, key, now)).toBeNull();
  });

  it('refuses a tampered value', () => {
    const raw = Buffer.from(sealTransaction(transaction, key, now), 'base64url');
    raw[20] ^= 1;
    expect(openTransaction(raw.toString('base64url'), key, now)).toBeNull();
  });

  it.each([undefined, '', 'short', '!!!not-base64!!!'])('refuses a missing or malformed value (%p)', (value) => {
    expect(openTransaction(value, key, now)).toBeNull();
  });
});
