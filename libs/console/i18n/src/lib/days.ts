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

/** Vietnam time (Asia/Ho_Chi_Minh) is UTC+7 all year: no daylight saving to account for. */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * An instant from the API (ISO 8601 with its offset) as dd/MM/yyyy HH:mm in Vietnam time, whatever the browser's time
 * zone; with seconds on request. Null, undefined or an unreadable value → '—'.
 */
export function formatDateTime(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '—';
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return '—';
  const d = new Date(time + VIETNAM_OFFSET_MS);
  const day = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear(), 4)}`;
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${withSeconds ? ':' + pad(d.getUTCSeconds()) : ''}`;
  return `${day} ${clock}`;
}

/** How the console writes a month: MM/yyyy. */
export const MONTH_FORMAT = 'MM/yyyy';

/** A calendar month, the period of registers and monthly reports: 'YYYY-MM'. */
export type IsoMonth = string;

const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const MONTH_YEAR = /^(\d{1,2})\/(\d{4})$/;

export function isIsoMonth(value: unknown): value is IsoMonth {
  if (typeof value !== 'string') return false;
  const match = ISO_MONTH.exec(value);
  return !!match && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** 'YYYY-MM' → 'MM/yyyy' (how the console writes a month); anything else → '—'. */
export function formatMonth(month: IsoMonth | null | undefined): string {
  if (!isIsoMonth(month)) return '—';
  const [year, number] = month.split('-');
  return `${number}/${year}`;
}

/** Strict 'MM/yyyy' (a one-digit month is accepted) → 'YYYY-MM', or null. */
export function parseMonth(text: string): IsoMonth | null {
  const match = MONTH_YEAR.exec(text.trim());
  if (!match) return null;
  const month = `${match[2]}-${pad(Number(match[1]))}`;
  return isIsoMonth(month) ? month : null;
}

/** The month of a calendar day: '2026-03-15' → '2026-03'. */
export function monthOf(day: IsoDate): IsoMonth {
  return day.slice(0, 7);
}

/** The month `count` months after (or, negative, before) another. */
export function addMonths(month: IsoMonth, count: number): IsoMonth {
  if (!isIsoMonth(month)) throw new RangeError(`Not a month: ${month}`);
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + count;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** The first and last day of a month, both inclusive, as the API's `from`/`to` filters take them. */
export function monthRange(month: IsoMonth): { readonly from: IsoDate; readonly to: IsoDate } {
  if (!isIsoMonth(month)) throw new RangeError(`Not a month: ${month}`);
  const [year, number] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}
