import { computeCommuneCells, SqlRunner, sqlRunnerOf } from '@skss/api/statistical-reports';
import { CellValues, emptyCommuneValues } from '@skss/domain';
import { addDays, DeliverySpec, PersonSpec, ReportFixtures, Station } from './support/report-fixtures';

/**
 * Acceptance tests of the monthly commune report's counting rules (docs/report-rules.md, issue 7).
 *
 * Every case builds its own commune and station (so no other fixture can reach its cells), inserts
 * a few named register rows, computes the form for one month and compares whole rows with counts
 * worked out by hand from the rules and written here as literals. Rows with the CSYT khác column
 * are {total, station, outside, other}; rows by place {total, station, outside}; "total only"
 * rows {total}; complication rows cases.* and deaths.*; III.1.1 male.* and female.*.
 *
 * Unless a case says otherwise the month is March 2026, women are Kinh (01) and born 1995-06-15,
 * births are midwife-attended vaginal births at the recording facility of one live-born girl of
 * 3,100 g at GA 39 (report-fixtures.ts).
 */

const MARCH = '2026-03';

let fx: ReportFixtures;
let runner: SqlRunner;

beforeAll(async () => {
  fx = await ReportFixtures.connect();
  runner = sqlRunnerOf(fx.db);
});

afterAll(() => fx?.end());

/** The computed form of one station for one month. */
async function formOf(station: Station, month: string): Promise<CellValues> {
  const forms = await computeCommuneCells(runner, [station.id], month);
  const values = forms.get(station.id);
  if (!values) throw new Error(`No form computed for station ${station.code}`);
  return values;
}

/** Compares whole rows (every column) of the computed form with the hand-counted ones. */
async function expectRows(station: Station, month: string, expected: CellValues): Promise<void> {
  const values = await formOf(station, month);
  const actual = Object.fromEntries(Object.keys(expected).map((row) => [row, values[row]]));
  expect(actual).toEqual(expected);
}

/** A woman living in the station's commune (Kinh, born 1995-06-15 unless told). */
function resident(s: Station, spec: Partial<PersonSpec> = {}): Promise<string> {
  return fx.woman({ facilityId: s.id, communeId: s.communeId, ...spec });
}

/** A delivery recorded by the station of a new resident woman. */
async function birthAt(s: Station, spec: Omit<DeliverySpec, 'facilityId' | 'personId'>, mother: Partial<PersonSpec> = {}): Promise<string> {
  const personId = await resident(s, mother);
  return (await fx.delivery({ facilityId: s.id, personId, ...spec })).id;
}

/** A resident woman with a pregnancy episode registered at the station. */
async function pregnantAt(s: Station, lmp: string | null, mother: Partial<PersonSpec> = {}, tetanusDosesBefore = 0) {
  const personId = await resident(s, mother);
  // Registered eight weeks after the LMP (the registration date decides none of the rows these cases assert).
  const registeredOn = lmp ? addDays(lmp, 56) : '2025-08-01';
  const episodeId = await fx.episode({ facilityId: s.id, personId, registeredOn, lmp, tetanusDosesBefore });
  return { personId, episodeId };
}

describe('report-rules: the form as a whole', () => {
  it('a station with no records has every cell of the form, all zero', async () => {
    const s = await fx.station();
    expect(await formOf(s, MARCH)).toEqual(emptyCommuneValues());
  });

  it('computes several stations in one call, each under its own id', async () => {
    const s = await fx.station();
    const t = await fx.station();
    await birthAt(s, { deliveredAt: '2026-03-05T08:00:00+07:00' });
    const forms = await computeCommuneCells(runner, [s.id, t.id], MARCH);
    expect(forms.get(s.id)?.['I.5']).toEqual({ total: 1, station: 1, outside: 0, other: 0 });
    expect(forms.get(t.id)?.['I.5']).toEqual({ total: 0, station: 0, outside: 0, other: 0 });
  });
});

describe('report-rules §2: columns of the commune form', () => {
  it('I.3: S’s visits at the station and outside (home, on the way, outreach); two visits on one day count twice; other months and a visit S recorded at another facility are in no column', async () => {
    const s = await fx.station();
    const w = await resident(s);
    const visit = (visitDate: string, place: 'FACILITY' | 'HOME' | 'ON_THE_WAY' | 'OUTREACH' | 'OTHER_FACILITY') =>
      fx.ancVisit({ facilityId: s.id, personId: w, visitDate, place });
    await visit('2026-03-10', 'FACILITY'); // station
    await visit('2026-03-10', 'FACILITY'); // station: same woman, same day, a second row
    await visit('2026-03-11', 'HOME'); // outside
    await visit('2026-03-12', 'ON_THE_WAY'); // outside
    await visit('2026-03-31', 'OUTREACH'); // outside, last day of March
    await visit('2026-03-13', 'OTHER_FACILITY'); // neither at the station nor outside any facility
    await visit('2026-02-28', 'FACILITY'); // February
    await visit('2026-04-01', 'FACILITY'); // April
    await expectRows(s, MARCH, { 'I.3': { total: 5, station: 2, outside: 3 } });
  });

  it('CSYT khác: residents of X on the event date recorded by any other facility; S’s own columns hold S’s records whoever the woman; rows without the column ignore other facilities', async () => {
    const s = await fx.station(); // commune X
    const t = await fx.station(); // commune Y, another station
    const h = await fx.hospital();
    const ofY = { facilityId: t.id, communeId: t.communeId };

    // r1: lives in X, delivers at the hospital with a doctor, certificate issued; an ANC visit there with urine protein.
    const r1 = await resident(s);
    await fx.ancVisit({ facilityId: h, personId: r1, visitDate: '2026-03-03', urineProtein: 'NEGATIVE' });
    await fx.delivery({
      facilityId: h,
      personId: r1,
      deliveredAt: '2026-03-05T08:00:00+07:00',
      attendant: 'DOCTOR',
      newborns: [{ birthCertificateNumber: 'GCS-R1' }],
    });
    // r2: lives in X, delivers at home attended by station T's village midwife (T's record).
    const r2 = await resident(s);
    await fx.delivery({
      facilityId: t.id,
      personId: r2,
      deliveredAt: '2026-03-06T08:00:00+07:00',
      place: 'HOME',
      attendant: 'VILLAGE_MIDWIFE',
    });
    // n1: lives in Y, delivers at S (S's own record, with a certificate).
    const n1 = await fx.woman(ofY);
    await fx.delivery({
      facilityId: s.id,
      personId: n1,
      deliveredAt: '2026-03-07T08:00:00+07:00',
      newborns: [{ birthCertificateNumber: 'GCS-N1' }],
    });
    // n2: lives in Y, delivers at the hospital: nothing for S.
    const n2 = await fx.woman(ofY);
    await fx.delivery({ facilityId: h, personId: n2, deliveredAt: '2026-03-08T08:00:00+07:00' });
    // r3: lived in X until 28 February, in Y from 1 March; delivers at the hospital on 10 March: Y's.
    const r3 = await fx.woman({ facilityId: s.id });
    await fx.residence(r3, s.communeId, '2000-01-01', '2026-02-28');
    await fx.residence(r3, t.communeId, '2026-03-01');
    await fx.delivery({ facilityId: h, personId: r3, deliveredAt: '2026-03-10T08:00:00+07:00' });
    // r4: lived in Y until 15 March, in X from 16 March; delivers at the hospital on 20 March: X's.
    const r4 = await fx.woman({ facilityId: t.id });
    await fx.residence(r4, t.communeId, '2000-01-01', '2026-03-15');
    await fx.residence(r4, s.communeId, '2026-03-16');
    await fx.delivery({ facilityId: h, personId: r4, deliveredAt: '2026-03-20T08:00:00+07:00' });
    // r5: lives in X, delivers at the hospital in April.
    const r5 = await resident(s);
    await fx.delivery({ facilityId: h, personId: r5, deliveredAt: '2026-04-02T08:00:00+07:00' });

    await expectRows(s, MARCH, {
      'I.3': { total: 0, station: 0, outside: 0 }, // r1's visit is the hospital's; I.3 has no CSYT khác column
      'I.4': { total: 0, station: 0, outside: 0, other: 1 }, // r1
      'I.5': { total: 1, station: 1, outside: 0, other: 3 }, // station n1; other r1, r2, r4
      'I.5.9b': { total: 1, station: 1, outside: 0 }, // n1 (midwife); no CSYT khác column
      'I.5.9c': { total: 1, station: 1, outside: 0, other: 2 }, // n1; other r1 (doctor), r4 (midwife); not r2 (village midwife)
      'I.6': { total: 1, station: 1, outside: 0, other: 1 }, // n1; other r1
      'III.1': { total: 1, station: 1, outside: 0 }, // n1's baby only
    });
    await expectRows(t, MARCH, {
      'I.5': { total: 1, station: 0, outside: 1, other: 3 }, // T's home birth of r2; other n1 (at S), n2, r3
    });
  });
});

