import { addDays, dailySeries, itemState, periodTotals, reasonCounts } from './monitoring-figures';

describe('monitoring figures', () => {
  it('lists reasons by count, the most frequent first, ties by code', () => {
    expect(reasonCounts({ REQUIRED: 1, DATE_IN_FUTURE: 3, COMMUNE_NOT_FOUND: 1 })).toEqual([
      { code: 'DATE_IN_FUTURE', count: 3 },
      { code: 'COMMUNE_NOT_FOUND', count: 1 },
      { code: 'REQUIRED', count: 1 },
    ]);
  });

  it('adds a source’s days up, reasons included', () => {
    expect(
      periodTotals([
        { day: '2026-12-02', accepted: 5, rejected: 2, reasons: { REQUIRED: 2 } },
        { day: '2026-12-01', accepted: 1, rejected: 3, reasons: { REQUIRED: 1, UNKNOWN_FIELD: 2 } },
      ]),
    ).toEqual({
      accepted: 6,
      rejected: 5,
      reasons: [
        { code: 'REQUIRED', count: 3 },
        { code: 'UNKNOWN_FIELD', count: 2 },
      ],
    });
    expect(periodTotals([])).toEqual({ accepted: 0, rejected: 0, reasons: [] });
  });

  it('fills every day of the window up to today, across a month and a year end', () => {
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(dailySeries([{ day: '2026-12-31', accepted: 4, rejected: 1, reasons: {} }], 3, '2027-01-01')).toEqual([
      { day: '2026-12-30', accepted: 0, rejected: 0 },
      { day: '2026-12-31', accepted: 4, rejected: 1 },
      { day: '2027-01-01', accepted: 0, rejected: 0 },
    ]);
  });

  it('calls a pending item that already failed "failing"', () => {
    expect(itemState({ status: 'PENDING', attempts: 0 })).toBe('PENDING');
    expect(itemState({ status: 'PENDING', attempts: 2 })).toBe('FAILING');
    expect(itemState({ status: 'DEAD', attempts: 5 })).toBe('DEAD');
    expect(itemState({ status: 'DELIVERED', attempts: 1 })).toBe('DELIVERED');
  });
});
