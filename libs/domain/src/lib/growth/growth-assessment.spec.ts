import { addDays } from '../calendar/calendar-date';
import { LENGTH_HEIGHT_FOR_AGE } from './data/length-height-for-age';
import { WEIGHT_FOR_AGE } from './data/weight-for-age';
import { WEIGHT_FOR_HEIGHT } from './data/weight-for-height';
import { WEIGHT_FOR_LENGTH } from './data/weight-for-length';
import { GrowthMeasurement, growthAssessment } from './growth-assessment';
import { lmsValueAt } from './lms';
import { NUTRITIONAL_STATUS, nutritionalStatusLabel } from './nutritional-status';

const BIRTH = '2024-01-01';
const boy = (ageDays: number, rest: Partial<GrowthMeasurement> = {}) =>
  growthAssessment({ sex: 'MALE', dateOfBirth: BIRTH, measuredOn: addDays(BIRTH, ageDays), ...rest });
const girl = (ageDays: number, rest: Partial<GrowthMeasurement> = {}) =>
  growthAssessment({ sex: 'FEMALE', dateOfBirth: BIRTH, measuredOn: addDays(BIRTH, ageDays), ...rest });

describe('WHO tables as converted', () => {
  it('cover both sexes from day 0 to day 1826, and lengths 45–110 / heights 65–120 cm by 0.1', () => {
    for (const table of [WEIGHT_FOR_AGE, LENGTH_HEIGHT_FOR_AGE]) {
      expect([table.first, table.step, table.male.length, table.female.length]).toEqual([0, 1, 1827, 1827]);
    }
    expect([WEIGHT_FOR_LENGTH.first, WEIGHT_FOR_LENGTH.step, WEIGHT_FOR_LENGTH.male.length]).toEqual([45, 0.1, 651]);
    expect([WEIGHT_FOR_HEIGHT.first, WEIGHT_FOR_HEIGHT.step, WEIGHT_FOR_HEIGHT.female.length]).toEqual([65, 0.1, 551]);
  });

  it('hold the first and last rows of weianthro.tsv', () => {
    expect(WEIGHT_FOR_AGE.male[0]).toEqual([0.3487, 3.3464, 0.14602]);
    expect(WEIGHT_FOR_AGE.female[1826]).toEqual([-0.3518, 18.2179, 0.14821]);
  });

  it("reproduce WHO's published weight-for-age SD values at 12 months (day 365), to 0.1 kg", () => {
    const sds = (row: readonly [number, number, number]) => [-3, -2, -1, 0, 1, 2, 3].map((k) => lmsValueAt(row, k).toFixed(1));
    expect(sds(WEIGHT_FOR_AGE.male[365])).toEqual(['6.9', '7.7', '8.6', '9.6', '10.8', '12.0', '13.3']);
    expect(sds(WEIGHT_FOR_AGE.female[365])).toEqual(['6.3', '7.0', '7.9', '8.9', '10.1', '11.5', '13.1']);
  });
});