describe('report-rules §2: CSYT khác on the sub-rows and across the reform', () => {
  it('the sub-rows of I.5 carry the CSYT khác column: an adolescent minority resident tested in labour at a hospital', async () => {
    const s = await fx.station();
    const h = await fx.hospital();
    const girl = await resident(s, { born: '2008-01-01', ethnicity: '03' }); // 18 at the delivery
    await fx.delivery({
      facilityId: h,
      personId: girl,
      deliveredAt: '2026-03-15T08:00:00+07:00',
      attendant: 'DOCTOR',
      hbvLabour: 'NEGATIVE',
      hivLabour: 'NEGATIVE',
    });
    const other = { total: 0, station: 0, outside: 0, other: 1 };
    const none = { total: 0, station: 0, outside: 0, other: 0 };
    await expectRows(s, MARCH, {
      'I.5': other,
      'I.5.1a': other,
      'I.5.1b': other,
      'I.5.1c': none, // no episode, no ANC visit
      'I.5.3': other,
      'I.5.3a': none,
      'I.5.3b': other,
      'I.5.5b': other,
      'I.5.9c': other,
    });
  });

  it('residence as in force on the event date: a residence recorded against a pre-reform commune fully merged into X is X’s after the reform, the old commune’s before it', async () => {
    const a = await fx.station({ validTo: '2025-06-30' }); // old commune A
    const b = await fx.station({ validFrom: '2025-07-01' }); // new commune B: all of A
    await fx.lineage(a.communeId, b.communeId, 'full', '2025-07-01');
    const h = await fx.hospital();
    // w1: residence recorded in 2020 against A, never re-recorded; delivers at the hospital in March 2026: B's.
    const w1 = await fx.woman({ facilityId: a.id, communeId: a.communeId, livesFrom: '2020-01-01' });
    await fx.delivery({ facilityId: h, personId: w1, deliveredAt: '2026-03-10T08:00:00+07:00' });
    // w2: residence recorded against B from the reform day; delivers at the hospital in March 2026: B's.
    const w2 = await fx.woman({ facilityId: b.id, communeId: b.communeId, livesFrom: '2025-07-01' });
    await fx.delivery({ facilityId: h, personId: w2, deliveredAt: '2026-03-12T08:00:00+07:00' });
    // w3: residence recorded against A; delivers at the hospital in June 2025, before the reform: A's.
    const w3 = await fx.woman({ facilityId: a.id, communeId: a.communeId, livesFrom: '2020-01-01' });
    await fx.delivery({ facilityId: h, personId: w3, deliveredAt: '2025-06-10T08:00:00+07:00' });
    await expectRows(b, MARCH, { 'I.5': { total: 0, station: 0, outside: 0, other: 2 } });
    await expectRows(a, '2025-06', { 'I.5': { total: 0, station: 0, outside: 0, other: 1 } });
  });
});

describe('report-rules §1: period and age', () => {
  it('the local date decides the month: 23:30 on 31 January (16:30 UTC) is January, 00:10 on 1 February (17:10 UTC on 31 January) is February', async () => {
    const s = await fx.station();
    await birthAt(s, { deliveredAt: '2026-01-31T16:30:00Z' }); // 23:30 local, 31 January
    await birthAt(s, { deliveredAt: '2026-01-31T17:10:00Z' }); // 00:10 local, 1 February
    await expectRows(s, '2026-01', {
      'I.5': { total: 1, station: 1, outside: 0, other: 0 },
      'III.1': { total: 1, station: 1, outside: 0 },
    });
    await expectRows(s, '2026-02', {
      'I.5': { total: 1, station: 1, outside: 0, other: 0 },
      'III.1': { total: 1, station: 1, outside: 0 },
    });
  });

  it('events recorded with a date only use that date: visits on 31 January and 1 February', async () => {
    const s = await fx.station();
    const w = await resident(s);
    await fx.ancVisit({ facilityId: s.id, personId: w, visitDate: '2026-01-31' });
    await fx.ancVisit({ facilityId: s.id, personId: w, visitDate: '2026-02-01' });
    await expectRows(s, '2026-01', { 'I.3': { total: 1, station: 1, outside: 0 } });
    await expectRows(s, '2026-02', { 'I.3': { total: 1, station: 1, outside: 0 } });
  });

  it('I.5.1a: a mother whose 20th birthday is the delivery day is not adolescent; the day before her birthday she is 19 and is', async () => {
    const s = await fx.station();
    // Born 15/03/2006, delivers at 03:00 local on 15/03/2026 (20:00 UTC on the 14th): 20 years old.
    await birthAt(s, { deliveredAt: '2026-03-15T03:00:00+07:00' }, { born: '2006-03-15' });
    // Born 15/03/2006, delivers on 14/03/2026: 19 years old.
    await birthAt(s, { deliveredAt: '2026-03-14T10:00:00+07:00' }, { born: '2006-03-15' });
    await expectRows(s, MARCH, {
      'I.5': { total: 2, station: 2, outside: 0, other: 0 },
      'I.5.1a': { total: 1, station: 1, outside: 0, other: 0 },
    });
  });

  it('born 29 February, leap year: 20 on 29 February 2024 (not adolescent), 19 on 28 February 2024 (adolescent)', async () => {
    const s = await fx.station();
    await birthAt(s, { deliveredAt: '2024-02-29T09:00:00+07:00' }, { born: '2004-02-29' });
    await birthAt(s, { deliveredAt: '2024-02-28T09:00:00+07:00' }, { born: '2004-02-29' });
    await expectRows(s, '2024-02', {
      'I.5': { total: 2, station: 2, outside: 0, other: 0 },
      'I.5.1a': { total: 1, station: 1, outside: 0, other: 0 },
    });
  });

  it('born 29 February, non-leap year: the birthday is 1 March (a girl born 29/02/2016 is 9 on 28/02/2026 and 10 on 01/03/2026; II.5.2)', async () => {
    const s = await fx.station();
    const g1 = await resident(s, { born: '2016-02-29' });
    const g2 = await resident(s, { born: '2016-02-29' });
    await fx.abortion({ facilityId: s.id, personId: g1, performedOn: '2026-02-28', gaWeeks: 6 }); // 9: not 10–19
    await fx.abortion({ facilityId: s.id, personId: g2, performedOn: '2026-03-01', gaWeeks: 6 }); // 10: adolescent
    await expectRows(s, '2026-02', { 'II.5': { total: 1, station: 1, outside: 0 }, 'II.5.2': { total: 0, station: 0, outside: 0 } });
    await expectRows(s, MARCH, { 'II.5': { total: 1, station: 1, outside: 0 }, 'II.5.2': { total: 1, station: 1, outside: 0 } });
  });
});

describe('report-rules §3 I.1–I.2: pregnancies under management and registered', () => {
  it('I.1 stock: open episodes registered by the last day of M; closed on or before it, registered after it or by another station are not', async () => {
    const s = await fx.station();
    const t = await fx.station();
    const episode = async (
      registeredOn: string,
      lmp: string,
      closure?: 'DELIVERY' | 'ABORTION' | 'MOVED_AWAY',
      closedOn?: string,
      at = s,
    ) => fx.episode({ facilityId: at.id, personId: await resident(s), registeredOn, lmp, closure, closedOn });
    await episode('2026-01-10', '2025-12-01'); // open: counts
    await episode('2026-03-02', '2025-06-15', 'DELIVERY', '2026-03-20'); // delivered in March: not
    await episode('2026-03-05', '2025-09-01', 'DELIVERY', '2026-04-02'); // closed after M: still pregnant on 31 March, counts
    await episode('2026-02-15', '2025-12-20', 'MOVED_AWAY', '2026-03-31'); // moved away on the last day: not
    await episode('2025-12-01', '2025-11-01', 'ABORTION', '2026-02-10'); // closed in February: not
    await episode('2026-04-05', '2026-02-20'); // registered in April: not
    await episode('2026-03-01', '2026-01-10', undefined, undefined, t); // another station's episode: not S's
    await expectRows(s, MARCH, { 'I.1': { total: 2 }, 'I.2': { total: 2 } }); // I.2: registered at S in March (2 March, 5 March)
  });

  it('I.1 lost to follow-up from LMP + 308 days: LMP 27/05/2025 (+308 = 31 March) is lost, LMP 28/05/2025 is not; an episode without LMP stays', async () => {
    const s = await fx.station();
    await fx.episode({ facilityId: s.id, personId: await resident(s), registeredOn: '2025-08-01', lmp: '2025-05-27' }); // lost on 31 March
    await fx.episode({ facilityId: s.id, personId: await resident(s), registeredOn: '2025-08-01', lmp: '2025-05-28' }); // lost on 1 April
    await fx.episode({ facilityId: s.id, personId: await resident(s), registeredOn: '2026-01-20', lmp: null }); // no LMP: never lost
    await expectRows(s, MARCH, { 'I.1': { total: 2 } });
  });

  it('I.1.1 adolescents on the last day of M; I.2 and I.2.1 registrations in M with the age on the registration date', async () => {
    const s = await fx.station();
    const register = async (born: string, registeredOn: string) =>
      fx.episode({ facilityId: s.id, personId: await resident(s, { born }), registeredOn, lmp: '2025-12-20' });
    await register('2006-04-01', '2026-03-10'); // 19 on registration and on 31 March: I.1, I.1.1, I.2, I.2.1
    await register('2006-03-31', '2026-03-31'); // 20 on both days: I.1, I.2
    await register('2006-03-20', '2026-03-15'); // 19 on registration, 20 on 31 March: I.1, I.2, I.2.1
    await register('1996-05-05', '2026-01-05'); // registered in January: I.1 only
    await expectRows(s, MARCH, {
      'I.1': { total: 4 },
      'I.1.1': { total: 1 },
      'I.2': { total: 3 },
      'I.2.1': { total: 2 },
    });
  });

  it('episode manager: after a reform merge the successor station of the commune that fully absorbed S’s commune counts S’s open episodes; a partly absorbed commune’s do not move', async () => {
    const a = await fx.station({ validTo: '2025-06-30' }); // old commune A, fully merged into B
    const c = await fx.station({ validTo: '2025-06-30' }); // old commune C, only partly merged into B
    const b = await fx.station({ validFrom: '2025-07-01' }); // new commune B
    await fx.lineage(a.communeId, b.communeId, 'full', '2025-07-01');
    await fx.lineage(c.communeId, b.communeId, 'partial', '2025-07-01');
    await fx.episode({ facilityId: a.id, personId: await resident(a), registeredOn: '2025-05-10', lmp: '2025-04-01' }); // moves to B
    await fx.episode({ facilityId: c.id, personId: await resident(c), registeredOn: '2025-06-01', lmp: '2025-05-01' }); // stays with C
    await fx.episode({ facilityId: b.id, personId: await resident(b), registeredOn: '2025-07-15', lmp: '2025-06-01' }); // B's own
    await expectRows(a, '2025-06', { 'I.1': { total: 1 } });
    await expectRows(c, '2025-06', { 'I.1': { total: 1 } });
    await expectRows(b, '2025-07', { 'I.1': { total: 2 }, 'I.2': { total: 1 } }); // I.2 is registrations at B only
  });
});

