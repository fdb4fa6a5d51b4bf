import { addDays, IsoDate, parseIsoDate } from '../calendar/calendar-date';

/**
 * Vietnamese public holidays and the working calendar of public bodies, kept as data.
 *
 * The Labour Code 2019 (Bộ luật Lao động 45/2019/QH14, Điều 112) gives: Tết Dương lịch 1 day
 * (01/01), Tết Âm lịch 5 days, Giỗ Tổ Hùng Vương 1 day (10/3 lunar), Ngày Chiến thắng 30/4,
 * Quốc tế lao động 01/5, Quốc khánh 2 days (02/9 and the day before or after). A holiday that
 * falls on a weekly rest day is compensated on the next working day (Điều 111 khoản 3). Each year
 * the Government fixes the exact days off of civil servants and public service units (commune
 * stations, health centres, hospitals): the Tết days and sometimes a swapped bridge day with a
 * Saturday worked in exchange (ngày làm bù).
 *
 * `certainty`:
 * - `confirmed`: the date is fixed by law (solar holidays) or was announced and is known to us;
 * - `expected`: our reading of the law and the usual pattern; the Government's announcement for
 *   that year was not available when this list was written. Check and update it each year.
 */
export type HolidayCertainty = 'confirmed' | 'expected';

export interface DayOff {
  readonly date: IsoDate;
  readonly name: { readonly vi: string; readonly en: string };
  /** `holiday`: a statutory day; `compensatory`: for a holiday on a rest day; `bridge`: swapped with a make-up Saturday. */
  readonly kind: 'holiday' | 'compensatory' | 'bridge';
  readonly certainty: HolidayCertainty;
}

/** A Saturday or Sunday worked in exchange for a bridge day off. */
export interface MakeUpWorkingDay {
  readonly date: IsoDate;
  readonly reason: string;
  readonly certainty: HolidayCertainty;
}

export interface WorkCalendar {
  readonly daysOff: readonly DayOff[];
  readonly makeUpDays: readonly MakeUpWorkingDay[];
}

