import {
  computeCommuneCells,
  computeCommuneFormSum,
  computeFacilityCells,
  computeUnitReport,
  ReportLine,
  SqlRunner,
  sqlRunnerOf,
  UnitReport,
} from '@skss/api/statistical-reports';
import { CellValues } from '@skss/domain';
import { ReportFixtures } from './support/report-fixtures';

/**
 * District and provincial forms (Biểu 4–8, report-rules §4–5, docs/report-forms.md): rows of
 * reporting units over the org tree of the month, facility rows from their own registers
 * (computeFacilityCells), commune rows from their approved commune reports, row groups with
 * subtotals, grey cells null, period views, and the facility indicators F.* each with a named case.
 *
 * The merged province (docs/org-hierarchy.md): in June 2025 Kon Tum (SYT.62, CDC.62, a district
 * health centre per district, TYT.<commune> stations) is its own province; from July 2025 its
 * communes' stations (TYT.<commune>.2025) report to CDC.51.2025 of Quảng Ngãi (SYT.51.2025). The
 * seeded org is used as it is; no other test writes Kon Tum's or Quảng Ngãi's reports or registers.
 */

let fx: ReportFixtures;
let runner: SqlRunner;

beforeAll(async () => {
  fx = await ReportFixtures.connect();
  runner = sqlRunnerOf(fx.db);
});

afterAll(() => fx?.end());

async function facilityId(code: string): Promise<number> {
  const { rows } = await fx.db.query<{ id: number }>('SELECT id FROM facility WHERE code = $1', [code]);
  if (!rows[0]) throw new Error(`No facility ${code}`);
  return rows[0].id;
}

/** A commune report as the workflow stores it: sent values frozen, status approved (or another status). */
async function report(facility: number, month: string, values: CellValues, status = 'APPROVED', form = 'commune'): Promise<void> {
  await fx.db.query(
    `INSERT INTO statistical_report (id, form, facility_id, month, status, approver_id, values, first_sent_at, sent_at, approved_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4::statistical_report_status, $2, $5, now(), now(),
             CASE WHEN $4::text = 'APPROVED' THEN now() END, now())`,
    [form, facility, `${month}-01`, status, JSON.stringify(values)],
  );
}

/** A facility of its own reporting to `reportsTo` during [from, to]. */
async function facilityUnder(
  reportsTo: string,
  kind: 'PROVINCIAL_FACILITY' | 'PRIVATE_CLINIC' | 'CENTRAL_FACILITY',
  from: string,
  to: string | null,
  ownership: 'PUBLIC' | 'PRIVATE' = 'PUBLIC',
): Promise<{ id: number; code: string }> {
  const { id, code } = await fx.facility(kind as never, null, { validFrom: from, validTo: to });
  await fx.db.query('UPDATE facility SET ownership = $2 WHERE id = $1', [id, ownership]);
  await fx.db.query(`INSERT INTO facility_reporting_line (facility_id, reports_to_id, valid_from, valid_to) VALUES ($1, $2, $3, $4)`, [
    id,
    await facilityId(reportsTo),
    from,
    to,
  ]);
  return { id, code };
}

const line = (view: UnitReport, key: string): ReportLine => {
  const found = view.lines.find((l) => l.key === key);
  if (!found) throw new Error(`No line ${key} in ${view.version.key}`);
  return found;
};
const pick = (l: ReportLine, keys: string[]) => Object.fromEntries(keys.map((k) => [k, l.values[k]]));

/** Two Kon Tum city stations of June 2025 and the stations of the communes that absorbed them in July. */
let june: { a: number; aCode: string; b: number; bCode: string };
let july: { a: number; aCode: string; b: number; bCode: string };

beforeAll(async () => {
  const { rows } = await fx.db.query<{ old_id: number; old_code: string; new_id: number; new_code: string }>(
    `SELECT DISTINCT ON (n.id) s.id AS old_id, s.code AS old_code, n.id AS new_id, n.code AS new_code
       FROM facility s
       JOIN facility_reporting_line l ON l.facility_id = s.id
       JOIN facility t ON t.id = l.reports_to_id AND t.code = 'TTYT.608'
       JOIN admin_unit_lineage al ON al.predecessor_id = s.admin_unit_id AND al.kind = 'full'
       JOIN facility n ON n.admin_unit_id = al.successor_id AND n.kind = 'COMMUNE_HEALTH_STATION'
      WHERE s.kind = 'COMMUNE_HEALTH_STATION'
      ORDER BY n.id, s.code
      LIMIT 2`,
  );
  expect(rows).toHaveLength(2);
  june = { a: rows[0].old_id, aCode: rows[0].old_code, b: rows[1].old_id, bCode: rows[1].old_code };
  july = { a: rows[0].new_id, aCode: rows[0].new_code, b: rows[1].new_id, bCode: rows[1].new_code };
});

