import { IsoDate, parseIsoDate } from './calendar-date';

const DAY_MS = 86_400_000;

function dayOrThrow(day: IsoDate): Date {
  const date = parseIsoDate(day);
  if (!date) throw new RangeError(`Not a calendar day: ${day}`);
  return date;
}

/** Whole days from `from` to `to` (negative when `to` is earlier): a death on the day of birth is 0 days. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((dayOrThrow(to).getTime() - dayOrThrow(from).getTime()) / DAY_MS);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Age in completed years on `onDate` (report-rules §1): the birthday counts on its day, and
 * someone born on 29 February has the birthday on 1 March in non-leap years.
 * Returns a negative number when `onDate` is before the birth; callers treat that as invalid data.
 */
export function ageInCompletedYears(dateOfBirth: IsoDate, onDate: IsoDate): number {
  const birth = dayOrThrow(dateOfBirth);
  const on = dayOrThrow(onDate);
  const year = on.getUTCFullYear();
  let [month, day] = [birth.getUTCMonth(), birth.getUTCDate()];
  if (month === 1 && day === 29 && !isLeapYear(year)) [month, day] = [2, 1];
  const hadBirthday = on.getUTCMonth() > month || (on.getUTCMonth() === month && on.getUTCDate() >= day);
  return year - birth.getUTCFullYear() - (hadBirthday ? 0 : 1);
}
