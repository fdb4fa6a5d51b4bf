import { IsoDate, intersectPeriods, ValidityPeriod } from '../calendar/calendar-date';
import { AdminLevel, FacilityKind } from './org-levels';

/**
 * Who a facility sends its reports to, as configurable data (the `reporting_rule` table):
 * a facility of `facilityKind` reports to the facility of `reportsToKind` located in the same
 * `withinLevel` unit (its district or province), or to the single central unit when null.
 */
export interface ReportingRule extends ValidityPeriod {
  facilityKind: FacilityKind;
  reportsToKind: FacilityKind;
  withinLevel: AdminLevel | null;
}

/** A piece of a facility's reporting line: the rule that applies during `period`. */
export interface ReportingSegment {
  rule: ReportingRule;
  period: ValidityPeriod;
}

/**
 * Splits a facility's lifetime into the periods during which each rule applies to it.
 * Rules for the same kind must not overlap; overlapping rules are a configuration error.
 */
export function reportingSegments(rules: readonly ReportingRule[], kind: FacilityKind, lifetime: ValidityPeriod): ReportingSegment[] {
  const segments: ReportingSegment[] = [];
  for (const rule of rules.filter((r) => r.facilityKind === kind)) {
    const period = intersectPeriods(rule, lifetime);
    if (period) segments.push({ rule, period });
  }
  segments.sort((a, b) => (a.period.validFrom ?? '').localeCompare(b.period.validFrom ?? ''));
  for (let i = 1; i < segments.length; i++) {
    if (intersectPeriods(segments[i - 1].period, segments[i].period)) {
      throw new Error(`Overlapping reporting rules for ${kind} from ${segments[i].period.validFrom ?? 'the start'}`);
    }
  }
  return segments;
}

/** The rule in force for a kind on a given day, if any. */
export function ruleOn(rules: readonly ReportingRule[], kind: FacilityKind, day: IsoDate): ReportingRule | undefined {
  return reportingSegments(rules, kind, { validFrom: day, validTo: day })[0]?.rule;
}
