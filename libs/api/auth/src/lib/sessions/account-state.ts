import { AppConfig, UserPrincipal } from '@skss/api/core';
import { FacilityKind, hasAdministrationPermission, isPermission, Permission } from '@skss/domain';

/** What a session still owes before it may use the system. */
export const PENDING_STEPS = ['PASSWORD_CHANGE_REQUIRED', 'PASSWORD_EXPIRED', 'TOTP_ENROLLMENT_REQUIRED', 'TOTP_REQUIRED'] as const;
export type PendingStep = (typeof PENDING_STEPS)[number];

export const PENDING_MESSAGES: Readonly<Record<PendingStep, string>> = {
  PASSWORD_CHANGE_REQUIRED: 'Bạn cần đổi mật khẩu khởi tạo trước khi sử dụng hệ thống',
  PASSWORD_EXPIRED: 'Mật khẩu đã quá hạn, vui lòng đổi mật khẩu mới',
  TOTP_ENROLLMENT_REQUIRED: 'Vai trò của bạn yêu cầu xác thực hai lớp: hãy đăng ký ứng dụng xác thực',
  TOTP_REQUIRED: 'Nhập mã xác thực hai lớp để tiếp tục',
};

export interface AccountLike {
  id: string;
  username: string;
  facilityId: number;
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  totpEnabled: boolean;
  facility: { kind: FacilityKind };
  roles: { role: { permissions: string[]; requireTotp: boolean } }[];
}

/** Per account snapshot: a cached session's account is read again by every request until it changes. */
const permissionsByAccount = new WeakMap<AccountLike, ReadonlySet<Permission>>();

export function permissionsOf(account: AccountLike): ReadonlySet<Permission> {
  let permissions = permissionsByAccount.get(account);
  if (!permissions) {
    permissions = new Set(account.roles.flatMap((r) => r.role.permissions).filter(isPermission));
    permissionsByAccount.set(account, permissions);
  }
  return permissions;
}

export function toPrincipal(account: AccountLike, sessionId: string): UserPrincipal {
  return {
    kind: 'user',
    userId: account.id,
    username: account.username,
    facilityId: account.facilityId,
    facilityKind: account.facility.kind,
    permissions: permissionsOf(account),
    sessionId,
  };
}

/** When the password of an account must be changed, or null when it never expires. */
export function passwordExpiresAt(account: AccountLike, config: AppConfig): Date | null {
  if (!account.passwordChangedAt || !hasAdministrationPermission(permissionsOf(account))) return null;
  return new Date(account.passwordChangedAt.getTime() + config.adminPasswordMaxAgeDays * 86_400_000);
}

export function pendingStep(
  account: AccountLike,
  session: { fullyAuthenticated: boolean; method?: string },
  config: AppConfig,
  now = new Date(),
): PendingStep | null {
  if (!session.fullyAuthenticated) return 'TOTP_REQUIRED';
  // A single sign-on session did not use this system's password: its changes are not owed here.
  if (session.method !== 'oidc') {
    if (account.mustChangePassword) return 'PASSWORD_CHANGE_REQUIRED';
    const expires = passwordExpiresAt(account, config);
    if (expires && expires <= now) return 'PASSWORD_EXPIRED';
  }
  if (account.roles.some((r) => r.role.requireTotp) && !account.totpEnabled) return 'TOTP_ENROLLMENT_REQUIRED';
  return null;
}
