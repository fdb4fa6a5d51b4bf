import { Pipe, PipeTransform } from '@angular/core';
import { formatDateTime, formatMonth, IsoMonth } from '@skss/console/i18n';

/** `{{ user.lastSignInAt | dateTime }}` → 27/11/2026 10:42 in Vietnam time, whatever the browser's time zone; null → —. */
@Pipe({ name: 'dateTime' })
export class DateTimePipe implements PipeTransform {
  transform(value: string | null | undefined, withSeconds = false): string {
    return formatDateTime(value, withSeconds);
  }
}

/** `{{ record.period | month }}`: 'YYYY-MM' → MM/yyyy; null → —. */
@Pipe({ name: 'month' })
export class MonthPipe implements PipeTransform {
  transform(value: IsoMonth | null | undefined): string {
    return formatMonth(value);
  }
}
