import { Client } from 'pg';
import { ApiInstance, startApi } from '@skss/tooling/testing';
import {
  Dhis2StandIn,
  EhandbookClient,
  FhirStandIn,
  startDhis2StandIn,
  startEhandbookClient,
  startFhirStandIn,
} from '@skss/tooling/stand-ins';
import { applicationUrl, withDb } from './support/db';
import { request, signIn } from './support/http';
import { BODIES, createPerson, createRecord, woman } from './support/records';

/**
 * Outbound integration against stand-ins of DHIS2, the FHIR EHR repository and the e-handbook,
 * with TWO API instances delivering the same outbox (the suite's instance has no destination and
 * delivers nothing). Schedules run every second and backoff is counted in tenths of seconds.
 */
const MAX_ATTEMPTS = 5;
const METRICS_TOKEN = 'metrics-token-for-the-tests';
const WEBHOOK_SECRET = 'webhook-secret-of-the-tests';
const FORM = 'outbound-test';

let dhis2: Dhis2StandIn;
let fhir: FhirStandIn;
let handbook: EhandbookClient;
const instances: ApiInstance[] = [];
let admin = '';
let station = '';
let stationId = 0;
let laiChauId = 0;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until<T>(what: string, probe: () => Promise<T | false | null | undefined>, limitMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > limitMs) throw new Error(`Timed out waiting for: ${what}`);
    await sleep(100);
  }
}

const onInstance = async <T = unknown>(
  index: number,
  path: string,
  init: { method?: string; token?: string; body?: unknown; raw?: string } = {},
) => {
  const response = await fetch(`${instances[index].baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.raw ? { authorization: init.raw } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // text answer (metrics)
  }
  return { status: response.status, body: body as T, text };
};

interface ItemRow {
  id: string;
  subject: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  response: unknown;
}

/** DHIS2 items announced directly (as announceApprovedReport writes them), one subject each. */
/** Items of reports to send; `DEAD` ones are written so at once, never seen pending by a delivery run. */
async function announceReports(
  count: number,
  tag: string,
  facilityId = stationId,
  status: 'PENDING' | 'DEAD' = 'PENDING',
): Promise<string[]> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO outbox_item (destination, kind, subject, facility_id, payload, status)
       SELECT 'DHIS2', 'dhis2.dataValueSet', $1 || ':' || n, $2, jsonb_build_object('form', $3::text, 'facilityId', $2::int, 'month', '2026-10',
              'values', jsonb_build_object('I.1', jsonb_build_object('total', n, 'station', n))), $5::outbox_status
       FROM generate_series(1, $4::int) AS n RETURNING id::text AS id`,
      [`report:${tag}`, facilityId, FORM, count, status],
    );
    return rows.map((r) => r.id);
  });
}

const itemsOf = (ids: string[]) =>
  withDb(
    async (db) =>
      (
        await db.query<ItemRow>(
          'SELECT id::text AS id, subject, status::text AS status, attempts, next_attempt_at, last_error, response FROM outbox_item WHERE id = ANY($1::bigint[]) ORDER BY id',
          [ids],
        )
      ).rows,
  );

const keysOf = (ids: string[]) => ids.map((id) => `DHIS2-${id}`);

