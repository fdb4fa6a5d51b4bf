import { vietnamLocalDate } from './vietnam-time';

describe('vietnamLocalDate (report-rules §1 "Period")', () => {
  it('puts a birth at 23:30 local on 31 January (16:30 UTC) in January', () => {
    expect(vietnamLocalDate('2026-01-31T16:30:00Z')).toBe('2026-01-31');
    expect(vietnamLocalDate(new Date('2026-01-31T16:30:00Z'))).toBe('2026-01-31');
  });

  it('puts a birth at 00:10 local on 1 February (17:10 UTC on 31 January) in February', () => {
    expect(vietnamLocalDate('2026-01-31T17:10:00Z')).toBe('2026-02-01');
  });

  it('reads explicit offsets', () => {
    expect(vietnamLocalDate('2026-02-01T00:10:00+07:00')).toBe('2026-02-01');
    expect(vietnamLocalDate('2026-01-31T23:59:59.999+07:00')).toBe('2026-01-31');
    expect(vietnamLocalDate('2026-01-31T12:10:00-05:00')).toBe('2026-02-01');
  });

  it('switches day exactly at 17:00 UTC, with no daylight saving in summer', () => {
    expect(vietnamLocalDate('2026-07-15T16:59:59Z')).toBe('2026-07-15');
    expect(vietnamLocalDate('2026-07-15T17:00:00Z')).toBe('2026-07-16');
  });

  it('moves a year end (31 December 20:00 UTC is 1 January local)', () => {
    expect(vietnamLocalDate('2025-12-31T20:00:00Z')).toBe('2026-01-01');
  });

  it.each(['2026-01-31T16:30:00', '2026-01-31', 'yesterday', ''])('refuses %p (no offset or not an instant)', (value) =>
    expect(() => vietnamLocalDate(value)).toThrow(RangeError),
  );

  it('refuses an invalid Date', () => {
    expect(() => vietnamLocalDate(new Date('nope'))).toThrow(RangeError);
  });
});
