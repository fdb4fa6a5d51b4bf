import { createPrismaService, loadAppConfig, PrismaService, RequestContext, UserPrincipal } from '@skss/api/core';
import {
  CellRows,
  CellRowsRequest,
  computeCommuneCells,
  ReportDrillDownService,
  SqlRunner,
  sqlRunnerOf,
} from '@skss/api/statistical-reports';
import { CellValues, FacilityKind } from '@skss/domain';
import { ReportFixtures, Station } from './support/report-fixtures';

/**
 * The register rows behind a cell of the commune form (issue 7 item 5): listed with the counting
 * statement's own predicate, so their counts add up to the cell; shown as far as the caller's scope
 * reaches (the scoped Prisma client), the rest counted as not visible.
 */

const MONTH = '2026-03';
let fx: ReportFixtures;
let runner: SqlRunner;
let prisma: PrismaService;
let service: ReportDrillDownService;

beforeAll(async () => {
  fx = await ReportFixtures.connect();
  runner = sqlRunnerOf(fx.db);
  prisma = createPrismaService(loadAppConfig({ DATABASE_URL: process.env['SKSS_TEST_DATABASE_URL'] }));
  service = new ReportDrillDownService(prisma);
});

afterAll(async () => {
  await prisma?.raw.$disconnect();
  await fx?.end();
});

/** The drill-down as an officer of `facilityId` (of `kind`) asks it. */
function asOfficer(facilityId: number, kind: FacilityKind, request: CellRowsRequest): Promise<CellRows> {
  const principal: UserPrincipal = {
    kind: 'user',
    userId: '00000000-0000-4000-8000-000000000001',
    username: 'drill.down',
    facilityId,
    facilityKind: kind,
    permissions: new Set(),
    sessionId: 'drill-down',
  };
  return RequestContext.run({ requestId: `drill-${Math.random()}`, ip: null, principal }, () => service.rowsBehind(request));
}

