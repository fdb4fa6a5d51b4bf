import { earlierEnd, facilityListFilter } from './facility-filters';

describe('facilityListFilter', () => {
  it('turns a reporting group into the kinds and ownership it covers', () => {
    expect(facilityListFilter({ reportingGroup: 'private' })).toEqual({ kinds: undefined, ownership: 'PRIVATE' });
    expect(facilityListFilter({ reportingGroup: 'commune' })).toEqual({ kinds: ['COMMUNE_HEALTH_STATION'], ownership: 'PUBLIC' });
    expect(facilityListFilter({ reportingGroup: 'central' })).toEqual({
      kinds: ['MCH_DEPARTMENT', 'NCHI', 'CENTRAL_FACILITY'],
      ownership: 'PUBLIC',
    });
  });

  it('combines a group with a kind and an ownership, or says nothing can match', () => {
    expect(facilityListFilter({ reportingGroup: 'provincial', kind: 'CDC' })).toEqual({ kinds: ['CDC'], ownership: 'PUBLIC' });
    expect(facilityListFilter({ reportingGroup: 'provincial', kind: 'COMMUNE_HEALTH_STATION' })).toBe('none');
    expect(facilityListFilter({ reportingGroup: 'private', ownership: 'PUBLIC' })).toBe('none');
    expect(facilityListFilter({ reportingGroup: 'private', kind: 'PROVINCIAL_FACILITY' })).toEqual({
      kinds: ['PROVINCIAL_FACILITY'],
      ownership: 'PRIVATE',
    });
    expect(facilityListFilter({})).toEqual({ kinds: undefined, ownership: undefined });
  });
});

describe('earlierEnd', () => {
  it('reads null as open-ended', () => {
    expect(earlierEnd(null, null)).toBeNull();
    expect(earlierEnd('2026-06-30', null)).toBe('2026-06-30');
    expect(earlierEnd(null, '2026-06-30')).toBe('2026-06-30');
    expect(earlierEnd('2026-12-31', '2026-06-30')).toBe('2026-06-30');
  });
});
