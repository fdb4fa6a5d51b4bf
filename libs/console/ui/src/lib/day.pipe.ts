import { Pipe, PipeTransform } from '@angular/core';
import { formatDay } from '@skss/console/i18n';
import { IsoDate } from '@skss/domain';

/** `{{ unit.validFrom | day }}`: 'YYYY-MM-DD' → dd/MM/yyyy, null → '—'. No time zone is involved. */
@Pipe({ name: 'day' })
export class DayPipe implements PipeTransform {
  transform(day: IsoDate | null | undefined): string {
    return formatDay(day);
  }
}
