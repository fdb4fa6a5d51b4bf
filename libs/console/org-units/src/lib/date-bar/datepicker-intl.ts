import { effect, inject, Injectable, Provider } from '@angular/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { I18n } from '@skss/console/ui';

/** The date picker's screen-reader labels in the console's language, updated on a language switch. */
@Injectable()
export class ConsoleDatepickerIntl extends MatDatepickerIntl {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    effect(() => {
      const t = (key: Parameters<I18n['t']>[0]) => this.i18n.t(key);
      this.calendarLabel = t('datepicker.calendar');
      this.openCalendarLabel = t('datepicker.open');
      this.closeCalendarLabel = t('datepicker.close');
      this.prevMonthLabel = t('datepicker.prevMonth');
      this.nextMonthLabel = t('datepicker.nextMonth');
      this.prevYearLabel = t('datepicker.prevYear');
      this.nextYearLabel = t('datepicker.nextYear');
      this.prevMultiYearLabel = t('datepicker.prevYears');
      this.nextMultiYearLabel = t('datepicker.nextYears');
      this.switchToMonthViewLabel = t('datepicker.monthView');
      this.switchToMultiYearViewLabel = t('datepicker.yearView');
      this.changes.next();
    });
  }
}

/**
 * For the providers of a lazily loaded feature. Kept out of `@skss/console/ui` on purpose: anything the shell imports
 * from that library lands in the initial bundle, and this would drag the whole datepicker there.
 */
export function provideConsoleDatepickerIntl(): Provider {
  return { provide: MatDatepickerIntl, useClass: ConsoleDatepickerIntl };
}
