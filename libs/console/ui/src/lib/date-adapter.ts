import { effect, EnvironmentProviders, inject, Injectable, makeEnvironmentProviders, provideEnvironmentInitializer } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE, MatDateFormats, NativeDateAdapter } from '@angular/material/core';
import { DAY_FORMAT, dayToLocalDate, formatDay, localDateToDay, parseDay } from '@skss/console/i18n';
import { I18n } from './i18n.service';

/**
 * Native dates typed and shown as dd/MM/yyyy whatever the browser's locale. Parsing is strict:
 * 31/02/2025, 2025-07-01 or 07/01/2025-style month-first input that does not exist is rejected as invalid.
 */
@Injectable()
export class DayMonthYearDateAdapter extends NativeDateAdapter {
  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (value === null || value === undefined || value === '') return null;
    if (value instanceof Date) return this.clone(value);
    if (typeof value !== 'string') return super.parse(value, parseFormat);
    if (value.trim() === '') return null;
    const day = parseDay(value);
    return day ? dayToLocalDate(day) : this.invalid();
  }

  override format(date: Date, displayFormat: object | string): string {
    if (displayFormat !== DAY_FORMAT) return super.format(date, displayFormat);
    if (!this.isValid(date)) throw Error('DayMonthYearDateAdapter: cannot format an invalid date.');
    return formatDay(localDateToDay(date));
  }

  /** Weeks start on Monday in Vietnam. */
  override getFirstDayOfWeek(): number {
    return 1;
  }
}

export const DAY_MONTH_YEAR_FORMATS: MatDateFormats = {
  parse: { dateInput: DAY_FORMAT },
  display: {
    dateInput: DAY_FORMAT,
    monthYearLabel: { year: 'numeric', month: 'short' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

/** Date pickers in dd/MM/yyyy, with month and weekday names following the console's language. */
export function provideConsoleDates(): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: MAT_DATE_LOCALE, useValue: 'vi' },
    { provide: DateAdapter, useClass: DayMonthYearDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: DAY_MONTH_YEAR_FORMATS },
    provideEnvironmentInitializer(() => {
      const adapter = inject(DateAdapter);
      const i18n = inject(I18n);
      effect(() => adapter.setLocale(i18n.locale()));
    }),
  ]);
}
