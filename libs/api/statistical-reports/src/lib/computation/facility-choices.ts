import { FACILITY_INDICATORS, FacilityIndicatorKey, GYN_TREATMENT_CODES_OF } from '@skss/domain';
import { COMMUNE_CHOICES } from './commune-choices';

/**
 * The codes and thresholds of the facility indicators (docs/report-forms.md §3) as data, passed
 * to the statements as parameters like COMMUNE_CHOICES. The indicators are measures of the same
 * statements as the commune rows (one per register), counted on S's own rows only.
 */
export const FACILITY_INDICATOR_CHOICES = {
  /** F.instrumentalDelivery: forceps or vacuum. */
  instrumentalModes: ['INSTRUMENTAL'],
  /** F.caesarean (the same modes as III.2b's "after a caesarean"). */
  caesareanModes: COMMUNE_CHOICES.caesareanModes,
  /** F.gynVisitsCurative / F.gynVisitsScreening: GynaecologyVisit.purpose. */
  gynPurposes: { curative: 'CURATIVE', screening: 'SCREENING' },
  /** Biểu 6 columns 5–9: the GYN_TREATMENT codes each counts (a visit once per column). */
  treatmentCodes: GYN_TREATMENT_CODES_OF,
  /**
   * Biểu 7: 9a is II.5.1 (GA ≤ 7 completed weeks); 9b "trên 7 – ≤ 12 tuần" is GA 8 to this; 9c
   * above it. The GA is II.5.1's (from the LMP when known, else the recorded weeks).
   */
  abortionWeeksUpTo: 12,
} as const;

/** Every facility indicator: what computeFacilityCells adds to a facility's cells. */
export const ALL_FACILITY_INDICATORS: readonly FacilityIndicatorKey[] = FACILITY_INDICATORS.map((i) => i.key);

/**
 * The indicators the commune rows of Báo cáo 6 and 7 show (their cells are not grey for communes):
 * computed from the station's registers and stored with the commune report's values (choice,
 * docs/report-forms.md §3).
 */
export const COMMUNE_ROW_INDICATORS: readonly FacilityIndicatorKey[] = FACILITY_INDICATORS.filter((i) => i.communeRows).map((i) => i.key);
