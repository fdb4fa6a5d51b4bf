import { ADMINISTRATION_PERMISSIONS, isPermission, Permission } from '@skss/domain';

/**
 * The rules that keep account administration safe, as pure functions (the services load the
 * accounts and roles they need and apply these).
 */

/** An account can administer every account and role when its roles give both of these at a central unit. */
export const FULL_ADMINISTRATION: readonly Permission[] = ['users.manage', 'roles.manage'];

export interface RoleGrant {
  code: string;
  permissions: readonly string[];
}

export interface AdministratorCandidate {
  id: string;
  active: boolean;
  /** At a central unit (MCH Department, NCHI), whose write scope is the whole country. */
  central: boolean;
  roles: readonly RoleGrant[];
}

/** A change an administrator asks for, described as the new state of one account or one role. */
export interface AdministrationChange {
  account?: { id: string; active?: boolean; central?: boolean; roles?: readonly RoleGrant[] };
  role?: RoleGrant;
}

export function isFullAdministrator(account: AdministratorCandidate): boolean {
  if (!account.active || !account.central) return false;
  const held = new Set(account.roles.flatMap((r) => r.permissions));
  return FULL_ADMINISTRATION.every((p) => held.has(p));
}

/** The candidates as they would be after the change. */
export function applyChange(accounts: readonly AdministratorCandidate[], change: AdministrationChange): AdministratorCandidate[] {
  return accounts.map((account) => {
    let next = account;
    const target = change.account;
    if (target && target.id === account.id) {
      next = {
        ...next,
        active: target.active ?? next.active,
        central: target.central ?? next.central,
        roles: target.roles ?? next.roles,
      };
    }
    const role = change.role;
    if (role && next.roles.some((r) => r.code === role.code)) {
      next = { ...next, roles: next.roles.map((r) => (r.code === role.code ? role : r)) };
    }
    return next;
  });
}

/**
 * True when the change would leave no active full administrator although there is one now: nobody
 * could then create accounts or repair roles without going to the database.
 */
export function removesLastAdministrator(accounts: readonly AdministratorCandidate[], change: AdministrationChange): boolean {
  const before = accounts.filter(isFullAdministrator).length;
  const after = applyChange(accounts, change).filter(isFullAdministrator).length;
  return before > 0 && after === 0;
}

/**
 * Administration permissions (users.manage, roles.manage, integration.manage) that the roles would
 * grant but the caller does not hold: an administrator may only hand on the administration rights
 * they have themselves (no privilege escalation through role assignment or role editing).
 */
export function administrationNotHeld(callerPermissions: ReadonlySet<string>, granted: readonly string[]): Permission[] {
  const missing = new Set<Permission>();
  for (const permission of granted) {
    if (isPermission(permission) && ADMINISTRATION_PERMISSIONS.includes(permission) && !callerPermissions.has(permission)) {
      missing.add(permission);
    }
  }
  return [...missing].sort();
}