beforeAll(async () => {
  dhis2 = await startDhis2StandIn();
  fhir = await startFhirStandIn();
  admin = await signIn('nchi.admin');
  station = await signIn('tyt.dienbienphu');
  const created = await request<{ client: { clientId: string }; clientSecret: string }>('/api/v1/integration-clients', {
    method: 'POST',
    token: admin,
    body: { name: 'Sổ theo dõi sức khỏe điện tử (thử)', system: 'E_HANDBOOK', provinceCode: '11', operations: ['handbook.read'] },
  });
  expect(created.status).toBe(201);
  [stationId, laiChauId] = await withDb(async (db) => {
    const { rows } = await db.query<{ code: string; id: number }>(
      `SELECT code, id FROM facility WHERE code IN ('TYT.03127.2025', 'TYT.03388.2025')`,
    );
    return ['TYT.03127.2025', 'TYT.03388.2025'].map((code) => rows.find((r) => r.code === code)?.id ?? 0);
  });
  const env = {
    DHIS2_BASE_URL: dhis2.url,
    DHIS2_SYNC_SCHEDULE: '* * * * * *',
    DHIS2_ID_SCHEME: 'code',
    DHIS2_DEATHS_PROGRAM: 'A6_TU_VONG',
    DHIS2_DEATHS_SCHEDULE: '0 0 0 1 1 *',
    FHIR_BASE_URL: fhir.url,
    FHIR_SYNC_SCHEDULE: '* * * * * *',
    EHANDBOOK_NOTIFY_SCHEDULE: '* * * * * *',
    OUTBOX_POLL_SECONDS: '0.2',
    OUTBOX_BACKOFF_BASE_SECONDS: '0.4',
    OUTBOX_BACKOFF_MAX_SECONDS: '1.2',
    OUTBOX_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    OUTBOX_REQUEST_TIMEOUT_SECONDS: '2',
    METRICS_TOKEN,
  };
  // The spec files before this one announced thousands of record changes to the EHR repository
  // (the register triggers), approved reports and dead letters, and mapped facilities to test org
  // units; this file follows its own items with the default mapping, so all that is set aside first.
  await withDb(async (db) => {
    await db.query(`UPDATE outbox_item SET status = 'DELIVERED', delivered_at = now(), updated_at = now() WHERE status <> 'DELIVERED'`);
    await db.query(`DELETE FROM dhis2_org_unit`);
  });
  const url = applicationUrl(process.env['SKSS_TEST_DATABASE_URL'] ?? '');
  instances.push(...(await Promise.all([startApi(url, env), startApi(url, env)])));
  handbook = await startEhandbookClient({
    apiUrl: instances[0].baseUrl,
    clientId: created.body.client.clientId,
    clientSecret: created.body.clientSecret,
    webhookSecret: WEBHOOK_SECRET,
  });
  const mapping = await onInstance(0, `/api/v1/integration/dhis2/mapping/forms/${FORM}`, {
    method: 'PUT',
    token: admin,
    body: {
      dataSet: 'BMTE_B4_TYT',
      cells: { 'I.1/total': { dataElement: 'ANC_LAN1' }, 'I.1/station': { dataElement: 'ANC_LAN1', categoryOptionCombo: 'TAI_TYT' } },
    },
  });
  expect(mapping.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await Promise.all([dhis2?.stop(), fhir?.stop(), handbook?.stop()]);
});

describe('outbox delivery to a destination that goes down and comes back, with two API instances', () => {
  it('retries with growing delays while down, then delivers every pending item exactly once', async () => {
    dhis2.set({ fail: 503 });
    const ids = await announceReports(20, 'down');
    await until('every item failed at least twice', async () => (await itemsOf(ids)).every((i) => i.attempts >= 2));
    // Switch to dropped connections: a network failure is retried as well.
    dhis2.set({ fail: null, drop: true });
    await sleep(800);
    const failing = await itemsOf(ids);
    expect(failing.every((i) => i.status === 'PENDING')).toBe(true);
    expect(
      failing.some((i) => /ECONNRESET|NETWORK|socket|fetch failed/i.test(i.last_error ?? '') || /HTTP 503/.test(i.last_error ?? '')),
    ).toBe(true);
    // Backoff: with a poll every 0.2 s, no item was tried anywhere near every poll.
    expect(Math.max(...failing.map((i) => i.attempts))).toBeLessThan(MAX_ATTEMPTS);
    expect(dhis2.received.size).toBe(0); // refused and dropped calls reach no handler
    dhis2.set({ drop: false });
    const delivered = await until('every item delivered', async () => {
      const rows = await itemsOf(ids);
      return rows.every((i) => i.status === 'DELIVERED') && rows;
    });
    await sleep(1500); // two more polls of both instances: nothing is sent again
    for (const key of keysOf(ids)) expect({ key, calls: dhis2.received.get(key) }).toEqual({ key, calls: 1 });
    expect([...dhis2.received.values()].reduce((a, b) => a + b, 0)).toBe(20);
    // The import summary is stored with the item.
    expect(delivered[0].response).toMatchObject({ status: 'SUCCESS', sent: 2, unmappedCells: [] });
    const counts = (delivered[0].response as { importCount: { imported: number; updated: number } }).importCount;
    expect(counts.imported + counts.updated).toBe(2);
    const sent = dhis2.dataValueSets.find((s) => s['idempotencyKey'] === keysOf(ids)[0]);
    expect(sent).toMatchObject({ dataSet: 'BMTE_B4_TYT', period: '202610', orgUnit: 'TYT.03127.2025' });
  });

  it('never delivers an item twice when both instances poll a large backlog at once', async () => {
    dhis2.received.clear();
    dhis2.set({ slowMs: 5 });
    const ids = await announceReports(150, 'backlog');
    await until('the backlog delivered', async () => (await itemsOf(ids)).every((i) => i.status === 'DELIVERED'), 60_000);
    dhis2.set({ slowMs: 0 });
    await sleep(1000);
    const counts = keysOf(ids).map((key) => dhis2.received.get(key) ?? 0);
    expect(counts.filter((c) => c !== 1)).toEqual([]);
    expect((await itemsOf(ids)).every((i) => i.attempts === 1)).toBe(true);
  });

  it('dead-letters after the configured attempts, shows them with their reason, and re-sends them by hand', async () => {
    dhis2.set({ fail: 500 });
    const ids = await announceReports(4, 'dead');
    await until('every item dead', async () => (await itemsOf(ids)).every((i) => i.status === 'DEAD'), 30_000);
    const dead = await itemsOf(ids);
    expect(dead.map((i) => i.attempts)).toEqual([MAX_ATTEMPTS, MAX_ATTEMPTS, MAX_ATTEMPTS, MAX_ATTEMPTS]);
    expect(dead[0].last_error).toMatch(/^HTTP 500/);
    const monitoring = await onInstance<{
      destinations: { destination: string; dead: number; recentFailures: { id: string; lastError: string }[] }[];
    }>(1, '/api/v1/integration/monitoring/outbound', { token: admin });
    expect(monitoring.status).toBe(200);
    const row = monitoring.body.destinations.find((d) => d.destination === 'DHIS2');
    expect(row?.dead).toBeGreaterThanOrEqual(4);
    expect(row?.recentFailures.map((f) => f.id)).toEqual(expect.arrayContaining(ids));
    dhis2.set({ fail: null });
    dhis2.received.clear();
    await sleep(1000);
    expect((await itemsOf(ids)).every((i) => i.status === 'DEAD')).toBe(true); // a dead letter waits for a person
    const one = await onInstance<{ status: string; attempts: number }>(0, `/api/v1/integration/outbox/${ids[0]}/resend`, {
      method: 'POST',
      token: admin,
    });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ status: 'PENDING', attempts: 0 });
    await until('the re-sent item delivered', async () => (await itemsOf([ids[0]]))[0].status === 'DELIVERED');
    const rest = await onInstance<{ resent: number }>(1, '/api/v1/integration/outbox/resend-dead', {
      method: 'POST',
      token: admin,
      body: { destination: 'DHIS2' },
    });
    expect(rest.body.resent).toBeGreaterThanOrEqual(3);
    await until('every dead letter delivered', async () => (await itemsOf(ids)).every((i) => i.status === 'DELIVERED'));
    await sleep(800);
    for (const key of keysOf(ids)) expect({ key, calls: dhis2.received.get(key) }).toEqual({ key, calls: 1 });
    const again = await onInstance<{ code: string }>(0, `/api/v1/integration/outbox/${ids[0]}/resend`, { method: 'POST', token: admin });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_DELIVERED']);
  });

  it('dead-letters at once a report whose form has no DHIS2 mapping', async () => {
    const [id] = await withDb(async (db) =>
      (
        await db.query<{ id: string }>(
          `INSERT INTO outbox_item (destination, kind, subject, facility_id, payload) VALUES ('DHIS2', 'dhis2.dataValueSet', 'report:unmapped', $1,
           jsonb_build_object('form', 'no-such-form', 'facilityId', $1::int, 'month', '2026-10', 'values', '{}'::jsonb)) RETURNING id::text AS id`,
          [stationId],
        )
      ).rows.map((r) => r.id),
    );
    const [item] = await until('the item dead', async () => {
      const rows = (await itemsOf([id])).filter((i) => i.status === 'DEAD');
      return rows.length > 0 && rows;
    });
    expect(item).toMatchObject({ attempts: 1, last_error: expect.stringMatching(/^DHIS2_MAPPING_MISSING/) });
  });
});

