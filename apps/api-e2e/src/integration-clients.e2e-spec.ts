import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { request, signIn } from './support/http';

interface ErrorBody {
  code: string;
  message: string;
  details?: { field: string; code: string; message: string }[];
}

interface IntegrationClient {
  id: string;
  clientId: string;
  name: string;
  system: string;
  operations: string[];
  status: 'active' | 'disabled';
  facilityCount: number;
  facilities?: { code: string; name: string }[];
  lastUsedAt: string | null;
  rotatedAt: string | null;
  revokedAt: string | null;
}

interface ClientWithSecret {
  client: IntegrationClient;
  clientSecret: string;
}

interface Whoami {
  clientId: string;
  system: string;
  operations: string[];
  facilityCodes: string[];
}

interface AuditEvent {
  id: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  actor: { userId: string | null; username: string | null; facilityCode: string | null } | null;
  clientId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  details: Record<string, unknown> | null;
}

const BASE = '/api/v1/integration-clients';
const basic = (clientId: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` });
const whoami = (clientId: string, secret: string) =>
  request<Whoami & ErrorBody>('/api/v1/integration/whoami', { token: null, headers: basic(clientId, secret) });
const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;

async function withDb<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: process.env['SKSS_TEST_DATABASE_URL'] });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

let admin = '';
beforeAll(async () => {
  admin = await signIn('nchi.admin');
});

describe('integration accounts: the life of one account', () => {
  let created: ClientWithSecret;
  let rotatedSecret = '';

  it('creates an account for a province; the secret is shown once and stored as its SHA-256', async () => {
    const name = unique('HIS Bệnh viện đa khoa tỉnh Điện Biên');
    const { status, body } = await request<ClientWithSecret>(BASE, {
      method: 'POST',
      token: admin,
      body: { name, system: 'HIS', provinceCode: '11', operations: ['records.push'] },
    });
    expect(status).toBe(201);
    created = body;
    expect(body.client.clientId).toMatch(/^his-[0-9a-f]{16}$/);
    expect(body.client).toMatchObject({ name, system: 'HIS', operations: ['records.push'], status: 'active', revokedAt: null });
    expect(Buffer.from(body.clientSecret, 'base64url')).toHaveLength(32);
    const codes = body.client.facilities?.map((f) => f.code) ?? [];
    expect(codes).toEqual(expect.arrayContaining(['SYT.11', 'CDC.11', 'TYT.03127.2025', 'TYT.03160.2025']));
    expect(codes).not.toContain('CDC.12');
    expect(body.client.facilityCount).toBe(codes.length);
    expect(JSON.stringify(body.client)).not.toMatch(/secret|hash/i);

    const stored = await withDb((db) =>
      db.query('SELECT secret_hash FROM integration_client WHERE client_id = $1', [body.client.clientId]),
    );
    expect(stored.rows[0].secret_hash).toBe(createHash('sha256').update(body.clientSecret).digest('hex'));
  });

  it('never shows the secret or its hash again', async () => {
    const detail = await request<IntegrationClient>(`${BASE}/${created.client.clientId}`, { token: admin });
    expect(detail.status).toBe(200);
    expect(detail.body.facilities?.length).toBe(created.client.facilityCount);
    const list = await request<{ items: IntegrationClient[]; total: number }>(`${BASE}?system=HIS&pageSize=200`, { token: admin });
    expect(list.status).toBe(200);
    const item = list.body.items.find((c) => c.clientId === created.client.clientId);
    expect(item).toMatchObject({ facilityCount: created.client.facilityCount, status: 'active', rotatedAt: null });
    const hash = createHash('sha256').update(created.clientSecret).digest('hex');
    for (const text of [JSON.stringify(detail.body), JSON.stringify(list.body)]) {
      expect(text).not.toContain(created.clientSecret);
      expect(text).not.toContain(hash);
      expect(text).not.toMatch(/secretHash|clientSecret/);
    }
  });

  it('lets the external system authenticate with Basic credentials and records its last use', async () => {
    const { status, body } = await whoami(created.client.clientId, created.clientSecret);
    expect(status).toBe(200);
    expect(body).toMatchObject({ clientId: created.client.clientId, system: 'HIS', operations: ['records.push'] });
    expect(body.facilityCodes).toEqual(created.client.facilities?.map((f) => f.code));
    const detail = await request<IntegrationClient>(`${BASE}/${created.client.clientId}`, { token: admin });
    expect(detail.body.lastUsedAt).not.toBeNull();
  });

  it('gives the same 401 to a wrong secret, an unknown account and a malformed header', async () => {
    for (const headers of [
      basic(created.client.clientId, `${created.clientSecret}x`),
      basic('his-0000000000000000', created.clientSecret),
      basic(created.client.clientId, ''),
      { authorization: 'Basic %%%not-base64' },
    ]) {
      const { status, body, headers: answer } = await request<ErrorBody>('/api/v1/integration/whoami', { token: null, headers });
      expect([status, body.code]).toEqual([401, 'INVALID_CLIENT_CREDENTIALS']);
      expect(answer.get('www-authenticate')).toContain('Basic');
    }
  });

  it('keeps clients off user routes and users off client routes', async () => {
    for (const path of ['/api/v1/facilities', BASE, '/api/v1/audit-events', '/api/v1/auth/me']) {
      const { status, body } = await request<ErrorBody>(path, {
        token: null,
        headers: basic(created.client.clientId, created.clientSecret),
      });
      expect([path, status, body.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    const { status, body } = await request<ErrorBody>('/api/v1/integration/whoami', { token: admin });
    expect([status, body.code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await request<ErrorBody>('/api/v1/integration/whoami', { token: null });
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('changes name, operations and facilities', async () => {
    const { status, body } = await request<IntegrationClient>(`${BASE}/${created.client.clientId}`, {
      method: 'PATCH',
      token: admin,
      body: { name: 'HIS Trạm Y tế Phường Điện Biên Phủ', operations: ['records.push', 'deaths.push'], facilityCodes: ['TYT.03127.2025'] },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      name: 'HIS Trạm Y tế Phường Điện Biên Phủ',
      operations: ['records.push', 'deaths.push'],
      facilityCount: 1,
    });
    const me = await whoami(created.client.clientId, created.clientSecret);
    expect(me.body).toMatchObject({ operations: ['deaths.push', 'records.push'], facilityCodes: ['TYT.03127.2025'] });
  });

  it('rotates the secret: the old one stops working at once, the new one works', async () => {
    const { status, body } = await request<ClientWithSecret>(`${BASE}/${created.client.clientId}/rotate-secret`, {
      method: 'POST',
      token: admin,
    });
    expect(status).toBe(200);
    rotatedSecret = body.clientSecret;
    expect(rotatedSecret).not.toBe(created.clientSecret);
    expect(body.client.rotatedAt).not.toBeNull();
    expect((await whoami(created.client.clientId, created.clientSecret)).status).toBe(401);
    expect((await whoami(created.client.clientId, rotatedSecret)).status).toBe(200);
  });

  it('revokes the account: it can no longer authenticate nor be changed', async () => {
    const { status, body } = await request<IntegrationClient>(`${BASE}/${created.client.clientId}/revoke`, {
      method: 'POST',
      token: admin,
    });
    expect(status).toBe(200);
    expect(body.status).toBe('disabled');
    expect(body.revokedAt).not.toBeNull();
    const refused = await whoami(created.client.clientId, rotatedSecret);
    expect([refused.status, refused.body.code]).toEqual([401, 'INVALID_CLIENT_CREDENTIALS']);
    for (const [method, path] of [
      ['POST', `${BASE}/${created.client.clientId}/rotate-secret`],
      ['POST', `${BASE}/${created.client.clientId}/revoke`],
      ['PATCH', `${BASE}/${created.client.clientId}`],
    ]) {
      const answer = await request<ErrorBody>(path, { method, token: admin, body: method === 'PATCH' ? { name: 'x' } : undefined });
      expect([path, answer.status, answer.body.code]).toEqual([path, 409, 'INTEGRATION_CLIENT_REVOKED']);
    }
  });

  it('leaves an audit trail of every change, without any secret', async () => {
    const { status, body } = await request<{ events: AuditEvent[] }>(
      `/api/v1/audit-events/history?entityType=IntegrationClient&entityId=${created.client.id}`,
      { token: admin },
    );
    expect(status).toBe(200);
    expect(body.events.map((e) => [e.action, e.details?.['reason'] ?? null])).toEqual([
      ['CREATE', null],
      ['ACCESS_DENIED', 'wrong-secret'],
      ['UPDATE', null],
      ['SCOPE_CHANGE', null],
      ['SECRET_ROTATED', null],
      ['ACCESS_DENIED', 'wrong-secret'],
      ['UPDATE', null],
      ['ACCESS_DENIED', 'revoked'],
    ]);
    const [create, , update, scope, rotate, , revoke] = body.events;
    expect(create.actor).toMatchObject({ username: 'nchi.admin', facilityCode: 'BYT.TTTTYTQG' });
    expect(create.after).toMatchObject({ clientId: created.client.clientId, secretHash: '[redacted]', operations: ['records.push'] });
    expect(update.after).toMatchObject({ operations: ['records.push', 'deaths.push'] });
    expect(scope.after).toEqual({ facilityCodes: ['TYT.03127.2025'] });
    expect(rotate.before).toMatchObject({ rotatedAt: null, secretHash: '[redacted]' });
    expect(rotate.after).toMatchObject({ secretHash: '[redacted]' });
    expect(revoke.after).toMatchObject({ status: 'disabled' });

    // Straight from the table too: neither secret nor its hash anywhere in the trail.
    const rows = await withDb((db) =>
      db.query<{ row: string }>(
        `SELECT row_to_json(a)::text AS row FROM audit_event a WHERE entity_type = 'IntegrationClient' AND entity_id = $1`,
        [created.client.id],
      ),
    );
    expect(rows.rows.length).toBe(body.events.length);
    const trail = rows.rows.map((r) => r.row).join('\n');
    for (const secret of [created.clientSecret, rotatedSecret]) {
      expect(trail).not.toContain(secret);
      expect(trail).not.toContain(createHash('sha256').update(secret).digest('hex'));
    }
  });
});

describe('integration accounts: who may manage them', () => {
  const body = { name: 'YTCS thử', system: 'YTCS', facilityCodes: ['TYT.03127.2025'], operations: ['records.push'] };

  it.each(['tyt.dienbienphu', 'syt.dienbien', 'vu.bmte'])('refuses %s (403)', async (username) => {
    const token = await signIn(username);
    const create = await request<ErrorBody>(BASE, { method: 'POST', token, body });
    expect([create.status, create.body.code]).toEqual([403, 'FORBIDDEN']);
    const list = await request<ErrorBody>(BASE, { token });
    expect([list.status, list.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('refuses a request without a session (401)', async () => {
    const { status, body: error } = await request<ErrorBody>(BASE, { method: 'POST', token: null, body });
    expect([status, error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('answers 404 for an unknown account', async () => {
    const { status, body: error } = await request<ErrorBody>(`${BASE}/his-ffffffffffffffff`, { token: admin });
    expect([status, error.code]).toEqual([404, 'INTEGRATION_CLIENT_NOT_FOUND']);
  });
});

describe('integration accounts: bad input gets a 400 with a code', () => {
  const valid = { name: 'HIS thử', system: 'HIS', facilityCodes: ['TYT.03127.2025'], operations: ['records.push'] };

  it.each([
    ['unknown system', { ...valid, system: 'PACS' }, 'VALIDATION_FAILED', 'system', 'IS_ENUM'],
    ['unknown operation', { ...valid, operations: ['records.push', 'records.delete'] }, 'VALIDATION_FAILED', 'operations', 'IS_ENUM'],
    ['no operation', { ...valid, operations: [] }, 'VALIDATION_FAILED', 'operations', 'ARRAY_MIN_SIZE'],
    ['unknown field', { ...valid, secret: 'mine' }, 'VALIDATION_FAILED', 'secret', 'WHITELIST_VALIDATION'],
    ['missing name', { ...valid, name: undefined }, 'VALIDATION_FAILED', 'name', 'IS_STRING'],
    ['malformed facility code', { ...valid, facilityCodes: ['drop table'] }, 'VALIDATION_FAILED', 'facilityCodes', 'MATCHES'],
    [
      'unknown facility code',
      { ...valid, facilityCodes: ['TYT.03127.2025', 'TYT.99999'] },
      'UNKNOWN_FACILITY',
      'facilityCodes.1',
      'UNKNOWN_FACILITY',
    ],
    [
      'unknown province',
      { ...valid, facilityCodes: undefined, provinceCode: '99' },
      'UNKNOWN_PROVINCE',
      'provinceCode',
      'UNKNOWN_PROVINCE',
    ],
    [
      'province before the reform',
      { ...valid, facilityCodes: undefined, provinceCode: '62' },
      'UNKNOWN_PROVINCE',
      'provinceCode',
      'UNKNOWN_PROVINCE',
    ],
    ['no facility at all', { ...valid, facilityCodes: [] }, 'FACILITIES_REQUIRED', 'facilityCodes', 'FACILITIES_REQUIRED'],
  ])('%s', async (_name, body, code, field, fieldCode) => {
    const { status, body: error } = await request<ErrorBody>(BASE, { method: 'POST', token: admin, body });
    expect(status).toBe(400);
    expect(error.code).toBe(code);
    expect(error.message).toEqual(expect.any(String));
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, code: fieldCode })]));
  });

  it('refuses a malformed client id in the path', async () => {
    const { status, body } = await request<ErrorBody>(`${BASE}/HIS%20x/revoke`, { method: 'POST', token: admin });
    expect([status, body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
