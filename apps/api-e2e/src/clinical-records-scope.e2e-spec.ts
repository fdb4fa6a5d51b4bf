import { withDb } from './support/db';
import { request, signIn } from './support/http';
import {
  accountAt,
  BODIES,
  createPerson,
  createRecord,
  EPISODES,
  ErrorBody,
  RECORDS,
  RecordBody,
  woman,
  WriteResult,
} from './support/records';

/**
 * Scope of register data: a commune station sees its own rows only (another station's answer 404,
 * exactly like a row that does not exist); the levels above see the rows of every facility that
 * reported through them at any time, so a district health centre still sees its communes' 2024
 * rows after districts were abolished, and a station formed in the 2025 reform sees the rows of the
 * station it succeeded; writes stay within the caller's own facility.
 */

const tokens: Record<string, string> = {};
let row: RecordBody;
let rowState: unknown;

const state = async (id: string) => {
  const { rows } = await withDb((db) => db.query('SELECT * FROM anc_visit WHERE id = $1', [id]));
  return rows[0] ?? null;
};

beforeAll(async () => {
  for (const username of ['tyt.dienbienphu', 'tyt.muongnhe', 'cdc.dienbien', 'cdc.laichau', 'syt.dienbien', 'vu.bmte', 'nchi.admin']) {
    tokens[username] = await signIn(username);
  }
  const person = await createPerson(tokens['tyt.dienbienphu'], woman());
  row = await createRecord('anc-visits', tokens['tyt.dienbienphu'], BODIES['anc-visits'](person.id));
  rowState = await state(row.id);
});

afterAll(async () => {
  for (const token of Object.values(tokens)) await request('/api/v1/auth/logout', { method: 'POST', token });
});

describe('a row of Phường Điện Biên Phủ’s station', () => {
  it.each([
    ['tyt.dienbienphu', 200],
    ['cdc.dienbien', 200],
    ['syt.dienbien', 200],
    ['vu.bmte', 200],
    ['tyt.muongnhe', 404],
    ['cdc.laichau', 404],
    ['nchi.admin', 403],
  ])('is read by %s → %i', async (username, status) => {
    const answer = await request<RecordBody & ErrorBody>(`${RECORDS}/anc-visits/${row.id}`, { token: tokens[username] });
    expect(answer.status).toBe(status);
    if (status === 404) {
      const none = await request<ErrorBody>(`${RECORDS}/anc-visits/00000000-0000-4000-8000-000000000000`, { token: tokens[username] });
      expect(answer.body).toEqual(none.body);
    }
  });

  it('another commune station finds no trace of it through the list filters', async () => {
    const token = tokens['tyt.muongnhe'];
    for (const query of ['facilityCode=TYT.03127.2025', `personId=${row.person?.id}`, 'month=2026-03&facilityCode=TYT.03127.2025']) {
      const answer = await request<{ total: number }>(`${RECORDS}/anc-visits?${query}`, { token });
      expect([query, answer.status, answer.body.total]).toEqual([query, 200, 0]);
    }
  });

  it.each([
    ['tyt.muongnhe', 404, 'RECORD_NOT_FOUND'],
    ['cdc.dienbien', 403, 'OUT_OF_SCOPE'],
    ['syt.dienbien', 403, 'FORBIDDEN'],
    ['cdc.laichau', 404, 'RECORD_NOT_FOUND'],
  ])('is not changed nor deleted by %s (%i %s), and stays as it was', async (username, status, code) => {
    const token = tokens[username];
    const body = { ...BODIES['anc-visits'](row.person?.id as string), notes: 'sửa ngoài phạm vi' };
    const changed = await request<ErrorBody>(`${RECORDS}/anc-visits/${row.id}`, { method: 'PUT', token, body });
    const deleted = await request<ErrorBody>(`${RECORDS}/anc-visits/${row.id}`, { method: 'DELETE', token });
    expect([changed.status, changed.body.code, deleted.status, deleted.body.code]).toEqual([status, code, status, code]);
    expect(await state(row.id)).toEqual(rowState);
  });

  it('the CDC above it may not record in its name (403 OUT_OF_SCOPE); in its own it may', async () => {
    const token = tokens['cdc.dienbien'];
    const body = { ...BODIES['anc-visits'](''), personId: undefined, person: woman() };
    const refused = await request<ErrorBody>(`${RECORDS}/anc-visits`, {
      method: 'POST',
      token,
      body: { ...body, facilityCode: 'TYT.03127.2025' },
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'OUT_OF_SCOPE']);
    const own = await request<WriteResult>(`${RECORDS}/anc-visits`, { method: 'POST', token, body });
    expect([own.status, (own.body.record['facility'] as { code: string }).code]).toEqual([201, 'CDC.11']);
  });
});

