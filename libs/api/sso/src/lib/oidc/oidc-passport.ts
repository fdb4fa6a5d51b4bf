import { OIDC_SESSION_KEY } from './oidc.strategy';
import { openTransaction, sealTransaction } from './sso-transaction';

/** What openid-client's strategy keeps between the two legs (its `req.session[sessionKey]`). */
interface StrategyState {
  code_verifier?: unknown;
  state?: unknown;
  nonce?: unknown;
}

/** Where the transaction is read from and written to (the browser's sealed cookie). */
export interface TransactionSource {
  sealed: string | undefined;
  store(sealed: string): void;
}

/**
 * The `req.session` the shipped strategy requires, backed by the sealed transaction cookie instead
 * of a server-side session store (this API has none: any instance can finish a sign-in another one
 * began). Reading the strategy's key opens the browser's cookie (nothing when missing, tampered
 * with or expired); the strategy's write is sealed into a new cookie. A transaction must carry the
 * PKCE verifier, the state and the nonce, or the strategy's write fails and the sign-in with it.
 */
export function transactionSession(source: TransactionSource, key: Buffer): { store: Record<string, unknown>; hadTransaction: boolean } {
  const opened = openTransaction(source.sealed, key);
  const store: Record<string, unknown> = {};
  Object.defineProperty(store, OIDC_SESSION_KEY, {
    enumerable: true,
    get: () => (opened ? { code_verifier: opened.codeVerifier, state: opened.state, nonce: opened.nonce } : undefined),
    set: (value: StrategyState) => {
      const { code_verifier: codeVerifier, state, nonce } = value ?? {};
      if (typeof codeVerifier !== 'string' || typeof state !== 'string' || typeof nonce !== 'string') {
        throw new Error('A sign-in must carry a PKCE verifier, a state and a nonce');
      }
      source.store(sealTransaction({ codeVerifier, state, nonce }, key));
    },
  });
  return { store, hadTransaction: opened !== null };
}