describe('report-rules §3 I.3–I.5: antenatal care and deliveries', () => {
  it('I.4 counts visits with a urine-protein test done, whatever the result', async () => {
    const s = await fx.station();
    const w = await resident(s);
    await fx.ancVisit({ facilityId: s.id, personId: w, visitDate: '2026-03-02', urineProtein: 'NEGATIVE' }); // station
    await fx.ancVisit({ facilityId: s.id, personId: w, visitDate: '2026-03-09', place: 'HOME', urineProtein: 'POSITIVE' }); // outside
    await fx.ancVisit({ facilityId: s.id, personId: w, visitDate: '2026-03-16' }); // not tested
    await fx.ancVisit({ facilityId: s.id, personId: w, visitDate: '2026-02-16', urineProtein: 'NEGATIVE' }); // February
    await expectRows(s, MARCH, {
      'I.3': { total: 3, station: 2, outside: 1 },
      'I.4': { total: 2, station: 1, outside: 1, other: 0 },
    });
  });

  it('I.5.1b: mothers of an ethnic minority; Kinh (01) and unknown ethnicity are not', async () => {
    const s = await fx.station();
    await birthAt(s, { deliveredAt: '2026-03-03T08:00:00+07:00' }, { ethnicity: '03' }); // Thái
    await birthAt(s, { deliveredAt: '2026-03-04T08:00:00+07:00', place: 'HOME' }, { ethnicity: '25' }); // outside
    await birthAt(s, { deliveredAt: '2026-03-05T08:00:00+07:00' }, { ethnicity: '01' });
    await birthAt(s, { deliveredAt: '2026-03-06T08:00:00+07:00' }, { ethnicity: null });
    await expectRows(s, MARCH, {
      'I.5': { total: 4, station: 3, outside: 1, other: 0 },
      'I.5.1b': { total: 2, station: 1, outside: 1, other: 0 },
    });
  });

  it('I.5.1c managed pregnancy: an ANC visit of the episode before the delivery at any facility; a visit on the delivery day is not antenatal', async () => {
    const s = await fx.station();
    const h = await fx.hospital();
    // m1: visited at the hospital in January: managed.
    const m1 = await pregnantAt(s, '2025-06-10');
    await fx.ancVisit({ facilityId: h, personId: m1.personId, episodeId: m1.episodeId, visitDate: '2026-01-15' });
    await fx.delivery({ facilityId: s.id, personId: m1.personId, episodeId: m1.episodeId, deliveredAt: '2026-03-10T09:00:00+07:00' });
    // m2: her only visit is on the delivery day: not managed.
    const m2 = await pregnantAt(s, '2025-06-10');
    await fx.ancVisit({ facilityId: s.id, personId: m2.personId, episodeId: m2.episodeId, visitDate: '2026-03-10' });
    await fx.delivery({ facilityId: s.id, personId: m2.personId, episodeId: m2.episodeId, deliveredAt: '2026-03-10T18:00:00+07:00' });
    // m3: registered, never visited: not managed.
    const m3 = await pregnantAt(s, '2025-06-10');
    await fx.delivery({ facilityId: s.id, personId: m3.personId, episodeId: m3.episodeId, deliveredAt: '2026-03-11T09:00:00+07:00' });
    // m4: no episode at all: not managed.
    await birthAt(s, { deliveredAt: '2026-03-12T09:00:00+07:00' });
    await expectRows(s, MARCH, {
      'I.5': { total: 4, station: 4, outside: 0, other: 0 },
      'I.5.1c': { total: 1, station: 1, outside: 0, other: 0 },
    });
  });

  describe('I.5.1d tetanus protected at delivery', () => {
    // Each variant: doses recorded before this pregnancy, ANC visits with a dose before the delivery,
    // a dose at an ANC visit on the delivery day, doses the delivery records as given elsewhere.
    const variants: { name: string; before: number; anc: number; sameDay?: boolean; elsewhere?: number; protectedAtBirth: 0 | 1 }[] = [
      { name: '2 doses in this pregnancy', before: 0, anc: 2, protectedAtBirth: 1 },
      { name: '1 in this pregnancy + 1 before', before: 1, anc: 1, protectedAtBirth: 1 },
      { name: '5 in all (all before this pregnancy)', before: 5, anc: 0, protectedAtBirth: 1 },
      { name: '2 given elsewhere, recorded on the delivery', before: 0, anc: 0, elsewhere: 2, protectedAtBirth: 1 },
      { name: '1 in this pregnancy only: not', before: 0, anc: 1, protectedAtBirth: 0 },
      { name: '4 before, none in this pregnancy: not', before: 4, anc: 0, protectedAtBirth: 0 },
      {
        name: '1 before the delivery + 1 at a visit on the delivery day: not (that visit is not antenatal)',
        before: 0,
        anc: 1,
        sameDay: true,
        protectedAtBirth: 0,
      },
    ];
    it.each(variants)('$name', async ({ before, anc, sameDay, elsewhere, protectedAtBirth }) => {
      const s = await fx.station();
      const m = await pregnantAt(s, '2025-06-10', {}, before);
      const doseDates = ['2025-12-01', '2026-01-15'].slice(0, anc);
      if (sameDay) doseDates.push('2026-03-10');
      for (const visitDate of doseDates) {
        await fx.ancVisit({ facilityId: s.id, personId: m.personId, episodeId: m.episodeId, visitDate, tetanusDose: true });
      }
      await fx.delivery({
        facilityId: s.id,
        personId: m.personId,
        episodeId: m.episodeId,
        deliveredAt: '2026-03-10T15:00:00+07:00',
        tetanusDosesElsewhere: elsewhere ?? 0,
      });
      await expectRows(s, MARCH, {
        'I.5': { total: 1, station: 1, outside: 0, other: 0 },
        'I.5.1d': { total: protectedAtBirth, station: protectedAtBirth, outside: 0, other: 0 },
      });
    });
  });

  it('I.5.2 / I.5.2a: ≥ 4 ANC visits before the delivery with one in each trimester (13+6 | 14+0, 27+6 | 28+0), GA from the LMP before the recorded GA', async () => {
    const s = await fx.station();
    const h = await fx.hospital();
    const LMP = '2025-06-01'; // the delivery on 2 March 2026 is at 39+1 weeks
    const mother = async (lmp: string | null, ethnicity: string | null, visits: [string, number?][], at = s.id) => {
      const m = await pregnantAt(s, lmp, { ethnicity });
      for (const [visitDate, gaWeeks] of visits) {
        await fx.ancVisit({ facilityId: at, personId: m.personId, episodeId: m.episodeId, visitDate, gaWeeks });
      }
      await fx.delivery({ facilityId: s.id, personId: m.personId, episodeId: m.episodeId, deliveredAt: '2026-03-02T08:00:00+07:00' });
    };
    // q1 (ethnicity unknown), visits at the hospital at 10, 20, 30, 36 weeks: yes.
    await mother(LMP, null, [['2025-08-10'], ['2025-10-19'], ['2025-12-28'], ['2026-02-08']], h);
    // q2 (minority): 13+6 (1st), 14+0 and 27+6 (2nd), 28+0 (3rd): yes.
    await mother(LMP, '03', [['2025-09-06'], ['2025-09-07'], ['2025-12-13'], ['2025-12-14']]);
    // q3 (minority): five visits at 16, 20, 24, 30, 34 weeks, none in the 1st trimester: no.
    await mother(LMP, '03', [['2025-09-21'], ['2025-10-19'], ['2025-11-16'], ['2025-12-28'], ['2026-01-25']]);
    // q4 (Kinh): 10, 20, 30 weeks and a 4th visit on the delivery day: only 3 before the delivery: no.
    await mother(LMP, '01', [['2025-08-10'], ['2025-10-19'], ['2025-12-28'], ['2026-03-02']]);
    // q5 (minority), no LMP: the recorded GA 12, 18, 29, 35 decides: yes.
    await mother(null, '03', [
      ['2025-08-20', 12],
      ['2025-10-01', 18],
      ['2025-12-20', 29],
      ['2026-01-31', 35],
    ]);
    // q6 (Kinh): recorded 15, 20, 30, 35 but the first visit is 13+6 by the LMP: yes.
    await mother(LMP, '01', [
      ['2025-09-06', 15],
      ['2025-10-19', 20],
      ['2025-12-28', 30],
      ['2026-02-01', 35],
    ]);
    // q7 (Kinh): recorded 13, 20, 30, 36 but the first visit is 14+0 by the LMP: no.
    await mother(LMP, '01', [
      ['2025-09-07', 13],
      ['2025-10-19', 20],
      ['2025-12-28', 30],
      ['2026-02-08', 36],
    ]);
    await expectRows(s, MARCH, {
      'I.5': { total: 7, station: 7, outside: 0, other: 0 },
      'I.5.1b': { total: 3, station: 3, outside: 0, other: 0 }, // q2, q3, q5
      'I.5.1c': { total: 7, station: 7, outside: 0, other: 0 }, // every one had a visit before the delivery
      'I.5.2': { total: 4, station: 4, outside: 0, other: 0 }, // q1, q2, q5, q6
      'I.5.2a': { total: 2, station: 2, outside: 0, other: 0 }, // q2, q5
    });
  });
});

