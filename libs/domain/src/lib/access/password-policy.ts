import { foldVietnamese } from '../text/fold';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** A new password may not repeat any of the last this many (including the current one). */
export const PASSWORD_HISTORY_DEPTH = 5;

export type PasswordViolation =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_NEEDS_UPPERCASE'
  | 'PASSWORD_NEEDS_LOWERCASE'
  | 'PASSWORD_NEEDS_DIGIT'
  | 'PASSWORD_NEEDS_SPECIAL'
  | 'PASSWORD_CONTAINS_NAME'
  | 'PASSWORD_TOO_COMMON'
  | 'PASSWORD_REUSED';

export const PASSWORD_VIOLATION_MESSAGES: Readonly<Record<PasswordViolation, string>> = {
  PASSWORD_TOO_SHORT: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`,
  PASSWORD_TOO_LONG: `Mật khẩu không được dài quá ${PASSWORD_MAX_LENGTH} ký tự`,
  PASSWORD_NEEDS_UPPERCASE: 'Mật khẩu phải có chữ hoa',
  PASSWORD_NEEDS_LOWERCASE: 'Mật khẩu phải có chữ thường',
  PASSWORD_NEEDS_DIGIT: 'Mật khẩu phải có chữ số',
  PASSWORD_NEEDS_SPECIAL: 'Mật khẩu phải có ký tự đặc biệt',
  PASSWORD_CONTAINS_NAME: 'Mật khẩu không được chứa tên đăng nhập hoặc họ tên',
  PASSWORD_TOO_COMMON: 'Mật khẩu quá phổ biến, dễ đoán',
  PASSWORD_REUSED: `Không được dùng lại ${PASSWORD_HISTORY_DEPTH} mật khẩu gần nhất`,
};

export interface PasswordContext {
  username: string;
  fullName?: string;
  /** True when a common-password dictionary (server side) recognised it. */
  isCommon?: boolean;
}

/**
 * The regulation's rule (Điều 17.3: at least 8 characters with upper case, lower case, digit and
 * special character) plus the checks a level-2 system needs: not the user's own name or username,
 * not a common password. Reuse of recent passwords is checked against stored hashes by the API.
 */
export function checkPasswordPolicy(password: string, context: PasswordContext): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) violations.push('PASSWORD_TOO_SHORT');
  if (length > PASSWORD_MAX_LENGTH) violations.push('PASSWORD_TOO_LONG');
  if (!/\p{Lu}/u.test(password)) violations.push('PASSWORD_NEEDS_UPPERCASE');
  if (!/\p{Ll}/u.test(password)) violations.push('PASSWORD_NEEDS_LOWERCASE');
  if (!/\p{Nd}/u.test(password)) violations.push('PASSWORD_NEEDS_DIGIT');
  if (!/[^\p{L}\p{Nd}]/u.test(password)) violations.push('PASSWORD_NEEDS_SPECIAL');
  if (containsName(password, context)) violations.push('PASSWORD_CONTAINS_NAME');
  if (context.isCommon) violations.push('PASSWORD_TOO_COMMON');
  return violations;
}

function containsName(password: string, context: PasswordContext): boolean {
  const folded = foldVietnamese(password).replace(/[^a-z0-9]/g, '');
  const names = [context.username, ...(context.fullName ? [context.fullName, ...context.fullName.split(/\s+/)] : [])]
    .map((name) => foldVietnamese(name).replace(/[^a-z0-9]/g, ''))
    .filter((name) => name.length >= 4);
  return names.some((name) => folded.includes(name));
}