describe('clinical records to the EHR repository (FHIR)', () => {
  it('sends a new record as a transaction bundle of conditional creates, in the transaction of the write', async () => {
    const person = await createPerson(station, woman());
    const visit = await createRecord('anc-visits', station, BODIES['anc-visits'](person.id));
    const items = await withDb(
      async (db) =>
        (
          await db.query(`SELECT status::text AS status FROM outbox_item WHERE destination = 'FHIR' AND subject = $1`, [
            `anc-visits:${visit.id}`,
          ])
        ).rows,
    );
    expect(items.length).toBeGreaterThan(0);
    const sent = await until('the bundle of the visit', async () =>
      fhir.bundles.find((b) => b.bundle.entry.some((e) => e.resource?.identifier?.some((i) => i.value === visit.id))),
    );
    const [patient, encounter] = sent.bundle.entry;
    expect(patient.request).toMatchObject({
      method: 'POST',
      url: 'Patient',
      ifNoneExist: expect.stringContaining(encodeURIComponent(person.id)),
    });
    expect(encounter.request).toMatchObject({
      method: 'POST',
      url: 'Encounter',
      ifNoneExist: expect.stringContaining(encodeURIComponent(visit.id)),
    });
    expect(encounter.resource).toMatchObject({ resourceType: 'Encounter', subject: { reference: `urn:uuid:${person.id}` } });
    await until('the items delivered', async () =>
      withDb(
        async (db) =>
          (
            await db.query(`SELECT count(*)::int AS n FROM outbox_item WHERE subject = $1 AND status <> 'DELIVERED'`, [
              `anc-visits:${visit.id}`,
            ])
          ).rows[0].n === 0,
      ),
    );
    expect(fhir.received.get(sent.idempotencyKey)).toBe(1);
  });
});

