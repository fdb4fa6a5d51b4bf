import { withDb } from './support/db';
import { request, signIn } from './support/http';
import {
  auditOf,
  BODIES,
  CHANGE,
  citizenId,
  countRows,
  createPerson,
  createRecord,
  EPISODES,
  ErrorBody,
  lockMonth,
  MODEL,
  Person,
  PERSONS,
  RECORDS,
  RecordBody,
  Register,
  REGISTERS,
  SUBJECT,
  unlockMonth,
  woman,
  WriteResult,
} from './support/records';

/**
 * The registers through the API: create, read, update and delete of each, audited in the same
 * transaction, validated by the domain's validators (field, code, message), locked months, rows
 * sent again by their source id, the delivery of twins with the newborns' persons and the episode
 * it closes. The station of Phường Điện Biên Phủ (tyt.dienbienphu, TYT.03127.2025) records.
 */

const STATION = 'TYT.03127.2025';
let tyt = '';

beforeAll(async () => {
  tyt = await signIn('tyt.dienbienphu');
});

const post = <T = WriteResult & ErrorBody>(path: string, body: unknown, token = tyt) => request<T>(path, { method: 'POST', token, body });
const put = <T = WriteResult & ErrorBody>(path: string, body: unknown, token = tyt) => request<T>(path, { method: 'PUT', token, body });
const get = <T = RecordBody & ErrorBody>(path: string, token = tyt) => request<T>(path, { token });
const del = (path: string, token = tyt) => request<ErrorBody>(path, { method: 'DELETE', token });

async function subjectOf(register: Register): Promise<Person> {
  return createPerson(tyt, SUBJECT[register]());
}