const communeValues = (deliveries: number, caesareansIgnored = 0, pregnant = 0, gynCurative = 0): CellValues => ({
  'I.1': { total: pregnant },
  'I.5': { total: deliveries, station: deliveries, outside: 0, other: 0 },
  'I.5.6': { total: 0, station: 0, outside: 0, other: 0 },
  'F.gynVisitsCurative': { total: gynCurative },
  // A commune report carries no caesarean indicator: the column is grey for commune rows.
  'F.caesarean': { total: caesareansIgnored },
});

describe('report-aggregation: the merged province over the tree of each month', () => {
  let hospital: { id: number; code: string };
  let clinic: { id: number; code: string };

  beforeAll(async () => {
    // Kon Tum's own provincial hospital until the reform, and a private clinic of Quảng Ngãi after it.
    hospital = await facilityUnder('CDC.62', 'PROVINCIAL_FACILITY', '2020-01-01', '2025-06-30');
    clinic = await facilityUnder('CDC.51.2025', 'PRIVATE_CLINIC', '2025-07-01', null, 'PRIVATE');
    const mother = await fx.woman({ facilityId: hospital.id });
    await fx.delivery({ facilityId: hospital.id, personId: mother, deliveredAt: '2025-06-10T09:00:00+07:00', mode: 'CAESAREAN' });
    const clinicMother = await fx.woman({ facilityId: clinic.id });
    await fx.delivery({ facilityId: clinic.id, personId: clinicMother, deliveredAt: '2025-07-12T09:00:00+07:00', mode: 'INSTRUMENTAL' });

    await report(june.a, '2025-06', communeValues(3, 9, 7));
    await report(june.b, '2025-06', communeValues(5), 'SENT'); // sent, not approved: missing
    await report(july.a, '2025-07', communeValues(2, 0, 6));
    await report(july.b, '2025-07', communeValues(4, 0, 8));
  });

  it('June 2025: Kon Tum is its own province (TT 37 province view), its communes under their district', async () => {
    const view = await computeUnitReport(runner, { form: 'maternal-care', facilityId: await facilityId('SYT.62'), period: '2025-06' });
    expect([view.version.key, view.level, view.version.officialCode]).toEqual(['maternal-care@TT37_2019', 'province', 'Biểu số: 4/BCT']);
    // Tuyến tỉnh lists Kon Tum's provincial facilities, its hospital with its caesarean.
    expect(pick(line(view, `unit:${hospital.code}`), ['deliveries', 'caesareans', 'pregnant'])).toEqual({
      deliveries: 1,
      caesareans: 1,
      pregnant: null,
    });
    expect(line(view, `unit:${hospital.code}`).group).toBe('provinceLevel');
    // Tuyến huyện: one line per district; Kon Tum city's holds station A's approved report, not B's sent one.
    const city = line(view, 'district:TTYT.608');
    expect(pick(city, ['deliveries', 'pregnant', 'caesareans'])).toEqual({ deliveries: 3, pregnant: 7, caesareans: 0 });
    expect(city.unitsWithMissingMonths).toBeGreaterThanOrEqual(1);
    const missing = view.missing.map((m) => m.facility.code);
    expect(missing).toContain(june.bCode);
    expect(missing).not.toContain(june.aCode);
    // No July station, no Quảng Ngãi facility is in June's tree.
    expect(view.lines.some((l) => l.facility?.code.endsWith('.2025'))).toBe(false);
    expect(view.lines.some((l) => l.key === `unit:${clinic.code}`)).toBe(false);
    // The total is the sum of the two groups, every column.
    const total = line(view, 'group:total');
    for (const column of ['deliveries', 'caesareans', 'pregnant', 'ancVisits'])
      expect(total.values[column]).toBe(
        (line(view, 'group:provinceLevel').values[column] ?? 0) + (line(view, 'group:districts').values[column] ?? 0),
      );
  });

  it('July 2025: the same communes are part of Quảng Ngãi (TT 23 province view), Kon Tum is gone', async () => {
    const view = await computeUnitReport(runner, { form: 'maternal-care', facilityId: await facilityId('SYT.51.2025'), period: '2025-07' });
    expect([view.version.key, view.level, view.version.officialCode]).toEqual(['maternal-care@TT23_2025', 'province', 'Báo cáo 4']);
    expect(view.lines.filter((l) => l.kind === 'group').map((l) => l.key)).toEqual([
      'group:total',
      'group:public',
      'group:central',
      'group:provincial',
      'group:commune',
      'group:private',
    ]);
    const a = line(view, `unit:${july.aCode}`);
    expect([a.group, a.rowKind]).toEqual(['commune', 'commune']);
    expect(pick(a, ['deliveries', 'pregnant', 'caesareans', 'pregnantNew'])).toEqual({
      deliveries: 2,
      pregnant: 6,
      caesareans: null,
      pregnantNew: 0,
    });
    expect(pick(line(view, `unit:${clinic.code}`), ['deliveries', 'instrumentalDeliveries', 'caesareans'])).toEqual({
      deliveries: 1,
      instrumentalDeliveries: 1,
      caesareans: 0,
    });
    expect(line(view, `unit:${clinic.code}`).group).toBe('private');
    // Kon Tum's pre-reform units are not in July's tree.
    expect(view.lines.some((l) => [june.aCode, june.bCode, hospital.code, 'CDC.62', 'TTYT.608'].includes(l.facility?.code ?? ''))).toBe(
      false,
    );
    // A June view of the Quảng Ngãi department does not exist: it was created by the reform.
    await expect(
      computeUnitReport(runner, { form: 'maternal-care', facilityId: await facilityId('SYT.51.2025'), period: '2025-06' }),
    ).rejects.toMatchObject({
      code: 'FACILITY_NOT_FOUND',
    });
  });

  it('subtotals and the total add up their units; grey cells are null', async () => {
    const view = await computeUnitReport(runner, { form: 'maternal-care', facilityId: await facilityId('SYT.51.2025'), period: '2025-07' });
    const communes = view.lines.filter((l) => l.kind === 'unit' && l.group === 'commune');
    const sum = (column: string) => communes.reduce((s, l) => s + (l.values[column] ?? 0), 0);
    expect(line(view, 'group:commune').values['deliveries']).toBe(sum('deliveries'));
    expect(sum('deliveries')).toBe(6);
    for (const column of ['deliveries', 'instrumentalDeliveries']) {
      const parts = ['central', 'provincial', 'commune'].map((g) => line(view, `group:${g}`).values[column] ?? 0);
      expect(line(view, 'group:public').values[column]).toBe(parts.reduce((s, v) => s + v, 0));
      expect(line(view, 'group:total').values[column]).toBe(
        (line(view, 'group:public').values[column] ?? 0) + (line(view, 'group:private').values[column] ?? 0),
      );
    }
    // Biểu 4: facility rows grey on 3a, 3b, 4a, 4b, 18a; commune rows on 14, 16, 17, 22b.
    const clinicLine = line(view, `unit:${clinic.code}`);
    expect(
      pick(clinicLine, ['pregnantNew', 'pregnantNewAdolescent', 'pregnant', 'pregnantAdolescent', 'deliveriesOutsideFacility']),
    ).toEqual({
      pregnantNew: null,
      pregnantNewAdolescent: null,
      pregnant: null,
      pregnantAdolescent: null,
      deliveriesOutsideFacility: null,
    });
    const communeLine = line(view, `unit:${july.aCode}`);
    expect(pick(communeLine, ['hivPositiveOnArv', 'instrumentalDeliveries', 'caesareans', 'maternalDeathsAudited'])).toEqual({
      hivPositiveOnArv: null,
      instrumentalDeliveries: null,
      caesareans: null,
      maternalDeathsAudited: null,
    });
    // A subtotal is grey where every row it sums is: the private group (facilities) on 4a; the commune group not.
    expect(line(view, 'group:private').values['pregnant']).toBeNull();
    expect(line(view, 'group:commune').values['pregnant']).toBe(14);
    expect(line(view, 'group:commune').values['caesareans']).toBeNull();
    expect(line(view, 'group:total').values['caesareans']).not.toBeNull();
  });

  it('lists the communes whose report is not approved as missing (null), not zero', async () => {
    const view = await computeUnitReport(runner, { form: 'maternal-care', facilityId: await facilityId('SYT.62'), period: '2025-06' });
    // June's station B is only listed inside its district (TT 37 lists districts); July's view lists units.
    expect(view.missing.find((m) => m.facility.code === june.bCode)?.months).toEqual(['2025-06']);
    const julyView = await computeUnitReport(runner, {
      form: 'family-planning',
      facilityId: await facilityId('SYT.51.2025'),
      period: '2025-07',
    });
    const unreported = julyView.lines.filter((l) => l.kind === 'unit' && l.rowKind === 'commune' && l.missingMonths.length > 0);
    expect(unreported.length).toBeGreaterThan(0);
    for (const l of unreported) expect(Object.values(l.values).every((v) => v === null)).toBe(true);
    expect(julyView.missing.map((m) => m.facility.code)).not.toContain(july.aCode);
    expect(line(julyView, 'group:commune').unitsWithMissingMonths).toBe(unreported.length);
  });

  it('a 3-month view sums the flows and takes the last month for stock columns', async () => {
    await report(july.a, '2025-08', communeValues(1, 0, 9, 2));
    await report(july.a, '2025-09', communeValues(4, 0, 5, 1));
    await report(july.b, '2025-08', communeValues(3, 0, 2)); // September missing
    const view = await computeUnitReport(runner, { form: 'maternal-care', facilityId: await facilityId('SYT.51.2025'), period: '2025-Q3' });
    expect(view.period).toEqual({ key: '2025-Q3', months: ['2025-07', '2025-08', '2025-09'] });
    expect(pick(line(view, `unit:${july.aCode}`), ['deliveries', 'pregnant'])).toEqual({ deliveries: 7, pregnant: 5 });
    // B: flows of the approved months (4 + 3); its September stock is unknown.
    const b = line(view, `unit:${july.bCode}`);
    expect(pick(b, ['deliveries', 'pregnant'])).toEqual({ deliveries: 7, pregnant: null });
    expect(b.missingMonths).toEqual(['2025-09']);
    expect(pick(line(view, `unit:${clinic.code}`), ['deliveries', 'instrumentalDeliveries'])).toEqual({
      deliveries: 1,
      instrumentalDeliveries: 1,
    });
    const gyn = await computeUnitReport(runner, { form: 'gynaecology', facilityId: await facilityId('SYT.51.2025'), period: '2025-Q3' });
    expect(line(gyn, `unit:${july.aCode}`).values['visitsCurative']).toBe(3);
    expect(line(gyn, `unit:${july.aCode}`).values['cytologyAbnormal']).toBeNull();
    // A 2025 year view spans TT 37 and TT 23: refused, read each part.
    await expect(
      computeUnitReport(runner, { form: 'maternal-care', facilityId: await facilityId('SYT.51.2025'), period: '2025' }),
    ).rejects.toMatchObject({
      code: 'PERIOD_SPANS_REGIMES',
    });
  });

  it('national view: a block per province with its four lines, the national total their sum', async () => {
    const view = await computeUnitReport(runner, { form: 'maternal-care', facilityId: await facilityId('BYT.VBMTE'), period: '2025-07' });
    expect(view.level).toBe('national');
    const block = ['province', 'provinceCentral', 'provinceProvincial', 'provinceCommune', 'provincePrivate'].map(
      (g) => `group:${g}@SYT.51.2025`,
    );
    for (const key of block) line(view, key);
    expect(line(view, 'group:provinceCommune@SYT.51.2025').values['deliveries']).toBe(6);
    expect(line(view, 'group:provincePrivate@SYT.51.2025').values['instrumentalDeliveries']).toBe(1);
    const provinces = view.lines.filter((l) => l.group === 'province');
    expect(line(view, 'group:national').values['deliveries']).toBe(provinces.reduce((s, l) => s + (l.values['deliveries'] ?? 0), 0));
    expect(view.lines.some((l) => l.kind === 'unit')).toBe(false);
  });

  it('TT 37 district view and the commune form summed for the district', async () => {
    const district = await facilityId('TTYT.608');
    const view = await computeUnitReport(runner, { form: 'maternal-care', facilityId: district, period: '2025-06' });
    expect([view.level, view.version.officialCode]).toEqual(['district', 'Biểu số: 4/BCH']);
    expect(view.lines.filter((l) => l.kind === 'group').map((l) => l.key)).toEqual([
      'group:total',
      'group:districtLevel',
      'group:communeLevel',
    ]);
    expect(line(view, 'unit:TTYT.608').group).toBe('districtLevel');
    expect(line(view, `unit:${june.aCode}`).values['deliveries']).toBe(3);
    const sum = await computeCommuneFormSum(runner, district, '2025-06');
    expect(sum.total['I.5']).toEqual({ total: 3, station: 3, outside: 0, other: 0 });
    expect(sum.missing.map((m) => m.facility.code)).toContain(june.bCode);
  });
});

