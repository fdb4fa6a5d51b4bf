import { Permission } from '@skss/contract';
import { TranslationKey } from '@skss/console/i18n';

export interface PermissionGroup {
  readonly key: TranslationKey;
  readonly permissions: readonly Permission[];
}

/** How the role editor groups the permission vocabulary; anything new lands in "Khác" until it is placed here. */
export const PERMISSION_GROUPS: readonly PermissionGroup[] = [
  {
    key: 'admin.roles.group.administration',
    permissions: ['users.read', 'users.manage', 'roles.manage', 'integration.manage', 'audit.read'],
  },
  { key: 'admin.roles.group.catalogs', permissions: ['org.read', 'catalogs.manage'] },
  { key: 'admin.roles.group.records', permissions: ['records.read', 'records.enter'] },
  { key: 'admin.roles.group.reports', permissions: ['reports.read', 'reports.create', 'reports.send', 'reports.approve'] },
  { key: 'admin.roles.group.data', permissions: ['monitoring.read', 'data.export'] },
];

/** The groups with the permissions the API knows, plus "Khác" for those no group names. */
export function groupPermissions(known: readonly Permission[]): PermissionGroup[] {
  const grouped = new Set(PERMISSION_GROUPS.flatMap((group) => group.permissions));
  const groups = PERMISSION_GROUPS.map((group) => ({ ...group, permissions: group.permissions.filter((p) => known.includes(p)) }));
  const others = known.filter((p) => !grouped.has(p));
  if (others.length) groups.push({ key: 'admin.roles.group.other', permissions: others });
  return groups.filter((group) => group.permissions.length > 0);
}
