import type { TranslationKey } from '@skss/console/i18n';

/** A day of a source as the API counts it (`DayCountDto`): kept structural so that the unit tests need no Angular. */
export interface DayCounts {
  readonly day: string;
  readonly accepted: number;
  readonly rejected: number;
  readonly reasons: Readonly<Record<string, number>>;
}

/** A rejection reason: the API's problem code and how many records it rejected. */
export interface ReasonCount {
  readonly code: string;
  readonly count: number;
}

/** What a source sent over the period: records accepted and rejected, and the reasons. */
export interface PeriodTotals {
  readonly accepted: number;
  readonly rejected: number;
  readonly reasons: readonly ReasonCount[];
}

/** An outbox item as the screens tell it: a pending item that failed at least once is "failing". */
export type ItemState = 'PENDING' | 'FAILING' | 'DELIVERED' | 'DEAD';

/** Reasons by count, the most frequent first (then by code, so that the order is stable). */
export function reasonCounts(reasons: Readonly<Record<string, number>>): ReasonCount[] {
  return Object.entries(reasons)
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** The per-day counts of a source added up over the period. */
export function periodTotals(days: readonly DayCounts[]): PeriodTotals {
  const reasons: Record<string, number> = {};
  let accepted = 0;
  let rejected = 0;
  for (const day of days) {
    accepted += day.accepted;
    rejected += day.rejected;
    for (const [code, count] of Object.entries(day.reasons)) reasons[code] = (reasons[code] ?? 0) + count;
  }
  return { accepted, rejected, reasons: reasonCounts(reasons) };
}

/** 'YYYY-MM-DD' plus or minus whole days, in the calendar (no time zone involved). */
export function addDays(day: string, delta: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + delta)).toISOString().slice(0, 10);
}

/** The chart's series: each of the `window` days up to `today`, oldest first, zero on a day nothing came. */
export function dailySeries(
  days: readonly DayCounts[],
  window: number,
  today: string,
): { day: string; accepted: number; rejected: number }[] {
  const byDay = new Map(days.map((d) => [d.day, d]));
  return Array.from({ length: window }, (_, i) => {
    const day = addDays(today, i - window + 1);
    const counts = byDay.get(day);
    return { day, accepted: counts?.accepted ?? 0, rejected: counts?.rejected ?? 0 };
  });
}

export function itemState(item: { readonly status: string; readonly attempts: number }): ItemState {
  if (item.status === 'PENDING' && item.attempts > 0) return 'FAILING';
  return item.status as ItemState;
}

/** The destinations of the outbox (`OutboxDestination`), in the order the API lists them. */
export const DESTINATIONS = ['DHIS2', 'FHIR', 'EHANDBOOK'] as const;

export const destinationKey = (destination: string) => `integration.destination.${destination}` as TranslationKey;
export const stateKey = (state: ItemState) => `integration.status.${state}` as TranslationKey;
export const channelKey = (channel: string) => `integration.channel.${channel}` as TranslationKey;
