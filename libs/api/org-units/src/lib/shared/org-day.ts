import { parseIsoDate, todayInVietnam } from '@skss/domain';

/** The day a request reads the tree for: the validated `at`, or today in Vietnam. */
export function requestedDay(at: string | undefined): { iso: string; date: Date } {
  const iso = at ?? todayInVietnam();
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`Unvalidated day reached the service: ${iso}`);
  return { iso, date };
}
