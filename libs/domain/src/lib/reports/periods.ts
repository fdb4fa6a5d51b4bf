import { IsoDate, parseIsoDate } from '../calendar/calendar-date';
import { Aggregation, CellValues } from './commune-rows';

/**
 * A reporting month, 'YYYY-MM' (report-rules §1: a calendar month in Vietnam time). The monthly
 * report is the unit of data; every longer view is made of months (domain-reference §2.1).
 */
export type ReportMonth = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isReportMonth(value: unknown): value is ReportMonth {
  return typeof value === 'string' && MONTH.test(value);
}

function partsOf(month: ReportMonth): [number, number] {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return [Number(match[1]), Number(match[2])];
}

export function formatReportMonth(year: number, month: number): ReportMonth {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month an event day belongs to. */
export function monthOfDay(day: IsoDate): ReportMonth {
  if (!parseIsoDate(day)) throw new RangeError(`Not a calendar day: ${day}`);
  return day.slice(0, 7);
}

export function firstDayOfMonth(month: ReportMonth): IsoDate {
  partsOf(month);
  return `${month}-01`;
}

export function lastDayOfMonth(month: ReportMonth): IsoDate {
  const [year, m] = partsOf(month);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

export function addMonths(month: ReportMonth, count: number): ReportMonth {
  const [year, m] = partsOf(month);
  const index = year * 12 + (m - 1) + count;
  return formatReportMonth(Math.floor(index / 12), (index % 12) + 1);
}

/**
 * The views a report can be read over (domain-reference §2.1, TT 37/2019 Điều 2): a month, a
 * quarter (01/01–31/03, 01/04–30/06, 01/07–30/09, 01/10–31/12), a half year (01/01–30/06,
 * 01/07–31/12), nine months (01/01–30/09) and the year. TT 23/2025 keeps only month and year as
 * reporting periods; the longer views remain read-only sums of approved months.
 */
export type PeriodView =
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: 1 | 2 | 3 | 4 }
  | { readonly kind: 'half'; readonly year: number; readonly half: 1 | 2 }
  | { readonly kind: 'nineMonths'; readonly year: number }
  | { readonly kind: 'year'; readonly year: number };

export type PeriodViewKind = PeriodView['kind'];

/** How many months each kind of view spans. */
export const PERIOD_VIEW_MONTHS: Readonly<Record<PeriodViewKind, 1 | 3 | 6 | 9 | 12>> = {
  month: 1,
  quarter: 3,
  half: 6,
  nineMonths: 9,
  year: 12,
};

function firstMonthIndex(view: PeriodView): number {
  switch (view.kind) {
    case 'month':
      if (!Number.isInteger(view.month) || view.month < 1 || view.month > 12) throw new RangeError(`Not a month: ${view.month}`);
      return view.month;
    case 'quarter':
      if (![1, 2, 3, 4].includes(view.quarter)) throw new RangeError(`Not a quarter: ${view.quarter}`);
      return (view.quarter - 1) * 3 + 1;
    case 'half':
      if (![1, 2].includes(view.half)) throw new RangeError(`Not a half year: ${view.half}`);
      return view.half === 1 ? 1 : 7;
    case 'nineMonths':
    case 'year':
      return 1;
  }
}

/** The months of a view, in order: 1, 3, 6, 9 or 12 of them. */
export function monthsOf(view: PeriodView): ReportMonth[] {
  if (!Number.isInteger(view.year) || view.year < 1 || view.year > 9999) throw new RangeError(`Not a year: ${view.year}`);
  const first = formatReportMonth(view.year, firstMonthIndex(view));
  return Array.from({ length: PERIOD_VIEW_MONTHS[view.kind] }, (_, i) => addMonths(first, i));
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * A stable text key for a view: '2025-07', '2025-Q3', '2025-H2', '2025-9M', '2025'.
 */
export function periodViewKey(view: PeriodView): string {
  monthsOf(view);
  switch (view.kind) {
    case 'month':
      return formatReportMonth(view.year, view.month);
    case 'quarter':
      return `${view.year}-Q${view.quarter}`;
    case 'half':
      return `${view.year}-H${view.half}`;
    case 'nineMonths':
      return `${view.year}-9M`;
    case 'year':
      return String(view.year);
  }
}

const VIEW_KEY = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])|(9M)))?$/;

/** Reads a key written by periodViewKey; null when it is not one. */
export function parsePeriodView(key: string): PeriodView | null {
  const match = VIEW_KEY.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1) return null;
  if (match[2]) return { kind: 'month', year, month: Number(match[2]) };
  if (match[3]) return { kind: 'quarter', year, quarter: Number(match[3]) as 1 | 2 | 3 | 4 };
  if (match[4]) return { kind: 'half', year, half: Number(match[4]) as 1 | 2 };
  if (match[5]) return { kind: 'nineMonths', year };
  return { kind: 'year', year };
}

/** The view's name as the forms print the period ("Quý III năm 2025", "6 tháng đầu năm 2025"). */
export function periodViewLabel(view: PeriodView): { vi: string; en: string } {
  monthsOf(view);
  switch (view.kind) {
    case 'month':
      return { vi: `Tháng ${view.month} năm ${view.year}`, en: `${formatReportMonth(view.year, view.month)}` };
    case 'quarter':
      return { vi: `Quý ${ROMAN[view.quarter - 1]} năm ${view.year}`, en: `Q${view.quarter} ${view.year}` };
    case 'half':
      return view.half === 1
        ? { vi: `6 tháng đầu năm ${view.year}`, en: `First half of ${view.year}` }
        : { vi: `6 tháng cuối năm ${view.year}`, en: `Second half of ${view.year}` };
    case 'nineMonths':
      return { vi: `9 tháng năm ${view.year}`, en: `First nine months of ${view.year}` };
    case 'year':
      return { vi: `Năm ${view.year}`, en: `Year ${view.year}` };
  }
}

/** What combineMonths needs to know of a row: its key and how it sums over months. */
export interface AggregatedRow {
  readonly key: string;
  readonly aggregation: Aggregation;
}

/**
 * The values of a multi-month view from the months' values, given in month order
 * (report-rules §1, domain-reference-2 §2.3): flow rows add up over the months; stock rows
 * (aggregation 'last': I.1 and I.1.1, pregnant women under management at the end of the month)
 * take the last month's value. A cell missing from a month counts as nothing for a flow; a stock
 * cell missing from the last month is missing from the result (an unreported month is not zero).
 * Rows absent from `rows` are treated as flows.
 */
export function combineMonths(monthValues: readonly CellValues[], rows: readonly AggregatedRow[]): CellValues {
  const aggregationOf = new Map(rows.map((r) => [r.key, r.aggregation]));
  const result: CellValues = {};
  const last = monthValues.length - 1;
  monthValues.forEach((values, index) => {
    for (const [rowKey, cells] of Object.entries(values)) {
      const isStock = aggregationOf.get(rowKey) === 'last';
      if (isStock && index !== last) continue;
      const target = (result[rowKey] ??= {});
      for (const [column, value] of Object.entries(cells)) {
        target[column] = isStock ? value : (target[column] ?? 0) + value;
      }
    }
  });
  return result;
}
