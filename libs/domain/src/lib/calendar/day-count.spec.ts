import { ageInCompletedYears, daysBetween, isLeapYear } from './day-count';

describe('ageInCompletedYears (report-rules §1 "Age")', () => {
  it('counts the birthday on its day: born 15/03/2006 is 19 on 14/03/2026 and 20 on 15/03/2026', () => {
    expect(ageInCompletedYears('2006-03-15', '2026-03-14')).toBe(19);
    expect(ageInCompletedYears('2006-03-15', '2026-03-15')).toBe(20);
  });

  it('moves a 29 February birthday to 1 March in non-leap years', () => {
    expect(ageInCompletedYears('2008-02-29', '2009-02-28')).toBe(0);
    expect(ageInCompletedYears('2008-02-29', '2009-03-01')).toBe(1);
    expect(ageInCompletedYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageInCompletedYears('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('keeps 29 February as the birthday in leap years', () => {
    expect(ageInCompletedYears('2008-02-29', '2012-02-28')).toBe(3);
    expect(ageInCompletedYears('2008-02-29', '2012-02-29')).toBe(4);
    expect(ageInCompletedYears('2000-02-29', '2100-02-28')).toBe(99); // 2100 is not a leap year
    expect(ageInCompletedYears('2000-02-29', '2100-03-01')).toBe(100);
  });

  it('is 0 on the day of birth and across the first year', () => {
    expect(ageInCompletedYears('2025-12-31', '2025-12-31')).toBe(0);
    expect(ageInCompletedYears('2025-12-31', '2026-12-30')).toBe(0);
    expect(ageInCompletedYears('2025-12-31', '2026-12-31')).toBe(1);
  });

  it('gives the adolescent band edges on the event day (10 and 19 inclusive)', () => {
    expect(ageInCompletedYears('2016-05-01', '2026-04-30')).toBe(9);
    expect(ageInCompletedYears('2016-05-01', '2026-05-01')).toBe(10);
    expect(ageInCompletedYears('2006-05-01', '2026-04-30')).toBe(19);
    expect(ageInCompletedYears('2006-05-01', '2026-05-01')).toBe(20);
  });

  it('is negative when the day precedes the birth, and rejects malformed days', () => {
    expect(ageInCompletedYears('2026-03-15', '2026-03-14')).toBe(-1);
    expect(() => ageInCompletedYears('2006-02-30', '2026-03-14')).toThrow(RangeError);
  });
});

describe('daysBetween (child age at death, postnatal visit day)', () => {
  it('is 0 for a death on the day of birth and counts calendar days otherwise', () => {
    expect(daysBetween('2026-01-31', '2026-01-31')).toBe(0);
    expect(daysBetween('2026-01-31', '2026-02-03')).toBe(3);
    expect(daysBetween('2026-01-31', '2026-02-06')).toBe(6); // still "under 7 days"
    expect(daysBetween('2026-01-31', '2026-02-07')).toBe(7);
  });

  it('counts leap days and is negative backwards', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
});

describe('isLeapYear', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [1900, false],
  ])('%p → %p', (year, leap) => expect(isLeapYear(year)).toBe(leap));
});
