/**
 * How a provider account maps to an account here: the value of the configured claim must equal the
 * `sso_subject` an administrator set on exactly one account. Nothing is ever created on the fly.
 */

/** What the login page is told after a refused single sign-on (`/login?sso_error=…`). */
export const SSO_ERRORS = ['NOT_LINKED', 'ACCOUNT_DISABLED', 'SSO_FAILED'] as const;
export type SsoError = (typeof SSO_ERRORS)[number];

/** The fields of an account the decision needs. */
export interface LinkedAccount {
  id: string;
  username: string;
  status: 'active' | 'disabled';
  totpEnabled: boolean;
}

export type LinkDecision =
  | { ok: true; account: LinkedAccount }
  | { ok: false; error: Exclude<SsoError, 'SSO_FAILED'>; reason: 'oidc-not-linked' | 'oidc-disabled' };

/** Longest value `user_account.sso_subject` holds. */
export const SSO_SUBJECT_MAX_LENGTH = 200;

/**
 * The link value carried by the provider's claims, or null when the claim is absent or unusable.
 * Compared exactly as sent (no case folding, no trimming): two provider accounts must never meet
 * on the same account here.
 */
export function linkValueOf(claims: Readonly<Record<string, unknown>> | undefined, claim: string): string | null {
  const value = claims?.[claim];
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || text.trim() === '' || text.length > SSO_SUBJECT_MAX_LENGTH) return null;
  return text;
}

/** Whether the account found for a link value (or none) may sign in. */
export function decideLink(account: LinkedAccount | null): LinkDecision {
  if (!account) return { ok: false, error: 'NOT_LINKED', reason: 'oidc-not-linked' };
  if (account.status !== 'active') return { ok: false, error: 'ACCOUNT_DISABLED', reason: 'oidc-disabled' };
  return { ok: true, account };
}

/**
 * The name recorded for a failed single sign-on (sign-in attempts and audit). Prefixed so that a
 * provider name equal to a local username never counts towards that account's password lockout.
 */
export function failureUsername(linkValue: string | null): string {
  return `sso:${linkValue ?? '?'}`.slice(0, 60);
}
