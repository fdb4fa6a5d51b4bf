import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { hash } from '@node-rs/argon2';
import { authenticator } from 'otplib';
import { Client } from 'pg';
import { startTestStack, TestStack } from '@skss/tooling/testing';
import { applicationUrl, createTestUser, uniqueName, withDb } from './support/db';
import { request, signIn } from './support/http';
import { ErrorBody, Page } from './types';

/** Accounts and roles administration (subsystems a and b; Điều 5, 10, 17) and the first-administrator CLI. */

const PASSWORD = 'Trạm-Xá#2026!kq';
const NEW_PASSWORD = 'Mường-Tè#2027!zx';

interface User {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  facility: { code: string; kind: string; level: string };
  roles: { code: string; name: string }[];
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  locked: boolean;
  totpEnabled: boolean;
  ssoSubject: string | null;
}
type CreatedUser = User & { initialPassword: string };
interface Role {
  code: string;
  name: string;
  permissions: string[];
  requireTotp: boolean;
  isSystem: boolean;
  memberCount: number;
}
interface Me {
  id: string;
  pending: string | null;
  permissions: string[];
}

const roleCode = (prefix: string) => `${prefix}_${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e4)}`;
const post = <T>(path: string, token: string, body?: unknown) => request<T & ErrorBody>(path, { method: 'POST', token, body });
const put = <T>(path: string, token: string, body?: unknown) => request<T & ErrorBody>(path, { method: 'PUT', token, body });
const patch = <T>(path: string, token: string, body?: unknown) => request<T & ErrorBody>(path, { method: 'PATCH', token, body });
const del = (path: string, token: string) => request<ErrorBody>(path, { method: 'DELETE', token });
const get = <T>(path: string, token: string | null) => request<T & ErrorBody>(path, { token });

async function idOf(username: string, token: string): Promise<string> {
  const { body } = await get<Page<User>>(`/api/v1/users?q=${encodeURIComponent(username)}`, token);
  const user = body.items.find((u) => u.username === username);
  if (!user) throw new Error(`${username} not listed`);
  return user.id;
}

async function auditOf(
  entityId: string,
): Promise<{ action: string; actor_username: string | null; before: unknown; after: unknown; details: unknown }[]> {
  return withDb(
    async (db) =>
      (
        await db.query(`SELECT action, actor_username, before, after, details FROM audit_event WHERE entity_id = $1 ORDER BY id`, [
          entityId,
        ])
      ).rows,
  );
}

let admin = '';
let adminId = '';
beforeAll(async () => {
  admin = await signIn('nchi.admin');
  adminId = (await get<Me>('/api/v1/auth/me', admin)).body.id;
});

