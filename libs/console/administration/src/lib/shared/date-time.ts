import { Pipe, PipeTransform } from '@angular/core';

/** Vietnam time (Asia/Ho_Chi_Minh) is UTC+7 all year: no daylight saving to account for. */
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const two = (n: number) => String(n).padStart(2, '0');

/** An API timestamp as dd/MM/yyyy HH:mm in Vietnam time, whatever the browser's time zone; null or invalid → '—'. */
export function formatDateTime(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '—';
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return '—';
  const d = new Date(time + VIETNAM_OFFSET_MS);
  const day = `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const clock = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${withSeconds ? ':' + two(d.getUTCSeconds()) : ''}`;
  return `${day} ${clock}`;
}

/** `{{ user.lastSignInAt | dateTime }}` → 27/11/2026 10:42 (Vietnam time). */
@Pipe({ name: 'dateTime' })
export class DateTimePipe implements PipeTransform {
  transform(value: string | null | undefined, withSeconds = false): string {
    return formatDateTime(value, withSeconds);
  }
}