describe('report-rules §3 I.5.3–I.5.8: tests in pregnancy and in labour', () => {
  /** A delivery on 10 March 2026 at S after the given ANC visits of its episode (LMP 10/06/2025). */
  async function tested(
    s: Station,
    visits: {
      date: string;
      hbv?: 'NEGATIVE' | 'POSITIVE';
      syphilis?: 'NEGATIVE' | 'POSITIVE';
      hiv?: 'NEGATIVE';
      glucose?: 'NORMAL' | 'ABOVE_NORMAL';
      at?: number;
    }[],
    delivery: Partial<DeliverySpec> = {},
  ): Promise<void> {
    const m = await pregnantAt(s, '2025-06-10');
    for (const v of visits) {
      await fx.ancVisit({
        facilityId: v.at ?? s.id,
        personId: m.personId,
        episodeId: m.episodeId,
        visitDate: v.date,
        hbv: v.hbv,
        syphilis: v.syphilis,
        hiv: v.hiv,
        glucose: v.glucose,
      });
    }
    await fx.delivery({
      facilityId: s.id,
      personId: m.personId,
      episodeId: m.episodeId,
      deliveredAt: '2026-03-10T15:00:00+07:00',
      ...delivery,
    });
  }

  it('a woman tested for HBV and syphilis both at an ANC visit and in labour counts once in 5.3, once in 5.3a and once in 5.3b (and 5.4a, 5.4b)', async () => {
    const s = await fx.station();
    await tested(s, [{ date: '2026-01-10', hbv: 'NEGATIVE', syphilis: 'NEGATIVE' }], { hbvLabour: 'NEGATIVE', syphilisLabour: 'NEGATIVE' });
    const one = { total: 1, station: 1, outside: 0, other: 0 };
    const none = { total: 0, station: 0, outside: 0, other: 0 };
    await expectRows(s, MARCH, {
      'I.5.3': one,
      'I.5.3a': one,
      'I.5.3b': one,
      'I.5.3c': none,
      'I.5.4a': one,
      'I.5.4b': one,
      'I.5.4c': none,
    });
  });

  it('HBV and syphilis: tested at an ANC visit of the episode (any facility) or in labour, positive results; not the delivery-day visit nor a previous pregnancy’s', async () => {
    const s = await fx.station();
    const h = await fx.hospital();
    // d2: positive at an ANC visit at the hospital: 5.3, 5.3a, 5.3c; 5.4a, 5.4c.
    await tested(s, [{ date: '2026-01-10', hbv: 'POSITIVE', syphilis: 'POSITIVE', at: h }]);
    // d3: positive in labour: 5.3, 5.3b, 5.3c; 5.4b, 5.4c.
    await tested(s, [], { hbvLabour: 'POSITIVE', syphilisLabour: 'POSITIVE' });
    // d4: tested only at a visit on the delivery day: nothing.
    await tested(s, [{ date: '2026-03-10', hbv: 'NEGATIVE', syphilis: 'NEGATIVE' }]);
    // d5: never tested: nothing.
    await tested(s, []);
    // d6: tested in her previous pregnancy (another, closed episode) only: nothing.
    const w6 = await resident(s);
    const previous = await fx.episode({
      facilityId: s.id,
      personId: w6,
      registeredOn: '2024-10-01',
      lmp: '2024-09-01',
      closure: 'DELIVERY',
      closedOn: '2025-06-01',
    });
    await fx.ancVisit({
      facilityId: s.id,
      personId: w6,
      episodeId: previous,
      visitDate: '2025-01-10',
      hbv: 'NEGATIVE',
      syphilis: 'NEGATIVE',
    });
    const current = await fx.episode({ facilityId: s.id, personId: w6, registeredOn: '2025-08-01', lmp: '2025-06-10' });
    await fx.delivery({ facilityId: s.id, personId: w6, episodeId: current, deliveredAt: '2026-03-10T15:00:00+07:00' });
    // d7: two ANC visits, HBV negative then positive (syphilis negative twice): once in 5.3, 5.3a, 5.3c; once in 5.4a.
    await tested(s, [
      { date: '2025-10-10', hbv: 'NEGATIVE', syphilis: 'NEGATIVE' },
      { date: '2026-01-10', hbv: 'POSITIVE', syphilis: 'NEGATIVE' },
    ]);
    const n = (count: number) => ({ total: count, station: count, outside: 0, other: 0 });
    await expectRows(s, MARCH, {
      'I.5': n(6),
      'I.5.3': n(3), // d2, d3, d7
      'I.5.3a': n(2), // d2, d7
      'I.5.3b': n(1), // d3
      'I.5.3c': n(3), // d2, d3, d7
      'I.5.4a': n(2), // d2, d7
      'I.5.4b': n(1), // d3
      'I.5.4c': n(2), // d2, d3
    });
  });

  it('HIV: tested at an ANC visit or confirmed on or before the delivery (5.5a), in labour (5.5b), confirmed (5.6), confirmed between LMP and delivery (5.7)', async () => {
    const s = await fx.station();
    await tested(s, [{ date: '2026-01-10', hiv: 'NEGATIVE' }]); // h1: 5.5a
    await tested(s, [], { hivConfirmedOn: '2020-05-01' }); // h2: confirmed years before the LMP: 5.5a, 5.6
    await tested(s, [], { hivConfirmedOn: '2025-09-01' }); // h3: confirmed in this pregnancy: 5.5a, 5.6, 5.7
    await tested(s, [], { hivLabour: 'NEGATIVE' }); // h4: 5.5b
    await tested(s, [], { hivConfirmedOn: '2026-03-20' }); // h5: confirmed after the delivery: nothing
    await tested(s, [{ date: '2026-03-10', hiv: 'NEGATIVE' }]); // h6: tested at a visit on the delivery day: nothing
    const n = (count: number) => ({ total: count, station: count, outside: 0, other: 0 });
    await expectRows(s, MARCH, {
      'I.5': n(6),
      'I.5.5a': n(3), // h1, h2, h3
      'I.5.5b': n(1), // h4
      'I.5.6': n(2), // h2, h3
      'I.5.7': n(1), // h3
    });
  });

  it('blood glucose tested at an ANC visit (5.8), above normal at any of them (5.8a)', async () => {
    const s = await fx.station();
    await tested(s, [{ date: '2026-01-10', glucose: 'NORMAL' }]); // g1: 5.8
    await tested(s, [
      { date: '2025-12-10', glucose: 'NORMAL' },
      { date: '2026-02-10', glucose: 'ABOVE_NORMAL' },
    ]); // g2: 5.8 and 5.8a, once each
    await tested(s, [{ date: '2026-01-10' }]); // g3: visit without the test
    await tested(s, [{ date: '2026-03-10', glucose: 'ABOVE_NORMAL' }]); // g4: only on the delivery day: nothing
    const n = (count: number) => ({ total: count, station: count, outside: 0, other: 0 });
    await expectRows(s, MARCH, { 'I.5': n(4), 'I.5.8': n(2), 'I.5.8a': n(1) });
  });
});

