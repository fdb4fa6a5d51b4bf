import { formatIsoDate, IsoDate } from './calendar-date';

/** Vietnam keeps UTC+7 all year (Asia/Ho_Chi_Minh has had no daylight saving since 1975). */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

/**
 * The local calendar day in Vietnam of an instant, the day that decides an event's reporting month
 * (report-rules §1): 16:30 UTC on 31 January is 23:30 local, still January; 17:10 UTC is 1 February.
 * Accepts a Date or an ISO 8601 timestamp that carries its offset ('Z' or '+07:00').
 */
export function vietnamLocalDate(instant: Date | string): IsoDate {
  const time = typeof instant === 'string' ? parseInstant(instant) : instant.getTime();
  if (Number.isNaN(time)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return formatIsoDate(new Date(time + VIETNAM_UTC_OFFSET_HOURS * 3_600_000));
}

// A timestamp without an offset would be read in the server's zone; refuse it rather than guess.
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(value: string): number {
  return WITH_OFFSET.test(value) ? Date.parse(value) : NaN;
}