/** A woman living in the station's commune, known to the facilities that record her (person_facility). */
async function resident(s: Station, ...recordedBy: number[]): Promise<string> {
  const personId = await fx.woman({
    facilityId: s.id,
    communeId: s.communeId,
    name: `Lò Thị Khám ${Math.random().toString(36).slice(2, 7)}`,
  });
  for (const facility of [s.id, ...recordedBy])
    await fx.db.query('INSERT INTO person_facility (person_id, facility_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [personId, facility]);
  return personId;
}

describe('report-drill-down: the rows behind a cell', () => {
  let s: Station;
  let hospital: number;
  let cells: CellValues;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    s = await fx.station();
    hospital = await fx.hospital();
    const mai = await resident(s);
    const lan = await resident(s, hospital);
    const episode = await fx.episode({ facilityId: s.id, personId: mai, registeredOn: '2025-10-01', lmp: '2025-08-01' });
    ids['ancProtein1'] = await fx.ancVisit({
      facilityId: s.id,
      personId: mai,
      episodeId: episode,
      visitDate: '2026-03-02',
      urineProtein: 'NEGATIVE',
    });
    ids['ancProtein2'] = await fx.ancVisit({
      facilityId: s.id,
      personId: mai,
      episodeId: episode,
      visitDate: '2026-03-20',
      urineProtein: 'POSITIVE',
    });
    ids['ancOutreach'] = await fx.ancVisit({
      facilityId: s.id,
      personId: mai,
      episodeId: episode,
      visitDate: '2026-03-09',
      place: 'OUTREACH',
    });
    await fx.ancVisit({ facilityId: s.id, personId: mai, episodeId: episode, visitDate: '2026-02-27', urineProtein: 'NEGATIVE' }); // February
    // Twins at the station; a resident's delivery at the hospital (CSYT khác).
    ids['twins'] = (
      await fx.delivery({
        facilityId: s.id,
        personId: lan,
        deliveredAt: '2026-03-11T06:00:00+07:00',
        newborns: [{ sex: 'MALE' }, { sex: 'FEMALE' }],
      })
    ).id;
    const hoa = await resident(s, hospital);
    ids['atHospital'] = (await fx.delivery({ facilityId: hospital, personId: hoa, deliveredAt: '2026-03-14T06:00:00+07:00' })).id;
    // Two new IUD services of one woman count once in II.3.1.
    await fx.contraception({ facilityId: s.id, personId: mai, servedOn: '2026-03-03', method: 'IUD', status: 'NEW' });
    await fx.contraception({ facilityId: s.id, personId: mai, servedOn: '2026-03-17', method: 'IUD', status: 'NEW' });
    // A home death of a newborn (no person linked): the register row carries the name.
    ids['death'] = await fx.death({ facilityId: s.id, diedOn: '2026-03-12', place: 'HOME', dateOfBirth: '2026-03-10' });
    cells = (await computeCommuneCells(runner, [s.id], MONTH, { indicators: true })).get(s.id) ?? {};
  });

  const request = (row: string, column: string): CellRowsRequest => ({ stationId: s.id, month: MONTH, row, column });
  const total = (rows: CellRows) => rows.rows.reduce((sum, r) => sum + r.count, 0) + rows.notVisible.count;

  it('urine-protein tests at the station: the two visits of March with a test, as the station sees them', async () => {
    const rows = await asOfficer(s.id, 'COMMUNE_HEALTH_STATION', request('I.4', 'station'));
    expect(rows.value).toBe(cells['I.4']['station']);
    expect(rows.rows.map((r) => r.id).sort()).toEqual([ids['ancProtein1'], ids['ancProtein2']].sort());
    expect(
      rows.rows.every((r) => r.register === 'anc_visit' && r.facility.id === s.id && r.person?.fullName.startsWith('Lò Thị Khám')),
    ).toBe(true);
    expect(rows.notVisible).toEqual({ rows: 0, count: 0 });
  });

  it('Tổng số of ANC visits is the station’s and the outreach visits', async () => {
    const rows = await asOfficer(s.id, 'COMMUNE_HEALTH_STATION', request('I.3', 'total'));
    expect([rows.value, rows.rows.length]).toEqual([cells['I.3']['total'], 3]);
    expect(rows.rows.find((r) => r.id === ids['ancOutreach'])?.column).toBe('outside');
  });

  it('live births: the twins’ delivery counts twice', async () => {
    const rows = await asOfficer(s.id, 'COMMUNE_HEALTH_STATION', request('III.1', 'total'));
    expect(rows.rows.map((r) => [r.register, r.id, r.count])).toEqual([['delivery', ids['twins'], 2]]);
    expect(total(rows)).toBe(cells['III.1']['total']);
    const boys = await asOfficer(s.id, 'COMMUNE_HEALTH_STATION', request('III.1.1', 'male.station'));
    expect([boys.value, cells['III.1.1']['male.station']]).toEqual([1, 1]);
  });

  it('new IUD acceptors: one row per woman and method', async () => {
    const rows = await asOfficer(s.id, 'COMMUNE_HEALTH_STATION', request('II.3.1', 'total'));
    expect([rows.rows.length, rows.value, cells['II.3.1']['total']]).toEqual([1, 1, 1]);
  });

  it('a child death: the death register row with the name it records', async () => {
    const rows = await asOfficer(s.id, 'COMMUNE_HEALTH_STATION', request('III.10', 'outside'));
    expect(rows.rows.map((r) => [r.register, r.id, r.person?.id])).toEqual([['death', ids['death'], null]]);
    expect(rows.rows[0].person?.fullName).toMatch(/^Người Mất/);
  });

  it('CSYT khác: the hospital’s delivery is counted but not shown to the station; the ministry sees it', async () => {
    const station = await asOfficer(s.id, 'COMMUNE_HEALTH_STATION', request('I.5', 'other'));
    expect(cells['I.5']['other']).toBe(1);
    expect([station.value, station.rows, station.notVisible]).toEqual([1, [], { rows: 1, count: 1 }]);
    const ministry = await asOfficer(s.id, 'MCH_DEPARTMENT', request('I.5', 'other'));
    expect(ministry.notVisible).toEqual({ rows: 0, count: 0 });
    expect(ministry.rows.map((r) => [r.id, r.column, r.facility.id])).toEqual([[ids['atHospital'], 'other', hospital]]);
    expect(ministry.rows[0].person?.fullName).toMatch(/^Lò Thị Khám/);
  });

  it('out of scope: another station’s officer sees none of the rows, every one counted as not visible', async () => {
    const other = await fx.station();
    const rows = await asOfficer(other.id, 'COMMUNE_HEALTH_STATION', request('I.3', 'total'));
    expect([rows.value, rows.rows.length, rows.notVisible]).toEqual([3, 0, { rows: 3, count: 3 }]);
  });

  it('refuses a cell the form does not have and a facility that is not a station', async () => {
    await expect(asOfficer(s.id, 'COMMUNE_HEALTH_STATION', request('I.3', 'other'))).rejects.toMatchObject({ code: 'UNKNOWN_CELL' });
    await expect(asOfficer(s.id, 'COMMUNE_HEALTH_STATION', request('I.99', 'total'))).rejects.toMatchObject({ code: 'UNKNOWN_CELL' });
    await expect(asOfficer(hospital, 'MCH_DEPARTMENT', { ...request('I.3', 'total'), stationId: hospital })).rejects.toMatchObject({
      code: 'FACILITY_NOT_FOUND',
    });
  });
});
