import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * What the callback must check against: the PKCE verifier, state and nonce created when the
 * sign-in started. Kept in the browser that started it (so a code injected into another browser
 * fails the state check), sealed with AES-256-GCM so it can be neither read nor forged, and valid
 * for ten minutes. No server-side store: any API instance can finish a sign-in another one began.
 */
export interface SsoTransaction {
  codeVerifier: string;
  state: string;
  nonce: string;
}

export const SSO_TRANSACTION_TTL_MS = 10 * 60_000;

interface SealedPayload extends SsoTransaction {
  /** Expiry, epoch milliseconds. */
  exp: number;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 256-bit key derived from the client secret, a value only this server (and the provider) knows. */
export function transactionKey(clientSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', clientSecret, 'skss-sso', 'sso-transaction-cookie', 32));
}

export function sealTransaction(transaction: SsoTransaction, key: Buffer, now = Date.now()): string {
  const payload: SealedPayload = { ...transaction, exp: now + SSO_TRANSACTION_TTL_MS };
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The transaction, or null when the value is missing, tampered with, sealed with another key or expired. */
export function openTransaction(sealed: string | undefined, key: Buffer, now = Date.now()): SsoTransaction | null {
  if (!sealed) return null;
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    const payload = JSON.parse(text) as Partial<SealedPayload>;
    if (typeof payload.exp !== 'number' || payload.exp <= now) return null;
    const { codeVerifier, state, nonce } = payload;
    if (typeof codeVerifier !== 'string' || typeof state !== 'string' || typeof nonce !== 'string') return null;
    return { codeVerifier, state, nonce };
  } catch {
    return null;
  }
}
