import {
  administrationNotHeld,
  AdministratorCandidate,
  applyChange,
  isFullAdministrator,
  removesLastAdministrator,
} from './administration-rules';

const ADMIN_ROLE = { code: 'NCHI_ADMIN', permissions: ['users.read', 'users.manage', 'roles.manage', 'integration.manage'] };
const USER_ADMIN_ROLE = { code: 'USER_ADMIN', permissions: ['users.read', 'users.manage'] };
const TYT_ROLE = { code: 'TYT', permissions: ['records.enter', 'reports.send'] };

const account = (id: string, overrides: Partial<AdministratorCandidate> = {}): AdministratorCandidate => ({
  id,
  active: true,
  central: true,
  roles: [ADMIN_ROLE],
  ...overrides,
});

describe('isFullAdministrator', () => {
  it('needs both users.manage and roles.manage, an active account and a central unit', () => {
    expect(isFullAdministrator(account('a'))).toBe(true);
    expect(isFullAdministrator(account('a', { roles: [USER_ADMIN_ROLE] }))).toBe(false);
    expect(isFullAdministrator(account('a', { active: false }))).toBe(false);
    expect(isFullAdministrator(account('a', { central: false }))).toBe(false);
  });

  it('adds up permissions over several roles', () => {
    const split = account('a', { roles: [USER_ADMIN_ROLE, { code: 'ROLE_ADMIN', permissions: ['roles.manage'] }] });
    expect(isFullAdministrator(split)).toBe(true);
  });
});

describe('removesLastAdministrator', () => {
  it('refuses disabling, demoting or moving away the only administrator', () => {
    const only = [account('a'), account('b', { roles: [TYT_ROLE], central: false })];
    expect(removesLastAdministrator(only, { account: { id: 'a', active: false } })).toBe(true);
    expect(removesLastAdministrator(only, { account: { id: 'a', roles: [TYT_ROLE] } })).toBe(true);
    expect(removesLastAdministrator(only, { account: { id: 'a', central: false } })).toBe(true);
  });

  it('allows the same changes while another administrator remains', () => {
    const two = [account('a'), account('b')];
    expect(removesLastAdministrator(two, { account: { id: 'a', active: false } })).toBe(false);
    expect(removesLastAdministrator(two, { account: { id: 'a', roles: [TYT_ROLE] } })).toBe(false);
  });

  it('refuses taking an administration permission out of the role every administrator relies on', () => {
    const two = [account('a'), account('b')];
    expect(removesLastAdministrator(two, { role: { code: 'NCHI_ADMIN', permissions: ['users.read', 'users.manage'] } })).toBe(true);
    expect(removesLastAdministrator(two, { role: { code: 'NCHI_ADMIN', permissions: [...ADMIN_ROLE.permissions, 'audit.read'] } })).toBe(
      false,
    );
  });

  it('counts an administrator holding the rights through another role', () => {
    const accounts = [account('a'), account('b', { roles: [USER_ADMIN_ROLE, { code: 'ROLE_ADMIN', permissions: ['roles.manage'] }] })];
    expect(removesLastAdministrator(accounts, { role: { code: 'NCHI_ADMIN', permissions: [] } })).toBe(false);
  });

  it('does not block changes when there is no administrator to begin with', () => {
    expect(removesLastAdministrator([account('a', { active: false })], { account: { id: 'a', roles: [] } })).toBe(false);
  });

  it('applies a role change to every member and leaves other accounts alone', () => {
    const after = applyChange([account('a'), account('b', { roles: [TYT_ROLE] })], { role: { code: 'NCHI_ADMIN', permissions: [] } });
    expect(after[0].roles).toEqual([{ code: 'NCHI_ADMIN', permissions: [] }]);
    expect(after[1].roles).toEqual([TYT_ROLE]);
  });
});

describe('administrationNotHeld', () => {
  it('lists the administration permissions granted but not held by the caller', () => {
    const caller = new Set(['users.read', 'users.manage']);
    expect(administrationNotHeld(caller, ADMIN_ROLE.permissions)).toEqual(['integration.manage', 'roles.manage']);
    expect(administrationNotHeld(caller, USER_ADMIN_ROLE.permissions)).toEqual([]);
  });

  it('lets any administrator grant ordinary permissions', () => {
    expect(administrationNotHeld(new Set(['users.manage']), ['records.enter', 'reports.approve', 'data.export'])).toEqual([]);
  });
});
