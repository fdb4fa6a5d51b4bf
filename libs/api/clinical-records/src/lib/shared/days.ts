import { formatIsoDate, IsoDate, parseIsoDate } from '@skss/domain';

/** A calendar day as the `date` columns hold it (UTC midnight). */
export function dayToDb(day: IsoDate): Date {
  const date = parseIsoDate(day);
  if (!date) throw new RangeError(`Not a calendar day: ${day}`);
  return date;
}

export function dayFromDb(date: Date): IsoDate;
export function dayFromDb(date: Date | null): IsoDate | null;
export function dayFromDb(date: Date | null): IsoDate | null {
  return date ? formatIsoDate(date) : null;
}

/** The first day of a month 'YYYY-MM' and the first day of the next one: the month's half-open range. */
export function monthRange(month: string): { gte: Date; lt: Date } {
  const [year, m] = month.split('-').map(Number);
  return { gte: new Date(Date.UTC(year, m - 1, 1)), lt: new Date(Date.UTC(year, m, 1)) };
}

export function dayBefore(day: IsoDate): IsoDate {
  return formatIsoDate(new Date(dayToDb(day).getTime() - 86_400_000));
}
