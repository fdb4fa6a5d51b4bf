import { growthAssessment, Sex } from '@skss/domain';
import { Random } from './random';
import { LENGTH_FOR_AGE, LmsRow, LmsTable, WEIGHT_FOR_AGE, WEIGHT_FOR_HEIGHT, WEIGHT_FOR_LENGTH } from './who-lms';

/**
 * Plausible measurements of a child: a length/height and a weight drawn at given z-scores of the
 * WHO Child Growth Standards (inverse LMS on the sampled tables of who-lms.ts). The z-scores and
 * nutritional status stored with an exam are then computed from the rounded measurements by the
 * domain's growthAssessment, exactly as the application computes them.
 */
const LAST_LENGTH_AGE_DAYS = 730;
const MAX_AGE_DAYS = 1826;

function lmsAt(table: LmsTable, sex: 1 | 2, x: number): [number, number, number] {
  const rows = table[sex];
  let low = 0;
  let high = rows.length - 1;
  if (x <= rows[0][0]) return [rows[0][1], rows[0][2], rows[0][3]];
  if (x >= rows[high][0]) return [rows[high][1], rows[high][2], rows[high][3]];
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (rows[mid][0] <= x) low = mid;
    else high = mid;
  }
  const [a, b]: [LmsRow, LmsRow] = [rows[low], rows[high]];
  const f = (x - a[0]) / (b[0] - a[0]);
  return [a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2]), a[3] + f * (b[3] - a[3])];
}

/** The measurement at z (LMS inverse), with WHO's linear extension beyond ±3 for weights. */
function valueAt([l, m, s]: [number, number, number], z: number, restricted: boolean): number {
  const at = (k: number) => (l === 0 ? m * Math.exp(s * k) : m * Math.pow(1 + l * s * k, 1 / l));
  if (restricted && z > 3) return at(3) + (z - 3) * (at(3) - at(2));
  if (restricted && z < -3) return at(-3) + (z + 3) * (at(-2) - at(-3));
  return at(z);
}

export interface ExamMeasurement {
  weightKg: number;
  heightCm: number | null;
  measuredLying: boolean | null;
  ageDays: number;
  weightForAgeZ: number | null;
  heightForAgeZ: number | null;
  weightForHeightZ: number | null;
  statuses: string[];
}

/**
 * One exam: `haz` and `whz` are the child's length/height-for-age and weight-for-length/height
 * z-scores on that day. A share of exams record the weight only.
 */
export function measureChild(
  random: Random,
  sex: Sex,
  dateOfBirth: string,
  examDate: string,
  ageDays: number,
  haz: number,
  whz: number,
): ExamMeasurement {
  const s: 1 | 2 = sex === 'MALE' ? 1 : 2;
  const age = Math.min(ageDays, MAX_AGE_DAYS);
  const height = valueAt(lmsAt(LENGTH_FOR_AGE, s, age), haz, false);
  const asLength = age <= LAST_LENGTH_AGE_DAYS;
  const table = asLength ? WEIGHT_FOR_LENGTH : WEIGHT_FOR_HEIGHT;
  const [first, last] = [table[s][0][0], table[s][table[s].length - 1][0]];
  let weight: number;
  if (height >= first && height <= last) weight = valueAt(lmsAt(table, s, height), whz, true);
  else weight = valueAt(lmsAt(WEIGHT_FOR_AGE, s, age), 0.55 * haz + 0.75 * whz, true);

  // Mostly measured in the recommended position; otherwise the recorded value is the other one.
  let measuredLying = asLength;
  let recordedHeight = height;
  if (random.chance(0.03)) {
    measuredLying = !asLength;
    recordedHeight = asLength ? height - 0.7 : height + 0.7;
  }
  const weightOnly = random.chance(0.12);
  const weightKg = Math.round(Math.max(1.2, weight) * 100) / 100;
  const heightCm = weightOnly ? null : Math.round(recordedHeight * 10) / 10;
  const assessment = growthAssessment({
    sex,
    dateOfBirth,
    measuredOn: examDate,
    weightKg,
    heightCm,
    measuredLying: heightCm === null ? null : measuredLying,
  });
  const z = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  return {
    weightKg,
    heightCm,
    measuredLying: heightCm === null ? null : measuredLying,
    ageDays: assessment.ageDays,
    weightForAgeZ: z(assessment.weightForAge),
    heightForAgeZ: z(assessment.lengthHeightForAge),
    weightForHeightZ: z(assessment.weightForLengthHeight),
    statuses: assessment.statuses,
  };
}