describe('creating accounts (Điều 5)', () => {
  it('creates an account with the default role of its facility and an initial password that must be changed', async () => {
    const username = uniqueName('tyt.lan');
    const created = await post<CreatedUser>('/api/v1/users', admin, {
      username: ` ${username.toUpperCase()} `,
      fullName: 'Nguyễn Thị Lan'.normalize('NFD'),
      email: 'lan@example.vn',
      facilityCode: 'TYT.03160.2025',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.body).toMatchObject({
      username,
      fullName: 'Nguyễn Thị Lan'.normalize('NFC'),
      facility: { code: 'TYT.03160.2025', kind: 'COMMUNE_HEALTH_STATION', level: 'commune' },
      roles: [{ code: 'TYT' }],
      status: 'active',
      mustChangePassword: true,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/passwordHash|totpSecret/);
    expect(created.body.initialPassword).toMatch(/^.{16}$/);

    const token = await signIn(username, created.body.initialPassword);
    expect((await get<Me>('/api/v1/auth/me', token)).body.pending).toBe('PASSWORD_CHANGE_REQUIRED');
    const fetched = await get<User>(`/api/v1/users/${created.body.id}`, admin);
    expect(fetched.body).toMatchObject({ id: created.body.id, username });
    expect(fetched.body).not.toHaveProperty('initialPassword');

    const audit = await auditOf(created.body.id);
    const create = audit.find((row) => row.action === 'CREATE');
    expect(create?.actor_username).toBe('nchi.admin');
    expect(create?.after).toMatchObject({ username, passwordHash: '[redacted]' });
    expect(JSON.stringify(audit)).not.toContain(created.body.initialPassword);
  });

  it.each([
    [{ username: 'a b' }, 'username'],
    [{ username: 'x'.repeat(61) }, 'username'],
    [{ email: 'not-an-email' }, 'email'],
    [{ roleCodes: [] }, 'roleCodes'],
    [{ roleCodes: ['tyt'] }, 'roleCodes'],
    [{ fullName: '   ' }, 'fullName'],
    [{ facilityId: 1 }, 'facilityId'],
    [{ mustChangePassword: false }, 'mustChangePassword'],
  ])('refuses %p naming the field', async (override, field) => {
    const body = { username: uniqueName('tyt.bad'), fullName: 'Lò Văn A', facilityCode: 'TYT.03160.2025', ...override };
    const { status, body: answer } = await post('/api/v1/users', admin, body);
    expect([status, answer.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(answer.details?.map((d) => d.field)).toContain(field);
    expect(answer.details?.every((d) => /[à-ỹ]/i.test(d.message))).toBe(true);
  });

  it('refuses unknown or dissolved facilities, unknown roles and usernames in use anywhere', async () => {
    const base = { username: uniqueName('tyt.ref'), fullName: 'Lò Văn B' };
    const unknown = await post('/api/v1/users', admin, { ...base, facilityCode: 'TYT.99999' });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'FACILITY_NOT_FOUND']);
    const dissolved = await withDb((db) => db.query(`SELECT code FROM facility WHERE valid_to < CURRENT_DATE ORDER BY code LIMIT 1`));
    const old = await post('/api/v1/users', admin, { ...base, facilityCode: dissolved.rows[0].code });
    expect([old.status, old.body.code]).toEqual([400, 'FACILITY_NOT_IN_FORCE']);
    const role = await post('/api/v1/users', admin, { ...base, facilityCode: 'CDC.11', roleCodes: ['CDC', 'NO_SUCH_ROLE'] });
    expect([role.status, role.body.code, role.body.details?.[0]?.field]).toEqual([400, 'ROLE_NOT_FOUND', 'roleCodes']);
    const taken = await post('/api/v1/users', admin, { ...base, username: 'cdc.laichau', facilityCode: 'CDC.11' });
    expect([taken.status, taken.body.code]).toEqual([409, 'USERNAME_TAKEN']);
  });

  it('is reserved to holders of users.manage', async () => {
    const syt = await signIn('syt.dienbien');
    const refused = await post('/api/v1/users', syt, { username: uniqueName('syt.x'), fullName: 'X', facilityCode: 'SYT.11' });
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    const tyt = await signIn('tyt.muongnhe');
    expect((await get('/api/v1/users', tyt)).status).toBe(403);
    expect((await get('/api/v1/roles', tyt)).status).toBe(403);
    expect((await get('/api/v1/users', null)).status).toBe(401);
  });
});

describe('listing and editing accounts', () => {
  it('finds accounts by name without diacritics, by facility, role and status', async () => {
    const username = uniqueName('tyt.search');
    const created = await post<CreatedUser>('/api/v1/users', admin, {
      username,
      fullName: 'Giàng Thị Đào',
      facilityCode: 'TYT.03127.2025',
    });
    const byName = await get<Page<User>>('/api/v1/users?q=giang%20thi%20dao', admin);
    expect(byName.body.items.map((u) => u.username)).toContain(username);
    const byFacility = await get<Page<User>>('/api/v1/users?facility=TYT.03127.2025&role=TYT&status=active&pageSize=200', admin);
    expect(byFacility.body.items.map((u) => u.username)).toEqual(expect.arrayContaining(['tyt.dienbienphu', username]));
    expect(byFacility.body.items.every((u) => u.facility.code === 'TYT.03127.2025')).toBe(true);
    const page = await get<Page<User>>('/api/v1/users?pageSize=2&page=1', admin);
    expect([page.body.items.length, page.body.pageSize]).toEqual([2, 2]);
    expect(page.body.total).toBeGreaterThan(7);
    expect((await get(`/api/v1/users?status=gone`, admin)).status).toBe(400);
    expect((await get(`/api/v1/users/not-a-uuid`, admin)).status).toBe(400);

    const edited = await patch<User>(`/api/v1/users/${created.body.id}`, admin, {
      fullName: 'Giàng Thị Mai',
      email: 'mai@example.vn',
      phone: '0912 345 678',
    });
    expect(edited.body).toMatchObject({ fullName: 'Giàng Thị Mai', email: 'mai@example.vn' });
    const cleared = await patch<User>(`/api/v1/users/${created.body.id}`, admin, { email: null });
    expect(cleared.body.email).toBeNull();
    expect((await patch(`/api/v1/users/${created.body.id}`, admin, { fullName: null })).status).toBe(400);
    const moved = await patch<User>(`/api/v1/users/${created.body.id}`, admin, { facilityCode: 'TYT.03160.2025' });
    expect(moved.body.facility.code).toBe('TYT.03160.2025');
  });

  it('links single sign-on to one account only', async () => {
    const subject = uniqueName('sso-subject');
    const first = await post<CreatedUser>('/api/v1/users', admin, {
      username: uniqueName('cdc.sso'),
      fullName: 'A',
      facilityCode: 'CDC.11',
      ssoSubject: subject,
    });
    expect(first.body.ssoSubject).toBe(subject);
    const second = await post<CreatedUser>('/api/v1/users', admin, {
      username: uniqueName('cdc.sso'),
      fullName: 'B',
      facilityCode: 'CDC.11',
    });
    const clash = await patch(`/api/v1/users/${second.body.id}`, admin, { ssoSubject: subject });
    expect([clash.status, clash.body.code]).toEqual([409, 'SSO_SUBJECT_TAKEN']);
    expect((await patch(`/api/v1/users/${second.body.id}`, admin, { ssoSubject: ` ${subject}` })).status).toBe(400);
  });
});

describe('scope (Điều 10)', () => {
  it('shows a Department of Health the accounts of its province only', async () => {
    const syt = await signIn('syt.dienbien');
    const listed: User[] = [];
    for (let page = 1; ; page++) {
      const { status, body } = await get<Page<User>>(`/api/v1/users?pageSize=200&page=${page}`, syt);
      expect(status).toBe(200);
      listed.push(...body.items);
      if (listed.length >= body.total) break;
    }
    const names = listed.map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining(['syt.dienbien', 'cdc.dienbien', 'tyt.muongnhe', 'tyt.dienbienphu']));
    expect(names).not.toContain('cdc.laichau');
    expect(names).not.toContain('nchi.admin');
    const inProvince = await withDb((db) =>
      db.query<{ code: string }>(
        `WITH RECURSIVE t(id) AS (SELECT id FROM facility WHERE code = 'SYT.11'
           UNION SELECT l.facility_id FROM facility_reporting_line l JOIN t ON l.reports_to_id = t.id)
         SELECT f.code FROM facility f JOIN t ON t.id = f.id`,
      ),
    );
    const codes = new Set(inProvince.rows.map((r) => r.code));
    expect(listed.every((u) => codes.has(u.facility.code))).toBe(true);
    const laichau = await idOf('cdc.laichau', admin);
    const hidden = await get(`/api/v1/users/${laichau}`, syt);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'USER_NOT_FOUND']);
  });

  it('lets an administrator of a provincial unit manage the accounts of that unit only', async () => {
    const code = roleCode('T_PROV_ADMIN');
    expect(
      (await post('/api/v1/roles', admin, { code, name: 'Quản trị tài khoản tỉnh', permissions: ['users.read', 'users.manage'] })).status,
    ).toBe(201);
    const provincial = uniqueName('syt.admin');
    await createTestUser({ username: provincial, facility: 'SYT.11', role: code, password: PASSWORD });
    const token = await signIn(provincial, PASSWORD);

    const own = await post<CreatedUser>('/api/v1/users', token, {
      username: uniqueName('syt.officer'),
      fullName: 'Quàng Văn C',
      facilityCode: 'SYT.11',
    });
    expect([own.status, own.body.roles.map((r) => r.code)]).toEqual([201, ['SO_Y_TE']]);
    const below = await post('/api/v1/users', token, {
      username: uniqueName('tyt.officer'),
      fullName: 'Quàng Văn D',
      facilityCode: 'TYT.03160.2025',
    });
    expect([below.status, below.body.code]).toEqual([403, 'OUT_OF_SCOPE']);

    const station = uniqueName('tyt.scope');
    const stationId = await createTestUser({ username: station, facility: 'TYT.03160.2025', role: 'TYT', password: PASSWORD });
    expect((await get<User>(`/api/v1/users/${stationId}`, token)).status).toBe(200);
    for (const attempt of [
      post(`/api/v1/users/${stationId}/password-reset`, token),
      post(`/api/v1/users/${stationId}/disable`, token),
      patch(`/api/v1/users/${stationId}`, token, { fullName: 'Đổi tên' }),
      put(`/api/v1/users/${stationId}/roles`, token, { roleCodes: ['CDC'] }),
    ]) {
      const { status, body } = await attempt;
      expect([status, body.code]).toEqual([403, 'OUT_OF_SCOPE']);
    }
    expect((await signIn(station, PASSWORD)).length).toBeGreaterThan(0);
    const elsewhere = await get(`/api/v1/users/${await idOf('cdc.laichau', admin)}`, token);
    expect(elsewhere.status).toBe(404);
    const hiddenName = await post('/api/v1/users', token, { username: 'cdc.laichau', fullName: 'Trùng tên', facilityCode: 'SYT.11' });
    expect([hiddenName.status, hiddenName.body.code]).toEqual([409, 'USERNAME_TAKEN']);
    const escalate = await put(`/api/v1/users/${own.body.id}/roles`, token, { roleCodes: ['NCHI_ADMIN'] });
    expect([escalate.status, escalate.body.code]).toEqual([403, 'PERMISSION_NOT_HELD']);
  });
});

