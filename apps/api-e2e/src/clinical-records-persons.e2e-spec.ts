import { request, signIn } from './support/http';
import {
  auditOf,
  BODIES,
  citizenId,
  countRows,
  createPerson,
  createRecord,
  ErrorBody,
  Person,
  PersonRef,
  PERSONS,
  RECORDS,
  uniqueWomanName,
  woman,
} from './support/records';

/**
 * Persons: reuse by citizen ID, masked lists and audited reads, residence history, probable
 * duplicates, merge and undo.
 */

let tyt = '';
let other = '';

beforeAll(async () => {
  tyt = await signIn('tyt.dienbienphu');
  other = await signIn('tyt.muongnhe');
});

afterAll(() => request('/api/v1/auth/logout', { method: 'POST', token: other }));

const post = <T>(path: string, body: unknown, token = tyt) => request<T & ErrorBody>(path, { method: 'POST', token, body });
const get = <T>(path: string, token = tyt) => request<T & ErrorBody>(path, { token });

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

describe('creating persons', () => {
  it('creates a person (201), and reuses her when another facility brings the same citizen ID (200, reused)', async () => {
    const body = woman();
    const created = await post<{ reused: boolean; person: Person }>(PERSONS, body);
    expect([created.status, created.body.reused]).toEqual([201, false]);
    const person = created.body.person;
    expect([person.citizenId, person.facility.code, person.residences.map((r) => [r.commune.code, r.validFrom, r.validTo])]).toEqual([
      body['citizenId'],
      'TYT.03127.2025',
      [['03127', '2025-07-01', null]],
    ]);
    // The other station cannot see her until it records something for her.
    expect((await get(`${PERSONS}/${person.id}`, other)).status).toBe(404);
    const again = await post<{ reused: boolean; person: Person }>(PERSONS, { ...body, fullName: 'Tên Khác Hẳn' }, other);
    expect([again.status, again.body.reused, again.body.person.id, again.body.person.fullName]).toEqual([
      200,
      true,
      person.id,
      person.fullName,
    ]);
    expect((await get(`${PERSONS}/${person.id}`, other)).status).toBe(200);
    expect(await countRows('person', 'citizen_id = $1', [body['citizenId']])).toBe(1);
  });

  it('reuses her by insurance card, and by her patient id in a source system', async () => {
    const card = `GD411${String(Date.now()).slice(-10)}`;
    const first = await post<{ person: Person }>(
      PERSONS,
      woman({ citizenId: null, insuranceCard: card, sourceSystem: 'HIS', sourceRecordId: `BN-${card}` }),
    );
    const byCard = await post<{ reused: boolean; person: Person }>(PERSONS, woman({ citizenId: null, insuranceCard: card }), other);
    expect([byCard.status, byCard.body.person.id]).toEqual([200, first.body.person.id]);
    const bySource = await post<{ reused: boolean; person: Person }>(
      PERSONS,
      woman({ citizenId: null, sourceSystem: 'HIS', sourceRecordId: `BN-${card}` }),
    );
    expect([bySource.status, bySource.body.person.id]).toEqual([200, first.body.person.id]);
  });

  it('a register row with an inline person reuses her by citizen ID', async () => {
    const body = woman();
    const person = await createPerson(other, body);
    const visit = await createRecord('anc-visits', tyt, {
      ...BODIES['anc-visits'](''),
      personId: undefined,
      person: { ...body, fullName: 'Không Dùng' },
    });
    expect(visit.person?.id).toBe(person.id);
    expect(await countRows('person', 'citizen_id = $1', [body['citizenId']])).toBe(1);
  });
});

