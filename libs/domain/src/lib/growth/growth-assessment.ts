import { IsoDate } from '../calendar/calendar-date';
import { daysBetween } from '../calendar/day-count';
import { Sex } from '../registers/code-lists';
import { LENGTH_HEIGHT_FOR_AGE } from './data/length-height-for-age';
import { WEIGHT_FOR_AGE } from './data/weight-for-age';
import { WEIGHT_FOR_HEIGHT } from './data/weight-for-height';
import { WEIGHT_FOR_LENGTH } from './data/weight-for-length';
import { lmsZScore, restrictedZScore } from './lms';
import { lmsAt } from './lms-table';
import { NutritionalStatus } from './nutritional-status';

/** The standards cover 0–60 months: the age tables end at day 1826. */
export const GROWTH_STANDARD_MAX_AGE_DAYS = 1826;

/** Recumbent length up to day 730 (under 24 months), standing height from day 731, as the WHO table switches. */
export const LAST_LENGTH_AGE_DAYS = 730;

/** Lying and standing differ by 0.7 cm on average in the WHO study; a measure in the other position is converted. */
export const LENGTH_HEIGHT_ADJUSTMENT_CM = 0.7;

/** WHO's limits beyond which a z-score is flagged as implausible (a likely measurement or entry error). */
export const IMPLAUSIBLE_Z = {
  weightForAge: { below: -6, above: 5 },
  lengthHeightForAge: { below: -6, above: 6 },
  weightForLengthHeight: { below: -5, above: 5 },
} as const;

export interface GrowthMeasurement {
  sex: Sex;
  dateOfBirth: IsoDate;
  measuredOn: IsoDate;
  weightKg?: number | null;
  /** Length or height as measured, in cm. */
  heightCm?: number | null;
  /** true: lying (length), false: standing (height); unknown: taken as the position recommended for the age. */
  measuredLying?: boolean | null;
}

type Indicator = keyof typeof IMPLAUSIBLE_Z;

export interface GrowthAssessment {
  ageDays: number;
  /** False after 60 months: then no z-score is computed. */
  withinStandards: boolean;
  /** The length (to day 730) or height (from day 731) the z-scores use, after the 0.7 cm adjustment. */
  lengthHeightCm: number | null;
  /** Null when a measurement is missing or outside the table. */
  weightForAge: number | null;
  lengthHeightForAge: number | null;
  weightForLengthHeight: number | null;
  implausible: Record<Indicator, boolean>;
  /** Each null when its z-score is missing or implausible; "severe" ones imply the moderate one. */
  classes: {
    underweight: boolean | null;
    severeUnderweight: boolean | null;
    stunted: boolean | null;
    severeStunted: boolean | null;
    wasted: boolean | null;
    severeWasted: boolean | null;
    overweight: boolean | null;
  };
  /** The most severe status of each indicator; ['NORMAL'] when none applies; [] when nothing could be assessed. */
  statuses: NutritionalStatus[];
}

/**
 * WHO Child Growth Standards z-scores of one measurement of a child under 5, following the method of
 * WHO's anthro software (libs/domain/src/lib/growth/data/README.md). Cite "WHO Child Growth Standards"
 * wherever a z-score is shown. Throws RangeError for a measurement dated before the birth or a
 * non-positive weight or length.
 */
