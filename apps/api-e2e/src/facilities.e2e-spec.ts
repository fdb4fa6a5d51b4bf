import { getJson, inBatches, useSession } from './support/http';
import { Facility, FacilityRef, Page } from './types';

beforeAll(() => useSession('vu.bmte'));

/**
 * The seeded pilot facilities of a kind (other spec files of the run create facilities of their own,
 * with codes of another shape: `RR.…`, `TYT.RPT.…`).
 */
const SEEDED_CODE: Readonly<Record<string, RegExp>> = {
  COMMUNE_HEALTH_STATION: /^TYT\.\d{5}(\.\d{4})?$/,
  DISTRICT_HEALTH_CENTER: /^TTYT\.\d{3}$/,
};

async function seededOn(kind: 'COMMUNE_HEALTH_STATION' | 'DISTRICT_HEALTH_CENTER', at: string): Promise<Facility[]> {
  const facilities: Facility[] = [];
  for (let page = 1, seen = 0; ; page++) {
    const { status, body } = await getJson<Page<Facility>>(`/api/v1/facilities?kind=${kind}&at=${at}&page=${page}&pageSize=200`);
    expect(status).toBe(200);
    facilities.push(...body.items.filter((f) => SEEDED_CODE[kind].test(f.code)));
    seen += body.items.length;
    if (seen >= body.total || body.items.length === 0) return facilities;
  }
}

const stationsOn = (at: string) => seededOn('COMMUNE_HEALTH_STATION', at);

describe('facilities and the reporting chain', () => {
  it('has the two central units', async () => {
    const { body } = await getJson<Page<Facility>>('/api/v1/facilities?level=central');
    expect(body.items.map((f) => f.kind).sort()).toEqual(['MCH_DEPARTMENT', 'NCHI']);
  });

  it('has a Department of Health and a CDC for each pilot province, before and after the reform', async () => {
    for (const [at, count] of [
      ['2025-06-30', 7],
      ['2025-07-01', 7],
    ] as const) {
      const doh = await getJson<Page<Facility>>(`/api/v1/facilities?kind=DEPARTMENT_OF_HEALTH&at=${at}`);
      const cdc = await getJson<Page<Facility>>(`/api/v1/facilities?kind=CDC&at=${at}`);
      expect([doh.body.total, cdc.body.total]).toEqual([count, count]);
    }
    const before = await getJson<Page<Facility>>('/api/v1/facilities?kind=DEPARTMENT_OF_HEALTH&at=2025-06-30');
    expect(before.body.items.map((f) => f.adminUnit?.code).sort()).toEqual(['10', '11', '12', '14', '62', '64', '67']);
    const after = await getJson<Page<Facility>>('/api/v1/facilities?kind=DEPARTMENT_OF_HEALTH&at=2025-07-01');
    expect(after.body.items.map((f) => f.adminUnit?.code).sort()).toEqual(['11', '12', '14', '15', '51', '52', '68']);
  });

  it('has a district health center for each of the 74 pilot districts, only before the reform', async () => {
    expect(await seededOn('DISTRICT_HEALTH_CENTER', '2025-06-30')).toHaveLength(74);
    expect(await seededOn('DISTRICT_HEALTH_CENTER', '2025-07-01')).toHaveLength(0);
  });

  it.each([
    ['2025-06-30', 977, ['COMMUNE_HEALTH_STATION', 'DISTRICT_HEALTH_CENTER', 'CDC', 'DEPARTMENT_OF_HEALTH', 'MCH_DEPARTMENT']],
    ['2025-07-01', 351, ['COMMUNE_HEALTH_STATION', 'CDC', 'DEPARTMENT_OF_HEALTH', 'MCH_DEPARTMENT']],
  ])('on %s every one of the %i commune stations reports up a chain ending at the MCH Department', async (at, count, kinds) => {
    const stations = await stationsOn(at);
    expect(stations).toHaveLength(count);
    const chains = await inBatches(stations, 16, async (station) => {
      const { status, body } = await getJson<{ chain: FacilityRef[] }>(`/api/v1/facilities/${station.code}/reporting-chain?at=${at}`);
      expect(status).toBe(200);
      return body.chain;
    });
    for (const [i, chain] of chains.entries()) {
      expect(chain.map((f) => f.kind)).toEqual(kinds);
      expect(chain[0].code).toBe(stations[i].code);
    }
  });

  it('keeps the chain inside the station province', async () => {
    const { body } = await getJson<{ chain: FacilityRef[] }>('/api/v1/facilities/TYT.03127/reporting-chain?at=2025-06-30');
    expect(body.chain.map((f) => f.code)).toEqual(['TYT.03127', 'TTYT.094', 'CDC.11', 'SYT.11', 'BYT.VBMTE']);
  });

  it('lists the facilities reporting to a TTYT and located under a unit', async () => {
    const reporting = await getJson<Page<Facility>>('/api/v1/facilities?reportsTo=TTYT.094&at=2025-06-30');
    expect(reporting.body.total).toBeGreaterThan(0);
    expect(reporting.body.items.every((f) => f.reportsTo?.code === 'TTYT.094')).toBe(true);
    const located = await getJson<Page<Facility>>('/api/v1/facilities?parent=094&at=2025-06-30&pageSize=200');
    expect(located.body.items.map((f) => f.code)).toContain('TTYT.094');
    expect(located.body.total).toBe(reporting.body.total + 1);
  });

  it('finds facilities without diacritics', async () => {
    const { body } = await getJson<Page<Facility>>(`/api/v1/facilities?q=${encodeURIComponent('tram y te xa muong nhe')}&at=2025-06-30`);
    expect(body.items.map((f) => f.name)).toContain('Trạm Y tế Xã Mường Nhé'.normalize('NFC'));
  });

  it('answers 404 for a facility that did not exist on the day', async () => {
    const { status, body } = await getJson<{ code: string }>('/api/v1/facilities/TTYT.094?at=2025-07-01');
    expect(status).toBe(404);
    expect(body.code).toBe('FACILITY_NOT_FOUND');
  });
});