describe('maternal and child deaths pulled from DHIS2', () => {
  const event = (uid: string, orgUnit: string, updatedAt: string, cause = 'Băng huyết sau đẻ') => ({
    event: uid,
    program: 'A6_TU_VONG',
    orgUnit,
    occurredAt: '2026-10-03T00:00:00.000',
    createdAt: '2026-10-05T08:00:00.000',
    updatedAt,
    dataValues: [
      { dataElement: 'A6_HO_TEN', value: 'Lò Thị Đào' },
      { dataElement: 'A6_GIOI_TINH', value: 'FEMALE' },
      { dataElement: 'A6_NGAY_SINH', value: '1994-05-06' },
      { dataElement: 'A6_NOI_TU_VONG', value: 'FACILITY' },
      { dataElement: 'A6_NGUYEN_NHAN', value: cause },
      { dataElement: 'A6_MA_ICD10', value: 'O72.1' },
      { dataElement: 'A6_TU_VONG_ME', value: 'true' },
      { dataElement: 'A6_THOI_DIEM_TU_VONG_ME', value: 'WITHIN_42_DAYS' },
    ],
  });
  const pull = () =>
    onInstance<{ events: number; created: number; updated: number; unchanged: number; rejected: number; rejections: { code: string }[] }>(
      1,
      '/api/v1/integration/dhis2/deaths/pull',
      { method: 'POST', token: admin },
    );
  const rows = () =>
    withDb(
      async (db) =>
        (
          await db.query(
            `SELECT source_record_id, main_cause, maternal, source::text AS source FROM death WHERE source_system = 'DHIS2' ORDER BY source_record_id`,
          )
        ).rows,
    );

  it('creates each event once, skips what did not change, and updates a changed event', async () => {
    dhis2.upsertEvents([
      event('DthEvt00001', 'TYT.03127.2025', '2026-10-05T08:00:00.000'),
      event('DthEvt00002', 'TYT.03127.2025', '2026-10-05T09:00:00.000'),
      event('DthEvt00003', 'NO_SUCH_UNIT', '2026-10-05T10:00:00.000'),
    ]);
    const first = await pull();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ events: 3, created: 2, rejected: 1, rejections: [{ code: 'UNKNOWN_ORG_UNIT' }] });
    expect(await rows()).toEqual([
      { source_record_id: 'DthEvt00001', main_cause: 'Băng huyết sau đẻ', maternal: true, source: 'API' },
      { source_record_id: 'DthEvt00002', main_cause: 'Băng huyết sau đẻ', maternal: true, source: 'API' },
    ]);
    expect((await pull()).body).toMatchObject({ events: 0, created: 0 });
    dhis2.upsertEvents([event('DthEvt00002', 'TYT.03127.2025', '2026-10-06T07:00:00.000', 'Sản giật')]);
    expect((await pull()).body).toMatchObject({ events: 1, created: 0, updated: 1 });
    expect((await rows()).map((r) => r.main_cause)).toEqual(['Băng huyết sau đẻ', 'Sản giật']);
    const inbound = await onInstance<{ sources: { source: string; days: { rejected: number; reasons: Record<string, number> }[] }[] }>(
      0,
      '/api/v1/integration/monitoring/inbound',
      { token: admin },
    );
    expect(inbound.status).toBe(200);
    const source = inbound.body.sources.find((s) => s.source === 'dhis2-death-pull');
    expect(source?.days[0]).toMatchObject({ rejected: 1, reasons: { UNKNOWN_ORG_UNIT: 1 } });
  });

  it('reports a DHIS2 that does not answer', async () => {
    dhis2.set({ fail: 503 });
    const answer = await pull();
    dhis2.set({ fail: null });
    expect([answer.status, (answer.body as unknown as { code: string }).code]).toEqual([502, 'DHIS2_UNAVAILABLE']);
  });
});

