import { addDays, IsoDate, ValidityPeriod } from '../calendar/calendar-date';

/** A facility's reporting line during a period (the `facility_reporting_line` table). */
export interface ReportingLineSpan<F = number> extends ValidityPeriod {
  facility: F;
  reportsTo: F;
}

/**
 * The first day of `period` on which following the reporting lines up from `start` comes back to
 * it (a facility would check its own reports), or null. The lines in force only change on a
 * line's first day or the day after its last, so checking the period's first day and each such
 * day inside it covers every day.
 */
export function firstCycleDay<F>(lines: readonly ReportingLineSpan<F>[], start: F, period: ValidityPeriod): IsoDate | null {
  const inPeriod = (day: IsoDate) =>
    (period.validFrom === null || day >= period.validFrom) && (period.validTo === null || day <= period.validTo);
  const days = new Set<IsoDate>();
  if (period.validFrom !== null) days.add(period.validFrom);
  for (const line of lines) {
    if (line.validFrom !== null && inPeriod(line.validFrom)) days.add(line.validFrom);
    if (line.validTo !== null && inPeriod(addDays(line.validTo, 1))) days.add(addDays(line.validTo, 1));
  }
  // An open start: the lines in force before any dated one.
  if (period.validFrom === null) days.add('0001-01-01');
  for (const day of [...days].sort()) {
    if (reachesItself(lines, start, day)) return day === '0001-01-01' ? (period.validFrom ?? day) : day;
  }
  return null;
}

function reachesItself<F>(lines: readonly ReportingLineSpan<F>[], start: F, day: IsoDate): boolean {
  const seen = new Set<F>();
  let current: F | undefined = start;
  while (current !== undefined) {
    const from: F = current;
    const line = lines.find(
      (l) => l.facility === from && (l.validFrom === null || l.validFrom <= day) && (l.validTo === null || day <= l.validTo),
    );
    if (!line) return false;
    if (line.reportsTo === start) return true;
    // A loop above that does not pass through the start is not this change's doing.
    if (seen.has(line.reportsTo)) return false;
    seen.add(line.reportsTo);
    current = line.reportsTo;
  }
  return false;
}
