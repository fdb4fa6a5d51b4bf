import { DEADLINE_LEVELS, DEADLINE_REGIMES, DeadlineRegime, deadlineLevelOf, deadlineOf, deadlineRegimeOf, isOnTime } from './deadlines';
import { WorkCalendar } from './holidays';

describe('deadlineOf', () => {
  it('gives a commune station 5 working days, across Tết and a weekend', () => {
    // January 2025 ends on Friday 31/01, a Tết day; the weekend 01–02/02 is Tết too.
    expect(deadlineOf('commune', '2025-01')).toBe('2025-02-07');
  });

  it('skips the 30/4–1/5 holidays, the bridge day and the weekend', () => {
    // April 2025 ends Wednesday 30/04 (holiday); 01/05 holiday, 02/05 bridge, 03–04/05 weekend.
    expect(deadlineOf('commune', '2025-04')).toBe('2025-05-09');
  });

  it('counts a make-up Saturday', () => {
    // April 2024: 01/05 holiday; 02, 03 and Saturday 04/05 (worked back), then 06 and 07/05.
    expect(deadlineOf('commune', '2024-04')).toBe('2024-05-07');
  });

  it('gives districts and provincial facilities 15 working days and the province 25', () => {
    // March 2024 ends on a Sunday; Giỗ Tổ Thursday 18/04/2024 is skipped.
    expect(deadlineOf('district', '2024-03')).toBe('2024-04-22');
    expect(deadlineOf('provincialFacility', '2024-03')).toBe('2024-04-22');
    // January 2024: Tết 08–14/02 skipped.
    expect(deadlineOf('province', '2024-01')).toBe('2024-03-13');
  });

  it('follows the regime of the report month, not of the sending day', () => {
    expect(deadlineRegimeOf('2025-06').regime).toBe('TT37_2019');
    expect(deadlineRegimeOf('2025-07').regime).toBe('TT23_2025');
    expect(() => deadlineRegimeOf('2019-12')).toThrow(RangeError);
  });

  it('has a rule for every level in every regime', () => {
    for (const regime of DEADLINE_REGIMES) {
      for (const level of DEADLINE_LEVELS) {
        expect(regime.rules[level].days).toBeGreaterThan(0);
        expect(regime.rules[level].basis).not.toBe('');
      }
    }
  });

  it('counts calendar days when a regime says so', () => {
    const calendarDays: DeadlineRegime[] = [
      {
        ...DEADLINE_REGIMES[1],
        rules: { ...DEADLINE_REGIMES[1].rules, commune: { days: 5, counting: 'calendar', basis: 'test' } },
      },
    ];
    expect(deadlineOf('commune', '2025-08', calendarDays)).toBe('2025-09-05');
    const empty: WorkCalendar = { daysOff: [], makeUpDays: [] };
    // Working days over an empty holiday list: 02/09/2025 is then a working day.
    expect(deadlineOf('commune', '2025-08', DEADLINE_REGIMES, empty)).toBe('2025-09-05');
    expect(deadlineOf('commune', '2025-08')).toBe('2025-09-09');
  });

  it('keeps counted deadlines apart per rules and calendar, whichever is asked first', () => {
    expect(deadlineOf('province', '2025-08')).toBe('2025-10-07');
    const noHolidays: WorkCalendar = { daysOff: [], makeUpDays: [] };
    // 02/09 (National Day) and 01/09 (its bridge day) are working days in a calendar without them.
    expect(deadlineOf('province', '2025-08', DEADLINE_REGIMES, noHolidays)).toBe('2025-10-03');
    expect(deadlineOf('province', '2025-08')).toBe('2025-10-07');
  });
});

describe('isOnTime', () => {
  it('accepts a report until the end of the deadline day in Vietnam', () => {
    expect(isOnTime(new Date('2025-02-07T23:59:59+07:00'), '2025-02-07')).toBe(true);
    expect(isOnTime(new Date('2025-02-07T16:59:59.999Z'), '2025-02-07')).toBe(true);
    expect(isOnTime(new Date('2025-02-08T00:00:00+07:00'), '2025-02-07')).toBe(false);
    expect(isOnTime(new Date('2025-02-07T17:00:00Z'), '2025-02-07')).toBe(false);
  });

  it('refuses a bad day or instant', () => {
    expect(() => isOnTime(new Date('2025-02-07T10:00:00Z'), '2025-02-30')).toThrow(RangeError);
    expect(() => isOnTime(new Date('nonsense'), '2025-02-07')).toThrow(RangeError);
  });
});

describe('deadlineLevelOf', () => {
  it('places each kind of facility', () => {
    expect(deadlineLevelOf('COMMUNE_HEALTH_STATION')).toBe('commune');
    expect(deadlineLevelOf('DISTRICT_HEALTH_CENTER')).toBe('district');
    expect(deadlineLevelOf('PROVINCIAL_FACILITY')).toBe('provincialFacility');
    expect(deadlineLevelOf('PRIVATE_CLINIC')).toBe('provincialFacility');
    expect(deadlineLevelOf('DEPARTMENT_OF_HEALTH')).toBe('province');
    expect(deadlineLevelOf('NCHI')).toBeNull();
  });
});
