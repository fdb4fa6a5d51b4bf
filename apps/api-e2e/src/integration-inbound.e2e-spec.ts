import { APP_LOGIN, startApi } from '@skss/tooling/testing';
import { applicationUrl, withDb } from './support/db';
import { request, signIn } from './support/http';
import { BODIES, CHANGE, citizenId, lockMonth, Register, REGISTERS, SUBJECT, unlockMonth, uniqueWomanName } from './support/records';

/**
 * Inbound JSON API for HIS and YTCS software (issue 8 item 1) and the HTTP Basic strategy of its
 * integration accounts (item 6), against the built API: mixed batches, resends without duplicates,
 * Idempotency-Key replays, the account's facilities and operations, limits, the audit trail, and a
 * process killed with SIGKILL in the middle of a batch.
 *
 * Records are sent for stations no other spec file uses (Điện Biên: 03164, 03166, 03172).
 */

jest.setTimeout(300_000);

const PATH = '/api/v1/integration/records';
const STATION = 'TYT.03164.2025';
const SECOND = 'TYT.03166.2025';
const CRASH_STATION = 'TYT.03172.2025';
const OUTSIDE = 'TYT.03169.2025';

interface Problem {
  field: string;
  code: string;
  message: string;
}
interface RecordResult {
  index: number;
  register: string | null;
  sourceRecordId: string | null;
  facilityCode?: string | null;
  outcome: 'created' | 'updated' | 'unchanged' | 'rejected';
  id?: string | null;
  problems?: Problem[];
}
interface Answer {
  batchId: string;
  receivedAt: string;
  counts: { received: number; created: number; updated: number; unchanged: number; rejected: number };
  records: RecordResult[];
}
interface ErrorBody {
  code: string;
  message: string;
  details?: Problem[];
}
interface Account {
  clientId: string;
  secret: string;
}

let admin = '';
let his: Account;
const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const basic = (account: Account) => `Basic ${Buffer.from(`${account.clientId}:${account.secret}`).toString('base64')}`;

async function createAccount(body: Record<string, unknown>): Promise<Account> {
  const { status, body: answer } = await request<{ client: { clientId: string }; clientSecret: string }>('/api/v1/integration-clients', {
    method: 'POST',
    token: admin,
    body: { name: unique('HIS thử tiếp nhận'), system: 'HIS', operations: ['records.push'], ...body },
  });
  if (status !== 201) throw new Error(`Account not created: ${status} ${JSON.stringify(answer)}`);
  return { clientId: answer.client.clientId, secret: answer.clientSecret };
}

