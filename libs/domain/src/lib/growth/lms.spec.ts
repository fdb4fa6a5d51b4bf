import { lmsValueAt, lmsZScore, restrictedZScore } from './lms';
import { LmsRow, LmsTable, lmsAt } from './lms-table';

// weianthro.tsv, boys, day 0 and girls, day 365
const BOY_BIRTH: LmsRow = [0.3487, 3.3464, 0.14602];
const GIRL_ONE_YEAR: LmsRow = [-0.2022, 8.9462, 0.12267];

describe('LMS z-score', () => {
  it('is 0 at the median', () => {
    expect(lmsZScore(3.3464, BOY_BIRTH)).toBe(0);
  });

  it('matches hand computation: ((y / M)^L − 1) / (L × S)', () => {
    expect(lmsZScore(4.0, BOY_BIRTH)).toBeCloseTo(1.260619, 6);
    expect(lmsZScore(8.0, GIRL_ONE_YEAR)).toBeCloseTo(-0.921662, 6);
  });

  it('inverts lmsValueAt', () => {
    for (const k of [-3, -2, -1, 0, 1, 2, 3]) expect(lmsZScore(lmsValueAt(GIRL_ONE_YEAR, k), GIRL_ONE_YEAR)).toBeCloseTo(k, 10);
  });

  it('takes the log-normal limit when L = 0', () => {
    expect(lmsZScore(10 * Math.exp(0.1 * 1.5), [0, 10, 0.1])).toBeCloseTo(1.5, 10);
    expect(lmsValueAt([0, 10, 0.1], -2)).toBeCloseTo(10 * Math.exp(-0.2), 10);
  });
});

describe('restricted z-score (weight-based indicators)', () => {
  it('leaves z within ±3 alone', () => {
    expect(restrictedZScore(4.0, BOY_BIRTH)).toBe(lmsZScore(4.0, BOY_BIRTH));
    const sd3 = lmsValueAt(BOY_BIRTH, 3);
    expect(restrictedZScore(sd3, BOY_BIRTH)).toBeCloseTo(3, 10);
  });

  it('measures beyond +3 SD in units of (SD3 − SD2): boy at birth, 5.5 kg', () => {
    // SD2 = 4.419354, SD3 = 5.030639; z = 3 + (5.5 − SD3) / (SD3 − SD2) = 3.767826 (plain LMS: 3.715262)
    expect(lmsZScore(5.5, BOY_BIRTH)).toBeCloseTo(3.715262, 6);
    expect(restrictedZScore(5.5, BOY_BIRTH)).toBeCloseTo(3.767826, 6);
  });

  it('measures beyond −3 SD in units of (SD2 − SD3): girl at one year, 5.0 kg', () => {
    expect(lmsZScore(5.0, GIRL_ONE_YEAR)).toBeCloseTo(-5.032964, 6);
    expect(restrictedZScore(5.0, GIRL_ONE_YEAR)).toBeCloseTo(-4.657374, 6);
  });

  it('is continuous and increasing across ±3', () => {
    const values = [-3.05, -3, -2.95, 2.95, 3, 3.05].map((k) => restrictedZScore(lmsValueAt(GIRL_ONE_YEAR, k), GIRL_ONE_YEAR));
    expect(values[1]).toBeCloseTo(-3, 10);
    expect(values[4]).toBeCloseTo(3, 10);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
  });
});

describe('lmsAt', () => {
  const table: LmsTable = {
    first: 45,
    step: 0.1,
    male: [
      [-0.35, 2.4, 0.09],
      [-0.35, 2.5, 0.1],
      [-0.35, 2.6, 0.11],
    ],
    female: [
      [1, 3, 0.05],
      [1, 3.1, 0.05],
      [1, 3.2, 0.05],
    ],
  };

  it('picks the row of the sex at a tenth, despite floating-point noise', () => {
    expect(lmsAt(table, 'MALE', 45.1)).toEqual([-0.35, 2.5, 0.1]);
    expect(lmsAt(table, 'FEMALE', 45.2)).toEqual([1, 3.2, 0.05]);
    expect(lmsAt(table, 'MALE', 45.8 - 0.7)).toEqual([-0.35, 2.5, 0.1]); // 45.099999999999994
  });

  it('interpolates between rows', () => {
    const [l, m, s] = lmsAt(table, 'MALE', 45.15) ?? [];
    expect(l).toBeCloseTo(-0.35, 10);
    expect(m).toBeCloseTo(2.55, 10);
    expect(s).toBeCloseTo(0.105, 10);
  });

  it('answers null outside the table', () => {
    expect(lmsAt(table, 'MALE', 44.9)).toBeNull();
    expect(lmsAt(table, 'MALE', 44.95)).toBeNull();
    expect(lmsAt(table, 'MALE', 45.25)).toBeNull();
    expect(lmsAt(table, 'MALE', 45.3)).toBeNull();
  });
});