const NEW_YEAR = { vi: 'Tết Dương lịch', en: "New Year's Day" };
const TET = { vi: 'Tết Nguyên đán', en: 'Lunar New Year' };
const HUNG_KINGS = { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: 'Hung Kings Commemoration' };
const REUNIFICATION = { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day' };
const LABOUR = { vi: 'Ngày Quốc tế lao động (01/5)', en: 'International Labour Day' };
const NATIONAL = { vi: 'Quốc khánh (02/9)', en: 'National Day' };
const NATIONAL_ADJACENT = { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' };

type Name = DayOff['name'];

const off = (date: IsoDate, name: Name, certainty: HolidayCertainty, kind: DayOff['kind'] = 'holiday'): DayOff => ({
  date,
  name,
  kind,
  certainty,
});

/** Consecutive days off from `from` to `to` inclusive (weekend days included, for reading). */
function span(from: IsoDate, to: IsoDate, name: Name, certainty: HolidayCertainty): DayOff[] {
  const days: DayOff[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(off(day, name, certainty));
  return days;
}

/**
 * 2024–2027. Lunar dates were converted with the Vietnamese (UTC+7) lunar calendar: Tết
 * 10/02/2024, 29/01/2025, 17/02/2026, 06/02/2027; Giỗ Tổ 18/04/2024, 07/04/2025, 26/04/2026
 * (a Sunday), 16/04/2027.
 */
export const VIETNAM_DAYS_OFF: readonly DayOff[] = [
  // 2024
  off('2024-01-01', NEW_YEAR, 'confirmed'),
  ...span('2024-02-08', '2024-02-14', TET, 'confirmed'), // 29 Tết to mùng 5, Thu–Wed
  off('2024-04-18', HUNG_KINGS, 'confirmed'),
  off('2024-04-29', REUNIFICATION, 'confirmed', 'bridge'), // worked back on Saturday 04/05/2024
  off('2024-04-30', REUNIFICATION, 'confirmed'),
  off('2024-05-01', LABOUR, 'confirmed'),
  off('2024-09-02', NATIONAL, 'confirmed'),
  off('2024-09-03', NATIONAL_ADJACENT, 'confirmed'),
  // 2025
  off('2025-01-01', NEW_YEAR, 'confirmed'),
  ...span('2025-01-25', '2025-02-02', TET, 'confirmed'), // Sat 25/01 to Sun 02/02; weekdays 27–31/01
  off('2025-04-07', HUNG_KINGS, 'confirmed'),
  off('2025-04-30', REUNIFICATION, 'confirmed'),
  off('2025-05-01', LABOUR, 'confirmed'),
  off('2025-05-02', LABOUR, 'confirmed', 'bridge'), // worked back on Saturday 26/04/2025
  off('2025-09-01', NATIONAL_ADJACENT, 'confirmed'),
  off('2025-09-02', NATIONAL, 'confirmed'),
  // 2026
  off('2026-01-01', NEW_YEAR, 'confirmed'),
  off('2026-01-02', NEW_YEAR, 'expected', 'bridge'), // with Saturday 10/01/2026 worked back
  ...span('2026-02-14', '2026-02-22', TET, 'expected'), // Sat 14/02 to Sun 22/02; weekdays 16–20/02
  off('2026-04-26', HUNG_KINGS, 'expected'), // a Sunday
  off('2026-04-27', HUNG_KINGS, 'expected', 'compensatory'),
  off('2026-04-30', REUNIFICATION, 'confirmed'),
  off('2026-05-01', LABOUR, 'confirmed'),
  off('2026-09-01', NATIONAL_ADJACENT, 'expected'), // the adjacent day (01/9 or 03/9) is not yet fixed
  off('2026-09-02', NATIONAL, 'confirmed'),
  // 2027
  off('2027-01-01', NEW_YEAR, 'confirmed'),
  ...span('2027-02-05', '2027-02-09', TET, 'expected'), // 29 Tết (Fri) to mùng 4 (Tue)
  off('2027-02-10', TET, 'expected', 'compensatory'), // for Saturday 06/02 (mùng 1)
  off('2027-02-11', TET, 'expected', 'compensatory'), // for Sunday 07/02 (mùng 2)
  off('2027-04-16', HUNG_KINGS, 'expected'),
  off('2027-04-30', REUNIFICATION, 'confirmed'),
  off('2027-05-01', LABOUR, 'confirmed'), // a Saturday
  off('2027-05-03', LABOUR, 'expected', 'compensatory'),
  off('2027-09-02', NATIONAL, 'confirmed'),
  off('2027-09-03', NATIONAL_ADJACENT, 'expected'),
];

export const VIETNAM_MAKE_UP_WORKING_DAYS: readonly MakeUpWorkingDay[] = [
  { date: '2024-05-04', reason: 'Làm bù cho ngày nghỉ 29/04/2024', certainty: 'confirmed' },
  { date: '2025-04-26', reason: 'Làm bù cho ngày nghỉ 02/05/2025', certainty: 'confirmed' },
  { date: '2026-01-10', reason: 'Làm bù cho ngày nghỉ 02/01/2026', certainty: 'expected' },
];

export const VIETNAM_WORK_CALENDAR: WorkCalendar = { daysOff: VIETNAM_DAYS_OFF, makeUpDays: VIETNAM_MAKE_UP_WORKING_DAYS };

/** The first and last years the calendar lists; working days outside them skip weekends only. */
export const WORK_CALENDAR_YEARS = { from: 2024, to: 2027 } as const;

const indexes = new WeakMap<WorkCalendar, { off: Set<IsoDate>; makeUp: Set<IsoDate> }>();

function indexOf(calendar: WorkCalendar) {
  let index = indexes.get(calendar);
  if (!index) {
    index = { off: new Set(calendar.daysOff.map((d) => d.date)), makeUp: new Set(calendar.makeUpDays.map((d) => d.date)) };
    indexes.set(calendar, index);
  }
  return index;
}

/** Whether public bodies work on a day: not a Saturday or Sunday (unless a make-up day), not a day off. */
export function isWorkingDay(day: IsoDate, calendar: WorkCalendar = VIETNAM_WORK_CALENDAR): boolean {
  const date = parseIsoDate(day);
  if (!date) throw new RangeError(`Not a calendar day: ${day}`);
  const index = indexOf(calendar);
  if (index.off.has(day)) return false;
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return index.makeUp.has(day);
  return true;
}

/** The day off listed for a date, if any. */
export function dayOffOn(day: IsoDate, calendar: WorkCalendar = VIETNAM_WORK_CALENDAR): DayOff | undefined {
  return calendar.daysOff.find((d) => d.date === day);
}

/**
 * The `count`-th working day after `day` (not counting `day` itself): 5 working days after
 * Friday 31/01/2025 is Friday 07/02/2025.
 */
export function addWorkingDays(day: IsoDate, count: number, calendar: WorkCalendar = VIETNAM_WORK_CALENDAR): IsoDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a number of days: ${count}`);
  if (!parseIsoDate(day)) throw new RangeError(`Not a calendar day: ${day}`);
  let current = day;
  let left = count;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) left -= 1;
  }
  return current;
}