describe.each(REGISTERS)('register %s through the API', (register) => {
  const { model } = MODEL[register];
  let person: Person;
  let id = '';
  let body: Record<string, unknown>;

  beforeAll(async () => {
    person = await subjectOf(register);
    body = BODIES[register](person.id);
  });

  it('creates a row (201), recorded by the caller’s facility, audited with its after value', async () => {
    const created = await post(`${RECORDS}/${register}`, body);
    expect([created.status, created.body.outcome]).toEqual([201, 'created']);
    const record = created.body.record;
    id = record.id;
    expect(record.register).toBe(register);
    expect(record['facility']).toEqual({ code: STATION, name: expect.any(String) });
    expect(record['source']).toBe('ENTRY');
    expect(record.person?.id).toBe(person.id);
    for (const [key, value] of Object.entries(body)) {
      if (key === 'personId' || Array.isArray(value) || key.endsWith('At')) continue;
      expect([key, record[key]]).toEqual([key, value]);
    }
    const audit = await auditOf(model, id);
    expect(audit.map((a) => [a.action, a.actor_username])).toEqual([['CREATE', 'tyt.dienbienphu']]);
    expect(audit[0].before).toBeNull();
    expect(audit[0].after).toMatchObject({ id, personId: person.id });
    // Decimal columns are audited as their value, not as the library's internals.
    if (register === 'anc-visits') expect(audit[0].after?.['weightKg']).toBe('52.5');
  });

  it('reads it back, and lists it in its month with the person’s identifiers masked', async () => {
    const one = await get(`${RECORDS}/${register}/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(id);
    const month = '2026-03';
    const page = await get<{ items: RecordBody[]; total: number }>(`${RECORDS}/${register}?month=${month}&personId=${person.id}`);
    expect(page.status).toBe(200);
    expect(page.body.items.map((r) => r.id)).toEqual([id]);
    const listed = page.body.items[0].person as RecordBody['person'];
    if (person.citizenId) {
      expect(listed?.maskedCitizenId).toBe(`${person.citizenId.slice(0, 4)}******${person.citizenId.slice(-2)}`);
      expect(JSON.stringify(page.body)).not.toContain(person.citizenId);
    }
    // By name without diacritics, and nothing in another month.
    const folded = person.fullName.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    const byName = await get<{ items: RecordBody[] }>(`${RECORDS}/${register}?q=${encodeURIComponent(folded)}`);
    expect(byName.body.items.map((r) => r.id)).toContain(id);
    const otherMonth = await get<{ total: number }>(`${RECORDS}/${register}?month=2026-04&personId=${person.id}`);
    expect(otherMonth.body.total).toBe(0);
  });

  it('updates it with PUT (200 updated, audited with before and after); the same body again is unchanged', async () => {
    const changed = { ...body, ...CHANGE[register] };
    const updated = await put(`${RECORDS}/${register}/${id}`, changed);
    expect([updated.status, updated.body.outcome]).toEqual([200, 'updated']);
    for (const [key, value] of Object.entries(CHANGE[register])) expect([key, updated.body.record[key]]).toEqual([key, value]);
    const again = await put(`${RECORDS}/${register}/${id}`, changed);
    expect([again.status, again.body.outcome]).toEqual([200, 'unchanged']);
    const audit = await auditOf(model, id);
    const update = audit.find((a) => a.action === 'UPDATE');
    expect(audit.filter((a) => a.action === 'UPDATE')).toHaveLength(1);
    const key = Object.keys(CHANGE[register])[0];
    expect(update?.before?.[key]).not.toEqual(update?.after?.[key]);
  });

  it('deletes it (204, audited with its before value); it is gone', async () => {
    expect((await del(`${RECORDS}/${register}/${id}`)).status).toBe(204);
    const gone = await get(`${RECORDS}/${register}/${id}`);
    expect([gone.status, gone.body.code]).toEqual([404, 'RECORD_NOT_FOUND']);
    const deleted = (await auditOf(model, id)).find((a) => a.action === 'DELETE');
    expect(deleted?.before).toMatchObject({ id });
    expect(deleted?.after).toBeNull();
    expect(await countRows(MODEL[register].table, 'id = $1', [id])).toBe(0);
  });
});

describe('validation: the domain validators’ problems as 400 VALIDATION_FAILED with field, code and message', () => {
  let mother: Person;
  let man: Person;
  let child: Person;
  let girl: Person;

  beforeAll(async () => {
    mother = await createPerson(tyt, woman());
    man = await createPerson(
      tyt,
      woman({ fullName: 'Lò Văn Nam', sex: 'MALE', citizenId: citizenId(1995, 'MALE'), dateOfBirth: '1995-01-01' }),
    );
    child = await createPerson(tyt, SUBJECT['child-exams']());
    girl = await createPerson(tyt, woman({ dateOfBirth: '2019-06-01', citizenId: citizenId(2019, 'FEMALE') }));
  });

  const cases: [string, Register | 'episodes' | 'persons', () => Record<string, unknown>, [string, string][]][] = [
    [
      'a visit in the future, half a blood pressure, GA out of range',
      'anc-visits',
      () => ({ ...BODIES['anc-visits'](mother.id), visitDate: '2099-01-01', diastolic: null, gaWeeks: 50 }),
      [
        ['visitDate', 'DATE_IN_FUTURE'],
        ['gaWeeks', 'GA_OUT_OF_RANGE'],
        ['diastolic', 'BLOOD_PRESSURE_INCOMPLETE'],
      ],
    ],
    ['an ANC visit of a man', 'anc-visits', () => BODIES['anc-visits'](man.id), [['person.sex', 'PERSON_NOT_FEMALE']]],
    [
      'a discharge before the delivery, a birth weight out of range, a caesarean at home, care of a stillborn',
      'deliveries',
      () => ({
        ...BODIES.deliveries(mother.id),
        place: 'HOME',
        mode: 'CAESAREAN',
        dischargedAt: '2026-03-11T08:00:00+07:00',
        newborns: [
          { sex: 'MALE', liveBorn: false, weightGrams: 200, vitaminK1: true },
          { sex: 'FEMALE', liveBorn: true },
        ],
      }),
      [
        ['newborns[0].weightGrams', 'BIRTH_WEIGHT_OUT_OF_RANGE'],
        ['newborns[0].vitaminK1', 'STILLBORN_CARE_NOT_ALLOWED'],
        ['dischargedAt', 'DISCHARGE_BEFORE_DELIVERY'],
        ['mode', 'MODE_REQUIRES_FACILITY'],
      ],
    ],
    [
      'a delivery without its newborns',
      'deliveries',
      () => ({ ...BODIES.deliveries(mother.id), newborns: [] }),
      [['newborns', 'TOO_FEW_ITEMS']],
    ],
    [
      'an abortion at 43 weeks by an unknown method',
      'abortions',
      () => ({ ...BODIES.abortions(mother.id), gaWeeks: 43, method: 'PHƯƠNG PHÁP LẠ' }),
      [
        ['gaWeeks', 'GA_OUT_OF_RANGE'],
        ['method', 'NOT_IN_LIST'],
      ],
    ],
    [
      'male sterilisation for a woman',
      'contraception',
      () => ({ ...BODIES.contraception(mother.id), method: 'MALE_STERILISATION' }),
      [['method', 'METHOD_NOT_FOR_SEX']],
    ],
    [
      'a complication before the service',
      'contraception',
      () => ({ ...BODIES.contraception(mother.id), complications: [{ kind: 'BLEEDING', onsetOn: '2026-03-01', outcome: 'RECOVERED' }] }),
      [['complications[0].onsetOn', 'COMPLICATION_BEFORE_EVENT']],
    ],
    [
      'treatments without a treatment given',
      'gynaecology',
      () => ({ ...BODIES.gynaecology(mother.id), treatments: ['CRYOTHERAPY'], treatmentGiven: false }),
      [['treatmentGiven', 'TREATMENTS_WITHOUT_TREATMENT_GIVEN']],
    ],
    [
      'an HPV dose 4 to a girl of six',
      'hpv-vaccinations',
      () => ({ ...BODIES['hpv-vaccinations'](girl.id), doseNumber: 4 }),
      [['doseNumber', 'OUT_OF_RANGE']],
    ],
    ['an HPV dose to a girl of six', 'hpv-vaccinations', () => BODIES['hpv-vaccinations'](girl.id), [['givenOn', 'HPV_TOO_YOUNG']]],
    [
      'a child exam without a measurement',
      'child-exams',
      () => ({ ...BODIES['child-exams'](child.id), weightKg: null, heightCm: null }),
      [['weightKg', 'NO_MEASUREMENT']],
    ],
    ['a child exam of an adult', 'child-exams', () => BODIES['child-exams'](mother.id), [['examDate', 'CHILD_TOO_OLD']]],
    [
      'a death recorded before it happened, maternal without timing',
      'deaths',
      () => ({ ...BODIES.deaths(mother.id), recordedOn: '2026-03-01', maternal: true }),
      [
        ['recordedOn', 'RECORDED_BEFORE_DEATH'],
        ['maternalTiming', 'REQUIRED'],
      ],
    ],
    [
      'an episode with parity not below gravidity',
      'episodes',
      () => ({ personId: mother.id, registeredOn: '2026-02-01', gravidity: 2, parity: 2 }),
      [['parity', 'PARITY_NOT_BELOW_GRAVIDITY']],
    ],
    [
      'an episode closed by a delivery by hand',
      'episodes',
      () => ({ personId: mother.id, registeredOn: '2026-02-01', closure: 'DELIVERY', closedOn: '2026-02-02' }),
      [['closure', 'CLOSURE_BY_EVENT']],
    ],
    [
      'an inline person with a wrong citizen ID and an unknown field',
      'anc-visits',
      () => ({ ...BODIES['anc-visits'](''), personId: undefined, person: woman({ citizenId: '999123456789' }), colour: 'đỏ' }),
      [
        ['colour', 'WHITELIST_VALIDATION'],
        ['person.citizenId', 'CCCD_PROVINCE'],
      ],
    ],
    [
      'a person whose citizen ID belongs to a man born another year',
      'persons',
      () => woman({ citizenId: citizenId(1990, 'MALE') }),
      [['citizenId', 'CCCD_BIRTH_MISMATCH']],
    ],
    ['a row without a person', 'anc-visits', () => ({ ...BODIES['anc-visits'](''), personId: undefined }), [['personId', 'REQUIRED']]],
  ];

  it.each(cases)('%s', async (_title, register, build, expected) => {
    const path = register === 'episodes' ? EPISODES : register === 'persons' ? PERSONS : `${RECORDS}/${register}`;
    const before = await countRows(register === 'persons' ? 'person' : MODEL[register].table, 'true', []);
    const answer = await post<ErrorBody>(path, JSON.parse(JSON.stringify(build())));
    expect([answer.status, answer.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const got = (answer.body.details ?? []).map((d) => [d.field, d.code]);
    for (const pair of expected) expect(got).toContainEqual(pair);
    for (const detail of answer.body.details ?? []) expect(detail.message.length).toBeGreaterThan(5);
    expect(await countRows(register === 'persons' ? 'person' : MODEL[register].table, 'true', [])).toBe(before);
  });

  it('refuses a person the caller cannot see and an episode of another person', async () => {
    const other = await signIn('tyt.muongnhe');
    const hers = await createPerson(other, woman());
    const unseen = await post<ErrorBody>(`${RECORDS}/anc-visits`, BODIES['anc-visits'](hers.id));
    expect([unseen.status, unseen.body.code, unseen.body.details?.[0]?.field]).toEqual([400, 'PERSON_NOT_FOUND', 'personId']);
    const episode = await createRecord('episodes', tyt, { personId: mother.id, registeredOn: '2026-02-01', lmp: '2025-12-01' });
    const someoneElse = await createPerson(tyt, woman());
    const wrong = await post<ErrorBody>(`${RECORDS}/anc-visits`, { ...BODIES['anc-visits'](someoneElse.id), episodeId: episode.id });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'EPISODE_OF_ANOTHER_PERSON']);
    await request('/api/v1/auth/logout', { method: 'POST', token: other });
  });
});

describe('a row sent again by its source id updates the stored one instead of duplicating it', () => {
  it('201 created, then 200 unchanged, then 200 updated; one row', async () => {
    const person = await createPerson(tyt, woman());
    const sourceRecordId = `KT-${Date.now()}`;
    const body = { ...BODIES['anc-visits'](person.id), sourceSystem: 'YTCS', sourceRecordId };
    const first = await post(`${RECORDS}/anc-visits`, body);
    expect([first.status, first.body.outcome]).toEqual([201, 'created']);
    const again = await post(`${RECORDS}/anc-visits`, body);
    expect([again.status, again.body.outcome, again.body.record.id]).toEqual([200, 'unchanged', first.body.record.id]);
    const changed = await post(`${RECORDS}/anc-visits`, { ...body, gaWeeks: 21 });
    expect([changed.status, changed.body.outcome, changed.body.record['gaWeeks']]).toEqual([200, 'updated', 21]);
    expect(await countRows('anc_visit', 'source_system = $1 AND source_record_id = $2', ['YTCS', sourceRecordId])).toBe(1);
    // Another facility cannot take the same source id.
    const other = await signIn('tyt.muongnhe');
    const hers = await createPerson(other, woman());
    const taken = await post<ErrorBody>(`${RECORDS}/anc-visits`, { ...body, personId: hers.id }, other);
    expect([taken.status, taken.body.code]).toEqual([409, 'SOURCE_RECORD_TAKEN']);
    expect(await countRows('anc_visit', 'source_system = $1 AND source_record_id = $2', ['YTCS', sourceRecordId])).toBe(1);
    await request('/api/v1/auth/logout', { method: 'POST', token: other });
  });

  it('a source record id without its system is a validation problem', async () => {
    const person = await createPerson(tyt, woman());
    const answer = await post<ErrorBody>(`${RECORDS}/anc-visits`, { ...BODIES['anc-visits'](person.id), sourceRecordId: 'X-1' });
    expect([answer.status, answer.body.details?.map((d) => [d.field, d.code])]).toEqual([400, [['sourceSystem', 'REQUIRED']]]);
  });
});

describe('a locked month (its report approved) refuses every change with 409 PERIOD_LOCKED', () => {
  const month = '2026-05';
  const reason = 'Báo cáo tháng 05/2026 đã được duyệt ngày 10/06/2026';
  let person: Person;
  let inApril = '';
  let inMay = '';

  beforeAll(async () => {
    person = await createPerson(tyt, woman());
    inApril = (await createRecord('gynaecology', tyt, { ...BODIES.gynaecology(person.id), visitDate: '2026-04-20' })).id;
    inMay = (await createRecord('gynaecology', tyt, { ...BODIES.gynaecology(person.id), visitDate: '2026-05-20' })).id;
    await lockMonth(STATION, month, reason);
  });

  afterAll(() => unlockMonth(STATION, month));

  it('a new row dated in the month', async () => {
    const answer = await post<ErrorBody>(`${RECORDS}/gynaecology`, { ...BODIES.gynaecology(person.id), visitDate: '2026-05-02' });
    expect([answer.status, answer.body.code]).toEqual([409, 'PERIOD_LOCKED']);
    expect(answer.body.message).toBe(`Sổ của tháng 05/2026 đã khóa vì báo cáo đã được duyệt: ${reason}`);
  });

  it('a row moved into the month, a row of the month changed or deleted; rows of other months still change', async () => {
    const into = await put<ErrorBody>(`${RECORDS}/gynaecology/${inApril}`, { ...BODIES.gynaecology(person.id), visitDate: '2026-05-03' });
    expect([into.status, into.body.code]).toEqual([409, 'PERIOD_LOCKED']);
    const out = await put<ErrorBody>(`${RECORDS}/gynaecology/${inMay}`, { ...BODIES.gynaecology(person.id), visitDate: '2026-04-03' });
    expect([out.status, out.body.code]).toEqual([409, 'PERIOD_LOCKED']);
    const removed = await del(`${RECORDS}/gynaecology/${inMay}`);
    expect([removed.status, removed.body.code]).toEqual([409, 'PERIOD_LOCKED']);
    expect((await get(`${RECORDS}/gynaecology/${inMay}`)).body['visitDate']).toBe('2026-05-20');
    const april = await put(`${RECORDS}/gynaecology/${inApril}`, { ...BODIES.gynaecology(person.id), visitDate: '2026-04-21' });
    expect([april.status, april.body.outcome]).toEqual([200, 'updated']);
  });
});

describe('a delivery of twins', () => {
  let mother: Person;
  let episodeId = '';
  let delivery: RecordBody;

  beforeAll(async () => {
    mother = await createPerson(tyt, woman({ ethnicityCode: '04' }));
    const episode = await createRecord('episodes', tyt, {
      personId: mother.id,
      registeredOn: '2025-08-01',
      lmp: '2025-06-10',
      expectedOn: '2026-03-17',
      gravidity: 2,
      parity: 1,
      tetanusDosesBefore: 2,
    });
    episodeId = episode.id;
    await createRecord('anc-visits', tyt, { ...BODIES['anc-visits'](mother.id), visitDate: '2025-10-10', gaWeeks: undefined, episodeId });
  });

  it('is one delivery with two newborns, each live-born one a person linked to the mother', async () => {
    const created = await post(`${RECORDS}/deliveries`, {
      personId: mother.id,
      episodeId,
      // 00:10 on 1 February in Vietnam is 17:10 UTC on 31 January: the children are born on 1 February.
      deliveredAt: '2026-01-31T17:10:00Z',
      place: 'FACILITY',
      attendantKind: 'DOCTOR',
      mode: 'CAESAREAN',
      newborns: [
        { birthOrder: 1, sex: 'MALE', liveBorn: true, weightGrams: 2400, kangarooCare: true, vitaminK1: true },
        { birthOrder: 2, sex: 'FEMALE', liveBorn: true, weightGrams: 2300, ethnicityCode: '01', birthCertificateNumber: 'GCS-0012' },
      ],
    });
    expect([created.status, created.body.outcome]).toEqual([201, 'created']);
    delivery = created.body.record;
    expect([delivery['deliveryDate'], delivery['babies'], delivery['episodeId']]).toEqual(['2026-02-01', 2, episodeId]);
    const newborns = delivery['newborns'] as { personId: string | null; birthOrder: number; sex: string }[];
    expect(newborns.map((n) => [n.birthOrder, n.sex])).toEqual([
      [1, 'MALE'],
      [2, 'FEMALE'],
    ]);
    const children = await Promise.all(newborns.map((n) => get<Person>(`${PERSONS}/${n.personId}`)));
    expect(children.map((c) => [c.status, c.body.dateOfBirth, c.body.sex, c.body.ethnicityCode, c.body.mother?.id])).toEqual([
      [200, '2026-02-01', 'MALE', '04', mother.id],
      [200, '2026-02-01', 'FEMALE', '01', mother.id],
    ]);
    expect(children[0].body.residences.map((r) => [r.commune.code, r.validFrom])).toEqual([['03127', '2026-02-01']]);
    const mine = await get<Person>(`${PERSONS}/${mother.id}`);
    expect(mine.body.children.map((c) => c.id).sort()).toEqual(newborns.map((n) => n.personId).sort());
  });

  it('closes its episode on the delivery date; deleting the delivery reopens it', async () => {
    const closed = await get(`${EPISODES}/${episodeId}`);
    expect([closed.body['closure'], closed.body['closedOn']]).toEqual(['DELIVERY', '2026-02-01']);
    // A closure by a delivery is not edited by hand.
    const edit = await put<ErrorBody>(`${EPISODES}/${episodeId}`, {
      personId: mother.id,
      registeredOn: '2025-08-01',
      lmp: '2025-06-10',
      closure: 'MOVED_AWAY',
      closedOn: '2026-01-20',
    });
    expect([edit.status, edit.body.details?.[0]?.code]).toEqual([400, 'CLOSURE_BY_EVENT']);
    const inUse = await del(`${EPISODES}/${episodeId}`);
    expect([inUse.status, inUse.body.code]).toEqual([409, 'EPISODE_IN_USE']);
    // Updating the newborns keeps their persons (matched by birth order).
    const body = {
      personId: mother.id,
      episodeId,
      deliveredAt: '2026-01-31T17:10:00Z',
      place: 'FACILITY',
      attendantKind: 'DOCTOR',
      mode: 'CAESAREAN',
      newborns: [
        { birthOrder: 1, sex: 'MALE', liveBorn: true, weightGrams: 2450, kangarooCare: true, vitaminK1: true },
        { birthOrder: 2, sex: 'FEMALE', liveBorn: true, weightGrams: 2300, ethnicityCode: '01', birthCertificateNumber: 'GCS-0012' },
      ],
    };
    const updated = await put(`${RECORDS}/deliveries/${delivery.id}`, body);
    expect(updated.body.outcome).toBe('updated');
    expect((updated.body.record['newborns'] as { personId: string }[]).map((n) => n.personId)).toEqual(
      (delivery['newborns'] as { personId: string }[]).map((n) => n.personId),
    );
    expect((await del(`${RECORDS}/deliveries/${delivery.id}`)).status).toBe(204);
    const reopened = await get(`${EPISODES}/${episodeId}`);
    expect([reopened.body['closure'], reopened.body['closedOn']]).toEqual([null, null]);
    expect(await countRows('newborn', 'delivery_id = $1', [delivery.id])).toBe(0);
    // The newborns went with it, each deletion in the audit trail in the same transaction.
    const newbornAudit = await withDb((db) =>
      db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'Newborn' AND action = 'DELETE' AND details->'where'->>'deliveryId' = $1`,
        [delivery.id],
      ),
    );
    expect(newbornAudit.rows[0].n).toBe(1);
  });

  it('an abortion closes its episode too, and a pregnancy loss is closed by hand', async () => {
    const episode = await createRecord('episodes', tyt, { personId: mother.id, registeredOn: '2026-04-01', lmp: '2026-03-01' });
    await createRecord('abortions', tyt, {
      ...BODIES.abortions(mother.id),
      performedOn: '2026-04-10',
      gaWeeks: 5,
      complications: [],
      episodeId: episode.id,
    });
    const closed = await get(`${EPISODES}/${episode.id}`);
    expect([closed.body['closure'], closed.body['closedOn']]).toEqual(['ABORTION', '2026-04-10']);
    const another = await createRecord('episodes', tyt, { personId: mother.id, registeredOn: '2026-06-01', lmp: '2026-05-01' });
    const loss = await put(`${EPISODES}/${another.id}`, {
      personId: mother.id,
      registeredOn: '2026-06-01',
      lmp: '2026-05-01',
      closure: 'PREGNANCY_LOSS',
      closedOn: '2026-06-20',
    });
    expect([loss.status, loss.body.record['closure'], loss.body.record['closedOn']]).toEqual([200, 'PREGNANCY_LOSS', '2026-06-20']);
    const open = await get<{ items: RecordBody[] }>(`${EPISODES}?personId=${mother.id}&open=true`);
    expect(open.body.items.map((e) => e.id)).toContain(episodeId);
    expect(open.body.items.map((e) => e.id)).not.toContain(another.id);
  });
});

