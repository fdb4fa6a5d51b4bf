import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'skss_session';
/** Angular's HttpClient sends this cookie's value back in the X-XSRF-TOKEN header (double submit). */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';

export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