describe('report-rules §3 I.5.9–I.6: attendants and birth certificates', () => {
  it('I.5.9b health staff (doctor, assistant doctor, midwife, nurse, village midwife) and I.5.9c skilled attendants (doctor, assistant doctor, midwife)', async () => {
    const s = await fx.station();
    const births: [DeliverySpec['attendant'], DeliverySpec['place']][] = [
      ['DOCTOR', 'FACILITY'], // b, c
      ['ASSISTANT_DOCTOR', 'FACILITY'], // b, c
      ['MIDWIFE', 'HOME'], // b, c (outside)
      ['NURSE', 'FACILITY'], // b
      ['VILLAGE_MIDWIFE', 'HOME'], // b (outside)
      ['TRADITIONAL_BIRTH_ATTENDANT', 'HOME'], // neither
      ['RELATIVE', 'ON_THE_WAY'], // neither
      ['NONE', 'HOME'], // neither
    ];
    for (const [attendant, place] of births) await birthAt(s, { deliveredAt: '2026-03-09T08:00:00+07:00', attendant, place });
    await expectRows(s, MARCH, {
      'I.5': { total: 8, station: 3, outside: 5, other: 0 },
      'I.5.9b': { total: 5, station: 3, outside: 2 },
      'I.5.9c': { total: 3, station: 2, outside: 1, other: 0 },
    });
  });

  it('I.6 counts live-born newborns with a birth-certificate number; babies without one and stillborns are not', async () => {
    const s = await fx.station();
    await birthAt(s, { deliveredAt: '2026-03-02T08:00:00+07:00', newborns: [{ birthCertificateNumber: 'GCS-001' }] }); // yes
    await birthAt(s, { deliveredAt: '2026-03-03T08:00:00+07:00', newborns: [{}] }); // no number
    await birthAt(s, { deliveredAt: '2026-03-04T08:00:00+07:00', newborns: [{ liveBorn: false, birthCertificateNumber: 'GCS-002' }] }); // stillborn
    await birthAt(s, { deliveredAt: '2026-03-05T08:00:00+07:00', place: 'HOME', newborns: [{ birthCertificateNumber: 'GCS-003' }] }); // yes, outside
    await expectRows(s, MARCH, { 'I.6': { total: 2, station: 1, outside: 1, other: 0 } });
  });

  it('twins: one delivery and two newborns: I.5 once, III.1 twice (a boy and a girl), two certificates', async () => {
    const s = await fx.station();
    await birthAt(s, {
      deliveredAt: '2026-03-08T08:00:00+07:00',
      newborns: [
        { sex: 'MALE', birthCertificateNumber: 'GCS-T1' },
        { sex: 'FEMALE', birthCertificateNumber: 'GCS-T2' },
      ],
    });
    await expectRows(s, MARCH, {
      'I.5': { total: 1, station: 1, outside: 0, other: 0 },
      'I.6': { total: 2, station: 2, outside: 0, other: 0 },
      'III.1': { total: 2, station: 2, outside: 0 },
      'III.1.1': { 'male.total': 1, 'male.station': 1, 'male.outside': 0, 'female.total': 1, 'female.station': 1, 'female.outside': 0 },
    });
  });
});

describe('report-rules §3 I.7–I.8: postnatal home visits by S', () => {
  /** A delivery at the hospital discharged at `dischargedAt`, visited by `visitor` on `visits`. */
  async function visited(
    s: Station,
    visitor: number,
    deliveredAt: string,
    dischargedAt: string | null,
    visits: string[],
    place: DeliverySpec['place'] = 'FACILITY',
  ) {
    const recorder = place === 'FACILITY' ? await fx.hospital() : s.id;
    const d = await fx.delivery({ facilityId: recorder, personId: await resident(s), deliveredAt, dischargedAt, place });
    for (const visitDate of visits) await fx.postnatalVisit(d.id, visitor, visitDate);
  }

  it('days after discharge between local dates: 0 and 6 are the first week (8.1), 7 and 41 weeks 2–6 (8.2), 42 is outside 6 weeks', async () => {
    const s = await fx.station();
    await visited(s, s.id, '2026-02-28T08:00:00+07:00', '2026-03-02T10:00:00+07:00', ['2026-03-02']); // day 0
    await visited(s, s.id, '2026-02-28T08:00:00+07:00', '2026-03-02T05:00:00+07:00', ['2026-03-08']); // day 6 (discharged 22:00 UTC on 1 March)
    await visited(s, s.id, '2026-02-28T08:00:00+07:00', '2026-03-02T10:00:00+07:00', ['2026-03-09']); // day 7
    await visited(s, s.id, '2026-01-29T08:00:00+07:00', '2026-02-01T10:00:00+07:00', ['2026-03-14']); // day 41
    await visited(s, s.id, '2026-01-29T08:00:00+07:00', '2026-02-01T10:00:00+07:00', ['2026-03-15']); // day 42: not
    await expectRows(s, MARCH, { 'I.7': { total: 4 }, 'I.8.1': { total: 2 }, 'I.8.2': { total: 2 } });
  });

  it('a birth outside facilities counts from the local birth date: day 6 (8.1), day 41 (8.2), day 42 not', async () => {
    const s = await fx.station();
    await visited(s, s.id, '2026-03-10T22:00:00+07:00', null, ['2026-03-16'], 'HOME'); // day 6
    await visited(s, s.id, '2026-02-01T06:00:00+07:00', null, ['2026-03-14'], 'HOME'); // day 41 (born 23:00 UTC on 31 January)
    await visited(s, s.id, '2026-02-01T06:00:00+07:00', null, ['2026-03-15'], 'ON_THE_WAY'); // day 42: not
    await expectRows(s, MARCH, { 'I.7': { total: 2 }, 'I.8.1': { total: 1 }, 'I.8.2': { total: 1 } });
  });

  it('a delivery visited on days 2 and 10 is one delivery in I.7 and one in each of 8.1 and 8.2', async () => {
    const s = await fx.station();
    await visited(s, s.id, '2026-03-01T08:00:00+07:00', '2026-03-03T10:00:00+07:00', ['2026-03-05', '2026-03-13']);
    await expectRows(s, MARCH, { 'I.7': { total: 1 }, 'I.8.1': { total: 1 }, 'I.8.2': { total: 1 } });
  });

  it('visits dated in another month and visits made by another facility are not S’s in M', async () => {
    const s = await fx.station();
    const t = await fx.station();
    await visited(s, s.id, '2026-02-18T08:00:00+07:00', '2026-02-20T10:00:00+07:00', ['2026-02-25', '2026-04-02']); // day 5 in February, day 41 in April
    await visited(s, t.id, '2026-02-28T08:00:00+07:00', '2026-03-02T10:00:00+07:00', ['2026-03-05']); // station T's visit
    await expectRows(s, MARCH, { 'I.7': { total: 0 }, 'I.8.1': { total: 0 }, 'I.8.2': { total: 0 } });
    await expectRows(s, '2026-02', { 'I.7': { total: 1 }, 'I.8.1': { total: 1 }, 'I.8.2': { total: 0 } });
  });
});