describe('roles of an account', () => {
  it('replaces the roles, takes effect on the next request and is audited as ROLE_CHANGE', async () => {
    const username = uniqueName('cdc.roles');
    const id = await createTestUser({ username, facility: 'CDC.12', role: 'CDC', password: PASSWORD });
    const token = await signIn(username, PASSWORD);
    expect((await get<Me>('/api/v1/auth/me', token)).body.permissions).toContain('reports.approve');
    const changed = await put<User>(`/api/v1/users/${id}/roles`, admin, { roleCodes: ['TYT'] });
    expect(changed.body.roles.map((r) => r.code)).toEqual(['TYT']);
    expect((await get<Me>('/api/v1/auth/me', token)).body.permissions).not.toContain('reports.approve');
    const event = (await auditOf(id)).find((row) => row.action === 'ROLE_CHANGE');
    expect(event).toMatchObject({ actor_username: 'nchi.admin', before: { roles: ['CDC'] }, after: { roles: ['TYT'] } });
  });

  it('refuses administration of one’s own account', async () => {
    for (const attempt of [
      put(`/api/v1/users/${adminId}/roles`, admin, { roleCodes: ['TYT'] }),
      post(`/api/v1/users/${adminId}/disable`, admin),
      post(`/api/v1/users/${adminId}/password-reset`, admin),
      patch(`/api/v1/users/${adminId}`, admin, { facilityCode: 'CDC.11' }),
    ]) {
      const { status, body } = await attempt;
      expect([status, body.code]).toEqual([403, 'OWN_ACCOUNT']);
    }
    expect((await get<Me>('/api/v1/auth/me', admin)).status).toBe(200);
  });

  it('lets an administrator grant only the administration rights it holds', async () => {
    const code = roleCode('T_USER_ADMIN');
    await post('/api/v1/roles', admin, { code, name: 'Quản trị tài khoản', permissions: ['users.read', 'users.manage'] });
    const userAdmin = uniqueName('nchi.useradmin');
    await createTestUser({ username: userAdmin, facility: 'BYT.TTTTYTQG', role: code, password: PASSWORD });
    const token = await signIn(userAdmin, PASSWORD);
    const officer = uniqueName('cdc.granted');
    const officerId = await createTestUser({ username: officer, facility: 'CDC.11', role: 'CDC', password: PASSWORD });
    expect((await put(`/api/v1/users/${officerId}/roles`, token, { roleCodes: ['CDC', 'TYT'] })).status).toBe(200);
    const grant = await put(`/api/v1/users/${officerId}/roles`, token, { roleCodes: ['NCHI_ADMIN'] });
    expect([grant.status, grant.body.code, grant.body.details?.map((d) => d.message).join()]).toEqual([
      403,
      'PERMISSION_NOT_HELD',
      expect.stringContaining('roles.manage'),
    ]);
    const created = await post('/api/v1/users', token, {
      username: uniqueName('nchi.x'),
      fullName: 'X',
      facilityCode: 'BYT.TTTTYTQG',
      roleCodes: ['NCHI_ADMIN'],
    });
    expect(created.body.code).toBe('PERMISSION_NOT_HELD');
    const reset = await post(`/api/v1/users/${adminId}/password-reset`, token);
    expect([reset.status, reset.body.code]).toEqual([403, 'PERMISSION_NOT_HELD']);
    const edit = await patch(`/api/v1/roles/${code}`, token, { name: 'x' });
    expect([edit.status, edit.body.code]).toEqual([403, 'FORBIDDEN']);
  });
});

