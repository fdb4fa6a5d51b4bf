import { addMonths, formatDateTime, formatDay, formatMonth, isIsoMonth, monthOf, monthRange, parseDay, parseMonth } from './days';
import { formatFileSize } from './sizes';

describe('days', () => {
  it('are written dd/MM/yyyy and read strictly', () => {
    expect(formatDay('2025-07-01')).toBe('01/07/2025');
    expect(formatDay(null)).toBe('—');
    expect(formatDay('2025-02-30')).toBe('—');
    expect(parseDay('1/7/2025')).toBe('2025-07-01');
    expect(parseDay(' 31/12/2025 ')).toBe('2025-12-31');
    expect(parseDay('31/02/2025')).toBeNull();
    expect(parseDay('2025-07-01')).toBeNull();
  });
});

describe('instants', () => {
  it('are written dd/MM/yyyy HH:mm in Vietnam time whatever the offset they come with', () => {
    expect(formatDateTime('2026-11-27T03:42:10Z')).toBe('27/11/2026 10:42');
    expect(formatDateTime('2026-12-31T17:05:00Z')).toBe('01/01/2027 00:05');
    expect(formatDateTime('2026-11-27T10:42:10+07:00', true)).toBe('27/11/2026 10:42:10');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('hôm qua')).toBe('—');
  });
});

describe('months', () => {
  it('are written MM/yyyy and read strictly', () => {
    expect(formatMonth('2026-03')).toBe('03/2026');
    expect(formatMonth('2026-13')).toBe('—');
    expect(parseMonth('3/2026')).toBe('2026-03');
    expect(parseMonth('12/2025')).toBe('2025-12');
    expect(parseMonth('13/2025')).toBeNull();
    expect(parseMonth('2025-12')).toBeNull();
    expect(isIsoMonth('2026-00')).toBe(false);
  });

  it('cover their days, February included', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(monthOf('2026-03-15')).toBe('2026-03');
  });

  it('step over years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(() => addMonths('03/2026', 1)).toThrow(RangeError);
  });
});

describe('file sizes', () => {
  it('use the language’s decimal separator', () => {
    expect(formatFileSize(1536, 'vi')).toBe('1,5 kB');
    expect(formatFileSize(1536, 'en')).toBe('1.5 kB');
    expect(formatFileSize(10 * 1024 * 1024, 'vi')).toBe('10 MB');
    expect(formatFileSize(512, 'en')).toBe('512 B');
  });
});
