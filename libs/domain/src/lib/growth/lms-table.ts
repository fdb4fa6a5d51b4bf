import { Sex } from '../registers/code-lists';

/** Box-Cox power (L), median (M) and coefficient of variation (S) at one age or length. */
export type LmsRow = readonly [l: number, m: number, s: number];

/** A WHO LMS table: rows per sex at `first`, `first + step`, … (days of age, or cm of length). */
export interface LmsTable {
  readonly first: number;
  readonly step: number;
  readonly male: readonly LmsRow[];
  readonly female: readonly LmsRow[];
}

// Lengths arrive as 65.3 or 64.6 (65.3 − 0.7 in floating point): snap to the row when this close.
const ON_ROW = 1e-6;

/**
 * The LMS of a sex at `x`; between two rows (a length with two decimals) the parameters are
 * interpolated linearly, as WHO's anthro software does. Null outside the table.
 */
export function lmsAt(table: LmsTable, sex: Sex, x: number): LmsRow | null {
  const rows = sex === 'MALE' ? table.male : table.female;
  const position = (x - table.first) / table.step;
  const nearest = Math.round(position);
  if (Math.abs(position - nearest) < ON_ROW) return rows[nearest] ?? null;
  const low = Math.floor(position);
  if (low < 0 || low + 1 >= rows.length) return null;
  const fraction = position - low;
  const [a, b] = [rows[low], rows[low + 1]];
  return [a[0] + fraction * (b[0] - a[0]), a[1] + fraction * (b[1] - a[1]), a[2] + fraction * (b[2] - a[2])];
}
