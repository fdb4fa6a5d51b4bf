import { addDays } from './calendar-date';
import { gestationalWeeks } from './gestation';

describe('gestationalWeeks (report-rules §1 "Gestational age")', () => {
  const lmp = '2025-06-02';

  it('counts completed weeks: floor((event − LMP) / 7)', () => {
    expect(gestationalWeeks(lmp, lmp)).toBe(0);
    expect(gestationalWeeks(lmp, addDays(lmp, 6))).toBe(0);
    expect(gestationalWeeks(lmp, addDays(lmp, 7))).toBe(1);
    expect(gestationalWeeks(lmp, addDays(lmp, 13 * 7 + 6))).toBe(13); // 13+6: still 1st trimester
    expect(gestationalWeeks(lmp, addDays(lmp, 14 * 7))).toBe(14);
  });

  it('puts the abortion band edge at 7 completed weeks (II.5.1: GA ≤ 7)', () => {
    expect(gestationalWeeks(lmp, addDays(lmp, 55))).toBe(7); // 7 weeks 6 days
    expect(gestationalWeeks(lmp, addDays(lmp, 56))).toBe(8);
  });

  it('separates pregnancy loss from stillbirth at 22 weeks and preterm at 37', () => {
    expect(gestationalWeeks(lmp, addDays(lmp, 22 * 7 - 1))).toBe(21);
    expect(gestationalWeeks(lmp, addDays(lmp, 22 * 7))).toBe(22);
    expect(gestationalWeeks(lmp, addDays(lmp, 37 * 7 - 1))).toBe(36);
  });

  it('reaches 44 weeks at LMP + 308 days, the lost-to-follow-up day', () => {
    expect(gestationalWeeks(lmp, addDays(lmp, 308))).toBe(44);
  });

  it('crosses month and year ends on calendar days', () => {
    expect(gestationalWeeks('2025-12-25', '2026-01-08')).toBe(2);
  });

  it('is negative for an event before the LMP (a data error the caller reports)', () => {
    expect(gestationalWeeks(lmp, addDays(lmp, -1))).toBe(-1);
  });
});
