import { dayControl, dayOf } from './day-field';

describe('day controls', () => {
  it('hold a day as the date picker’s local date and give it back as YYYY-MM-DD', () => {
    const control = dayControl('2026-02-28');
    expect(dayOf(control.value)).toBe('2026-02-28');
    expect(dayOf(new Date(Number.NaN))).toBeNull();
    expect(dayOf(null)).toBeNull();
  });

  it('are required unless told otherwise', () => {
    expect(dayControl(null).hasError('required')).toBe(true);
    expect(dayControl(null, false).valid).toBe(true);
  });
});
