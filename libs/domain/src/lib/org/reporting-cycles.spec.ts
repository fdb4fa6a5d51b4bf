import { firstCycleDay, ReportingLineSpan } from './reporting-cycles';

const line = (
  facility: string,
  reportsTo: string,
  validFrom: string | null = null,
  validTo: string | null = null,
): ReportingLineSpan<string> => ({
  facility,
  reportsTo,
  validFrom,
  validTo,
});

describe('firstCycleDay', () => {
  const chain = [line('TYT', 'CDC'), line('CDC', 'SYT'), line('SYT', 'VU')];

  it('finds none in a chain that ends at the top', () => {
    expect(firstCycleDay(chain, 'TYT', { validFrom: '2026-01-01', validTo: null })).toBeNull();
  });

  it('finds a facility that would report to one of its own reporters', () => {
    const lines = [...chain.filter((l) => l.facility !== 'SYT'), line('SYT', 'TYT', '2026-01-01')];
    expect(firstCycleDay(lines, 'SYT', { validFrom: '2026-01-01', validTo: null })).toBe('2026-01-01');
  });

  it('finds a facility reporting to itself', () => {
    expect(firstCycleDay([line('A', 'A', '2026-01-01')], 'A', { validFrom: '2026-01-01', validTo: null })).toBe('2026-01-01');
  });

  it('finds a cycle that only appears when a later line takes effect', () => {
    const lines = [line('A', 'B', '2026-01-01'), line('B', 'C', null, '2026-05-31'), line('B', 'A', '2026-06-01')];
    expect(firstCycleDay(lines, 'A', { validFrom: '2026-01-01', validTo: null })).toBe('2026-06-01');
  });

  it('ignores a cycle that has ended before the period', () => {
    const lines = [line('A', 'B', '2026-01-01'), line('B', 'A', null, '2025-12-31'), line('B', 'C', '2026-01-01')];
    expect(firstCycleDay(lines, 'A', { validFrom: '2026-01-01', validTo: null })).toBeNull();
  });

  it('does not blame the start for a loop above it that does not pass through it', () => {
    const lines = [line('A', 'B'), line('B', 'C'), line('C', 'B')];
    expect(firstCycleDay(lines, 'A', { validFrom: '2026-01-01', validTo: null })).toBeNull();
  });
});
