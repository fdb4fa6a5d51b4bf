import { addDays, IsoDate, ValidityPeriod } from './calendar-date';

/**
 * How an effective-dated history changes when something new takes effect on a day: a catalog
 * item's label, a facility's reporting line. The rows of one history never overlap; a change
 * never rewrites the days before it.
 */
export interface DatedVersion<Id = number> extends ValidityPeriod {
  id: Id;
}

/**
 * Where a new version starting on `day` goes:
 * - `open`: nothing is in force on the day; the new version runs until the day before the next
 *   planned version (or open-ended);
 * - `split`: the version in force on the day is closed the day before; the new one takes over the
 *   rest of its period (so a change planned later still happens);
 * - `replace`: the version in force on the day starts that very day; it is changed in place.
 */
export type SuccessionPlan<Id = number> =
  | { kind: 'open'; validTo: IsoDate | null }
  | { kind: 'split'; close: { id: Id; validTo: IsoDate }; validTo: IsoDate | null }
  | { kind: 'replace'; id: Id; validTo: IsoDate | null };

export function planSuccession<Id>(versions: readonly DatedVersion<Id>[], day: IsoDate): SuccessionPlan<Id> {
  const current = versionOn(versions, day);
  if (!current) {
    const next = versions
      .map((v) => v.validFrom)
      .filter((from): from is IsoDate => from !== null && from > day)
      .sort()[0];
    return { kind: 'open', validTo: next ? addDays(next, -1) : null };
  }
  if (current.validFrom === day) return { kind: 'replace', id: current.id, validTo: current.validTo };
  return { kind: 'split', close: { id: current.id, validTo: addDays(day, -1) }, validTo: current.validTo };
}

/**
 * Ending a history from `day` (the first day it no longer applies): the version in force the day
 * before is closed then, and versions starting on or after the day are removed. Null when nothing
 * is in force on or after the day (already ended).
 */
export interface EndingPlan<Id = number> {
  close: { id: Id; validTo: IsoDate } | null;
  remove: Id[];
}

export function planEnding<Id>(versions: readonly DatedVersion<Id>[], day: IsoDate): EndingPlan<Id> | null {
  const remove = versions.filter((v) => v.validFrom !== null && v.validFrom >= day).map((v) => v.id);
  const covering = versions.find((v) => (v.validFrom === null || v.validFrom < day) && (v.validTo === null || v.validTo >= day));
  if (!covering && remove.length === 0) return null;
  return { close: covering ? { id: covering.id, validTo: addDays(day, -1) } : null, remove };
}

/** The version in force on a day, if any. */
export function versionOn<V extends ValidityPeriod>(versions: readonly V[], day: IsoDate): V | undefined {
  return versions.find((v) => (v.validFrom === null || v.validFrom <= day) && (v.validTo === null || day <= v.validTo));
}

/** Whether any version is in force on the day or later. */
export function inForceOnOrAfter(versions: readonly ValidityPeriod[], day: IsoDate): boolean {
  return versions.some((v) => v.validTo === null || v.validTo >= day);
}