describe('reading persons', () => {
  let person: Person;

  beforeAll(async () => {
    person = await createPerson(tyt, woman({ fullName: `Đặng Thị Ánh ${uniqueWomanName().split(' ').pop()}` }));
  });

  it('finds her by name without diacritics, by date of birth and by citizen ID, with identifiers masked', async () => {
    const byName = await get<{ items: (PersonRef & { maskedPhone: string | null; commune: { code: string } | null })[]; total: number }>(
      `${PERSONS}?q=${encodeURIComponent(fold(person.fullName))}&dateOfBirth=1998-04-12`,
    );
    expect(byName.body.items.map((p) => p.id)).toEqual([person.id]);
    const item = byName.body.items[0];
    const id = person.citizenId as string;
    expect([item.maskedCitizenId, item.maskedPhone, item.commune?.code]).toEqual([
      `${id.slice(0, 4)}******${id.slice(-2)}`,
      '0912****78',
      '03127',
    ]);
    expect(JSON.stringify(byName.body)).not.toContain(id);
    const byId = await get<{ items: PersonRef[] }>(`${PERSONS}?q=${id}`);
    expect(byId.body.items.map((p) => p.id)).toEqual([person.id]);
    // Another station finds nothing of her.
    const elsewhere = await get<{ total: number }>(`${PERSONS}?q=${id}`, other);
    expect(elsewhere.body.total).toBe(0);
  });

  it('opening her record shows full identifiers and is audited as a VIEW by the reader', async () => {
    const opened = await get<Person>(`${PERSONS}/${person.id}`);
    expect([opened.status, opened.body.citizenId]).toEqual([200, person.citizenId]);
    const views = (await auditOf('Person', person.id)).filter((a) => a.action === 'VIEW');
    expect(views.map((v) => v.actor_username)).toContain('tyt.dienbienphu');
  });

  it('a person of another station is not found (404), like one that does not exist', async () => {
    const hidden = await get(`${PERSONS}/${person.id}`, other);
    const none = await get(`${PERSONS}/00000000-0000-4000-8000-000000000000`, other);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'PERSON_NOT_FOUND']);
    expect(hidden.body).toEqual(none.body);
    expect((await request(`${PERSONS}/${person.id}`, { method: 'PATCH', token: other, body: { phone: '0987654321' } })).status).toBe(404);
  });

  it('her records list only what the reader may see (a person’s visits at other facilities are not leaked)', async () => {
    const body = woman();
    const shared = await createPerson(tyt, body);
    const mine = await createRecord('anc-visits', tyt, BODIES['anc-visits'](shared.id));
    // The other station brings her by citizen ID and records a visit of its own.
    const theirs = await createRecord('anc-visits', other, {
      ...BODIES['anc-visits'](''),
      personId: undefined,
      person: body,
      visitDate: '2026-03-20',
    });
    expect(theirs.person?.id).toBe(shared.id);
    const seenHere = await get<{ items: { id: string; facility: { code: string } }[] }>(`${PERSONS}/${shared.id}/records`);
    const seenThere = await get<{ items: { id: string; facility: { code: string } }[] }>(`${PERSONS}/${shared.id}/records`, other);
    expect(seenHere.body.items.map((i) => i.id)).toEqual([mine.id]);
    expect(seenThere.body.items.map((i) => [i.id, i.facility.code])).toEqual([[theirs.id, 'TYT.03160.2025']]);
    expect((await get(`${RECORDS}/anc-visits/${mine.id}`, other)).status).toBe(404);
    const listed = await get<{ items: { id: string }[] }>(`${RECORDS}/anc-visits?personId=${shared.id}`, other);
    expect(listed.body.items.map((r) => r.id)).toEqual([theirs.id]);
  });

  it('a delivery’s newborns stay with the delivery: a station that examines the child does not see the birth', async () => {
    const mother = await createPerson(tyt, woman());
    const delivery = await createRecord('deliveries', tyt, BODIES.deliveries(mother.id));
    const childId = (delivery['newborns'] as { personId: string }[])[0].personId;
    // The child gets an insurance card; the other station brings her by it for a growth check.
    const card = `TE111${String(Date.now()).slice(-10)}`;
    expect((await request(`${PERSONS}/${childId}`, { method: 'PATCH', token: tyt, body: { insuranceCard: card } })).status).toBe(200);
    const exam = await createRecord('child-exams', other, {
      person: { fullName: 'Con của mẹ', dateOfBirth: '2026-03-12', sex: 'FEMALE', insuranceCard: card },
      examDate: '2026-04-12',
      place: 'FACILITY',
      weightKg: 4.2,
    });
    expect(exam.person?.id).toBe(childId);
    const child = await get<Person>(`${PERSONS}/${childId}`, other);
    expect([child.status, child.body.mother]).toEqual([200, null]);
    const records = await get<{ items: { register: string; id: string }[] }>(`${PERSONS}/${childId}/records`, other);
    expect(records.body.items.map((i) => [i.register, i.id])).toEqual([['child-exams', exam.id]]);
    expect((await get(`${RECORDS}/deliveries/${delivery.id}`, other)).status).toBe(404);
    const here = await get<{ items: { register: string; id: string }[] }>(`${PERSONS}/${childId}/records`);
    expect(here.body.items.map((i) => [i.register, i.id])).toEqual([['deliveries', delivery.id]]);
  });
});