describe('growthAssessment', () => {
  it('gives z = 0 for a boy of 3.3464 kg at birth (the WHO median)', () => {
    const result = boy(0, { weightKg: 3.3464 });
    expect(result.ageDays).toBe(0);
    expect(result.weightForAge).toBe(0);
    expect(result.lengthHeightForAge).toBeNull();
    expect(result.weightForLengthHeight).toBeNull();
    expect(result.statuses).toEqual(['NORMAL']);
  });

  it('computes age in days from the dates, across a leap day', () => {
    expect(growthAssessment({ sex: 'FEMALE', dateOfBirth: '2024-02-28', measuredOn: '2024-03-01' }).ageDays).toBe(2);
  });

  it('matches hand-computed z-scores from the LMS of the tables', () => {
    const result = girl(365, { weightKg: 8.0 }); // L −0.2022, M 8.9462, S 0.12267
    expect(result.weightForAge).toBeCloseTo(-0.921662, 6);
    // boy, 300 days, 70.0 cm lying, 8.5 kg: weight-for-length row 70.0 (L −0.3521, M 8.4227, S 0.08229)
    expect(boy(300, { weightKg: 8.5, heightCm: 70.0, measuredLying: true }).weightForLengthHeight).toBeCloseTo(0.11084, 5);
    // boy, 800 days, 85.0 cm standing, 11 kg: weight-for-height row 85.0 (L −0.3521, M 11.6707, S 0.08156)
    expect(boy(800, { weightKg: 11, heightCm: 85.0, measuredLying: false }).weightForLengthHeight).toBeCloseTo(-0.73329, 5);
  });

  it('interpolates weight-for-length between tenths of a centimetre', () => {
    expect(boy(300, { weightKg: 8.5, heightCm: 70.05 }).weightForLengthHeight).toBeCloseTo(0.094519, 6);
  });

  describe('0.7 cm length/height adjustment', () => {
    it('takes 0.7 cm off a length measured lying from day 731 (boy, 88.0 → 87.3 cm)', () => {
      const result = boy(731, { heightCm: 88.0, measuredLying: true }); // L 1, M 87.1303, S 0.03508
      expect(result.lengthHeightCm).toBe(87.3);
      expect(result.lengthHeightForAge).toBeCloseTo(0.05552, 5);
      expect(boy(731, { heightCm: 88.0, measuredLying: false }).lengthHeightForAge).toBeCloseTo(0.284538, 6);
    });

    it('adds 0.7 cm to a height measured standing before day 731 (boy, 400 days, 75.0 → 75.7 cm)', () => {
      const result = boy(400, { heightCm: 75.0, measuredLying: false });
      expect(result.lengthHeightCm).toBe(75.7);
      expect(result.lengthHeightForAge).toBeCloseTo(-0.567588, 6);
      expect(boy(400, { heightCm: 75.0, measuredLying: true }).lengthHeightForAge).toBeCloseTo(-0.855245, 6);
    });

    it('switches at day 731: day 730 is still length, day 731 already height', () => {
      expect(boy(730, { heightCm: 86.0, measuredLying: false }).lengthHeightCm).toBe(86.7);
      expect(boy(730, { heightCm: 86.0, measuredLying: true }).lengthHeightCm).toBe(86);
      expect(boy(731, { heightCm: 86.0, measuredLying: false }).lengthHeightCm).toBe(86);
      expect(boy(731, { heightCm: 86.0, measuredLying: true }).lengthHeightCm).toBe(85.3);
    });

    it('takes an unknown position as the recommended one (no adjustment)', () => {
      expect(boy(400, { heightCm: 75.0 }).lengthHeightCm).toBe(75);
      expect(boy(900, { heightCm: 90.0 }).lengthHeightCm).toBe(90);
    });

    it('uses weight-for-length to day 730 and weight-for-height from day 731, on the adjusted measure', () => {
      // a boy lying at 88.0 cm on day 731 is looked up at 87.3 cm in weight-for-height
      const height = boy(731, { weightKg: 12, heightCm: 88.0, measuredLying: true });
      expect(height.weightForLengthHeight).toBeCloseTo(-0.244045, 6);
      // weight-for-length has lengths up to 110, weight-for-height starts at 65: 60 cm only fits the first
      expect(boy(730, { weightKg: 6, heightCm: 60 }).weightForLengthHeight).not.toBeNull();
      expect(boy(731, { weightKg: 6, heightCm: 60, measuredLying: false }).weightForLengthHeight).toBeNull();
    });
  });

  describe('restricted z beyond ±3 for weight-based indicators only', () => {
    it('restricts weight-for-age (boy at birth, 5.5 kg)', () => {
      expect(boy(0, { weightKg: 5.5 }).weightForAge).toBeCloseTo(3.767826, 6);
    });

    it('restricts weight-for-length (boy 75.0 cm, 7.4 kg)', () => {
      expect(boy(300, { weightKg: 7.4, heightCm: 75.0 }).weightForLengthHeight).toBeCloseTo(-3.143523, 6);
    });

    it('does not restrict length-for-age (plain LMS, L = 1)', () => {
      const [, m, s] = LENGTH_HEIGHT_FOR_AGE.male[365];
      const length = m * (1 + 4 * s); // exactly +4 SD
      expect(boy(365, { heightCm: length }).lengthHeightForAge).toBeCloseTo(4, 5);
    });
  });

  describe('classification', () => {
    const weightAtZ = (ageDays: number, z: number) => lmsValueAt(WEIGHT_FOR_AGE.female[ageDays], z);

    it('calls z < −2 underweight and z < −3 severely underweight (z = −2 exactly is neither)', () => {
      expect(girl(365, { weightKg: weightAtZ(365, -2) }).classes.underweight).toBe(false);
      const moderate = girl(365, { weightKg: weightAtZ(365, -2.5) });
      expect(moderate.classes).toMatchObject({ underweight: true, severeUnderweight: false });
      expect(moderate.statuses).toEqual(['UNDERWEIGHT']);
      const severe = girl(365, { weightKg: weightAtZ(365, -3.5) });
      expect(severe.classes).toMatchObject({ underweight: true, severeUnderweight: true });
      expect(severe.statuses).toEqual(['SEVERE_UNDERWEIGHT']);
    });

    it('combines stunting, wasting and underweight in one measurement (girl, 540 days, 72.0 cm, 6.3 kg)', () => {
      const result = girl(540, { heightCm: 72.0, weightKg: 6.3 });
      expect(result.lengthHeightForAge).toBeCloseTo(-2.921729, 6);
      expect(result.weightForAge).toBeCloseTo(-3.989762, 6);
      expect(result.weightForLengthHeight).toBeCloseTo(-3.555167, 6);
      expect(result.classes).toEqual({
        underweight: true,
        severeUnderweight: true,
        stunted: true,
        severeStunted: false,
        wasted: true,
        severeWasted: true,
        overweight: false,
      });
      expect(result.statuses).toEqual(['SEVERE_UNDERWEIGHT', 'STUNTED', 'SEVERE_WASTED']);
      expect(girl(540, { heightCm: 72.0, weightKg: 6.8 }).statuses).toEqual(['SEVERE_UNDERWEIGHT', 'STUNTED', 'WASTED']);
    });

    it('calls weight-for-height z > 2 overweight', () => {
      const row = WEIGHT_FOR_HEIGHT.male[Math.round((95 - 65) * 10)];
      const result = boy(1200, { heightCm: 95, weightKg: lmsValueAt(row, 2.3) });
      expect(result.weightForLengthHeight).toBeCloseTo(2.3, 6);
      expect(result.classes.overweight).toBe(true);
      expect(result.statuses).toContain('OVERWEIGHT');
    });

    it('classifies on the measurements given, and gives no status without any', () => {
      const weightOnly = girl(365, { weightKg: 8.9 });
      expect(weightOnly.classes).toMatchObject({ underweight: false, stunted: null, wasted: null, overweight: null });
      expect(weightOnly.statuses).toEqual(['NORMAL']);
      expect(girl(365).statuses).toEqual([]);
    });
  });

  describe('implausible values (WHO flags)', () => {
    it('flags weight-for-age below −6 or above 5', () => {
      const low = boy(365, { weightKg: 3.0 });
      expect(low.weightForAge).toBeCloseTo(-7.818944, 6);
      expect(low.implausible.weightForAge).toBe(true);
      expect(boy(365, { weightKg: 25 }).implausible.weightForAge).toBe(true);
      expect(boy(365, { weightKg: lmsValueAt(WEIGHT_FOR_AGE.male[365], -3) - 0.01 }).implausible.weightForAge).toBe(false);
    });

    it('flags length-for-age below −6 or above 6', () => {
      expect(boy(365, { heightCm: 50 }).implausible.lengthHeightForAge).toBe(true);
      expect(boy(365, { heightCm: 100 }).implausible.lengthHeightForAge).toBe(true);
      const [, m, s] = LENGTH_HEIGHT_FOR_AGE.male[365];
      expect(boy(365, { heightCm: m * (1 + 5.9 * s) }).implausible.lengthHeightForAge).toBe(false);
    });

    it('flags weight-for-length below −5 or above 5', () => {
      expect(boy(300, { heightCm: 75, weightKg: 5 }).implausible.weightForLengthHeight).toBe(true);
      expect(boy(300, { heightCm: 75, weightKg: 15 }).implausible.weightForLengthHeight).toBe(true);
    });

    it('leaves flagged values out of the classes and statuses but reports their z', () => {
      const result = boy(365, { weightKg: 3.0 });
      expect(result.weightForAge).not.toBeNull();
      expect(result.classes.underweight).toBeNull();
      expect(result.statuses).toEqual([]);
    });
  });

  describe('limits', () => {
    it('computes nothing after day 1826 (60 months)', () => {
      expect(boy(1826, { weightKg: 18.3352 }).weightForAge).toBeCloseTo(0, 10);
      const older = boy(1827, { weightKg: 18.4, heightCm: 110 });
      expect(older.withinStandards).toBe(false);
      expect([older.weightForAge, older.lengthHeightForAge, older.weightForLengthHeight]).toEqual([null, null, null]);
      expect(older.statuses).toEqual([]);
    });

    it('gives no weight-for-length outside 45–110 cm', () => {
      expect(boy(10, { weightKg: 2, heightCm: 44.9 }).weightForLengthHeight).toBeNull();
      expect(boy(10, { weightKg: 2, heightCm: 44.9 }).weightForAge).not.toBeNull();
    });

    it('refuses a measurement before the birth and non-positive measures', () => {
      expect(() => growthAssessment({ sex: 'MALE', dateOfBirth: '2024-01-02', measuredOn: '2024-01-01' })).toThrow(RangeError);
      expect(() => boy(10, { weightKg: 0 })).toThrow(RangeError);
      expect(() => boy(10, { heightCm: -50 })).toThrow(RangeError);
      expect(() => boy(10, { weightKg: Number.NaN })).toThrow(RangeError);
    });
  });
});

describe('nutritional status labels', () => {
  it('names every status in Vietnamese (NFC) and English', () => {
    expect(NUTRITIONAL_STATUS.map((s) => s.code)).toEqual([
      'NORMAL',
      'UNDERWEIGHT',
      'SEVERE_UNDERWEIGHT',
      'STUNTED',
      'SEVERE_STUNTED',
      'WASTED',
      'SEVERE_WASTED',
      'OVERWEIGHT',
    ]);
    for (const { vi } of NUTRITIONAL_STATUS) expect(vi).toBe(vi.normalize('NFC'));
    expect(nutritionalStatusLabel('STUNTED')).toBe('Suy dinh dưỡng thể thấp còi');
    expect(nutritionalStatusLabel('WASTED')).toBe('Suy dinh dưỡng thể gầy còm');
    expect(nutritionalStatusLabel('UNDERWEIGHT')).toBe('Suy dinh dưỡng thể nhẹ cân');
    expect(nutritionalStatusLabel('OVERWEIGHT')).toBe('Thừa cân');
    expect(nutritionalStatusLabel('SEVERE_WASTED', 'en')).toBe('Severely wasted');
  });
});