describe('report-rules §3 I.9–I.10, II.4: complications and maternal deaths', () => {
  const none = { 'cases.total': 0, 'cases.station': 0, 'cases.outside': 0, 'deaths.total': 0, 'deaths.station': 0, 'deaths.outside': 0 };

  /** One complication of each kind at S, by the place of their delivery or abortion, onset in March unless told. */
  async function complications(s: Station): Promise<void> {
    const w = await resident(s);
    // February delivery at the station, haemorrhage with onset 1 March: March, station.
    const d1 = await fx.delivery({ facilityId: s.id, personId: w, deliveredAt: '2026-02-27T08:00:00+07:00' });
    await fx.complication({ facilityId: s.id, deliveryId: d1.id, kind: 'HAEMORRHAGE', onsetOn: '2026-03-01' });
    // Home birth: eclampsia, died (outside); infection with onset in April: not March.
    const d2 = await fx.delivery({
      facilityId: s.id,
      personId: await resident(s),
      deliveredAt: '2026-03-04T08:00:00+07:00',
      place: 'HOME',
    });
    await fx.complication({ facilityId: s.id, deliveryId: d2.id, kind: 'ECLAMPSIA', onsetOn: '2026-03-05', outcome: 'DIED' });
    await fx.complication({ facilityId: s.id, deliveryId: d2.id, kind: 'INFECTION', onsetOn: '2026-04-01' });
    // Birth at the station: neonatal tetanus (referred), uterine rupture (died), infection, other.
    const d3 = await fx.delivery({ facilityId: s.id, personId: await resident(s), deliveredAt: '2026-03-10T08:00:00+07:00' });
    await fx.complication({ facilityId: s.id, deliveryId: d3.id, kind: 'NEONATAL_TETANUS', onsetOn: '2026-03-15', outcome: 'REFERRED' });
    await fx.complication({ facilityId: s.id, deliveryId: d3.id, kind: 'UTERINE_RUPTURE', onsetOn: '2026-03-10', outcome: 'DIED' });
    await fx.complication({ facilityId: s.id, deliveryId: d3.id, kind: 'INFECTION', onsetOn: '2026-03-13' });
    await fx.complication({ facilityId: s.id, deliveryId: d3.id, kind: 'OTHER', onsetOn: '2026-03-11' });
    // A March birth with haemorrhage in April: not March.
    const d4 = await fx.delivery({ facilityId: s.id, personId: await resident(s), deliveredAt: '2026-03-31T20:00:00+07:00' });
    await fx.complication({ facilityId: s.id, deliveryId: d4.id, kind: 'HAEMORRHAGE', onsetOn: '2026-04-01' });
    // Abortion at the station with a complication that killed her: 9.6 case and death.
    const a1 = await fx.abortion({ facilityId: s.id, personId: await resident(s), performedOn: '2026-03-12', gaWeeks: 6 });
    await fx.complication({ facilityId: s.id, abortionId: a1, kind: 'ABORTION_COMPLICATION', onsetOn: '2026-03-12', outcome: 'DIED' });
    // A contraceptive complication is not obstetric.
    const c1 = await fx.contraception({ facilityId: s.id, personId: w, servedOn: '2026-03-02', method: 'IUD', status: 'NEW' });
    await fx.complication({ facilityId: s.id, contraceptionId: c1, kind: 'BLEEDING', onsetOn: '2026-03-03' });
  }

  it('I.9.1–I.9.7: obstetric complications by kind, onset month, column of the place of their delivery or abortion; outcome death in TV', async () => {
    const s = await fx.station();
    await complications(s);
    await expectRows(s, MARCH, {
      'I.9.1': { ...none, 'cases.total': 1, 'cases.station': 1 },
      'I.9.2': { ...none, 'cases.total': 1, 'cases.outside': 1, 'deaths.total': 1, 'deaths.outside': 1 },
      'I.9.3': { ...none, 'cases.total': 1, 'cases.station': 1 },
      'I.9.4': { ...none, 'cases.total': 1, 'cases.station': 1, 'deaths.total': 1, 'deaths.station': 1 },
      'I.9.5': { ...none, 'cases.total': 1, 'cases.station': 1 },
      'I.9.6': { ...none, 'cases.total': 1, 'cases.station': 1, 'deaths.total': 1, 'deaths.station': 1 },
      'I.9.7': { ...none, 'cases.total': 1, 'cases.station': 1 },
    });
  });

  it('I.9 (the heading row) is the sum of I.9.1–I.9.7', async () => {
    const s = await fx.station();
    await complications(s);
    await expectRows(s, MARCH, {
      'I.9': { 'cases.total': 7, 'cases.station': 6, 'cases.outside': 1, 'deaths.total': 3, 'deaths.station': 2, 'deaths.outside': 1 },
    });
  });

  it('II.4: contraceptive complications with onset in M, by the place of the service', async () => {
    const s = await fx.station();
    const w = await resident(s);
    const atStation = await fx.contraception({ facilityId: s.id, personId: w, servedOn: '2026-02-20', method: 'IUD', status: 'NEW' });
    await fx.complication({ facilityId: s.id, contraceptionId: atStation, kind: 'INFECTION', onsetOn: '2026-03-02' }); // station
    await fx.complication({ facilityId: s.id, contraceptionId: atStation, kind: 'BLEEDING', onsetOn: '2026-02-22' }); // February
    const outreach = await fx.contraception({
      facilityId: s.id,
      personId: w,
      servedOn: '2026-03-10',
      method: 'IMPLANT',
      status: 'NEW',
      place: 'OUTREACH',
    });
    await fx.complication({ facilityId: s.id, contraceptionId: outreach, kind: 'OTHER', onsetOn: '2026-03-12' }); // outside
    const d = await fx.delivery({ facilityId: s.id, personId: w, deliveredAt: '2026-03-03T08:00:00+07:00' });
    await fx.complication({ facilityId: s.id, deliveryId: d.id, kind: 'HAEMORRHAGE', onsetOn: '2026-03-03' }); // obstetric: not II.4
    await expectRows(s, MARCH, { 'II.4': { total: 2, station: 1, outside: 1 } });
  });

  it('I.10 / I.10.1: maternal deaths in S’s death register dated in M, by place of death; audited; deaths at other facilities are not S’s', async () => {
    const s = await fx.station();
    const h = await fx.hospital();
    const died = (spec: Partial<Parameters<ReportFixtures['death']>[0]>) =>
      fx.death({ facilityId: s.id, diedOn: '2026-03-05', sex: 'FEMALE', dateOfBirth: '1990-01-01', maternal: true, ...spec });
    await died({ place: 'FACILITY', audited: true }); // station, audited
    await died({ place: 'HOME' }); // outside
    await died({ place: 'ON_THE_WAY', audited: true }); // outside, audited
    await died({ place: 'OTHER_FACILITY', audited: true }); // died at another facility: that facility's
    await died({ maternal: false }); // not maternal
    await died({ diedOn: '2026-02-28', recordedOn: '2026-03-02' }); // died in February
    await died({ facilityId: h, personId: await resident(s) }); // in the hospital's register
    await expectRows(s, MARCH, {
      'I.10': { total: 3, station: 1, outside: 2 },
      'I.10.1': { total: 2, station: 1, outside: 1 },
    });
  });
});

describe('report-rules §3 II: gynaecology, HPV, contraception, abortion', () => {
  it('II.1–II.2: gynaecology visits, VIA/VILI done, positive, suspicious, samples sent, treatments', async () => {
    const s = await fx.station();
    const w = await resident(s);
    const visit = (spec: Partial<Parameters<ReportFixtures['gynaecologyVisit']>[0]>) =>
      fx.gynaecologyVisit({ facilityId: s.id, personId: w, visitDate: '2026-03-10', ...spec });
    await visit({ viaVili: 'POSITIVE', cytologySent: true }); // II.1, 1.1, 1.2, 1.4
    await visit({ viaVili: 'SUSPICIOUS', hpvTestSent: true, treatmentGiven: true }); // II.1, 1.1, 1.3, 1.5, II.2
    await visit({ viaVili: 'NEGATIVE', place: 'OUTREACH' }); // II.1, 1.1 (outside)
    await visit({ treatmentGiven: true }); // II.1, II.2
    await visit({ visitDate: '2026-02-27', viaVili: 'POSITIVE', treatmentGiven: true }); // February
    await expectRows(s, MARCH, {
      'II.1': { total: 4, station: 3, outside: 1 },
      'II.1.1': { total: 3, station: 2, outside: 1 },
      'II.1.2': { total: 1, station: 1, outside: 0 },
      'II.1.3': { total: 1, station: 1, outside: 0 },
      'II.1.4': { total: 1, station: 1, outside: 0 },
      'II.1.5': { total: 1, station: 1, outside: 0 },
      'II.2': { total: 2, station: 2, outside: 0 },
    });
  });

  it('II.2.2: HPV doses given in M, each dose counts', async () => {
    const s = await fx.station();
    const a = await resident(s, { born: '2013-02-02' });
    const b = await resident(s, { born: '2014-05-05' });
    const c = await resident(s, { born: '2013-09-09' });
    await fx.hpvDose({ facilityId: s.id, personId: a, givenOn: '2026-03-02', doseNumber: 1, place: 'OUTREACH' });
    await fx.hpvDose({ facilityId: s.id, personId: a, givenOn: '2026-03-30', doseNumber: 2, place: 'FACILITY' });
    await fx.hpvDose({ facilityId: s.id, personId: b, givenOn: '2026-03-15', doseNumber: 1, place: 'HOME' });
    await fx.hpvDose({ facilityId: s.id, personId: c, givenOn: '2026-02-27', doseNumber: 1 }); // February
    await expectRows(s, MARCH, { 'II.2.2': { total: 3, station: 1, outside: 2 } });
  });

  it('II.3: new acceptors by method (male sterilisation in 3.5 and 3.6), II.3 their sum without double counting 3.6; continuing users are not new', async () => {
    const s = await fx.station();
    const w = await resident(s);
    const man = await fx.person({ facilityId: s.id, communeId: s.communeId, sex: 'MALE', born: '1988-01-01' });
    const serve = (
      method: string,
      status: 'NEW' | 'CONTINUING' = 'NEW',
      place: 'FACILITY' | 'OUTREACH' | 'HOME' = 'FACILITY',
      servedOn = '2026-03-10',
      personId = w,
    ) => fx.contraception({ facilityId: s.id, personId, servedOn, method, status, place });
    await serve('IUD'); // 3.1
    await serve('INJECTABLE'); // 3.2
    await serve('IMPLANT'); // 3.3
    await serve('PILL', 'NEW', 'OUTREACH'); // 3.4, outside
    await serve('FEMALE_STERILISATION'); // 3.5
    await serve('MALE_STERILISATION', 'NEW', 'FACILITY', '2026-03-10', man); // 3.5 and 3.6
    await serve('CONDOM', 'NEW', 'HOME'); // 3.7, outside
    await serve('OTHER_MODERN'); // 3.8
    await serve('IUD', 'CONTINUING'); // not new
    await serve('PILL', 'CONTINUING', 'OUTREACH'); // not new
    await serve('IUD', 'NEW', 'FACILITY', '2026-02-10'); // February
    const one = { total: 1, station: 1, outside: 0 };
    const outside = { total: 1, station: 0, outside: 1 };
    await expectRows(s, MARCH, {
      'II.3': { total: 8, station: 6, outside: 2 },
      'II.3.1': one,
      'II.3.2': one,
      'II.3.3': one,
      'II.3.4': outside,
      'II.3.5': { total: 2, station: 2, outside: 0 },
      'II.3.6': one,
      'II.3.7': outside,
      'II.3.8': one,
    });
  });

  it('II.5: abortions in M; GA 7 weeks in 5.1, 8 weeks not; adolescents in 5.2', async () => {
    const s = await fx.station();
    const abort = async (gaWeeks: number, born = '1995-06-15', place: 'FACILITY' | 'OUTREACH' = 'FACILITY', performedOn = '2026-03-10') =>
      fx.abortion({ facilityId: s.id, personId: await resident(s, { born }), performedOn, gaWeeks, place });
    await abort(7); // II.5, 5.1
    await abort(8, '1995-06-15', 'OUTREACH'); // II.5 (outside)
    await abort(6, '2008-06-01'); // 17 years old: II.5, 5.1, 5.2
    await abort(5, '1995-06-15', 'FACILITY', '2026-02-27'); // February
    await expectRows(s, MARCH, {
      'II.5': { total: 3, station: 2, outside: 1 },
      'II.5.1': { total: 2, station: 2, outside: 0 },
      'II.5.2': { total: 1, station: 1, outside: 0 },
    });
  });

  it('II.5.1: the GA from the episode’s LMP overrides the recorded GA (8+0 by LMP recorded 7: not; 7+6 by LMP recorded 8: yes)', async () => {
    const s = await fx.station();
    const a1 = await pregnantAt(s, '2026-01-23'); // 20 March is 8+0
    await fx.abortion({ facilityId: s.id, personId: a1.personId, episodeId: a1.episodeId, performedOn: '2026-03-20', gaWeeks: 7 });
    const a2 = await pregnantAt(s, '2026-01-24'); // 20 March is 7+6
    await fx.abortion({ facilityId: s.id, personId: a2.personId, episodeId: a2.episodeId, performedOn: '2026-03-20', gaWeeks: 8 });
    await expectRows(s, MARCH, {
      'II.5': { total: 2, station: 2, outside: 0 },
      'II.5.1': { total: 1, station: 1, outside: 0 },
    });
  });
});