describe('residence history', () => {
  it('a move closes the current residence the day before and opens the new one; she keeps her history', async () => {
    const person = await createPerson(tyt, woman({ residenceFrom: '2025-09-01' }));
    const moved = await request<Person & ErrorBody>(`${PERSONS}/${person.id}`, {
      method: 'PATCH',
      token: tyt,
      body: { communeCode: '03160', address: 'Bản Mường Nhé', residenceFrom: '2026-02-15' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.residences.map((r) => [r.commune.code, r.address, r.validFrom, r.validTo])).toEqual([
      ['03160', 'Bản Mường Nhé', '2026-02-15', null],
      ['03127', 'Bản Him Lam 2', '2025-09-01', '2026-02-14'],
    ]);
    const backwards = await request<ErrorBody>(`${PERSONS}/${person.id}`, {
      method: 'PATCH',
      token: tyt,
      body: { communeCode: '03127', residenceFrom: '2026-01-01' },
    });
    expect([backwards.status, backwards.body.details?.[0]?.code]).toEqual([400, 'RESIDENCE_BEFORE_CURRENT']);
    const unknown = await request<ErrorBody>(`${PERSONS}/${person.id}`, {
      method: 'PATCH',
      token: tyt,
      body: { communeCode: '99999', residenceFrom: '2026-03-01' },
    });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'COMMUNE_NOT_FOUND']);
  });

  it('demographics change with validation; an identifier of another person is a conflict', async () => {
    const a = await createPerson(tyt, woman());
    const b = await createPerson(tyt, woman());
    const renamed = await request<Person & ErrorBody>(`${PERSONS}/${a.id}`, {
      method: 'PATCH',
      token: tyt,
      body: { fullName: 'Lường Thị Hương', ethnicityCode: '04' },
    });
    expect([renamed.status, renamed.body.fullName, renamed.body.ethnicityCode, renamed.body.citizenId]).toEqual([
      200,
      'Lường Thị Hương',
      '04',
      a.citizenId,
    ]);
    const invalid = await request<ErrorBody>(`${PERSONS}/${a.id}`, { method: 'PATCH', token: tyt, body: { phone: '12345', sex: 'X' } });
    expect([invalid.status, invalid.body.details?.map((d) => d.code).sort()]).toEqual([400, ['NOT_IN_LIST', 'PHONE_FORMAT']]);
    const taken = await request<ErrorBody>(`${PERSONS}/${b.id}`, { method: 'PATCH', token: tyt, body: { citizenId: a.citizenId } });
    expect([taken.status, taken.body.code]).toEqual([409, 'IDENTIFIER_TAKEN']);
    const updates = (await auditOf('Person', a.id)).filter((e) => e.action === 'UPDATE');
    expect(updates.at(-1)?.before?.['fullName']).toBe(a.fullName);
    expect(updates.at(-1)?.after?.['fullName']).toBe('Lường Thị Hương');
  });
});

