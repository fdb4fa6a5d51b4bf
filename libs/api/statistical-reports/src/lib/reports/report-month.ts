import { parseIsoDate, todayInVietnam } from '@skss/domain';

/** A report month, 'YYYY-MM' (a calendar month in Vietnam time, report-rules §1). */
export type Month = string;

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first day of the month as stored in `statistical_report.month` (a DATE, UTC midnight). */
export function monthStart(month: Month): Date {
  const day = parseIsoDate(`${month}-01`);
  if (!MONTH_PATTERN.test(month) || !day) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return day;
}

export function firstDay(month: Month): string {
  return `${month}-01`;
}

export function lastDay(month: Month): string {
  const [year, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** 'YYYY-MM' of a stored month (a Date at UTC midnight). */
export function monthOf(date: Date): Month {
  return date.toISOString().slice(0, 7);
}

/** Whether the month is over in Vietnam (a report can only be sent for a finished month). */
export function hasEnded(month: Month, now: Date = new Date()): boolean {
  return todayInVietnam(now) > lastDay(month);
}

/** The month of today in Vietnam. */
export function currentMonth(now: Date = new Date()): Month {
  return todayInVietnam(now).slice(0, 7);
}

/** MM/YYYY, as the officers write a month. */
export function monthLabel(month: Month): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}
