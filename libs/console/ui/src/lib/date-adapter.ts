import { effect, EnvironmentProviders, inject, Injectable, makeEnvironmentProviders, provideEnvironmentInitializer } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE, MatDateFormats, NativeDateAdapter } from '@angular/material/core';
import {
  DAY_FORMAT,
  dayToLocalDate,
  formatDay,
  formatMonth,
  localDateToDay,
  monthOf,
  MONTH_FORMAT,
  parseDay,
  parseMonth,
} from '@skss/console/i18n';
import { I18n } from './i18n.service';

/**
 * Native dates typed and shown as dd/MM/yyyy whatever the browser's locale. Parsing is strict:
 * 31/02/2025, 2025-07-01 or 07/01/2025-style month-first input that does not exist is rejected as invalid.
 * Month pickers (`MONTH_YEAR_FORMATS`) type and show MM/yyyy, a month being its first day.
 */
@Injectable()
export class DayMonthYearDateAdapter extends NativeDateAdapter {
  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (value === null || value === undefined || value === '') return null;
    if (value instanceof Date) return this.clone(value);
    if (typeof value !== 'string') return super.parse(value, parseFormat);
    if (value.trim() === '') return null;
    if (parseFormat === MONTH_FORMAT) {
      const month = parseMonth(value);
      return month ? dayToLocalDate(`${month}-01`) : this.invalid();
    }
    const day = parseDay(value);
    return day ? dayToLocalDate(day) : this.invalid();
  }

  override format(date: Date, displayFormat: object | string): string {
    if (displayFormat !== DAY_FORMAT && displayFormat !== MONTH_FORMAT) return super.format(date, displayFormat);
    if (!this.isValid(date)) throw Error('DayMonthYearDateAdapter: cannot format an invalid date.');
    const day = localDateToDay(date);
    return displayFormat === MONTH_FORMAT ? formatMonth(monthOf(day)) : formatDay(day);
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

/** For a month picker's `providers` (`<skss-month-field>`): typed and shown as MM/yyyy. */
export const MONTH_YEAR_FORMATS: MatDateFormats = {
  parse: { dateInput: MONTH_FORMAT },
  display: { ...DAY_MONTH_YEAR_FORMATS.display, dateInput: MONTH_FORMAT },
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
