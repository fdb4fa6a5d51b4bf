import { Injector } from '@angular/core';
import { MAT_DATE_LOCALE } from '@angular/material/core';
import { DAY_FORMAT, MONTH_FORMAT } from '@skss/console/i18n';
import { DayMonthYearDateAdapter } from './date-adapter';

const adapter = Injector.create({
  providers: [{ provide: MAT_DATE_LOCALE, useValue: 'vi' }, DayMonthYearDateAdapter],
}).get(DayMonthYearDateAdapter);

describe('the console’s date adapter', () => {
  it('shows and reads days as dd/MM/yyyy, strictly', () => {
    expect(adapter.format(new Date(2025, 6, 1), DAY_FORMAT)).toBe('01/07/2025');
    expect(adapter.parse('1/7/2025', DAY_FORMAT)).toEqual(new Date(2025, 6, 1));
    expect(adapter.isValid(adapter.parse('31/02/2025', DAY_FORMAT) as Date)).toBe(false);
    expect(adapter.isValid(adapter.parse('07/31/2025', DAY_FORMAT) as Date)).toBe(false);
    expect(adapter.parse('', DAY_FORMAT)).toBeNull();
  });

  it('shows and reads months as MM/yyyy, a month being its first day', () => {
    expect(adapter.format(new Date(2026, 2, 15), MONTH_FORMAT)).toBe('03/2026');
    expect(adapter.parse('3/2026', MONTH_FORMAT)).toEqual(new Date(2026, 2, 1));
    expect(adapter.isValid(adapter.parse('13/2026', MONTH_FORMAT) as Date)).toBe(false);
  });

  it('starts weeks on Monday', () => {
    expect(adapter.getFirstDayOfWeek()).toBe(1);
  });
});
