import ExcelJS from 'exceljs';
import { hash } from '@node-rs/argon2';
import { withDb } from './support/db';
import { apiUrl, DEMO_PASSWORD, request, signIn } from './support/http';

interface ErrorBody {
  code: string;
  message: string;
  details?: { field: string; code: string; message: string }[];
}

interface AuditEvent {
  id: string;
  at: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  actor: { userId: string | null; username: string | null; facilityCode: string | null } | null;
  clientId: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
  details: Record<string, unknown> | null;
}

interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

const EVENTS = '/api/v1/audit-events';
const letters = () =>
  Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 8);
const stranger = `khong.co.${Date.now().toString(36)}${letters()}`;
const formulaName = `=hyperlink.${letters()}`;

/** Today, yesterday and tomorrow in Vietnam (UTC+7), as the API reads `from` and `to`. */
const vietnamDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

const failSignIn = (username: string, password = 'Sai-Mat-Khau#1') =>
  request<ErrorBody>('/api/v1/auth/login', { method: 'POST', token: null, body: { username, password, session: 'bearer' } });

const list = (query: string, token: string) => request<Page<AuditEvent> & ErrorBody>(`${EVENTS}?${query}`, { token });

/** Reads an .xlsx back with exceljs: the sheet name and each row's cells as text by column letter. */
async function readXlsx(file: Buffer): Promise<{ sheetName: string; rows: Map<string, string>[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: Map<string, string>[] = [];
  sheet.eachRow((row) => {
    const cells = new Map<string, string>();
    row.eachCell((cell) => cells.set(cell.address.replace(/\d+$/, ''), String(cell.value)));
    rows.push(cells);
  });
  return { sheetName: sheet.name, rows };
}

async function exportXlsx(query: string, token: string): Promise<{ status: number; headers: Headers; file: Buffer }> {
  const response = await fetch(apiUrl(`${EVENTS}/export?${query}`), { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, file: Buffer.from(await response.arrayBuffer()) };
}

let admin = '';
let cdcUserId = '';

beforeAll(async () => {
  admin = await signIn('nchi.admin');
  // A few things worth tracing: failed sign-ins, a sign-in and a sign-out.
  expect((await failSignIn(stranger)).status).toBe(401);
  expect((await failSignIn(formulaName)).status).toBe(401);
  expect((await failSignIn('cdc.dienbien')).status).toBe(401);
  const cdc = await signIn('cdc.dienbien');
  expect((await request('/api/v1/auth/logout', { method: 'POST', token: cdc })).status).toBe(204);
});

describe('the audit trail: querying', () => {
  it('finds a failed sign-in by action and user name', async () => {
    const { status, body } = await list(`action=SIGN_IN_FAILED&actor=${stranger}`, admin);
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      action: 'SIGN_IN_FAILED',
      entityType: 'UserAccount',
      actor: { userId: null, username: stranger, facilityCode: null },
      clientId: null,
      details: { reason: 'wrong-credentials' },
    });
    expect(body.items[0].id).toMatch(/^\d+$/);
    expect(body.items[0].ip).toEqual(expect.any(String));
  });

  it("lists one person's events newest first, with their unit", async () => {
    const { status, body } = await list(`actor=cdc.dienbien&from=${vietnamDay()}&to=${vietnamDay()}`, admin);
    expect(status).toBe(200);
    expect(body.items.slice(0, 3).map((e) => e.action)).toEqual(['SIGN_OUT', 'SIGN_IN', 'SIGN_IN_FAILED']);
    const times = body.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const [signOut, signInEvent] = body.items;
    expect(signOut.actor).toMatchObject({ username: 'cdc.dienbien', facilityCode: 'CDC.11', userId: expect.any(String) });
    cdcUserId = signInEvent.entityId ?? '';
    expect(signOut.entityId).toBe(cdcUserId);
  });

  it('filters by time range in Vietnam days', async () => {
    expect((await list(`actor=${stranger}&from=${vietnamDay()}`, admin)).body.total).toBe(1);
    expect((await list(`actor=${stranger}&from=${vietnamDay(1)}`, admin)).body.total).toBe(0);
    expect((await list(`actor=${stranger}&to=${vietnamDay(-1)}`, admin)).body.total).toBe(0);
    expect((await list(`actor=${stranger}&from=${vietnamDay(-1)}&to=${vietnamDay()}`, admin)).body.total).toBe(1);
  });

  it('filters by the unit of who acted', async () => {
    const { body } = await list('facility=CDC.11&action=SIGN_OUT', admin);
    expect(body.total).toBeGreaterThan(0);
    expect(new Set(body.items.map((e) => e.actor?.facilityCode))).toEqual(new Set(['CDC.11']));
  });

  it.each([
    ['from after to', `from=${vietnamDay()}&to=${vietnamDay(-1)}`, 'INVALID_PERIOD'],
    ['malformed day', 'from=01/07/2025', 'VALIDATION_FAILED'],
    ['unknown action', 'action=HACK', 'VALIDATION_FAILED'],
    ['unknown facility', 'facility=TYT.99999', 'UNKNOWN_FACILITY'],
    ['unknown parameter', 'user=nchi.admin', 'VALIDATION_FAILED'],
  ])('answers 400 for %s', async (_name, query, code) => {
    const { status, body } = await list(query, admin);
    expect([status, body.code]).toEqual([400, code]);
  });

  it("gives a record's whole history in one call, oldest first", async () => {
    const { status, body } = await request<{ entityType: string; entityId: string; events: AuditEvent[]; truncated: boolean }>(
      `${EVENTS}/history?entityType=UserAccount&entityId=${cdcUserId}`,
      { token: admin },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ entityType: 'UserAccount', entityId: cdcUserId, truncated: false });
    const times = body.events.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(body.events.slice(-2).map((e) => e.action)).toEqual(['SIGN_IN', 'SIGN_OUT']);
    expect(new Set(body.events.map((e) => e.entityId))).toEqual(new Set([cdcUserId]));
    const missing = await request<ErrorBody>(`${EVENTS}/history?entityType=UserAccount`, { token: admin });
    expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('lets the MCH Department read every unit', async () => {
    const { status, body } = await list(`actor=${stranger}`, await signIn('vu.bmte'));
    expect([status, body.total]).toEqual([200, 1]);
  });

  it('refuses users without audit.read (403) and requests without a session (401)', async () => {
    const tyt = await signIn('tyt.muongnhe');
    for (const path of [EVENTS, `${EVENTS}/history?entityType=UserAccount&entityId=x`, `${EVENTS}/export`]) {
      const refused = await request<ErrorBody>(path, { token: tyt });
      expect([path, refused.status, refused.body.code]).toEqual([path, 403, 'FORBIDDEN']);
      const anonymous = await request<ErrorBody>(path, { token: null });
      expect([path, anonymous.status, anonymous.body.code]).toEqual([path, 401, 'UNAUTHENTICATED']);
    }
  });
});

describe('the audit trail: scope of units outside the centre', () => {
  let token = '';

  beforeAll(async () => {
    // A Department of Health officer whose role grants audit.read (no seeded role does outside the centre).
    const suffix = letters();
    const username = `syt.audit.${suffix}`;
    await withDb(async (db) => {
      const role = await db.query<{ id: number }>(
        `INSERT INTO role (code, name, permissions, updated_at) VALUES ($1, 'Kiểm tra nhật ký (thử)', '{audit.read,org.read}', now()) RETURNING id`,
        [`AUDIT_TEST_${suffix.toUpperCase()}`],
      );
      const user = await db.query<{ id: string }>(
        `INSERT INTO user_account (id, username, full_name, full_name_folded, facility_id, password_hash, password_changed_at, must_change_password, updated_at)
         SELECT gen_random_uuid(), $1, $1, $1, f.id, $2, now(), false, now() FROM facility f WHERE f.code = 'SYT.11' RETURNING id`,
        [username, await hash(DEMO_PASSWORD)],
      );
      await db.query('INSERT INTO user_role (user_id, role_id) VALUES ($1, $2)', [user.rows[0].id, role.rows[0].id]);
    });
    token = await signIn(username);
  });

  it('sees the events of people of units that report to it', async () => {
    const { status, body } = await list('actor=cdc.dienbien&action=SIGN_OUT', token);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
  });

  it('does not see central units, nor events without a unit', async () => {
    expect((await list('actor=nchi.admin', token)).body.total).toBe(0);
    expect((await list('facility=BYT.TTTTYTQG', token)).body.total).toBe(0);
    expect((await list(`actor=${stranger}`, token)).body.total).toBe(0);
    const { body } = await list('pageSize=200', token);
    expect(body.items.every((e) => e.actor?.facilityCode && !e.actor.facilityCode.startsWith('BYT.'))).toBe(true);
  });
});

describe('the audit trail: export to Excel', () => {
  it('exports the filtered events as a valid workbook and records the export', async () => {
    const query = `actor=cdc.dienbien&from=${vietnamDay()}&to=${vietnamDay()}`;
    const expected = (await list(`${query}&pageSize=200`, admin)).body;
    const { status, headers, file } = await exportXlsx(query, admin);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headers.get('content-disposition')).toMatch(/^attachment; filename="nhat-ky-he-thong-\d{8}-\d{4}\.xlsx"$/);
    expect(file.subarray(0, 2).toString()).toBe('PK');

    const { sheetName, rows } = await readXlsx(file);
    expect(sheetName).toBe('Nhật ký hệ thống');
    const [header, ...data] = rows;
    expect([...header.values()]).toEqual([
      'Mã sự kiện',
      'Thời điểm',
      'Thao tác',
      'Loại đối tượng',
      'Mã đối tượng',
      'Tài khoản thực hiện',
      'Đơn vị',
      'Hệ thống tích hợp',
      'Địa chỉ IP',
      'Trước thay đổi',
      'Sau thay đổi',
      'Chi tiết',
    ]);
    expect(data).toHaveLength(expected.total);
    expect(data.map((r) => r.get('A'))).toEqual(expected.items.map((e) => e.id));
    const first = expected.items[0];
    const vietnamTime = new Date(new Date(first.at).getTime() + 7 * 3600_000).toISOString();
    const [day, time] = [vietnamTime.slice(0, 10).split('-').reverse().join('/'), vietnamTime.slice(11, 19)];
    expect(data[0].get('B')).toBe(`${day} ${time}`);
    expect(data[0].get('C')).toBe('SIGN_OUT');
    expect(data[0].get('F')).toBe('cdc.dienbien');
    expect(data[0].get('G')).toBe('CDC.11');

    const recorded = (await list('action=EXPORT&actor=nchi.admin&pageSize=1', admin)).body.items[0];
    expect(recorded).toMatchObject({
      action: 'EXPORT',
      entityType: 'AuditEvent',
      actor: { username: 'nchi.admin', facilityCode: 'BYT.TTTTYTQG' },
      details: { format: 'xlsx', rowCount: expected.total, filters: { actor: 'cdc.dienbien', from: vietnamDay(), to: vietnamDay() } },
    });
  });

  it('keeps text that looks like a formula as text', async () => {
    const { status, file } = await exportXlsx(`actor=${encodeURIComponent(formulaName)}`, admin);
    expect(status).toBe(200);
    const [, row] = (await readXlsx(file)).rows;
    expect(row.get('F')).toBe(`'${formulaName}`);
  });

  it('refuses more than 50 000 rows, asking to narrow the filters', async () => {
    const entityType = `CapTest${letters()}`;
    await withDb((db) =>
      db.query(`INSERT INTO audit_event (action, entity_type, entity_id) SELECT 'EXPORT', $1, g::text FROM generate_series(1, 50001) g`, [
        entityType,
      ]),
    );
    expect((await list(`entityType=${entityType}&pageSize=1`, admin)).body.total).toBe(50_001);
    const tooMany = await request<ErrorBody>(`${EVENTS}/export?entityType=${entityType}`, { token: admin });
    expect([tooMany.status, tooMany.body.code]).toEqual([400, 'EXPORT_TOO_LARGE']);
    expect(tooMany.body.message).toContain('thu hẹp bộ lọc');
    const narrowed = await exportXlsx(`entityType=${entityType}&entityId=50001`, admin);
    expect(narrowed.status).toBe(200);
    expect((await readXlsx(narrowed.file)).rows).toHaveLength(2);
  });
});

describe('the audit trail is append-only in PostgreSQL', () => {
  let id = '';
  beforeAll(async () => {
    id = (await list(`actor=${stranger}`, admin)).body.items[0].id;
  });

  it("refuses UPDATE and DELETE to the application's role", async () => {
    await withDb(async (db) => {
      await expect(db.query(`UPDATE audit_event SET action = 'SIGN_IN' WHERE id = $1`, [id])).rejects.toMatchObject({ code: '42501' });
      await expect(db.query('DELETE FROM audit_event WHERE id = $1', [id])).rejects.toMatchObject({ code: '42501' });
      await expect(db.query('TRUNCATE audit_event')).rejects.toMatchObject({ code: '42501' });
    }, true);
  });

  it('refuses UPDATE and DELETE even to the owner, through the trigger', async () => {
    await withDb(async (db) => {
      await expect(db.query(`UPDATE audit_event SET action = 'SIGN_IN' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit_event WHERE id = $1', [id])).rejects.toThrow(/append-only/);
      await expect(db.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
      const row = await db.query<{ action: string }>('SELECT action FROM audit_event WHERE id = $1', [id]);
      expect(row.rows).toEqual([{ action: 'SIGN_IN_FAILED' }]);
    });
  });
});
