import { PendingStep } from '@skss/contract';

export const LOGIN_PATH = '/login';
export const PASSWORD_PATH = '/password';
export const TWO_FACTOR_PATH = '/two-factor';
export const PROFILE_PATH = '/profile';

/** The page that settles a pending step: a password change, or two-factor enrolment or verification. */
export function pendingStepPath(step: PendingStep): string {
  return step === 'PASSWORD_CHANGE_REQUIRED' || step === 'PASSWORD_EXPIRED' ? PASSWORD_PATH : TWO_FACTOR_PATH;
}

export function isPendingStep(value: unknown): value is PendingStep {
  return (
    value === 'PASSWORD_CHANGE_REQUIRED' ||
    value === 'PASSWORD_EXPIRED' ||
    value === 'TOTP_ENROLLMENT_REQUIRED' ||
    value === 'TOTP_REQUIRED'
  );
}

/** The path of a URL, without query string or fragment: `/org-units?at=…` → `/org-units`. */
export function pathOf(url: string): string {
  return url.split(/[?#]/, 1)[0] || '/';
}

/**
 * A `returnUrl` worth going back to after signing in: a path of this console (never another site: `//evil`,
 * `/\evil` and absolute URLs are refused), and never one of the sign-in pages themselves.
 */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  const path = pathOf(value);
  if (path === '/' || path === LOGIN_PATH || path === PASSWORD_PATH || path === TWO_FACTOR_PATH) return null;
  return value;
}

/** `{ returnUrl }` query parameters for a URL worth coming back to, else none. */
export function returnUrlParams(url: string | null | undefined): { returnUrl?: string } {
  const returnUrl = safeReturnUrl(url);
  return returnUrl ? { returnUrl } : {};
}
