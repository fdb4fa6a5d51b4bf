import { effect, inject, Injectable, Provider } from '@angular/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18n } from './i18n.service';

/** The date picker's screen-reader labels in the console's language, updated on a language switch. */
@Injectable()
export class ConsoleDatepickerIntl extends MatDatepickerIntl {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    effect(() => {
      const t = this.i18n.t.bind(this.i18n);
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

/** "Số dòng mỗi trang", "1–50 trên 132"… in the console's language. */
@Injectable()
export class ConsolePaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    effect(() => {
      const t = this.i18n.t.bind(this.i18n);
      this.itemsPerPageLabel = t('paginator.itemsPerPage');
      this.nextPageLabel = t('paginator.next');
      this.previousPageLabel = t('paginator.previous');
      this.firstPageLabel = t('paginator.first');
      this.lastPageLabel = t('paginator.last');
      const empty = t('paginator.empty');
      this.getRangeLabel = (page, pageSize, length) =>
        length === 0
          ? empty
          : this.i18n.t('paginator.range', { start: page * pageSize + 1, end: Math.min(length, (page + 1) * pageSize), total: length });
      this.changes.next();
    });
  }
}

/**
 * For the `providers` of a page (or lazy route) with a date picker. Kept out of the application's providers so that
 * the shell's initial bundle does not carry the date picker.
 */
export function provideConsoleDatepickerIntl(): Provider {
  return { provide: MatDatepickerIntl, useClass: ConsoleDatepickerIntl };
}

/** For the `providers` of a page (or lazy route) with a paginator; `<skss-paged-table>` provides it itself. */
export function provideConsolePaginatorIntl(): Provider {
  return { provide: MatPaginatorIntl, useClass: ConsolePaginatorIntl };
}