describe('report-rules §3 III.1–III.9: newborns', () => {
  it('III.1.1 by sex and III.1.2 ethnic minority: the child’s recorded ethnicity, else the mother’s; stillborns are not live births', async () => {
    const s = await fx.station();
    await birthAt(s, { deliveredAt: '2026-03-02T08:00:00+07:00', newborns: [{ sex: 'MALE', ethnicity: '03' }] }, { ethnicity: '01' }); // minority
    await birthAt(
      s,
      { deliveredAt: '2026-03-03T08:00:00+07:00', place: 'HOME', newborns: [{ sex: 'FEMALE', ethnicity: null }] },
      { ethnicity: '05' },
    ); // mother's: minority, outside
    await birthAt(s, { deliveredAt: '2026-03-04T08:00:00+07:00', newborns: [{ sex: 'MALE', ethnicity: '01' }] }, { ethnicity: '03' }); // child's Kinh wins
    await birthAt(s, { deliveredAt: '2026-03-05T08:00:00+07:00', newborns: [{ sex: 'FEMALE', ethnicity: null }] }, { ethnicity: '01' }); // mother Kinh
    await birthAt(
      s,
      { deliveredAt: '2026-03-06T08:00:00+07:00', newborns: [{ sex: 'MALE', ethnicity: '03', liveBorn: false }] },
      { ethnicity: '03' },
    ); // stillborn
    await expectRows(s, MARCH, {
      'III.1': { total: 4, station: 3, outside: 1 },
      'III.1.1': { 'male.total': 2, 'male.station': 2, 'male.outside': 0, 'female.total': 2, 'female.station': 1, 'female.outside': 1 },
      'III.1.2': { total: 2, station: 1, outside: 1 },
    });
  });

  it('III.2: EENC after a vaginal (spontaneous or instrumental) birth (2a) or a caesarean (2b); III.2c kangaroo care; live births only', async () => {
    const s = await fx.station();
    await birthAt(s, { deliveredAt: '2026-03-02T08:00:00+07:00', mode: 'VAGINAL', newborns: [{ eenc: true }] }); // 2, 2a
    await birthAt(s, { deliveredAt: '2026-03-03T08:00:00+07:00', mode: 'INSTRUMENTAL', newborns: [{ eenc: true }] }); // 2, 2a
    await birthAt(s, { deliveredAt: '2026-03-04T08:00:00+07:00', mode: 'CAESAREAN', newborns: [{ eenc: true }] }); // 2, 2b
    await birthAt(s, { deliveredAt: '2026-03-05T08:00:00+07:00', mode: 'VAGINAL', newborns: [{ kangarooCare: true }] }); // 2c
    await birthAt(s, {
      deliveredAt: '2026-03-06T08:00:00+07:00',
      mode: 'VAGINAL',
      newborns: [{ liveBorn: false, eenc: true, kangarooCare: true }],
    }); // stillborn: none
    await expectRows(s, MARCH, {
      'III.2': { total: 3, station: 3, outside: 0 },
      'III.2a': { total: 2, station: 2, outside: 0 },
      'III.2b': { total: 1, station: 1, outside: 0 },
      'III.2c': { total: 1, station: 1, outside: 0 },
    });
  });

  it('III.3 preterm is GA < 37: recorded 36 yes, exactly 37 no; a stillborn at 30 weeks is not a live birth', async () => {
    const s = await fx.station();
    await birthAt(s, { deliveredAt: '2026-03-20T08:00:00+07:00', gaWeeks: 36 });
    await birthAt(s, { deliveredAt: '2026-03-20T09:00:00+07:00', gaWeeks: 37 });
    await birthAt(s, { deliveredAt: '2026-03-20T10:00:00+07:00', gaWeeks: 30, newborns: [{ liveBorn: false }] });
    await expectRows(s, MARCH, { 'III.1': { total: 2, station: 2, outside: 0 }, 'III.3': { total: 1, station: 1, outside: 0 } });
  });

  it('III.3 GA from the LMP overrides the recorded GA: 36+6 by LMP recorded 38 is preterm; 37+0 by LMP recorded 35 is not', async () => {
    const s = await fx.station();
    const p1 = await pregnantAt(s, '2025-07-05'); // 20 March 2026 is 36+6
    await fx.delivery({
      facilityId: s.id,
      personId: p1.personId,
      episodeId: p1.episodeId,
      deliveredAt: '2026-03-20T08:00:00+07:00',
      gaWeeks: 38,
    });
    const p2 = await pregnantAt(s, '2025-07-04'); // 20 March 2026 is 37+0
    await fx.delivery({
      facilityId: s.id,
      personId: p2.personId,
      episodeId: p2.episodeId,
      deliveredAt: '2026-03-20T08:00:00+07:00',
      gaWeeks: 35,
    });
    await expectRows(s, MARCH, { 'III.3': { total: 1, station: 1, outside: 0 } });
  });

  it('III.4 asphyxia and III.8.1 vitamin K1 among live births', async () => {
    const s = await fx.station();
    await birthAt(s, { deliveredAt: '2026-03-02T08:00:00+07:00', newborns: [{ asphyxia: true, vitaminK1: true }] });
    await birthAt(s, { deliveredAt: '2026-03-03T08:00:00+07:00', newborns: [{}] });
    await birthAt(s, { deliveredAt: '2026-03-04T08:00:00+07:00', newborns: [{ liveBorn: false, asphyxia: true, vitaminK1: true }] }); // stillborn
    await expectRows(s, MARCH, { 'III.4': { total: 1, station: 1, outside: 0 }, 'III.8.1': { total: 1, station: 1, outside: 0 } });
  });

  it('III.5–III.7 birth weight: 2,499 g low; 2,500 and 4,000 g neither; 4,001 g high; unweighed and stillborn babies are not weighed live births', async () => {
    const s = await fx.station();
    for (const weightGrams of [2499, 2500, 4000, 4001, null]) {
      await birthAt(s, { deliveredAt: '2026-03-11T08:00:00+07:00', newborns: [{ weightGrams }] });
    }
    await birthAt(s, { deliveredAt: '2026-03-12T08:00:00+07:00', newborns: [{ liveBorn: false, weightGrams: 2000 }] });
    await expectRows(s, MARCH, {
      'III.1': { total: 5, station: 5, outside: 0 },
      'III.5': { total: 4, station: 4, outside: 0 },
      'III.6': { total: 1, station: 1, outside: 0 },
      'III.7': { total: 1, station: 1, outside: 0 },
    });
  });

  it('III.8.2 / III.8.3 hepatitis B birth dose: within 24 h means dose time − birth time < 24 h (23 h 59 min yes, exactly 24 h no)', async () => {
    const s = await fx.station();
    await birthAt(s, { deliveredAt: '2026-03-10T08:00:00+07:00', newborns: [{ hepBDoseAt: '2026-03-11T07:59:00+07:00' }] }); // 23 h 59
    await birthAt(s, { deliveredAt: '2026-03-12T08:00:00+07:00', newborns: [{ hepBDoseAt: '2026-03-13T08:00:00+07:00' }] }); // 24 h
    await birthAt(s, { deliveredAt: '2026-03-14T23:30:00+07:00', newborns: [{ hepBDoseAt: '2026-03-15T01:00:00+07:00' }] }); // 1 h 30, next day
    await birthAt(s, { deliveredAt: '2026-03-16T08:00:00+07:00', newborns: [{}] }); // no dose
    await expectRows(s, MARCH, {
      'III.8.2': { total: 3, station: 3, outside: 0 },
      'III.8.3': { total: 2, station: 2, outside: 0 },
    });
  });

  it('III.9 stillbirths at GA ≥ 22 weeks: exactly 22 counts, 21 does not', async () => {
    const s = await fx.station();
    await birthAt(s, { deliveredAt: '2026-03-05T08:00:00+07:00', gaWeeks: 22, newborns: [{ liveBorn: false }] });
    await birthAt(s, { deliveredAt: '2026-03-06T08:00:00+07:00', gaWeeks: 21, newborns: [{ liveBorn: false }] });
    await expectRows(s, MARCH, { 'III.9': { total: 1, station: 1, outside: 0 }, 'III.1': { total: 0, station: 0, outside: 0 } });
  });

  it('III.9 GA from the LMP overrides the recorded GA: 22+0 by LMP recorded 21 counts; 21+6 by LMP recorded 22 does not', async () => {
    const s = await fx.station();
    const p1 = await pregnantAt(s, '2025-10-17'); // 20 March 2026 is 22+0
    await fx.delivery({
      facilityId: s.id,
      personId: p1.personId,
      episodeId: p1.episodeId,
      deliveredAt: '2026-03-20T08:00:00+07:00',
      place: 'HOME',
      gaWeeks: 21,
      newborns: [{ liveBorn: false }],
    });
    const p2 = await pregnantAt(s, '2025-10-18'); // 20 March 2026 is 21+6
    await fx.delivery({
      facilityId: s.id,
      personId: p2.personId,
      episodeId: p2.episodeId,
      deliveredAt: '2026-03-20T08:00:00+07:00',
      gaWeeks: 22,
      newborns: [{ liveBorn: false }],
    });
    await expectRows(s, MARCH, { 'III.9': { total: 1, station: 0, outside: 1 } });
  });

  it('twins, one live-born and one stillborn at 34 weeks: one delivery, one live birth (preterm), one stillbirth', async () => {
    const s = await fx.station();
    await birthAt(s, {
      deliveredAt: '2026-03-08T08:00:00+07:00',
      gaWeeks: 34,
      newborns: [
        { sex: 'MALE', weightGrams: 2100 },
        { sex: 'FEMALE', liveBorn: false, weightGrams: 1900 },
      ],
    });
    await expectRows(s, MARCH, {
      'I.5': { total: 1, station: 1, outside: 0, other: 0 },
      'III.1': { total: 1, station: 1, outside: 0 },
      'III.3': { total: 1, station: 1, outside: 0 },
      'III.6': { total: 1, station: 1, outside: 0 },
      'III.9': { total: 1, station: 1, outside: 0 },
    });
  });

  it('I.5: a pregnancy ending before 22 weeks without a live birth is a pregnancy loss, not a delivery; a live birth at 21 weeks is a delivery', async () => {
    const s = await fx.station();
    await birthAt(s, { deliveredAt: '2026-03-05T08:00:00+07:00', gaWeeks: 22, newborns: [{ liveBorn: false }] }); // delivery (stillbirth)
    await birthAt(s, { deliveredAt: '2026-03-06T08:00:00+07:00', gaWeeks: 21, newborns: [{ liveBorn: false }] }); // pregnancy loss
    await birthAt(s, { deliveredAt: '2026-03-07T08:00:00+07:00', gaWeeks: 21, newborns: [{ weightGrams: 450 }] }); // live birth
    await expectRows(s, MARCH, {
      'I.5': { total: 2, station: 2, outside: 0, other: 0 },
      'III.1': { total: 1, station: 1, outside: 0 },
      'III.9': { total: 1, station: 1, outside: 0 },
    });
  });
});