function push<T = Answer>(
  records: unknown,
  options: { account?: Account; key?: string; raw?: string } = {},
): Promise<{ status: number; body: T & ErrorBody; headers: Headers }> {
  return request<T & ErrorBody>(PATH, {
    method: 'POST',
    token: null,
    headers: {
      authorization: basic(options.account ?? his),
      ...(options.key ? { 'idempotency-key': options.key } : {}),
      ...(options.raw !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.raw ?? { records },
  });
}

/** A woman's person part as a HIS sends it. */
function woman(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    citizenId: citizenId(1998, 'FEMALE'),
    fullName: uniqueWomanName(),
    dateOfBirth: '1998-04-12',
    sex: 'FEMALE',
    ethnicityCode: '03',
    residence: { communeCode: '03164', address: 'Bản Nà Sáy' },
    ...overrides,
  };
}

const anc = (sourceRecordId: string, person = woman(), data: Record<string, unknown> = {}, facilityCode = STATION) => ({
  register: 'anc-visits',
  sourceRecordId,
  facilityCode,
  person,
  data: { visitDate: '2026-03-10', place: 'FACILITY', gaWeeks: 20, weightKg: 52.5, systolic: 110, diastolic: 70, ...data },
});

const delivery = (sourceRecordId: string, person = woman(), facilityCode = STATION) => ({
  register: 'deliveries',
  sourceRecordId,
  facilityCode,
  person,
  data: {
    deliveredAt: '2026-03-12T08:30:00+07:00',
    place: 'FACILITY',
    attendantKind: 'MIDWIFE',
    mode: 'VAGINAL',
    gaWeeks: 39,
    newborns: [{ sex: 'FEMALE', liveBorn: true, weightGrams: 3100, eenc: true, vitaminK1: true }],
  },
});

const death = (sourceRecordId: string) => ({
  register: 'deaths',
  sourceRecordId,
  facilityCode: STATION,
  person: { fullName: `Con của ${uniqueWomanName()}`, dateOfBirth: '2026-03-01', sex: 'MALE' },
  data: { recordedOn: '2026-03-11', diedOn: '2026-03-05', place: 'HOME', mainCause: 'Viêm phổi', causeCode: 'J18.9' },
});

async function count(table: string, account: Account, extra = ''): Promise<number> {
  const { rows } = await withDb((db) =>
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE source_system = $1 ${extra}`, [account.clientId]),
  );
  return rows[0].n;
}

beforeAll(async () => {
  admin = await signIn('nchi.admin');
  his = await createAccount({ facilityCodes: [STATION, SECOND] });
});

describe('a mixed batch', () => {
  const ids = { anc: unique('ANC'), del: unique('DEL') };
  const mother = woman();
  const deceased = death(unique('DEATH'));
  let first: Answer;

  const batch = () => [
    anc(ids.anc, mother),
    delivery(ids.del, mother),
    deceased,
    anc(unique('ANC-FUTURE'), woman(), { visitDate: '2030-03-10' }),
    anc(unique('ANC-TYPO'), woman(), { weightKgs: 50 }),
    anc(unique('ANC-OUT'), woman(), {}, OUTSIDE),
    { register: 'x-rays', sourceRecordId: unique('X'), facilityCode: STATION, data: {} },
    anc(unique('ANC-CCCD'), woman({ citizenId: '011098123456' })),
    anc(ids.anc, woman()),
    {
      register: 'anc-visits',
      sourceRecordId: unique('ANC-NOBODY'),
      facilityCode: STATION,
      data: { visitDate: '2026-03-10', place: 'FACILITY' },
    },
    anc(unique('ANC-COMMUNE'), woman({ citizenId: null, residence: { communeCode: '99999' } })),
  ];

  it('stores the good records and answers each bad one with field, code and message', async () => {
    const { status, body, headers } = await push(batch());
    expect(status).toBe(200);
    expect(headers.get('idempotency-replayed')).toBeNull();
    first = body;
    expect(body.counts).toEqual({ received: 11, created: 3, updated: 0, unchanged: 0, rejected: 8 });
    expect(body.records.map((r) => r.outcome)).toEqual(['created', 'created', 'created', ...Array(8).fill('rejected')]);
    const problem = (i: number) => body.records[i].problems?.map(({ field, code }) => ({ field, code }));
    expect(problem(3)).toEqual([{ field: 'data.visitDate', code: 'DATE_IN_FUTURE' }]);
    expect(problem(4)).toEqual([{ field: 'data.weightKgs', code: 'UNKNOWN_FIELD' }]);
    expect(problem(5)).toEqual([{ field: 'facilityCode', code: 'FACILITY_NOT_ALLOWED' }]);
    expect(problem(6)).toEqual([{ field: 'register', code: 'UNKNOWN_REGISTER' }]);
    expect(problem(7)?.[0].field).toBe('person.citizenId');
    expect(problem(8)).toEqual([{ field: 'sourceRecordId', code: 'DUPLICATE_RECORD' }]);
    expect(problem(9)).toEqual([{ field: 'person', code: 'REQUIRED' }]);
    expect(problem(10)).toEqual([{ field: 'person.residence.communeCode', code: 'COMMUNE_NOT_FOUND' }]);
    for (const record of body.records.slice(3)) for (const p of record.problems ?? []) expect(p.message).toMatch(/\S/);

    expect(await count('anc_visit', his)).toBe(1);
    expect(await count('delivery', his)).toBe(1);
    expect(await count('death', his)).toBe(1);
    const { rows } = await withDb((db) =>
      db.query(
        `SELECT v.source::text, f.code AS facility, p.citizen_id, v.episode_id IS NULL AS no_episode,
                (SELECT count(*)::int FROM newborn n JOIN delivery d ON d.id = n.delivery_id WHERE d.source_system = $1) AS newborns,
                (SELECT count(DISTINCT person_id)::int FROM delivery d WHERE d.source_system = $1 AND d.person_id = v.person_id) AS same_mother
         FROM anc_visit v JOIN facility f ON f.id = v.facility_id JOIN person p ON p.id = v.person_id WHERE v.source_system = $1`,
        [his.clientId],
      ),
    );
    expect(rows).toEqual([
      { source: 'API', facility: STATION, citizen_id: mother['citizenId'], no_episode: true, newborns: 1, same_mother: 1 },
    ]);
  });

  it('creates nothing when the same batch is sent again: unchanged, item lists included', async () => {
    const { status, body } = await push(batch());
    expect(status).toBe(200);
    expect(body.batchId).not.toBe(first.batchId);
    expect(body.records.slice(0, 3).map((r) => [r.outcome, r.id ?? null])).toEqual([
      ['unchanged', null],
      ['unchanged', null],
      ['unchanged', null],
    ]);
    expect(await count('anc_visit', his)).toBe(1);
    expect(await count('delivery', his)).toBe(1);
    expect(await count('newborn n JOIN delivery d ON d.id = n.delivery_id', his, '')).toBe(1);
  });

  it('updates a record sent again with a change, in another batch, and finds its person again', async () => {
    const { body } = await push([anc(ids.anc, mother, { systolic: 125 })]);
    expect(body.records[0]).toMatchObject({ outcome: 'updated', id: first.records[0].id });
    const { rows } = await withDb((db) => db.query('SELECT systolic FROM anc_visit WHERE id = $1', [first.records[0].id]));
    expect(rows[0].systolic).toBe(125);
    const persons = await withDb((db) => db.query('SELECT count(*)::int AS n FROM person WHERE citizen_id = $1', [mother['citizenId']]));
    expect(persons.rows[0].n).toBe(1);
  });

  it('records the batch and one audit event for it, by the account', async () => {
    const { rows } = await withDb((db) =>
      db.query(
        `SELECT b.received, b.created, b.rejected, e.action, e.entity_type, e.actor_client_id
         FROM integration_batch b JOIN audit_event e ON e.entity_id = b.id::text WHERE b.id = $1`,
        [first.batchId],
      ),
    );
    expect(rows).toEqual([
      { received: 11, created: 3, rejected: 8, action: 'IMPORT', entity_type: 'IntegrationBatch', actor_client_id: his.clientId },
    ]);
  });
});

/** A change of one item of each register's lists (deliveries: a newborn's weight), else of the record itself. */
const ITEM_CHANGE: Readonly<Record<Register, (data: Record<string, unknown>) => Record<string, unknown>>> = {
  deliveries: (data) => ({ ...data, newborns: [{ ...(data['newborns'] as object[])[0], weightGrams: 3150 }] }),
  abortions: (data) => ({ ...data, complications: [{ ...(data['complications'] as object[])[0], onsetOn: '2026-03-12' }] }),
  contraception: (data) => ({ ...data, complications: [{ ...(data['complications'] as object[])[0], onsetOn: '2026-03-13' }] }),
  'anc-visits': (data) => ({ ...data, ...CHANGE['anc-visits'] }),
  gynaecology: (data) => ({ ...data, ...CHANGE.gynaecology }),
  'hpv-vaccinations': (data) => ({ ...data, ...CHANGE['hpv-vaccinations'] }),
  'child-exams': (data) => ({ ...data, ...CHANGE['child-exams'] }),
  deaths: (data) => ({ ...data, ...CHANGE.deaths }),
};

/** The register API's sample person of a register as a HIS sends it (residence in the station's commune). */
function subjectOf(register: Register): Record<string, unknown> {
  const { fullName, dateOfBirth, sex, citizenId: id } = SUBJECT[register]();
  return woman({ fullName, dateOfBirth, sex, citizenId: id ?? null });
}

/** What a batch left behind about one record: its changes, outbox items, audit events of the batch, its update time. */
async function traces(table: string, id: string, batchId: string) {
  const { rows } = await withDb((db) =>
    db.query<{ changes: number; outbox: number; audit: number; updated_at: Date }>(
      `SELECT (SELECT count(*)::int FROM record_change WHERE record_id = $1) AS changes,
              (SELECT count(*)::int FROM outbox_item WHERE payload ->> 'recordId' = $1::text) AS outbox,
              (SELECT count(*)::int FROM audit_event WHERE entity_id = $2) AS audit,
              (SELECT updated_at FROM ${table} WHERE id = $1) AS updated_at`,
      [id, batchId],
    ),
  );
  return rows[0];
}

const TABLES: Readonly<Record<Register, string>> = {
  'anc-visits': 'anc_visit',
  deliveries: 'delivery',
  abortions: 'abortion',
  contraception: 'contraception_service',
  gynaecology: 'gynaecology_visit',
  'hpv-vaccinations': 'hpv_vaccination',
  'child-exams': 'child_exam',
  deaths: 'death',
};

describe('a record sent again, for every register', () => {
  // Each test an account of its own: these requests must not spend the rate limit of the others.
  let resender: Account;
  beforeEach(async () => {
    resender = await createAccount({ facilityCodes: [STATION] });
  });

  it.each(REGISTERS.map((register) => [register]))(
    '%s: identical → unchanged, with no write, audit event or outbox item; one item changed → updated',
    async (register) => {
      const { personId: _unused, ...data } = BODIES[register]('');
      void _unused;
      const record = { register, sourceRecordId: unique(register), facilityCode: STATION, person: subjectOf(register), data };
      const first = await push([record], { account: resender });
      expect([first.status, first.body.records[0].outcome, first.body.records[0].problems]).toEqual([200, 'created', undefined]);
      const id = first.body.records[0].id as string;
      const before = await traces(TABLES[register], id, first.body.batchId);
      expect(before.audit).toBe(1);

      const again = await push([record], { account: resender });
      expect(again.body.records[0]).toMatchObject({ outcome: 'unchanged', id: null });
      expect(again.body.counts).toMatchObject({ unchanged: 1, updated: 0, created: 0 });
      const after = await traces(TABLES[register], id, again.body.batchId);
      expect(after).toEqual({ ...before, audit: 0 });

      const changed = await push([{ ...record, data: ITEM_CHANGE[register](data) }], { account: resender });
      expect(changed.body.records[0]).toMatchObject({ outcome: 'updated', id });
      const updated = await traces(TABLES[register], id, changed.body.batchId);
      expect(updated.changes).toBeGreaterThan(before.changes);
      expect(updated.outbox).toBeGreaterThan(before.outbox);
      expect(updated.audit).toBe(1);
    },
  );

  it('answers unchanged for item lists sent in another order, and keeps the newborn weight a change sent', async () => {
    const { personId: _unused, ...data } = BODIES.deliveries('');
    void _unused;
    const twins = [
      { sex: 'FEMALE', liveBorn: true, weightGrams: 2500, birthOrder: 1 },
      { sex: 'MALE', liveBorn: true, weightGrams: 2400, birthOrder: 2 },
    ];
    const visits = [{ visitDate: '2026-03-16' }, { visitDate: '2026-03-20', notes: 'Bé bú tốt' }];
    const record = (newborns: object[], postnatalVisits: object[]) => ({
      register: 'deliveries',
      sourceRecordId: unique('DEL-ORDER'),
      facilityCode: STATION,
      person: subjectOf('deliveries'),
      data: { ...data, newborns, postnatalVisits },
    });
    const sent = record(twins, visits);
    expect((await push([sent], { account: resender })).body.records[0].outcome).toBe('created');
    const reordered = { ...sent, data: { ...sent.data, postnatalVisits: [...visits].reverse() } };
    expect((await push([reordered], { account: resender })).body.records[0].outcome).toBe('unchanged');
    const heavier = { ...sent, data: { ...sent.data, newborns: [twins[0], { ...twins[1], weightGrams: 2450 }] } };
    expect((await push([heavier], { account: resender })).body.records[0].outcome).toBe('updated');
    const { rows } = await withDb((db) =>
      db.query(
        `SELECT array_agg(n.weight_grams ORDER BY n.birth_order) AS weights FROM newborn n JOIN delivery d ON d.id = n.delivery_id
         WHERE d.source_system = $1 AND d.source_record_id = $2`,
        [resender.clientId, sent.sourceRecordId],
      ),
    );
    expect(rows[0].weights).toEqual([2500, 2450]);
  });
});

describe("persons by the sending system's patient id", () => {
  it('finds a person without identifiers again by person.sourcePatientId, even under another spelling of her name', async () => {
    const patient = unique('BN');
    const person = woman({ citizenId: null, sourcePatientId: patient });
    const one = await push([anc(unique('ANC-P'), person)]);
    const two = await push([
      anc(unique('ANC-P'), { ...person, fullName: `${person['fullName']} Hoa` }, { visitDate: '2026-04-10', gaWeeks: 24 }),
    ]);
    expect([one.body.records[0].outcome, two.body.records[0].outcome]).toEqual(['created', 'created']);
    const { rows } = await withDb((db) =>
      db.query(
        `SELECT count(DISTINCT v.person_id)::int AS persons FROM anc_visit v JOIN person_source_id s ON s.person_id = v.person_id
         WHERE s.source_system = $1 AND s.source_record_id = $2`,
        [his.clientId, patient],
      ),
    );
    expect(rows[0].persons).toBe(1);
  });
});

describe('Idempotency-Key', () => {
  it('answers a replay with the first answer, and refuses the key with another batch (422)', async () => {
    const key = `k-${unique('batch')}`;
    const records = [anc(unique('ANC-K'))];
    const first = await push(records, { key });
    const again = await push(records, { key });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await push([anc(unique('ANC-K'))], { key });
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('stores one batch when the same keyed batch is sent three times at once', async () => {
    const key = `k-${unique('race')}`;
    const records = Array.from({ length: 50 }, () => anc(unique('ANC-R')));
    const answers = await Promise.all([1, 2, 3].map(() => push(records, { key })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const batches = new Set(answers.filter((a) => a.status === 200).map((a) => a.body.batchId));
    expect(batches.size).toBe(1);
    const ids = records.map((r) => r.sourceRecordId);
    const { rows } = await withDb((db) =>
      db.query('SELECT count(*)::int AS n FROM anc_visit WHERE source_system = $1 AND source_record_id = ANY($2)', [his.clientId, ids]),
    );
    expect(rows[0].n).toBe(50);
  });

  it('refuses a malformed key (400)', async () => {
    const { status, body } = await push([anc(unique('ANC'))], { key: 'has spaces in it' });
    expect([status, body.code]).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
  });
});

describe("the account's facilities, operations and the register lock", () => {
  it('rejects records of a locked month with PERIOD_LOCKED and stores the others', async () => {
    await lockMonth(SECOND, '2026-02', 'Báo cáo tháng 02/2026 đã được duyệt');
    try {
      const { body } = await push([
        anc(unique('ANC-L'), woman(), { visitDate: '2026-02-10', gaWeeks: 16 }, SECOND),
        anc(unique('ANC-L'), woman(), {}, SECOND),
      ]);
      expect(body.records.map((r) => r.outcome)).toEqual(['rejected', 'created']);
      expect(body.records[0].problems?.[0]).toMatchObject({ field: 'data.visitDate', code: 'PERIOD_LOCKED' });
    } finally {
      await unlockMonth(SECOND, '2026-02');
    }
  });

  it('takes deaths from an account with deaths.push only, and refuses its other registers per record', async () => {
    const stats = await createAccount({ system: 'HEALTH_STATISTICS', operations: ['deaths.push'], facilityCodes: [STATION] });
    const { status, body } = await push([death(unique('D')), anc(unique('ANC'))], { account: stats });
    expect(status).toBe(200);
    expect(body.records.map((r) => [r.outcome, r.problems?.[0]?.code])).toEqual([
      ['created', undefined],
      ['rejected', 'OPERATION_NOT_ALLOWED'],
    ]);
  });

  it('refuses an account without a push operation, users, and wrong or malformed credentials', async () => {
    const reader = await createAccount({ operations: ['reports.pull'], facilityCodes: [STATION] });
    expect((await push([anc(unique('A'))], { account: reader })).status).toBe(403);
    const user = await request<ErrorBody>(PATH, { method: 'POST', token: await signIn('tyt.dienbienphu'), body: { records: [anc('X')] } });
    expect([user.status, user.body.code]).toEqual([403, 'FORBIDDEN']);
    const wrong = await push([anc('X')], { account: { clientId: his.clientId, secret: 'not-the-secret' } });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'INVALID_CLIENT_CREDENTIALS']);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic realm="SKSS"/);
    const malformed = await request<ErrorBody>(PATH, {
      method: 'POST',
      token: null,
      headers: { authorization: 'Basic !!!' },
      body: { records: [] },
    });
    expect([malformed.status, malformed.body.code]).toEqual([401, 'INVALID_CLIENT_CREDENTIALS']);
    const anonymous = await request<ErrorBody>(PATH, { method: 'POST', token: null, body: { records: [] } });
    expect(anonymous.status).toBe(401);
  });
});

describe('limits', () => {
  it('refuses a batch of more than 1,000 records (413), an empty or malformed one (400), and a body over 10 MB (413)', async () => {
    const tooMany = await push(Array.from({ length: 1001 }, (_, i) => ({ register: 'anc-visits', sourceRecordId: `X${i}` })));
    expect([tooMany.status, tooMany.body.code]).toEqual([413, 'BATCH_TOO_LARGE']);
    expect((await push([])).body.code).toBe('BATCH_EMPTY');
    expect((await push({ not: 'a list' })).body.code).toBe('BATCH_MALFORMED');
    expect((await push(null, { raw: '{"records": [' })).body.code).toBe('MALFORMED_BODY');
    const huge = await push(null, { raw: JSON.stringify({ records: [{ data: { notes: 'x'.repeat(11 * 1024 * 1024) } }] }) });
    expect([huge.status, huge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('limits the requests of an account (429 with Retry-After), not those of others', async () => {
    const busy = await createAccount({ facilityCodes: [STATION] });
    const answers = await Promise.all(Array.from({ length: 40 }, () => push([{ register: 'anc-visits' }], { account: busy })));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].body.code).toBe('RATE_LIMITED');
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(20);
    expect((await push([{ register: 'anc-visits' }])).status).toBe(200);
  });
});

describe('monitoring of the inbound flow', () => {
  it('counts per source and per facility the records accepted and rejected, with the reasons', async () => {
    const account = await createAccount({ facilityCodes: [SECOND] });
    const { body } = await push(
      [
        anc(unique('ANC-M'), woman(), {}, SECOND),
        anc(unique('ANC-M'), woman(), { visitDate: '2030-03-10' }, SECOND),
        anc(unique('ANC-M'), woman(), { weightKgs: 50 }, SECOND),
      ],
      { account },
    );
    expect(body.records.map((r) => [r.outcome, r.facilityCode])).toEqual([
      ['created', SECOND],
      ['rejected', SECOND],
      ['rejected', SECOND],
    ]);
    const { status, body: monitoring } = await request<{
      sources: {
        source: string;
        channel: string;
        lastReceivedAt: string | null;
        days: { accepted: number; rejected: number; reasons: Record<string, number> }[];
      }[];
      facilities: {
        source: string;
        facilityCode: string;
        accepted: number;
        rejected: number;
        reasons: Record<string, number>;
        silent: boolean;
      }[];
    }>('/api/v1/integration/monitoring/inbound?days=7', { token: admin });
    expect(status).toBe(200);
    const source = monitoring.sources.find((s) => s.source === account.clientId && s.channel === 'api');
    expect(source?.lastReceivedAt).toBe(body.receivedAt);
    expect(source?.days).toEqual([{ day: expect.any(String), accepted: 1, rejected: 2, reasons: { DATE_IN_FUTURE: 1, UNKNOWN_FIELD: 1 } }]);
    expect(monitoring.facilities.find((f) => f.source === account.clientId)).toMatchObject({
      facilityCode: SECOND,
      accepted: 1,
      rejected: 2,
      reasons: { DATE_IN_FUTURE: 1, UNKNOWN_FIELD: 1 },
      silent: false,
    });
  });
});

describe('a process killed (SIGKILL) in the middle of a batch', () => {
  it('leaves every record stored or none, and the batch sent again completes it', async () => {
    const owner = process.env['SKSS_TEST_DATABASE_URL'] ?? '';
    const crash = await createAccount({ facilityCodes: [CRASH_STATION] });
    const records = Array.from({ length: 1000 }, (_, i) =>
      delivery(`CRASH-${i}`, woman({ residence: { communeCode: '03172' } }), CRASH_STATION),
    );
    const key = `crash-${unique('k')}`;
    const api = await startApi(applicationUrl(owner), {}, {});
    let killedAt = '';
    try {
      // Sent to the second instance (request() of the support library calls the suite's own API).
      const sent = fetch(`${api.baseUrl}${PATH}`, {
        method: 'POST',
        headers: { authorization: basic(crash), 'idempotency-key': key, 'content-type': 'application/json' },
        body: JSON.stringify({ records }),
      }).then(
        (answer) => ({ answered: answer.status }),
        () => ({ answered: 0 }),
      );
      // The batch's transaction holds the key's advisory lock from its first statement: kill once it is seen.
      for (let i = 0; i < 600 && !killedAt; i++) {
        const { rows } = await withDb((db) =>
          db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'advisory' AND l.classid = 80101 AND a.usename = $1`,
            [APP_LOGIN],
          ),
        );
        if (rows[0].n > 0) {
          await new Promise((done) => setTimeout(done, 150));
          process.kill(api.pid as number, 'SIGKILL');
          killedAt = new Date().toISOString();
        } else await new Promise((done) => setTimeout(done, 20));
      }
      expect(killedAt).not.toBe('');
      expect((await sent).answered).toBe(0);
    } finally {
      await api.stop();
    }
    // PostgreSQL notices the dead connection and rolls its transaction back.
    for (let i = 0; i < 100; i++) {
      const { rows } = await withDb((db) =>
        db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1 AND state LIKE 'idle in transaction%'`,
          [APP_LOGIN],
        ),
      );
      if (rows[0].n === 0) break;
      await new Promise((done) => setTimeout(done, 100));
    }
    const stored = await count('delivery', crash);
    expect([0, 1000]).toContain(stored);
    expect(await count('delivery', crash, 'AND NOT EXISTS (SELECT 1 FROM newborn n WHERE n.delivery_id = delivery.id)')).toBe(0);
    console.log(`[crash test] killed at ${killedAt}; deliveries stored by the killed process: ${stored} of 1000`);

    const again = await push(records, { account: crash, key });
    expect(again.status).toBe(200);
    expect(again.body.counts.rejected).toBe(0);
    expect(await count('delivery', crash)).toBe(1000);
    expect(await count('newborn n JOIN delivery d ON d.id = n.delivery_id', crash)).toBe(1000);
    const persons = await withDb((db) =>
      db.query<{ n: number }>(`SELECT count(DISTINCT person_id)::int AS n FROM delivery WHERE source_system = $1`, [crash.clientId]),
    );
    expect(persons.rows[0].n).toBe(1000);
  });
});
