/**
 * Calendar days as the regulation counts them (no time of day, no time zone): 'YYYY-MM-DD'.
 * Internally a day is the UTC midnight Date that PostgreSQL's `date` type maps to.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day the 2025 administrative reform took effect (Resolution 202/2025/QH15). */
export const REFORM_DATE: IsoDate = '2025-07-01';

/** Parses 'YYYY-MM-DD' strictly: rejects 2025-02-30, 2025-7-1 and anything with a time. */
export function parseIsoDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const roundTrips = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return roundTrips ? date : null;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

export function formatIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** Today in Vietnam (UTC+7, no daylight saving), the day the console and reports reason about. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return formatIsoDate(new Date(now.getTime() + 7 * 3600_000));
}

export function addDays(day: IsoDate, days: number): IsoDate {
  const date = parseIsoDate(day);
  if (!date) throw new RangeError(`Not a calendar day: ${day}`);
  return formatIsoDate(new Date(date.getTime() + days * 86_400_000));
}

/** An effective-dated row: both bounds inclusive, null meaning open-ended. */
export interface ValidityPeriod {
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export function isValidOn(period: ValidityPeriod, day: IsoDate): boolean {
  return (period.validFrom === null || period.validFrom <= day) && (period.validTo === null || day <= period.validTo);
}

/** The overlap of two periods, or null when they do not share a day. */
export function intersectPeriods(a: ValidityPeriod, b: ValidityPeriod): ValidityPeriod | null {
  const validFrom = maxDay(a.validFrom, b.validFrom);
  const validTo = minDay(a.validTo, b.validTo);
  if (validFrom !== null && validTo !== null && validFrom > validTo) return null;
  return { validFrom, validTo };
}

function maxDay(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

function minDay(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}
