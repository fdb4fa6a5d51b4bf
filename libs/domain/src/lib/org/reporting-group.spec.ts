import { FACILITY_KINDS } from './org-levels';
import { defaultOwnership, ownershipConflicts, REPORTING_GROUPS, reportingGroupOf } from './reporting-group';

describe('reportingGroupOf', () => {
  it('puts central and sector facilities in the first group of the province form', () => {
    expect(reportingGroupOf({ kind: 'CENTRAL_FACILITY', ownership: 'PUBLIC' })).toBe('central');
    expect(reportingGroupOf({ kind: 'MCH_DEPARTMENT', ownership: 'PUBLIC' })).toBe('central');
  });

  it('puts public provincial units, and the former district units, in the provincial group', () => {
    for (const kind of ['DEPARTMENT_OF_HEALTH', 'CDC', 'PROVINCIAL_FACILITY', 'DISTRICT_HEALTH_CENTER', 'DISTRICT_FACILITY'] as const) {
      expect(reportingGroupOf({ kind, ownership: 'PUBLIC' })).toBe('provincial');
    }
  });

  it('puts commune stations in the commune group', () => {
    expect(reportingGroupOf({ kind: 'COMMUNE_HEALTH_STATION', ownership: 'PUBLIC' })).toBe('commune');
  });

  it('puts every privately owned facility in the private group, whatever its kind', () => {
    expect(reportingGroupOf({ kind: 'PRIVATE_CLINIC', ownership: 'PRIVATE' })).toBe('private');
    expect(reportingGroupOf({ kind: 'PROVINCIAL_FACILITY', ownership: 'PRIVATE' })).toBe('private');
    expect(reportingGroupOf({ kind: 'DISTRICT_FACILITY', ownership: 'PRIVATE' })).toBe('private');
  });

  it('gives every kind and ownership one of the four groups', () => {
    for (const kind of FACILITY_KINDS) {
      for (const ownership of ['PUBLIC', 'PRIVATE'] as const) expect(REPORTING_GROUPS).toContain(reportingGroupOf({ kind, ownership }));
    }
  });
});

describe('ownership rules', () => {
  it('defaults private clinics to private and everything else to public', () => {
    expect(defaultOwnership('PRIVATE_CLINIC')).toBe('PRIVATE');
    expect(defaultOwnership('CENTRAL_FACILITY')).toBe('PUBLIC');
  });

  it('refuses a public private clinic and a private state agency', () => {
    expect(ownershipConflicts('PRIVATE_CLINIC', 'PUBLIC')).toBe(true);
    expect(ownershipConflicts('CDC', 'PRIVATE')).toBe(true);
    expect(ownershipConflicts('COMMUNE_HEALTH_STATION', 'PRIVATE')).toBe(true);
    expect(ownershipConflicts('CENTRAL_FACILITY', 'PRIVATE')).toBe(true);
  });

  it('lets hospitals be either', () => {
    expect(ownershipConflicts('PROVINCIAL_FACILITY', 'PRIVATE')).toBe(false);
    expect(ownershipConflicts('PROVINCIAL_FACILITY', 'PUBLIC')).toBe(false);
    expect(ownershipConflicts('PRIVATE_CLINIC', 'PRIVATE')).toBe(false);
  });
});