describe('report-aggregation: facility indicators (docs/report-forms.md §3)', () => {
  const MONTH = '2026-03';
  let h: number;
  let values: CellValues;

  async function gynVisit(purpose: 'CURATIVE' | 'SCREENING', treatments: string[], place: 'FACILITY' | 'OTHER_FACILITY' = 'FACILITY') {
    const personId = await fx.woman({ facilityId: h });
    const id = await fx.gynaecologyVisit({
      facilityId: h,
      personId,
      visitDate: '2026-03-12',
      place,
      treatmentGiven: treatments.length > 0,
    });
    await fx.db.query('UPDATE gynaecology_visit SET purpose = $2, treatments = $3 WHERE id = $1', [id, purpose, treatments]);
  }

  async function birth(spec: {
    mode?: 'VAGINAL' | 'INSTRUMENTAL' | 'CAESAREAN';
    hivConfirmedOn?: string;
    arv?: boolean;
    babies?: number;
    screened?: boolean[];
  }) {
    const personId = await fx.woman({ facilityId: h });
    const { id, newbornIds } = await fx.delivery({
      facilityId: h,
      personId,
      deliveredAt: '2026-03-15T10:00:00+07:00',
      mode: spec.mode ?? 'VAGINAL',
      hivConfirmedOn: spec.hivConfirmedOn ?? null,
      newborns: Array.from({ length: spec.babies ?? 1 }, () => ({})),
    });
    if (spec.arv) await fx.db.query('UPDATE delivery SET arv_given = true WHERE id = $1', [id]);
    for (const [i, screened] of (spec.screened ?? []).entries())
      if (screened) await fx.db.query('UPDATE newborn SET newborn_screening = true WHERE id = $1', [newbornIds[i]]);
    return id;
  }

  beforeAll(async () => {
    h = await fx.hospital();
    // Caesarean, forceps/vacuum, and a vaginal birth.
    await birth({ mode: 'CAESAREAN' });
    await birth({ mode: 'INSTRUMENTAL' });
    await birth({ mode: 'VAGINAL' });
    // HIV confirmed before the delivery and on ARV (twins: two HIV-exposed infants, one screened).
    await birth({ hivConfirmedOn: '2025-11-02', arv: true, babies: 2, screened: [true, false] });
    // HIV confirmed before the delivery, not on ARV: exposed infant, not an ARV mother.
    await birth({ hivConfirmedOn: '2026-01-10' });
    // HIV confirmed after the delivery: neither.
    await birth({ hivConfirmedOn: '2026-03-20', arv: true });
    // A stillborn screened baby does not count; a caesarean recorded as at another facility does not either.
    const still = await fx.woman({ facilityId: h });
    const { newbornIds } = await fx.delivery({
      facilityId: h,
      personId: still,
      deliveredAt: '2026-03-16T10:00:00+07:00',
      gaWeeks: 30,
      newborns: [{ liveBorn: false }],
    });
    await fx.db.query('UPDATE newborn SET newborn_screening = true WHERE id = $1', [newbornIds[0]]);
    const elsewhere = await fx.woman({ facilityId: h });
    await fx.delivery({
      facilityId: h,
      personId: elsewhere,
      deliveredAt: '2026-03-17T10:00:00+07:00',
      mode: 'CAESAREAN',
      place: 'OTHER_FACILITY',
    });
    // Abortions at 7, 8, 12 and 13 completed weeks.
    for (const gaWeeks of [7, 8, 12, 13])
      await fx.abortion({ facilityId: h, personId: await fx.woman({ facilityId: h }), performedOn: '2026-03-05', gaWeeks });
    // Gynaecology: curative with treatments, screening, and a visit recorded at another facility.
    await gynVisit('CURATIVE', ['SYPHILIS', 'GONORRHOEA']);
    await gynVisit('CURATIVE', ['ELECTROCAUTERY', 'CRYOTHERAPY']);
    await gynVisit('CURATIVE', ['LEEP', 'CONISATION']);
    await gynVisit('SCREENING', []);
    await gynVisit('SCREENING', ['SYPHILIS'], 'OTHER_FACILITY');
    values = (await computeFacilityCells(runner, [h], MONTH)).get(h) ?? {};
  });

  const indicator = (key: string) => values[key]?.['total'];

  it('caesarean and forceps/vacuum: own deliveries by mode (not a row placed at another facility)', () => {
    expect([indicator('F.caesarean'), indicator('F.instrumentalDelivery')]).toEqual([1, 1]);
    expect(values['I.5']).toEqual({ total: 7, station: 7, outside: 0 });
  });

  it('HIV-positive mothers on ARV: confirmed on or before the delivery and arvGiven', () => {
    expect(indicator('F.hivPositiveOnArv')).toBe(1);
    expect(values['I.5.6']).toEqual({ total: 2, station: 2, outside: 0 });
  });

  it('HIV-exposed infants: live-born newborns of I.5.6 deliveries, twins twice', () => {
    expect(indicator('F.hivExposedInfants')).toBe(3);
  });

  it('newborn screening: live-born screened newborns only', () => {
    expect(indicator('F.newbornScreening')).toBe(1);
  });

  it('abortion bands: ≤ 7 weeks is II.5.1, 8–12 is 9b, 13 and more 9c; the three add up to II.5', () => {
    expect([
      values['II.5']['total'],
      values['II.5.1']['total'],
      indicator('F.abortionsOver7To12Weeks'),
      indicator('F.abortionsOver12Weeks'),
    ]).toEqual([4, 1, 2, 1]);
  });

  it('gynaecology: curative vs screening add up to II.1; treatments once per visit and column', () => {
    expect([indicator('F.gynVisitsCurative'), indicator('F.gynVisitsScreening'), values['II.1']['total']]).toEqual([3, 1, 4]);
    expect(
      ['F.gynTreatedSyphilis', 'F.gynTreatedGonorrhoea', 'F.cervixCauteryCryotherapy', 'F.cervixLeep', 'F.cervixConisation'].map(indicator),
    ).toEqual([1, 1, 1, 1, 1]);
  });

  it('a facility has no CSYT khác column and no stock rows', () => {
    expect(values['I.1']).toBeUndefined();
    expect(Object.keys(values['I.4'])).toEqual(['total', 'station', 'outside']);
  });

  it('a commune station computes the indicators of its Báo cáo 6 and 7 rows only when asked, its cells unchanged', async () => {
    const s = await fx.station();
    const personId = await fx.woman({ facilityId: s.id, communeId: s.communeId });
    await fx.abortion({ facilityId: s.id, personId, performedOn: '2026-03-03', gaWeeks: 9 });
    const id = await fx.gynaecologyVisit({ facilityId: s.id, personId, visitDate: '2026-03-04' });
    await fx.db.query(`UPDATE gynaecology_visit SET purpose = 'CURATIVE' WHERE id = $1`, [id]);
    const plain = (await computeCommuneCells(runner, [s.id], MONTH)).get(s.id) ?? {};
    expect(Object.keys(plain).some((k) => k.startsWith('F.'))).toBe(false);
    const stored = (await computeCommuneCells(runner, [s.id], MONTH, { indicators: true })).get(s.id) ?? {};
    expect(Object.fromEntries(Object.entries(stored).filter(([k]) => k.startsWith('F.')))).toEqual({
      'F.gynVisitsCurative': { total: 1 },
      'F.gynVisitsScreening': { total: 0 },
      'F.abortionsOver7To12Weeks': { total: 1 },
      'F.abortionsOver12Weeks': { total: 0 },
    });
    expect({ ...stored, 'F.gynVisitsCurative': undefined }).toMatchObject(plain);
  });
});