describe('report-rules §3 III.10–III.13: child deaths (cumulative)', () => {
  /** A child's death in S's register, Kinh, at the station unless told. */
  const childDied = (s: Station, dateOfBirth: string, diedOn: string, spec: Partial<Parameters<ReportFixtures['death']>[0]> = {}) =>
    fx.death({ facilityId: s.id, dateOfBirth, diedOn, ...spec });
  const row = (total: number, station: number, outside: number) => ({ total, station, outside });

  it('a 3-day-old’s death at home counts in III.10, III.11, III.12 and III.13 (outside)', async () => {
    const s = await fx.station();
    await childDied(s, '2026-03-02', '2026-03-05', { place: 'HOME' });
    await expectRows(s, MARCH, {
      'III.10': row(1, 0, 1),
      'III.11': row(1, 0, 1),
      'III.12': row(1, 0, 1),
      'III.13': row(1, 0, 1),
      'III.12.1': row(0, 0, 0),
      'III.13.1': row(0, 0, 0),
    });
  });

  it('under 7 days is 0–6 days: a death on the day of birth and at 6 days count in III.10, at 7 days not', async () => {
    const s = await fx.station();
    await childDied(s, '2026-03-10', '2026-03-10'); // 0 days
    await childDied(s, '2026-03-04', '2026-03-10'); // 6 days
    await childDied(s, '2026-03-03', '2026-03-10'); // 7 days
    await expectRows(s, MARCH, { 'III.10': row(2, 2, 0), 'III.11': row(3, 3, 0) });
  });

  it('under 28 days is 0–27 days: 27 days counts in III.11, 28 days not', async () => {
    const s = await fx.station();
    await childDied(s, '2026-02-11', '2026-03-10'); // 27 days
    await childDied(s, '2026-02-10', '2026-03-10'); // 28 days
    await expectRows(s, MARCH, { 'III.10': row(0, 0, 0), 'III.11': row(1, 1, 0), 'III.12': row(2, 2, 0) });
  });

  it('under 1 year is 0 completed years: 364 days counts in III.12, 365 days (first birthday) not', async () => {
    const s = await fx.station();
    await childDied(s, '2025-03-10', '2026-03-09'); // 364 days
    await childDied(s, '2025-03-10', '2026-03-10'); // first birthday
    await expectRows(s, MARCH, { 'III.11': row(0, 0, 0), 'III.12': row(1, 1, 0), 'III.13': row(2, 2, 0) });
  });

  it('under 1 year across 29 February: 365 days old on 14/03/2024 (born 15/03/2023) is still 0 completed years', async () => {
    const s = await fx.station();
    await childDied(s, '2023-03-15', '2024-03-14');
    await expectRows(s, '2024-03', { 'III.12': row(1, 1, 0), 'III.13': row(1, 1, 0) });
  });

  it('under 5 years is 0–4 completed years: 4 years counts in III.13, the 5th birthday not', async () => {
    const s = await fx.station();
    await childDied(s, '2021-03-10', '2026-03-09'); // 4 years 364 days
    await childDied(s, '2021-03-10', '2026-03-10'); // 5 years
    await expectRows(s, MARCH, { 'III.12': row(0, 0, 0), 'III.13': row(1, 1, 0) });
  });

  it('deaths at another facility, in another facility’s register, or dated in another month are not S’s', async () => {
    const s = await fx.station();
    const h = await fx.hospital();
    await childDied(s, '2026-03-01', '2026-03-05', { place: 'OTHER_FACILITY' }); // died at another facility
    await childDied(s, '2026-03-01', '2026-03-05', { facilityId: h }); // the hospital's register
    await childDied(s, '2026-02-20', '2026-02-28', { recordedOn: '2026-03-02' }); // died in February
    await expectRows(s, MARCH, { 'III.10': row(0, 0, 0), 'III.13': row(0, 0, 0) });
  });

  it('III.12.1 / III.13.1 ethnic minority: the child’s recorded ethnicity; when absent the linked mother’s; otherwise unknown, not a minority', async () => {
    const s = await fx.station();
    const minorityMother = await resident(s, { ethnicity: '05' });
    const kinhChildsMother = await resident(s, { ethnicity: '03' });
    const orphan = await fx.person({ facilityId: s.id, born: '2025-12-01', sex: 'MALE', ethnicity: null, motherId: minorityMother });
    const kinhChild = await fx.person({ facilityId: s.id, born: '2025-12-01', sex: 'MALE', ethnicity: '01', motherId: kinhChildsMother });
    await childDied(s, '2025-12-01', '2026-03-11', { ethnicity: '03' }); // k1: the child's own: minority
    await childDied(s, '2025-12-01', '2026-03-11', { ethnicity: null, personId: orphan, motherId: minorityMother }); // k2: the mother's: minority
    await childDied(s, '2025-12-01', '2026-03-11', { ethnicity: null }); // k3: unknown, no mother: not
    await childDied(s, '2025-12-01', '2026-03-11', { ethnicity: '01', personId: kinhChild, motherId: kinhChildsMother }); // k4: Kinh child of a minority mother: not
    await expectRows(s, MARCH, {
      'III.12': row(4, 4, 0),
      'III.12.1': row(2, 2, 0),
      'III.13': row(4, 4, 0),
      'III.13.1': row(2, 2, 0),
    });
  });
});
