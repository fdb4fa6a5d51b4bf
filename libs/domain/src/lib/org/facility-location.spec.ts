import { FACILITY_KINDS } from './org-levels';
import { isLocatedAtAllowedLevel, SEEDED_ONLY_KINDS, UNIT_LEVELS_OF_KIND } from './facility-location';

describe('facility location', () => {
  it('places commune stations in communes and provincial agencies in provinces', () => {
    expect(isLocatedAtAllowedLevel('COMMUNE_HEALTH_STATION', 'commune')).toBe(true);
    expect(isLocatedAtAllowedLevel('COMMUNE_HEALTH_STATION', 'province')).toBe(false);
    expect(isLocatedAtAllowedLevel('CDC', 'province')).toBe(true);
    expect(isLocatedAtAllowedLevel('CDC', 'commune')).toBe(false);
  });

  it('lets hospitals and clinics be located at any level', () => {
    for (const level of ['province', 'district', 'commune'] as const) {
      expect(isLocatedAtAllowedLevel('CENTRAL_FACILITY', level)).toBe(true);
      expect(isLocatedAtAllowedLevel('PRIVATE_CLINIC', level)).toBe(true);
    }
  });

  it('gives a location to every kind but the seeded central agencies', () => {
    for (const kind of FACILITY_KINDS) expect(UNIT_LEVELS_OF_KIND[kind].length === 0).toBe(SEEDED_ONLY_KINDS.includes(kind));
  });
});
