import { effect, Injectable, inject, Provider } from '@angular/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { I18n } from '@skss/console/ui';

/** The date picker's screen-reader labels in the console's language (the console's shared `datepicker.*` texts). */
@Injectable()
export class AdminDatepickerIntl extends MatDatepickerIntl {
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

/** For the providers of a page with a date picker (kept out of the shell, like the date picker itself). */
export function provideAdminDatepickerIntl(): Provider {
  return { provide: MatDatepickerIntl, useClass: AdminDatepickerIntl };
}
