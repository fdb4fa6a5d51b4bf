import { FACILITY_KINDS } from '../org/org-levels';
import { DEFAULT_ROLES } from './default-roles';
import { hasAdministrationPermission, PERMISSIONS } from './permissions';

describe('default roles', () => {
  it('gives every facility kind a role with distinct codes and known permissions', () => {
    const codes = FACILITY_KINDS.map((kind) => DEFAULT_ROLES[kind].code);
    expect(new Set(codes).size).toBe(FACILITY_KINDS.length);
    for (const kind of FACILITY_KINDS) {
      for (const permission of DEFAULT_ROLES[kind].permissions) expect(PERMISSIONS).toContain(permission);
    }
  });

  it('lets approving levels approve and commune stations only send', () => {
    expect(DEFAULT_ROLES.DISTRICT_HEALTH_CENTER.permissions).toContain('reports.approve');
    expect(DEFAULT_ROLES.CDC.permissions).toContain('reports.approve');
    expect(DEFAULT_ROLES.COMMUNE_HEALTH_STATION.permissions).not.toContain('reports.approve');
    expect(DEFAULT_ROLES.COMMUNE_HEALTH_STATION.permissions).toContain('reports.send');
  });

  it('reserves administration to NCHI', () => {
    const administrators = Object.entries(DEFAULT_ROLES).filter(([, role]) => hasAdministrationPermission(role.permissions));
    expect(administrators.map(([kind]) => kind)).toEqual(['NCHI']);
  });
});