describe('probable duplicates, merge and undo', () => {
  let survivor: Person;
  let duplicate: Person;
  let visit = '';
  let dupCitizenId = '';

  beforeAll(async () => {
    const name = uniqueWomanName();
    survivor = await createPerson(tyt, woman({ fullName: name, citizenId: null }));
    dupCitizenId = citizenId(1998, 'FEMALE');
    duplicate = await createPerson(tyt, woman({ fullName: name.toUpperCase(), citizenId: dupCitizenId }));
    visit = (await createRecord('anc-visits', tyt, BODIES['anc-visits'](duplicate.id))).id;
  });

  it('same folded name, date of birth and commune are offered as probable duplicates', async () => {
    const found = await get<PersonRef[]>(`${PERSONS}/${survivor.id}/duplicates`);
    expect(found.body.map((p) => p.id)).toEqual([duplicate.id]);
    const elsewhere = await createPerson(tyt, woman({ fullName: survivor.fullName, citizenId: null, communeCode: '03160' }));
    expect((await get<PersonRef[]>(`${PERSONS}/${elsewhere.id}/duplicates`)).body).toEqual([]);
  });

  let mergeId = '';

  it('a merge moves the duplicate’s rows and identifiers to the survivor, hides the duplicate, and is audited', async () => {
    const merged = await post<{ merge: { id: string; moved: Record<string, number> }; person: Person }>(
      `${PERSONS}/${survivor.id}/merges`,
      {
        duplicateId: duplicate.id,
      },
    );
    expect(merged.status).toBe(201);
    mergeId = merged.body.merge.id;
    expect(merged.body.merge.moved).toMatchObject({ ancVisits: 1 });
    expect(merged.body.person.citizenId).toBe(dupCitizenId);
    expect((await get<{ person: PersonRef }>(`${RECORDS}/anc-visits/${visit}`)).body.person.id).toBe(survivor.id);
    const hidden = await get<{ items: PersonRef[] }>(`${PERSONS}?q=${encodeURIComponent(fold(survivor.fullName))}`);
    expect(hidden.body.items.map((p) => p.id)).toContain(survivor.id);
    expect(hidden.body.items.map((p) => p.id)).not.toContain(duplicate.id);
    expect((await get<Person>(`${PERSONS}/${duplicate.id}`)).body.mergedIntoId).toBe(survivor.id);
    // The duplicate's citizen ID now finds the survivor.
    const reused = await post<{ reused: boolean; person: Person }>(PERSONS, woman({ citizenId: dupCitizenId }));
    expect([reused.status, reused.body.person.id]).toEqual([200, survivor.id]);
    const audit = (await auditOf('Person', survivor.id)).filter((a) => a.action === 'MERGE');
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ mergedId: duplicate.id, mergeId });
    const again = await post<ErrorBody>(`${PERSONS}/${survivor.id}/merges`, { duplicateId: duplicate.id });
    expect([again.status, again.body.code]).toEqual([409, 'PERSON_MERGED']);
  });

  it('only a facility that recorded both may merge them: another station cannot see them (404), the CDC may see but not merge (403)', async () => {
    const mine = await createPerson(tyt, woman());
    const unseen = await post<ErrorBody>(`${PERSONS}/${mine.id}/merges`, { duplicateId: survivor.id }, other);
    expect([unseen.status, unseen.body.code]).toEqual([404, 'PERSON_NOT_FOUND']);
    const cdc = await signIn('cdc.dienbien');
    const refused = await post<ErrorBody>(`${PERSONS}/${mine.id}/merges`, { duplicateId: survivor.id }, cdc);
    expect([refused.status, refused.body.code]).toEqual([403, 'OUT_OF_SCOPE']);
    expect((await get<Person>(`${PERSONS}/${mine.id}`)).body.mergedIntoId).toBeNull();
    await request('/api/v1/auth/logout', { method: 'POST', token: cdc });
  });

  it('undo restores exactly what moved', async () => {
    const undone = await post<{ merge: { undoneAt: string | null }; person: Person }>(
      `${PERSONS}/${survivor.id}/merges/${mergeId}/undo`,
      {},
    );
    expect([undone.status, undone.body.merge.undoneAt === null, undone.body.person.citizenId]).toEqual([200, false, null]);
    expect((await get<{ person: PersonRef }>(`${RECORDS}/anc-visits/${visit}`)).body.person.id).toBe(duplicate.id);
    const back = await get<Person>(`${PERSONS}/${duplicate.id}`);
    expect([back.body.mergedIntoId, back.body.citizenId]).toEqual([null, dupCitizenId]);
    expect((await auditOf('Person', survivor.id)).filter((a) => a.action === 'MERGE_UNDONE')).toHaveLength(1);
    const twice = await post<ErrorBody>(`${PERSONS}/${survivor.id}/merges/${mergeId}/undo`, {});
    expect([twice.status, twice.body.code]).toEqual([409, 'MERGE_ALREADY_UNDONE']);
  });

  it('her page lists the merges into her, latest first, with the merged person and whether it was undone', async () => {
    const merges = await get<
      { id: string; mergedId: string; moved: Record<string, number>; undoneAt: string | null; merged: PersonRef | null }[]
    >(`${PERSONS}/${survivor.id}/merges`);
    expect(merges.status).toBe(200);
    expect(merges.body.map((m) => [m.id, m.mergedId, m.merged?.fullName, m.undoneAt === null])).toEqual([
      [mergeId, duplicate.id, duplicate.fullName, false],
    ]);
    expect(merges.body[0].moved).toMatchObject({ ancVisits: 1 });
    expect((await get<unknown[]>(`${PERSONS}/${duplicate.id}/merges`)).body).toEqual([]);
    const unseen = await get<ErrorBody>(`${PERSONS}/${survivor.id}/merges`, other);
    expect([unseen.status, unseen.body.code]).toEqual([404, 'PERSON_NOT_FOUND']);
  });
});

