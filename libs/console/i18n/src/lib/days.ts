import { IsoDate, parseIsoDate } from '@skss/domain';

/** How the console writes a day everywhere: dd/MM/yyyy. */
export const DAY_FORMAT = 'dd/MM/yyyy';

const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** 'YYYY-MM-DD' → 'dd/MM/yyyy'; null, undefined or anything that is not a day → '—'. */
export function formatDay(day: IsoDate | null | undefined): string {
  if (!day || !parseIsoDate(day)) return '—';
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** Strict 'dd/MM/yyyy' (a one-digit day or month is accepted) → 'YYYY-MM-DD', or null for 31/02/2025 and the like. */
export function parseDay(text: string): IsoDate | null {
  const match = DAY_MONTH_YEAR.exec(text.trim());
  if (!match) return null;
  const iso = `${match[3]}-${pad(Number(match[2]))}-${pad(Number(match[1]))}`;
  return parseIsoDate(iso) ? iso : null;
}

/** A calendar day as the local-midnight Date that date pickers work with. */
export function dayToLocalDate(day: IsoDate): Date | null {
  const utc = parseIsoDate(day);
  return utc ? new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()) : null;
}

/** The calendar day of a date picker's local Date. */
export function localDateToDay(date: Date): IsoDate {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