describe('a change whose audit row cannot be written is rolled back', () => {
  const trigger = 'skss_test_fail_hpv_audit';

  afterAll(() =>
    withDb(async (db) => {
      await db.query(`DROP TRIGGER IF EXISTS ${trigger} ON audit_event`);
      await db.query(`DROP FUNCTION IF EXISTS ${trigger}()`);
    }),
  );

  it('answers 500 and leaves no row (the change and its audit row commit together or not at all)', async () => {
    const girl = await createPerson(tyt, SUBJECT['hpv-vaccinations']());
    // As the database owner: audit rows of HPV doses fail, as a full disk or a broken constraint would.
    await withDb(async (db) => {
      await db.query(
        `CREATE OR REPLACE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN IF NEW.entity_type = 'HpvVaccination' THEN RAISE EXCEPTION 'audit insert refused by the test'; END IF; RETURN NEW; END $$`,
      );
      await db.query(`CREATE TRIGGER ${trigger} BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
    });
    const answer = await post<ErrorBody>(`${RECORDS}/hpv-vaccinations`, BODIES['hpv-vaccinations'](girl.id));
    expect([answer.status, answer.body.code]).toEqual([500, 'INTERNAL_ERROR']);
    expect(await countRows('hpv_vaccination', 'person_id = $1', [girl.id])).toBe(0);
    await withDb((db) => db.query(`DROP TRIGGER ${trigger} ON audit_event`));
    const retried = await post(`${RECORDS}/hpv-vaccinations`, BODIES['hpv-vaccinations'](girl.id));
    expect(retried.status).toBe(201);
    expect(await countRows('hpv_vaccination', 'person_id = $1', [girl.id])).toBe(1);
  });
});
