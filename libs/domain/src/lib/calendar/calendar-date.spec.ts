import { addDays, intersectPeriods, isValidOn, parseIsoDate, REFORM_DATE, todayInVietnam } from './calendar-date';

describe('parseIsoDate', () => {
  it('accepts real days', () => {
    expect(parseIsoDate('2025-06-30')?.toISOString()).toBe('2025-06-30T00:00:00.000Z');
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
  });

  it.each(['2025-02-30', '2023-02-29', '2025-7-1', '2025-07-01T00:00', '30/06/2025', '', 'yesterday'])('rejects %p', (value) =>
    expect(parseIsoDate(value)).toBeNull(),
  );
});

describe('validity periods', () => {
  const beforeReform = { validFrom: null, validTo: '2025-06-30' };
  const afterReform = { validFrom: REFORM_DATE, validTo: null };

  it('treats both bounds as inclusive days', () => {
    expect(isValidOn(beforeReform, '2025-06-30')).toBe(true);
    expect(isValidOn(beforeReform, REFORM_DATE)).toBe(false);
    expect(isValidOn(afterReform, REFORM_DATE)).toBe(true);
    expect(isValidOn(afterReform, '2025-06-30')).toBe(false);
  });

  it('intersects periods', () => {
    expect(intersectPeriods(beforeReform, afterReform)).toBeNull();
    expect(intersectPeriods({ validFrom: null, validTo: null }, afterReform)).toEqual(afterReform);
  });

  it('adds days across month ends', () => {
    expect(addDays(REFORM_DATE, -1)).toBe('2025-06-30');
  });

  it('computes today in Vietnam time', () => {
    expect(todayInVietnam(new Date('2025-06-30T18:00:00Z'))).toBe(REFORM_DATE);
  });
});
