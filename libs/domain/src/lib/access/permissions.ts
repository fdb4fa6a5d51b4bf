/**
 * The permission vocabulary, shared by the API guards and the console (which hides what a user
 * may not do). A role is a set of these.
 */
export const PERMISSIONS = [
  'org.read',
  'users.read',
  'users.manage',
  'roles.manage',
  'integration.manage',
  'audit.read',
  'monitoring.read',
  'catalogs.manage',
  'facilities.manage',
  'records.read',
  'records.enter',
  'reports.read',
  'reports.create',
  'reports.send',
  'reports.approve',
  'data.export',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Readonly<Record<Permission, { vi: string; en: string }>> = {
  'org.read': { vi: 'Xem đơn vị hành chính và cơ sở y tế', en: 'View administrative units and facilities' },
  'users.read': { vi: 'Xem tài khoản', en: 'View accounts' },
  'users.manage': { vi: 'Quản lý tài khoản', en: 'Manage accounts' },
  'roles.manage': { vi: 'Quản lý vai trò', en: 'Manage roles' },
  'integration.manage': { vi: 'Quản lý tài khoản tích hợp', en: 'Manage integration accounts' },
  'audit.read': { vi: 'Xem nhật ký hệ thống', en: 'View the audit trail' },
  'monitoring.read': { vi: 'Giám sát luồng dữ liệu', en: 'Monitor data flows' },
  'catalogs.manage': { vi: 'Quản lý danh mục', en: 'Manage catalogs' },
  'facilities.manage': { vi: 'Quản lý cơ sở y tế và tuyến báo cáo', en: 'Manage health facilities and reporting lines' },
  'records.read': { vi: 'Xem sổ sách', en: 'View registers' },
  'records.enter': { vi: 'Nhập sổ sách', en: 'Enter register records' },
  'reports.read': { vi: 'Xem báo cáo', en: 'View reports' },
  'reports.create': { vi: 'Lập báo cáo', en: 'Create reports' },
  'reports.send': { vi: 'Gửi báo cáo', en: 'Send reports' },
  'reports.approve': { vi: 'Duyệt báo cáo', en: 'Approve reports' },
  'data.export': { vi: 'Xuất dữ liệu', en: 'Export data' },
};

/** Accounts holding any of these must change their password at least every 6 months (Điều 17.3). */
export const ADMINISTRATION_PERMISSIONS: readonly Permission[] = ['users.manage', 'roles.manage', 'integration.manage'];

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

export function hasAdministrationPermission(permissions: Iterable<string>): boolean {
  for (const p of permissions) if ((ADMINISTRATION_PERMISSIONS as readonly string[]).includes(p)) return true;
  return false;
}
