import { getJson, inBatches, useSession } from './support/http';
import { AdminUnit, Lineage, Page } from './types';

beforeAll(() => useSession('vu.bmte'));

const PILOT_BEFORE_REFORM = ['10', '11', '12', '14', '62', '64', '67'];

async function listAll(query: string): Promise<AdminUnit[]> {
  const { status, body } = await getJson<Page<AdminUnit>>(`/api/v1/admin-units?${query}&pageSize=200`);
  expect(status).toBe(200);
  expect(body.total).toBeLessThanOrEqual(200);
  return body.items;
}

describe('administrative units by date', () => {
  it('has 63 provinces on 2025-06-30 and 34 on 2025-07-01', async () => {
    const before = await getJson<Page<AdminUnit>>('/api/v1/admin-units?level=province&at=2025-06-30&pageSize=1');
    const after = await getJson<Page<AdminUnit>>('/api/v1/admin-units?level=province&at=2025-07-01&pageSize=1');
    expect(before.body.total).toBe(63);
    expect(after.body.total).toBe(34);
  });

  it('has districts only before the reform', async () => {
    expect((await getJson<Page<AdminUnit>>('/api/v1/admin-units?level=district&at=2025-06-30&pageSize=1')).body.total).toBeGreaterThan(600);
    expect((await getJson<Page<AdminUnit>>('/api/v1/admin-units?level=district&at=2025-07-01&pageSize=1')).body.total).toBe(0);
  });

  it('covers the pilot scope before the reform: 7 provinces, 74 districts, 977 communes', async () => {
    const provinces = (await listAll('level=province&at=2025-06-30')).filter((p) => PILOT_BEFORE_REFORM.includes(p.code));
    expect(provinces.map((p) => p.code).sort()).toEqual(PILOT_BEFORE_REFORM);
    const districts = (await inBatches(provinces, 4, (p) => listAll(`parent=${p.code}&at=2025-06-30`))).flat();
    expect(districts.every((d) => d.level === 'district')).toBe(true);
    expect(districts).toHaveLength(74);
    const communes = (await inBatches(districts, 8, (d) => listAll(`parent=${d.code}&at=2025-06-30`))).flat();
    expect(communes.every((c) => c.level === 'commune')).toBe(true);
    expect(communes).toHaveLength(977);
  });

  it('hangs communes directly under provinces after the reform', async () => {
    const children = await listAll('parent=11&at=2025-07-01');
    expect(children.length).toBe(45);
    expect(children.every((c) => c.level === 'commune' && c.parentCode === '11')).toBe(true);
  });

  it('reads the pre- and post-reform version of a reused code by date', async () => {
    const before = await listAll('level=province&q=51&at=2025-06-30');
    const after = await listAll('level=province&q=51&at=2025-07-01');
    expect(before.map((u) => [u.code, u.validTo])).toEqual([['51', '2025-06-30']]);
    expect(after.map((u) => [u.code, u.validFrom])).toEqual([['51', '2025-07-01']]);
  });
});

describe('lineage', () => {
  it.each([
    ['62', 'Tỉnh Kon Tum', '51', 'Tỉnh Quảng Ngãi'],
    ['67', 'Tỉnh Đắk Nông', '68', 'Tỉnh Lâm Đồng'],
    ['10', 'Tỉnh Lào Cai', '15', 'Tỉnh Lào Cai'],
    ['64', 'Tỉnh Gia Lai', '52', 'Tỉnh Gia Lai'],
  ])('province %s (%s) went into %s (%s)', async (oldCode, oldName, newCode, newName) => {
    const { status, body } = await getJson<Lineage>(`/api/v1/admin-units/${oldCode}/lineage?at=2025-06-30&level=province`);
    expect(status).toBe(200);
    expect(body.versions).toHaveLength(1);
    const [version] = body.versions;
    expect(version.unit.name).toBe(oldName);
    expect(version.successors.map((s) => [s.unit.code, s.unit.name, s.kind, s.effectiveOn])).toEqual([
      [newCode, newName, 'full', '2025-07-01'],
    ]);

    const successor = await getJson<Lineage>(`/api/v1/admin-units/${newCode}/lineage?at=2025-07-01&level=province`);
    expect(successor.body.versions[0].predecessors.map((p) => p.unit.code)).toContain(oldCode);
  });

  it('keeps an unchanged province as one version without self-lineage', async () => {
    const { body } = await getJson<Lineage>('/api/v1/admin-units/11/lineage?level=province');
    expect(body.versions).toHaveLength(1);
    expect(body.versions[0].unit).toMatchObject({ name: 'Tỉnh Điện Biên', validFrom: null, validTo: null });
    expect(body.versions[0].predecessors).toEqual([]);
  });

  it('lists both versions of a reused code when no date is given', async () => {
    const { body } = await getJson<Lineage>('/api/v1/admin-units/51/lineage?level=province');
    expect(body.versions.map((v) => [v.unit.validFrom, v.unit.validTo])).toEqual([
      [null, '2025-06-30'],
      ['2025-07-01', null],
    ]);
  });

  it('answers 404 with a code for an unknown unit', async () => {
    const { status, body } = await getJson<{ code: string }>('/api/v1/admin-units/99/lineage');
    expect(status).toBe(404);
    expect(body.code).toBe('ADMIN_UNIT_NOT_FOUND');
  });
});

describe('search without diacritics', () => {
  const codes = async (q: string, at = '2025-06-30') =>
    (await listAll(`q=${encodeURIComponent(q)}&at=${at}`)).map((u) => `${u.level}:${u.code}`).sort();

  it('finds "Tỉnh Điện Biên" from "dien bien", and NFC, NFD and plain input agree', async () => {
    const nfc = 'Điện Biên'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const plain = await codes('dien bien');
    expect(plain).toContain('province:11');
    expect(plain.length).toBeGreaterThan(1);
    expect(await codes(nfc)).toEqual(plain);
    expect(await codes(nfd)).toEqual(plain);
    expect(await codes('DIEN   BIEN')).toEqual(plain);
  });

  it('matches "Đắk" with "dak"', async () => {
    const withMarks = await codes('Đắk Nông');
    expect(withMarks).toContain('province:67');
    expect(await codes('dak nong')).toEqual(withMarks);
  });

  it('finds a commune by its code', async () => {
    expect(await codes('03127', '2025-06-30')).toEqual(['commune:03127']);
  });

  it('searches within a parent', async () => {
    const units = await listAll(`parent=11&q=${encodeURIComponent('muong')}&at=2025-06-30`);
    expect(units.length).toBeGreaterThan(0);
    expect(
      units.every((u) => u.parentCode === '11' && u.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().includes('muong')),
    ).toBe(true);
  });
});