export function growthAssessment(input: GrowthMeasurement): GrowthAssessment {
  const ageDays = daysBetween(input.dateOfBirth, input.measuredOn);
  if (ageDays < 0) throw new RangeError(`Measured on ${input.measuredOn}, before the birth on ${input.dateOfBirth}`);
  const weight = positiveOrNull(input.weightKg, 'weight');
  const measured = positiveOrNull(input.heightCm, 'length or height');
  const withinStandards = ageDays <= GROWTH_STANDARD_MAX_AGE_DAYS;
  const lengthHeightCm = measured === null ? null : adjustedLengthHeight(measured, ageDays, input.measuredLying);
  const asLength = ageDays <= LAST_LENGTH_AGE_DAYS;

  const ageLms = (table: typeof WEIGHT_FOR_AGE) => (withinStandards ? lmsAt(table, input.sex, ageDays) : null);
  const weightAgeLms = weight === null ? null : ageLms(WEIGHT_FOR_AGE);
  const lengthAgeLms = lengthHeightCm === null ? null : ageLms(LENGTH_HEIGHT_FOR_AGE);
  const weightLengthLms =
    weight === null || lengthHeightCm === null || !withinStandards
      ? null
      : lmsAt(asLength ? WEIGHT_FOR_LENGTH : WEIGHT_FOR_HEIGHT, input.sex, lengthHeightCm);

  // Length is a bone measure: the plain LMS z holds beyond ±3. Weight is restricted.
  const z = {
    weightForAge: weight !== null && weightAgeLms ? restrictedZScore(weight, weightAgeLms) : null,
    lengthHeightForAge: lengthHeightCm !== null && lengthAgeLms ? lmsZScore(lengthHeightCm, lengthAgeLms) : null,
    weightForLengthHeight: weight !== null && weightLengthLms ? restrictedZScore(weight, weightLengthLms) : null,
  };
  const implausible = {
    weightForAge: isImplausible('weightForAge', z.weightForAge),
    lengthHeightForAge: isImplausible('lengthHeightForAge', z.lengthHeightForAge),
    weightForLengthHeight: isImplausible('weightForLengthHeight', z.weightForLengthHeight),
  };
  // Flagged values are left out of classification, as WHO leaves them out of prevalence.
  const usable = (indicator: Indicator) => (implausible[indicator] ? null : z[indicator]);
  const [waz, haz, whz] = [usable('weightForAge'), usable('lengthHeightForAge'), usable('weightForLengthHeight')];
  const classes = {
    underweight: below(waz, -2),
    severeUnderweight: below(waz, -3),
    stunted: below(haz, -2),
    severeStunted: below(haz, -3),
    wasted: below(whz, -2),
    severeWasted: below(whz, -3),
    overweight: whz === null ? null : whz > 2,
  };
  return { ageDays, withinStandards, lengthHeightCm, ...z, implausible, classes, statuses: statusesOf(classes, [waz, haz, whz]) };
}

function positiveOrNull(value: number | null | undefined, what: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`Not a ${what}: ${value}`);
  return value;
}

function adjustedLengthHeight(cm: number, ageDays: number, measuredLying: boolean | null | undefined): number {
  let adjusted = cm;
  if (ageDays <= LAST_LENGTH_AGE_DAYS && measuredLying === false) adjusted += LENGTH_HEIGHT_ADJUSTMENT_CM;
  if (ageDays > LAST_LENGTH_AGE_DAYS && measuredLying === true) adjusted -= LENGTH_HEIGHT_ADJUSTMENT_CM;
  return Math.round(adjusted * 1e6) / 1e6; // 65.3 − 0.7 is 64.6, not 64.59999999999999
}

function isImplausible(indicator: Indicator, z: number | null): boolean {
  return z !== null && (z < IMPLAUSIBLE_Z[indicator].below || z > IMPLAUSIBLE_Z[indicator].above);
}

function below(z: number | null, limit: number): boolean | null {
  return z === null ? null : z < limit;
}

function statusesOf(classes: GrowthAssessment['classes'], usableZ: (number | null)[]): NutritionalStatus[] {
  const statuses: NutritionalStatus[] = [];
  if (classes.severeUnderweight) statuses.push('SEVERE_UNDERWEIGHT');
  else if (classes.underweight) statuses.push('UNDERWEIGHT');
  if (classes.severeStunted) statuses.push('SEVERE_STUNTED');
  else if (classes.stunted) statuses.push('STUNTED');
  if (classes.severeWasted) statuses.push('SEVERE_WASTED');
  else if (classes.wasted) statuses.push('WASTED');
  if (classes.overweight) statuses.push('OVERWEIGHT');
  if (statuses.length === 0 && usableZ.some((z) => z !== null)) statuses.push('NORMAL');
  return statuses;
}