describe('access of an account', () => {
  let officer = '';
  let officerId = '';
  beforeEach(async () => {
    officer = uniqueName('tyt.access');
    officerId = await createTestUser({ username: officer, facility: 'TYT.03127.2025', role: 'TYT', password: PASSWORD });
  });

  it('disabling ends the sessions and refuses sign-in; enabling restores access', async () => {
    const token = await signIn(officer, PASSWORD);
    const disabled = await post<User>(`/api/v1/users/${officerId}/disable`, admin);
    expect(disabled.body.status).toBe('disabled');
    expect((await get('/api/v1/auth/me', token)).status).toBe(401);
    const refused = await request<ErrorBody>('/api/v1/auth/login', {
      method: 'POST',
      token: null,
      body: { username: officer, password: PASSWORD },
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'ACCOUNT_DISABLED']);
    expect((await get<Page<User>>('/api/v1/users?status=disabled&pageSize=200', admin)).body.items.map((u) => u.id)).toContain(officerId);
    expect((await post<User>(`/api/v1/users/${officerId}/enable`, admin)).body.status).toBe('active');
    expect((await signIn(officer, PASSWORD)).length).toBeGreaterThan(0);
    const audit = await auditOf(officerId);
    expect(audit.filter((row) => row.action === 'UPDATE').map((row) => (row.after as { status: string }).status)).toEqual([
      'disabled',
      'active',
    ]);
  });

  it('lifts a lockout', async () => {
    const attempt = (password: string) =>
      request<ErrorBody>('/api/v1/auth/login', { method: 'POST', token: null, body: { username: officer, password } });
    for (let i = 0; i < 5; i++) await attempt('Wrong#Password1');
    expect((await attempt(PASSWORD)).body.code).toBe('ACCOUNT_LOCKED');
    expect((await get<User>(`/api/v1/users/${officerId}`, admin)).body.locked).toBe(true);
    const unlocked = await post<User>(`/api/v1/users/${officerId}/unlock`, admin);
    expect(unlocked.body.locked).toBe(false);
    expect((await attempt(PASSWORD)).status).toBe(200);
    expect((await auditOf(officerId)).map((row) => row.action)).toContain('UNLOCK');
  });

  it('issues a new initial password once, ends the sessions and keeps it out of the audit trail', async () => {
    const token = await signIn(officer, PASSWORD);
    const reset = await post<{ username: string; initialPassword: string }>(`/api/v1/users/${officerId}/password-reset`, admin);
    expect(reset.status).toBe(200);
    expect(reset.headers.get('cache-control')).toBe('no-store');
    expect(reset.body.username).toBe(officer);
    expect((await get('/api/v1/auth/me', token)).status).toBe(401);
    expect(
      (await request('/api/v1/auth/login', { method: 'POST', token: null, body: { username: officer, password: PASSWORD } })).status,
    ).toBe(401);
    const fresh = await signIn(officer, reset.body.initialPassword);
    expect((await get<Me>('/api/v1/auth/me', fresh)).body.pending).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (await post('/api/v1/auth/password', fresh, { currentPassword: reset.body.initialPassword, newPassword: NEW_PASSWORD })).status,
    ).toBe(204);
    const audit = await auditOf(officerId);
    expect(audit.find((row) => row.action === 'PASSWORD_RESET')).toMatchObject({
      actor_username: 'nchi.admin',
      details: { sessionsEnded: 1 },
    });
    expect(JSON.stringify(audit)).not.toContain(reset.body.initialPassword);
  });

  it('resets two-factor sign-in and ends the sessions', async () => {
    const token = await signIn(officer, PASSWORD);
    const setup = await post<{ secret: string }>('/api/v1/auth/totp/setup', token);
    expect((await post('/api/v1/auth/totp/enable', token, { code: authenticator.generate(setup.body.secret) })).status).toBe(204);
    expect((await get<User>(`/api/v1/users/${officerId}`, admin)).body.totpEnabled).toBe(true);
    const reset = await post<User>(`/api/v1/users/${officerId}/totp-reset`, admin);
    expect(reset.body.totpEnabled).toBe(false);
    expect((await get('/api/v1/auth/me', token)).status).toBe(401);
    const again = await signIn(officer, PASSWORD);
    expect((await get<Me>('/api/v1/auth/me', again)).body.pending).toBeNull();
  });

  it('ends every session of an account on request', async () => {
    const first = await signIn(officer, PASSWORD);
    const second = await signIn(officer, PASSWORD);
    expect((await del(`/api/v1/users/${officerId}/sessions`, admin)).status).toBe(204);
    expect((await get('/api/v1/auth/me', first)).status).toBe(401);
    expect((await get('/api/v1/auth/me', second)).status).toBe(401);
    expect((await auditOf(officerId)).find((row) => row.action === 'SIGN_OUT')).toMatchObject({ actor_username: 'nchi.admin' });
  });

  it('answers 404 for an unknown account', async () => {
    const missing = await post(`/api/v1/users/00000000-0000-4000-8000-000000000000/disable`, admin);
    expect([missing.status, missing.body.code]).toEqual([404, 'USER_NOT_FOUND']);
  });
});

