import { inForceOnOrAfter, planEnding, planSuccession, versionOn } from './effective-dating';

const v = (id: number, validFrom: string | null, validTo: string | null) => ({ id, validFrom, validTo });

describe('planSuccession', () => {
  it('closes the version in force the day before and lets the new one take over the rest of its period', () => {
    expect(planSuccession([v(1, null, null)], '2026-01-01')).toEqual({
      kind: 'split',
      close: { id: 1, validTo: '2025-12-31' },
      validTo: null,
    });
    expect(planSuccession([v(1, '2020-01-01', '2025-06-30'), v(2, '2025-07-01', null)], '2025-03-01')).toEqual({
      kind: 'split',
      close: { id: 1, validTo: '2025-02-28' },
      validTo: '2025-06-30',
    });
  });

  it('changes in place a version that starts on the day itself', () => {
    expect(planSuccession([v(1, null, '2025-12-31'), v(2, '2026-01-01', null)], '2026-01-01')).toEqual({
      kind: 'replace',
      id: 2,
      validTo: null,
    });
  });

  it('opens a version on a day nothing is in force, up to the next planned one', () => {
    expect(planSuccession([], '2026-01-01')).toEqual({ kind: 'open', validTo: null });
    expect(planSuccession([v(1, null, '2020-12-31')], '2026-01-01')).toEqual({ kind: 'open', validTo: null });
    expect(planSuccession([v(1, null, '2020-12-31'), v(2, '2027-03-01', null), v(3, '2026-06-01', '2027-02-28')], '2026-01-01')).toEqual({
      kind: 'open',
      validTo: '2026-05-31',
    });
  });
});

describe('planEnding', () => {
  it('closes the version in force the day before the end', () => {
    expect(planEnding([v(1, null, null)], '2026-01-01')).toEqual({ close: { id: 1, validTo: '2025-12-31' }, remove: [] });
  });

  it('removes versions that would start on or after the end', () => {
    expect(planEnding([v(1, null, '2025-12-31'), v(2, '2026-01-01', '2026-05-31'), v(3, '2026-06-01', null)], '2026-01-01')).toEqual({
      close: null,
      remove: [2, 3],
    });
    expect(planEnding([v(1, null, '2026-03-31'), v(2, '2026-04-01', null)], '2026-02-01')).toEqual({
      close: { id: 1, validTo: '2026-01-31' },
      remove: [2],
    });
  });

  it('is null when nothing is in force on or after the day', () => {
    expect(planEnding([v(1, null, '2025-12-31')], '2026-01-01')).toBeNull();
    expect(planEnding([], '2026-01-01')).toBeNull();
  });
});

describe('versionOn and inForceOnOrAfter', () => {
  it('read inclusive bounds, null being open-ended', () => {
    const history = [v(1, null, '2025-06-30'), v(2, '2025-07-01', null)];
    expect(versionOn(history, '2025-06-30')?.id).toBe(1);
    expect(versionOn(history, '2025-07-01')?.id).toBe(2);
    expect(versionOn([v(1, '2025-01-01', '2025-01-31')], '2025-02-01')).toBeUndefined();
    expect(inForceOnOrAfter([v(1, null, '2025-06-30')], '2025-06-30')).toBe(true);
    expect(inForceOnOrAfter([v(1, null, '2025-06-30')], '2025-07-01')).toBe(false);
  });
});