describe('the e-handbook change feed', () => {
  const phoneOf = (personId: string, phone: string) =>
    withDb((db) => db.query('UPDATE person SET phone = $2 WHERE id = $1', [personId, phone]));

  it('never skips a change committed after a later one (a transaction-id watermark, not a plain sequence)', async () => {
    const [a, b] = [await createPerson(station, woman()), await createPerson(station, woman())];
    await handbook.pull(); // caught up
    const slow = new Client({ connectionString: process.env['SKSS_TEST_DATABASE_URL'] });
    const fast = new Client({ connectionString: process.env['SKSS_TEST_DATABASE_URL'] });
    await Promise.all([slow.connect(), fast.connect()]);
    try {
      await slow.query('BEGIN');
      await slow.query('UPDATE person SET phone = $2 WHERE id = $1', [a.id, '0911000001']); // older transaction, still open
      await fast.query('UPDATE person SET phone = $2 WHERE id = $1', [b.id, '0911000002']); // younger, committed first
      const meanwhile = await handbook.pull();
      expect(meanwhile.filter((c) => c.recordId === a.id || c.recordId === b.id)).toEqual([]);
      await slow.query('COMMIT');
      const after = await handbook.pull();
      expect(after.filter((c) => c.recordId === a.id || c.recordId === b.id).map((c) => [c.recordId, c.record?.['phone']])).toEqual([
        [a.id, '0911000001'],
        [b.id, '0911000002'],
      ]);
    } finally {
      await Promise.all([slow.end(), fast.end()]);
    }
  });

  it('reads every change exactly once, in order, while writers commit concurrently', async () => {
    const persons = await Promise.all(Array.from({ length: 4 }, () => createPerson(station, woman())));
    await handbook.pull();
    const [{ start }] = (
      await withDb((db) => db.query<{ start: string }>('SELECT coalesce(max(seq), 0)::text AS start FROM record_change'))
    ).rows;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        await handbook.pull();
        await sleep(15);
      }
    })();
    const before = handbook.changes.length;
    await Promise.all(
      persons.map(async (person, w) => {
        const db = new Client({ connectionString: process.env['SKSS_TEST_DATABASE_URL'] });
        await db.connect();
        try {
          for (let i = 0; i < 12; i++) {
            await db.query('BEGIN');
            await db.query('UPDATE person SET phone = $2 WHERE id = $1', [person.id, `09${w}${String(i).padStart(7, '0')}`]);
            await sleep(Math.floor(Math.random() * 25));
            await db.query('COMMIT');
          }
        } finally {
          await db.end();
        }
      }),
    );
    writing = false;
    await reader;
    await handbook.pull();
    const ids = new Set(persons.map((p) => p.id));
    const read = handbook.changes.slice(before).filter((c) => ids.has(c.recordId));
    const expected = (
      await withDb((db) =>
        db.query<{ cursor: string }>(
          `SELECT txid::text || '.' || seq::text AS cursor FROM record_change WHERE seq > $1 AND record_id = ANY($2::uuid[]) ORDER BY txid, seq`,
          [start, [...ids]],
        ),
      )
    ).rows.map((r) => r.cursor);
    expect(expected).toHaveLength(48);
    expect(read.map((c) => c.cursor)).toEqual(expected);
  });

  it('calls the registered webhook, signed, when new changes exist; the e-handbook then pulls them', async () => {
    await handbook.register();
    await handbook.pull();
    const person = await createPerson(station, woman());
    await phoneOf(person.id, '0912000099');
    const seen = await until(
      'the change pulled after a webhook call',
      async () =>
        handbook.notices.size > 0 && handbook.changes.find((c) => c.recordId === person.id && c.record?.['phone'] === '0912000099'),
    );
    expect(seen.register).toBe('persons');
    expect(handbook.badSignatures).toBe(0);
    expect([...handbook.notices.values()].every((n) => n === 1)).toBe(true);
  });

  it('refuses users and accounts without handbook.read', async () => {
    const answer = await onInstance<{ code: string }>(0, '/api/v1/integration/ehandbook/changes', { token: admin });
    expect(answer.status).toBe(403);
  });
});

