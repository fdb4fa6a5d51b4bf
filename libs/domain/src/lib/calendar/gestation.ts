import { IsoDate } from './calendar-date';
import { daysBetween } from './day-count';

/**
 * Gestational age in completed weeks on `eventDate` from the last menstrual period
 * (report-rules §1): floor((event date − LMP) / 7). Negative when the event precedes the LMP.
 */
export function gestationalWeeks(lmp: IsoDate, eventDate: IsoDate): number {
  return Math.floor(daysBetween(lmp, eventDate) / 7);
}