describe('roles (Điều 4.2)', () => {
  it('lists the default role of every facility kind and the permission vocabulary', async () => {
    const roles = await get<Role[]>('/api/v1/roles', admin);
    const system = roles.body.filter((r) => r.isSystem).map((r) => r.code);
    expect(system).toEqual(expect.arrayContaining(['VU_BMTE', 'NCHI_ADMIN', 'SO_Y_TE', 'CDC', 'CSYT_TINH', 'TTYT', 'CSYT_HUYEN', 'TYT']));
    expect(roles.body.find((r) => r.code === 'NCHI_ADMIN')?.memberCount).toBeGreaterThanOrEqual(1);
    const permissions = await get<{ code: string; label: string; administration: boolean }[]>('/api/v1/permissions', admin);
    // 15 + facilities.manage (facility administration).
    expect(permissions.body).toHaveLength(16);
    expect(permissions.body.filter((p) => p.administration).map((p) => p.code)).toEqual([
      'users.manage',
      'roles.manage',
      'integration.manage',
    ]);
    expect(permissions.body.find((p) => p.code === 'users.manage')?.label).toBe('Quản lý tài khoản');
  });

  it('creates, edits and deletes a role, with every change in the audit trail', async () => {
    const code = roleCode('T_XUAT');
    const created = await post<Role>('/api/v1/roles', admin, { code, name: 'Xuất dữ liệu', permissions: ['reports.read', 'data.export'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code,
      isSystem: false,
      requireTotp: false,
      memberCount: 0,
      permissions: ['reports.read', 'data.export'],
    });
    const roleId = await withDb(async (db) => String((await db.query(`SELECT id FROM role WHERE code = $1`, [code])).rows[0].id));
    expect((await post('/api/v1/roles', admin, { code, name: 'Trùng', permissions: [] })).body.code).toBe('ROLE_CODE_TAKEN');
    const invalid = await post('/api/v1/roles', admin, { code: roleCode('T_BAD'), name: 'Sai', permissions: ['reports.delete'] });
    expect([invalid.status, invalid.body.code, invalid.body.details?.[0]?.field]).toEqual([400, 'VALIDATION_FAILED', 'permissions']);

    const member = uniqueName('cdc.member');
    await createTestUser({ username: member, facility: 'CDC.11', role: code, password: PASSWORD });
    const token = await signIn(member, PASSWORD);
    expect((await get<Me>('/api/v1/auth/me', token)).body.permissions).toEqual(['data.export', 'reports.read']);
    const edited = await patch<Role>(`/api/v1/roles/${code}`, admin, {
      permissions: ['reports.read'],
      description: 'Chỉ xem báo cáo',
      requireTotp: true,
    });
    expect(edited.body).toMatchObject({ permissions: ['reports.read'], requireTotp: true, memberCount: 1 });
    expect((await get<ErrorBody>('/api/v1/auth/me', token)).body).toMatchObject({
      permissions: ['reports.read'],
      pending: 'TOTP_ENROLLMENT_REQUIRED',
    });

    const inUse = await del(`/api/v1/roles/${code}`, admin);
    expect([inUse.status, inUse.body.code]).toEqual([409, 'ROLE_IN_USE']);
    await withDb((db) => db.query(`DELETE FROM user_role WHERE role_id = (SELECT id FROM role WHERE code = $1)`, [code]));
    expect((await del(`/api/v1/roles/${code}`, admin)).status).toBe(204);
    expect((await get(`/api/v1/roles/${code}`, admin)).status).toBe(404);
    const audit = await withDb(
      async (db) =>
        (await db.query(`SELECT action FROM audit_event WHERE entity_type = 'Role' AND entity_id = $1 ORDER BY id`, [roleId])).rows,
    );
    expect(audit.map((row) => row.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
  });

  it('keeps the system roles', async () => {
    const refused = await del('/api/v1/roles/TYT', admin);
    expect([refused.status, refused.body.code]).toEqual([409, 'SYSTEM_ROLE']);
    const renamed = await patch<Role>('/api/v1/roles/CSYT_HUYEN', admin, { name: 'Cơ sở y tế tuyến huyện' });
    expect(renamed.status).toBe(200);
    expect((await patch('/api/v1/roles/CSYT_HUYEN', admin, { code: 'OTHER' })).status).toBe(400);
    expect((await get('/api/v1/roles/NO_SUCH', admin)).status).toBe(404);
  });
});

/**
 * A private stack (its own database and API), where the test controls every administrator: the
 * demonstration data has exactly one, nchi.admin.
 */
const ADMIN_PASSWORD = 'Quản-Trị#Hệ-Thống-2026';

describe('the first administrator and the last one', () => {
  let stack: TestStack;
  const cli = resolve(dirname(resolve(process.env['SKSS_API_MAIN'] ?? 'dist/apps/api/main.js')), 'create-first-admin.js');
  // As in production, the command connects with the API's database role (the harness's login member of skss_app).
  const appUrl = () => applicationUrl(stack.databaseUrl);
  /** Runs the command as an operator would, with the password piped on standard input. */
  const runCli = (args: string[], password = ADMIN_PASSWORD) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const child = execFile(
        process.execPath,
        [cli, ...args],
        { env: { ...process.env, DATABASE_URL: appUrl() } },
        (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(`${password}\n`);
    });
  const call = async <T>(path: string, options: { method?: string; token?: string; body?: unknown } = {}) => {
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method: options.method ?? 'GET',
      headers: {
        ...(options.body ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T & ErrorBody };
  };
  const login = async (username: string, password: string) =>
    (await call<{ token: string }>('/api/v1/auth/login', { method: 'POST', body: { username, password, session: 'bearer' } })).body.token;

  beforeAll(async () => {
    stack = await startTestStack();
  }, 120_000);
  afterAll(() => stack?.stop());

  it('never leaves the system without an administrator', async () => {
    const token = await login('nchi.admin', 'Demo@SKSS-2026!');
    const strip = await call('/api/v1/roles/NCHI_ADMIN', {
      method: 'PATCH',
      token,
      body: { permissions: ['org.read', 'users.read', 'users.manage'] },
    });
    expect([strip.status, strip.body.code]).toEqual([409, 'LAST_ADMINISTRATOR']);
    expect((await call('/api/v1/users?pageSize=1', { token })).status).toBe(200);
  });

  it('counts the administrators the caller cannot see', async () => {
    // A provincial account with every administration right is no full administrator: its writes stop at its own unit.
    await withStackDb(
      stack,
      `INSERT INTO role (code, name, permissions, updated_at) VALUES ('T_PROVINCE_ALL', 'Quản trị tỉnh', '{users.read,users.manage,roles.manage,integration.manage}', now())`,
    );
    const passwordHash = await hash(PASSWORD);
    await withStackDb(
      stack,
      `INSERT INTO user_account (id, username, full_name, full_name_folded, facility_id, password_hash, password_changed_at, must_change_password, updated_at)
       SELECT gen_random_uuid(), 'syt.all', 'syt.all', 'syt.all', id, '${passwordHash}', now(), false, now() FROM facility WHERE code = 'SYT.11';
       INSERT INTO user_role (user_id, role_id) SELECT u.id, r.id FROM user_account u, role r WHERE u.username = 'syt.all' AND r.code = 'T_PROVINCE_ALL'`,
    );
    const token = await login('syt.all', PASSWORD);
    const strip = await call('/api/v1/roles/NCHI_ADMIN', { method: 'PATCH', token, body: { permissions: ['org.read'] } });
    expect([strip.status, strip.body.code]).toEqual([409, 'LAST_ADMINISTRATOR']);
  });

  it('refuses to create a first administrator while one is active', async () => {
    const { code, stderr } = await runCli(['--username', 'nchi.quantri', '--full-name', 'Nguyễn Văn An']);
    expect(code).toBe(3);
    expect(stderr).toContain('already exist');
    expect((await runCli(['--username', 'X Y', '--full-name', 'A'])).code).toBe(2);
  });

  it('creates one on an installation without administrator, with the password read from standard input', async () => {
    await withStackDb(stack, `UPDATE user_account SET status = 'disabled' WHERE username = 'nchi.admin'`);
    const weak = await runCli(['--username', 'nchi.quantri'], 'password1');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('Mật khẩu phải có chữ hoa');
    const named = await runCli(['--username', 'nchi.quantri'], 'Nchi.QuanTri#2026');
    expect(named.stderr).toContain('không được chứa tên đăng nhập');

    const { code, stdout } = await runCli(['--username', 'NCHI.QuanTri', '--full-name', 'Nguyễn Văn An', '--email', 'an@example.vn']);
    expect(code).toBe(0);
    expect(stdout).toContain('BYT.TTTTYTQG');
    expect(stdout).not.toContain(ADMIN_PASSWORD);
    const password = ADMIN_PASSWORD;

    const token = await login('nchi.quantri', password);
    const me = await call<Me & { roles: { code: string }[] }>('/api/v1/auth/me', { token });
    expect([me.body.pending, me.body.roles.map((r) => r.code)]).toEqual([null, ['NCHI_ADMIN']]);
    expect((await call('/api/v1/users?pageSize=1', { token })).status).toBe(200);

    const audit = await withStackDb(
      stack,
      `SELECT action, actor_username, details FROM audit_event WHERE entity_id = (SELECT id::text FROM user_account WHERE username = 'nchi.quantri') ORDER BY id`,
    );
    expect(audit.map((row) => row['action'])).toEqual(expect.arrayContaining(['CREATE', 'ROLE_CHANGE']));
    expect(audit.find((row) => row['action'] === 'ROLE_CHANGE')).toMatchObject({
      actor_username: expect.stringMatching(/^cli:/),
      details: { via: 'create-first-admin' },
    });
    expect(JSON.stringify(audit)).not.toContain(password);
    expect((await runCli(['--username', 'nchi.second', '--full-name', 'Trần Thị Bình'])).code).toBe(3);
  });
});

async function withStackDb(stack: TestStack, sql: string): Promise<Record<string, unknown>[]> {
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    return (await db.query(sql)).rows;
  } finally {
    await db.end();
  }
}
