import { isIsoDate, parseIsoDate } from '../calendar/calendar-date';
import { addWorkingDays, dayOffOn, isWorkingDay, VIETNAM_DAYS_OFF, VIETNAM_MAKE_UP_WORKING_DAYS, WorkCalendar } from './holidays';

const weekday = (day: string) => parseIsoDate(day)?.getUTCDay();

describe('the holiday list', () => {
  it('holds valid, distinct dates from 2024 to 2027', () => {
    const dates = VIETNAM_DAYS_OFF.map((d) => d.date);
    expect(dates.every(isIsoDate)).toBe(true);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates.every((d) => d >= '2024-01-01' && d <= '2027-12-31')).toBe(true);
  });

  it('has every statutory solar holiday of each year', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      for (const day of ['01-01', '04-30', '05-01', '09-02']) expect(dayOffOn(`${year}-${day}`)).toBeDefined();
      // Quốc khánh is two days: 02/9 and the day before or after.
      expect(dayOffOn(`${year}-09-01`) ?? dayOffOn(`${year}-09-03`)).toBeDefined();
    }
  });

  it('gives five weekdays of Tết or more each year', () => {
    for (const year of ['2024', '2025', '2026', '2027']) {
      const tet = VIETNAM_DAYS_OFF.filter((d) => d.date.startsWith(year) && d.name.vi === 'Tết Nguyên đán');
      expect(tet.filter((d) => ![0, 6].includes(weekday(d.date) ?? -1)).length).toBeGreaterThanOrEqual(5);
    }
  });

  it('has make-up days only on weekends, each paying back a bridge day', () => {
    for (const day of VIETNAM_MAKE_UP_WORKING_DAYS) expect([0, 6]).toContain(weekday(day.date));
    expect(VIETNAM_DAYS_OFF.filter((d) => d.kind === 'bridge')).toHaveLength(VIETNAM_MAKE_UP_WORKING_DAYS.length);
  });
});

describe('isWorkingDay', () => {
  it('skips weekends and holidays and keeps make-up Saturdays', () => {
    expect(isWorkingDay('2025-02-03')).toBe(true); // Monday after Tết
    expect(isWorkingDay('2025-02-01')).toBe(false); // Saturday
    expect(isWorkingDay('2025-01-29')).toBe(false); // mùng 1 Tết, Wednesday
    expect(isWorkingDay('2025-05-02')).toBe(false); // bridge day
    expect(isWorkingDay('2025-04-26')).toBe(true); // Saturday worked back
    expect(isWorkingDay('2024-05-04')).toBe(true);
    expect(isWorkingDay('2026-04-27')).toBe(false); // Giỗ Tổ on a Sunday, compensated on Monday
  });

  it('takes another calendar when given one', () => {
    const none: WorkCalendar = { daysOff: [], makeUpDays: [] };
    expect(isWorkingDay('2025-01-29', none)).toBe(true);
    expect(() => isWorkingDay('2025-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('counts working days after a day, skipping Tết and the weekend', () => {
    // Friday 24/01/2025, then Tết 25/01–02/02: the first working day is Monday 03/02.
    expect(addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
    expect(addWorkingDays('2025-01-31', 5)).toBe('2025-02-07');
    expect(addWorkingDays('2025-01-31', 0)).toBe('2025-01-31');
  });

  it('counts a make-up Saturday as a working day', () => {
    // 30/04/2024 (holiday) → 01/05 holiday, 02 and 03/05 working, Saturday 04/05 worked back.
    expect(addWorkingDays('2024-04-30', 3)).toBe('2024-05-04');
  });

  it('refuses negative counts and bad days', () => {
    expect(() => addWorkingDays('2025-01-31', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-02-30', 0)).toThrow(RangeError);
  });
});