describe('monitoring within scope, and the metrics endpoint', () => {
  it('shows a commune officer only the items of facilities in its scope; NCHI sees all', async () => {
    // Dead from the start: an item inserted pending could be picked up by the instances' delivery runs before it is marked dead.
    const [mine] = await announceReports(1, 'scope-mine', stationId, 'DEAD');
    const [theirs] = await announceReports(1, 'scope-theirs', laiChauId, 'DEAD');
    const list = async (token: string) =>
      (
        await onInstance<{ items: { id: string }[] }>(0, '/api/v1/integration/outbox?status=DEAD&destination=DHIS2&pageSize=200', { token })
      ).body.items.map((i) => i.id);
    expect(await list(admin)).toEqual(expect.arrayContaining([mine, theirs]));
    const own = await list(station);
    expect(own).toContain(mine);
    expect(own).not.toContain(theirs);
    const resend = await onInstance(0, `/api/v1/integration/outbox/${theirs}/resend`, { method: 'POST', token: station });
    expect(resend.status).toBe(403);
  });

  it('answers Prometheus text with the token only', async () => {
    expect((await onInstance(0, '/api/metrics')).status).toBe(401);
    const metrics = await onInstance(0, '/api/metrics', { raw: `Bearer ${METRICS_TOKEN}` });
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/skss_outbox_items\{destination="DHIS2",status="DELIVERED"\} \d+/);
    expect(metrics.text).toContain('skss_api_process_resident_memory_bytes');
    // The delivery counters are per instance, and either instance may have taken every DHIS2 item: count them over both.
    const delivered = await Promise.all(
      instances.map(async (_, index) => {
        const text = (await onInstance(index, '/api/metrics', { raw: `Bearer ${METRICS_TOKEN}` })).text;
        expect(text).toContain('# TYPE skss_outbox_deliveries_total counter');
        return Number(/skss_outbox_deliveries_total\{destination="DHIS2",outcome="delivered"\} (\d+)/.exec(text)?.[1] ?? 0);
      }),
    );
    expect(delivered.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
  });

  it('counts the report drafts an instance served, kept or computed, and how many it keeps', async () => {
    const view = `/api/v1/statistical-reports/commune/${stationId}/2026-10`;
    // Three views: should a job write to the registers between the first two, the third is still served kept.
    for (let n = 0; n < 3; n++) expect((await onInstance(0, view, { token: station })).status).toBe(200);
    const text = (await onInstance(0, '/api/metrics', { raw: `Bearer ${METRICS_TOKEN}` })).text;
    const served = (outcome: string) =>
      Number(new RegExp(`skss_report_drafts_total\\{outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
    expect(served('computed')).toBeGreaterThan(0);
    expect(served('kept')).toBeGreaterThan(0);
    expect(Number(/skss_report_drafts_kept (\d+)/.exec(text)?.[1])).toBeGreaterThan(0);
  });
});
