import { CellValues, COMMUNE_ROWS } from './commune-rows';
import {
  addMonths,
  combineMonths,
  lastDayOfMonth,
  monthOfDay,
  monthsOf,
  parsePeriodView,
  PeriodView,
  periodViewKey,
  periodViewLabel,
} from './periods';

describe('report months', () => {
  it('knows the last day of each month, leap years included', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2025-02')).toBe('2025-02-28');
    expect(lastDayOfMonth('2025-06')).toBe('2025-06-30');
    expect(lastDayOfMonth('2025-12')).toBe('2025-12-31');
  });

  it('moves across years and refuses what is not a month', () => {
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(monthOfDay('2025-07-01')).toBe('2025-07');
    expect(() => lastDayOfMonth('2025-13')).toThrow(RangeError);
    expect(() => addMonths('2025-7', 1)).toThrow(RangeError);
  });
});

describe('monthsOf', () => {
  it('gives 1, 3, 6, 9 and 12 months as the regulation cuts the year', () => {
    expect(monthsOf({ kind: 'month', year: 2025, month: 7 })).toEqual(['2025-07']);
    expect(monthsOf({ kind: 'quarter', year: 2025, quarter: 3 })).toEqual(['2025-07', '2025-08', '2025-09']);
    expect(monthsOf({ kind: 'quarter', year: 2025, quarter: 4 })).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(monthsOf({ kind: 'half', year: 2025, half: 1 })).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(monthsOf({ kind: 'half', year: 2025, half: 2 })[0]).toBe('2025-07');
    expect(monthsOf({ kind: 'nineMonths', year: 2025 })).toHaveLength(9);
    expect(monthsOf({ kind: 'nineMonths', year: 2025 }).at(-1)).toBe('2025-09');
    expect(monthsOf({ kind: 'year', year: 2025 })).toHaveLength(12);
    expect(monthsOf({ kind: 'year', year: 2025 }).at(-1)).toBe('2025-12');
  });

  it('refuses impossible views', () => {
    expect(() => monthsOf({ kind: 'month', year: 2025, month: 13 })).toThrow(RangeError);
    expect(() => monthsOf({ kind: 'quarter', year: 2025, quarter: 5 } as unknown as PeriodView)).toThrow(RangeError);
    expect(() => monthsOf({ kind: 'year', year: 2025.5 })).toThrow(RangeError);
  });

  it('writes and reads view keys', () => {
    const views: PeriodView[] = [
      { kind: 'month', year: 2025, month: 7 },
      { kind: 'quarter', year: 2025, quarter: 1 },
      { kind: 'half', year: 2025, half: 2 },
      { kind: 'nineMonths', year: 2025 },
      { kind: 'year', year: 2025 },
    ];
    expect(views.map(periodViewKey)).toEqual(['2025-07', '2025-Q1', '2025-H2', '2025-9M', '2025']);
    for (const view of views) expect(parsePeriodView(periodViewKey(view))).toEqual(view);
    expect(parsePeriodView('2025-Q5')).toBeNull();
    expect(parsePeriodView('2025-13')).toBeNull();
  });

  it('names views as the forms print them', () => {
    expect(periodViewLabel({ kind: 'quarter', year: 2025, quarter: 3 }).vi).toBe('Quý III năm 2025');
    expect(periodViewLabel({ kind: 'half', year: 2025, half: 1 }).vi).toBe('6 tháng đầu năm 2025');
    expect(periodViewLabel({ kind: 'nineMonths', year: 2025 }).vi).toBe('9 tháng năm 2025');
  });
});

describe('combineMonths', () => {
  const month = (pregnant: number, newlyPregnant: number, ancAtStation: number): CellValues => ({
    'I.1': { total: pregnant },
    'I.2': { total: newlyPregnant },
    'I.3': { total: ancAtStation + 1, station: ancAtStation, outside: 1 },
  });

  it('sums flow rows and takes the last month of stock rows (I.1)', () => {
    const quarter = combineMonths([month(40, 5, 10), month(42, 6, 12), month(38, 4, 9)], COMMUNE_ROWS);
    expect(quarter['I.1']).toEqual({ total: 38 });
    expect(quarter['I.2']).toEqual({ total: 15 });
    expect(quarter['I.3']).toEqual({ total: 34, station: 31, outside: 3 });
  });

  it('leaves a stock cell out when the last month lacks it, and counts a flow over the months that have it', () => {
    const combined = combineMonths([month(40, 5, 10), { 'I.2': { total: 2 } }], COMMUNE_ROWS);
    expect(combined['I.1']).toBeUndefined();
    expect(combined['I.2']).toEqual({ total: 7 });
    expect(combined['I.3']).toEqual({ total: 11, station: 10, outside: 1 });
  });

  it('treats rows it is not told about as flows, and gives nothing for no months', () => {
    expect(combineMonths([{ 'F.caesarean': { total: 2 } }, { 'F.caesarean': { total: 3 } }], [])).toEqual({ 'F.caesarean': { total: 5 } });
    expect(combineMonths([], COMMUNE_ROWS)).toEqual({});
  });

  it('does not change the months it is given', () => {
    const first = month(1, 1, 1);
    combineMonths([first, month(2, 2, 2)], COMMUNE_ROWS);
    expect(first['I.3']).toEqual({ total: 2, station: 1, outside: 1 });
  });
});
