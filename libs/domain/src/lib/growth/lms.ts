import { LmsRow } from './lms-table';

/** The LMS z-score of a measurement y (Cole 1990): z = ((y / M)^L − 1) / (L × S). */
export function lmsZScore(y: number, [l, m, s]: LmsRow): number {
  // L = 0 is the log-normal limit of the formula; WHO's tables never reach it, but it is cheap to keep exact.
  return l === 0 ? Math.log(y / m) / s : (Math.pow(y / m, l) - 1) / (l * s);
}

/** The measurement at z standard deviations: SDk = M × (1 + L × S × k)^(1/L). */
export function lmsValueAt([l, m, s]: LmsRow, z: number): number {
  return l === 0 ? m * Math.exp(s * z) : m * Math.pow(1 + l * s * z, 1 / l);
}

/**
 * WHO's z-score for the weight-based indicators: beyond ±3 the LMS curve is no longer trusted, so
 * the distance past the ±3 SD value is measured in units of the gap between the ±2 and ±3 SD values.
 */
export function restrictedZScore(y: number, lms: LmsRow): number {
  const z = lmsZScore(y, lms);
  if (z > 3) {
    const [sd2, sd3] = [lmsValueAt(lms, 2), lmsValueAt(lms, 3)];
    return 3 + (y - sd3) / (sd3 - sd2);
  }
  if (z < -3) {
    const [sd2, sd3] = [lmsValueAt(lms, -2), lmsValueAt(lms, -3)];
    return -3 + (y - sd3) / (sd2 - sd3);
  }
  return z;
}