describe('postnatal home visits by a station on a delivery another facility recorded', () => {
  it('attaches the visit to her latest delivery, counts the days from discharge, and keeps the hospital’s delivery out of sight', async () => {
    const mother = await createPerson(other, woman());
    const delivery = await createRecord('deliveries', other, { ...BODIES.deliveries(mother.id), postnatalVisits: [], complications: [] });
    // The visiting station does not know her yet: it must first be able to see her (404 otherwise).
    expect((await get(`${PERSONS}/${mother.id}/postnatal-visits`)).status).toBe(404);
    await post(PERSONS, woman({ citizenId: mother.citizenId }));

    const path = `${PERSONS}/${mother.id}/postnatal-visits`;
    const before = await post<ErrorBody>(path, { visitDate: '2026-03-13' });
    expect([before.status, before.body.code, before.body.details?.[0]?.field]).toEqual([400, 'POSTNATAL_BEFORE_DISCHARGE', 'visitDate']);
    const none = await post<ErrorBody>(path, { visitDate: '2026-03-11' });
    expect([none.status, none.body.code]).toEqual([400, 'DELIVERY_NOT_FOUND']);

    const visit = await post<{ id: string; daysAfter: number; facilityCode: string; delivery: { id: string; dischargeDate: string } }>(
      path,
      {
        visitDate: '2026-03-20',
        notes: 'Thăm mẹ và bé tại nhà',
      },
    );
    expect([
      visit.status,
      visit.body.daysAfter,
      visit.body.facilityCode,
      visit.body.delivery.id,
      visit.body.delivery.dischargeDate,
    ]).toEqual([201, 6, 'TYT.03127.2025', delivery.id, '2026-03-14']);
    // The station still cannot open the delivery itself.
    expect((await get(`${RECORDS}/deliveries/${delivery.id}`)).status).toBe(404);
    const listed = await get<{ id: string; visitDate: string }[]>(path);
    expect(listed.body.map((v) => [v.id, v.visitDate])).toEqual([[visit.body.id, '2026-03-20']]);
    // The facility that recorded the delivery does not see another facility's visit unless in its scope.
    expect((await get<unknown[]>(path, other)).body).toEqual([]);
    expect((await auditOf('PostnatalVisit', visit.body.id)).map((a) => a.action)).toContain('CREATE');

    expect((await request(`${path}/${visit.body.id}`, { method: 'DELETE', token: other })).status).toBe(404);
    expect((await request(`${path}/${visit.body.id}`, { method: 'DELETE', token: tyt })).status).toBe(204);
    expect(await countRows('postnatal_visit', 'id = $1', [visit.body.id])).toBe(0);
  });
});