describe('data with a history: the 2025 reform', () => {
  let oldStation: string;
  let dhc: string;
  let before2025: RecordBody;

  beforeAll(async () => {
    // Phường Him Lam's station (TYT.03127) reported to the health centre of Điện Biên Phủ city
    // (TTYT.094) until districts were abolished on 2025-07-01.
    oldStation = (await accountAt('TYT.03127', 'TYT')).token;
    dhc = (await accountAt('TTYT.094', 'TTYT')).token;
    before2025 = await createRecord('anc-visits', oldStation, {
      ...BODIES['anc-visits'](''),
      personId: undefined,
      person: woman({ communeCode: '03127' }),
      visitDate: '2024-05-10',
    });
  });

  it('the district health centre still sees its communes’ 2024 rows', async () => {
    const listed = await request<{ items: RecordBody[] }>(`${RECORDS}/anc-visits?month=2024-05&facilityCode=TYT.03127`, { token: dhc });
    expect(listed.body.items.map((r) => r.id)).toContain(before2025.id);
    const one = await request<RecordBody>(`${RECORDS}/anc-visits/${before2025.id}`, { token: dhc });
    expect([one.status, one.body['visitDate']]).toEqual([200, '2024-05-10']);
  });

  it('the station formed in the reform sees the rows of the one it succeeded; another station does not', async () => {
    expect((await request(`${RECORDS}/anc-visits/${before2025.id}`, { token: tokens['tyt.dienbienphu'] })).status).toBe(200);
    expect((await request(`${RECORDS}/anc-visits/${before2025.id}`, { token: tokens['tyt.muongnhe'] })).status).toBe(404);
  });

  it('the health centre sees nothing of the new station, and writes nothing of its communes', async () => {
    expect((await request(`${RECORDS}/anc-visits/${row.id}`, { token: dhc })).status).toBe(404);
    const body = { ...BODIES['anc-visits'](before2025.person?.id as string), visitDate: '2024-05-10', notes: 'sửa bởi trung tâm' };
    const refused = await request<ErrorBody>(`${RECORDS}/anc-visits/${before2025.id}`, { method: 'PUT', token: dhc, body });
    expect([refused.status, refused.body.code]).toEqual([403, 'OUT_OF_SCOPE']);
  });
});

describe('an episode followed by one station, delivered at another facility', () => {
  it('the delivering facility links the episode of the same woman (found by her citizen ID) and closes it, without seeing it', async () => {
    const body = woman();
    const mother = await createPerson(tokens['tyt.dienbienphu'], body);
    const episode = await createRecord('episodes', tokens['tyt.dienbienphu'], {
      personId: mother.id,
      registeredOn: '2025-09-01',
      lmp: '2025-06-10',
    });
    const elsewhere = tokens['tyt.muongnhe'];
    expect((await request(`${EPISODES}/${episode.id}`, { token: elsewhere })).status).toBe(404);
    const delivery = {
      ...BODIES.deliveries(''),
      personId: undefined,
      person: body,
      episodeId: episode.id,
      deliveredAt: '2026-03-12T08:30:00+07:00',
    };
    // The episode of someone else cannot be named (and is not revealed).
    const stranger = await request<ErrorBody>(`${RECORDS}/deliveries`, {
      method: 'POST',
      token: elsewhere,
      body: { ...delivery, person: woman() },
    });
    expect([stranger.status, stranger.body.code]).toEqual([400, 'EPISODE_NOT_FOUND']);
    const created = await request<WriteResult>(`${RECORDS}/deliveries`, { method: 'POST', token: elsewhere, body: delivery });
    expect([created.status, created.body.record.person?.id, created.body.record['episodeId']]).toEqual([201, mother.id, episode.id]);
    const closed = await request<RecordBody>(`${EPISODES}/${episode.id}`, { token: tokens['tyt.dienbienphu'] });
    expect([closed.body['closure'], closed.body['closedOn']]).toEqual(['DELIVERY', '2026-03-12']);
    // The station that follows her does not see the other facility's delivery row.
    expect((await request(`${RECORDS}/deliveries/${created.body.record.id}`, { token: tokens['tyt.dienbienphu'] })).status).toBe(404);
  });
});
