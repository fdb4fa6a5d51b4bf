import { authenticator } from 'otplib';
import { startTestStack, TestStack } from '@skss/tooling/testing';
import { createTestUser, uniqueName, withDb } from './support/db';
import { apiUrl, request, signIn } from './support/http';
import { ErrorBody } from './types';

const PASSWORD = 'Trạm-Xá#2026!kq';

interface Me {
  username: string;
  pending: string | null;
  permissions: string[];
  facility: { code: string };
}

/** Cookie sign-in as the console does it: returns the cookies to send back. */
async function cookieSignIn(username: string, password = PASSWORD) {
  const response = await fetch(apiUrl('/api/v1/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookies = response.headers.getSetCookie();
  const session = cookies.find((c) => c.startsWith('skss_session='));
  const csrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='));
  return {
    status: response.status,
    body: (await response.json()) as Me & ErrorBody,
    session,
    csrf,
    cookieHeader: cookies.map((c) => c.split(';')[0]).join('; '),
  };
}

describe('sign-in with a cookie session', () => {
  let username = '';
  beforeAll(async () => {
    username = uniqueName('tyt.cookie');
    await createTestUser({ username, facility: 'TYT.03160.2025', role: 'TYT', password: PASSWORD });
  });

  it('sets an httpOnly SameSite=Strict session cookie and a readable CSRF cookie', async () => {
    const { status, body, session, csrf } = await cookieSignIn(username);
    expect(status).toBe(200);
    expect(body.username).toBe(username);
    expect(body.facility.code).toBe('TYT.03160.2025');
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(JSON.stringify(body)).not.toMatch(/token/i);
  });

  it('refuses unsafe requests without the CSRF header, and accepts them with it', async () => {
    const { cookieHeader, csrf } = await cookieSignIn(username);
    const without = await fetch(apiUrl('/api/v1/auth/logout'), { method: 'POST', headers: { cookie: cookieHeader } });
    expect(without.status).toBe(403);
    expect(((await without.json()) as ErrorBody).code).toBe('CSRF_TOKEN_INVALID');
    const token = decodeURIComponent((csrf as string).split(';')[0].split('=')[1]);
    const withHeader = await fetch(apiUrl('/api/v1/auth/logout'), {
      method: 'POST',
      headers: { cookie: cookieHeader, 'x-xsrf-token': token },
    });
    expect(withHeader.status).toBe(204);
    const after = await fetch(apiUrl('/api/v1/auth/me'), { headers: { cookie: cookieHeader } });
    expect(after.status).toBe(401);
  });
});

describe('sessions end on the server', () => {
  let username = '';
  beforeAll(async () => {
    username = uniqueName('tyt.session');
    await createTestUser({ username, facility: 'TYT.03127.2025', role: 'TYT', password: PASSWORD });
  });

  it('invalidates the token at logout (replaying it gets 401)', async () => {
    const token = await signIn(username, PASSWORD);
    expect((await request('/api/v1/auth/me', { token })).status).toBe(200);
    expect((await request('/api/v1/auth/logout', { method: 'POST', token })).status).toBe(204);
    const replay = await request<ErrorBody>('/api/v1/auth/me', { token });
    expect([replay.status, replay.body.code]).toEqual([401, 'SESSION_EXPIRED']);
  });

  it('ends a session idle for longer than the idle timeout (30 minutes)', async () => {
    const token = await signIn(username, PASSWORD);
    await withDb((db) =>
      db.query(
        `UPDATE session SET last_seen_at = now() - interval '29 minutes' WHERE user_id = (SELECT id FROM user_account WHERE username = $1) AND revoked_at IS NULL`,
        [username],
      ),
    );
    expect((await request('/api/v1/auth/me', { token })).status).toBe(200);
    await withDb((db) =>
      db.query(
        `UPDATE session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM user_account WHERE username = $1) AND revoked_at IS NULL`,
        [username],
      ),
    );
    const idle = await request<ErrorBody>('/api/v1/auth/me', { token });
    expect([idle.status, idle.body.code]).toEqual([401, 'SESSION_EXPIRED']);
    const reason = await withDb((db) =>
      db.query(
        `SELECT revoked_reason FROM session s JOIN user_account u ON u.id = s.user_id WHERE u.username = $1 ORDER BY s.created_at DESC LIMIT 1`,
        [username],
      ),
    );
    expect(reason.rows[0].revoked_reason).toBe('idle');
  });

  it('reports the idle timeout to the console', async () => {
    const token = await signIn(username, PASSWORD);
    expect((await request<{ idleTimeoutSeconds: number }>('/api/v1/auth/me', { token })).body.idleTimeoutSeconds).toBe(1800);
  });
});

describe('first sign-in and password rotation', () => {
  it('forces the initial password to be changed before anything else', async () => {
    const username = uniqueName('tyt.first');
    await createTestUser({ username, facility: 'TYT.03160.2025', role: 'TYT', password: PASSWORD, mustChangePassword: true });
    const token = await signIn(username, PASSWORD);
    const me = await request<Me>('/api/v1/auth/me', { token });
    expect(me.body.pending).toBe('PASSWORD_CHANGE_REQUIRED');
    const blocked = await request<ErrorBody>('/api/v1/facilities', { token });
    expect([blocked.status, blocked.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    const weak = await request<ErrorBody>('/api/v1/auth/password', {
      method: 'POST',
      token,
      body: { currentPassword: PASSWORD, newPassword: 'abc' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.details?.map((d) => d.code)).toEqual(
      expect.arrayContaining(['PASSWORD_TOO_SHORT', 'PASSWORD_NEEDS_UPPERCASE', 'PASSWORD_NEEDS_DIGIT']),
    );
    const same = await request<ErrorBody>('/api/v1/auth/password', {
      method: 'POST',
      token,
      body: { currentPassword: PASSWORD, newPassword: PASSWORD },
    });
    expect(same.body.details?.map((d) => d.code)).toEqual(['PASSWORD_REUSED']);
    const changed = await request('/api/v1/auth/password', {
      method: 'POST',
      token,
      body: { currentPassword: PASSWORD, newPassword: 'Mường-Nhé#2027!zx' },
    });
    expect(changed.status).toBe(204);
    expect((await request('/api/v1/facilities?pageSize=1', { token })).status).toBe(200);
  });

  it('makes administrators change their password after six months, not other users', async () => {
    const admin = uniqueName('nchi.rotate');
    const officer = uniqueName('tyt.rotate');
    await createTestUser({ username: admin, facility: 'BYT.TTTTYTQG', role: 'NCHI_ADMIN', password: PASSWORD });
    await createTestUser({ username: officer, facility: 'TYT.03160.2025', role: 'TYT', password: PASSWORD });
    await withDb((db) =>
      db.query(`UPDATE user_account SET password_changed_at = now() - interval '200 days' WHERE username = ANY($1)`, [[admin, officer]]),
    );
    const adminToken = await signIn(admin, PASSWORD);
    const blocked = await request<ErrorBody>('/api/v1/facilities', { token: adminToken });
    expect([blocked.status, blocked.body.code]).toEqual([403, 'PASSWORD_EXPIRED']);
    expect((await request('/api/v1/facilities?pageSize=1', { token: await signIn(officer, PASSWORD) })).status).toBe(200);
    expect(
      (
        await request('/api/v1/auth/password', {
          method: 'POST',
          token: adminToken,
          body: { currentPassword: PASSWORD, newPassword: 'Quản-Trị#2027!vn' },
        })
      ).status,
    ).toBe(204);
    expect((await request('/api/v1/facilities?pageSize=1', { token: adminToken })).status).toBe(200);
  });
});

describe('lockout', () => {
  it('locks an account for 15 minutes after 5 failures, and treats unknown usernames the same way', async () => {
    const username = uniqueName('tyt.lock');
    await createTestUser({ username, facility: 'TYT.03160.2025', role: 'TYT', password: PASSWORD });
    const attempt = (name: string, password: string) =>
      request<ErrorBody>('/api/v1/auth/login', { method: 'POST', token: null, body: { username: name, password } });
    const ghost = uniqueName('nobody');
    for (let i = 0; i < 5; i++) {
      expect((await attempt(username, 'Wrong#Password1')).body.code).toBe('INVALID_CREDENTIALS');
      expect((await attempt(ghost, 'Wrong#Password1')).body.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await attempt(username, PASSWORD);
    expect([locked.status, locked.body.code]).toEqual([423, 'ACCOUNT_LOCKED']);
    const ghostLocked = await attempt(ghost, PASSWORD);
    expect([ghostLocked.status, ghostLocked.body.code]).toEqual([423, 'ACCOUNT_LOCKED']);
    await withDb((db) => db.query(`UPDATE user_account SET locked_until = now() WHERE username = $1`, [username]));
    expect((await attempt(username, PASSWORD)).status).toBe(200);
    const audit = await withDb((db) =>
      db.query(
        `SELECT action FROM audit_event WHERE actor_username = $1 OR entity_id = (SELECT id::text FROM user_account WHERE username = $1)`,
        [username],
      ),
    );
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['SIGN_IN_FAILED', 'LOCKOUT', 'SIGN_IN']));
  });
});

describe('two-factor sign-in (TOTP)', () => {
  it('asks for the code after the password once enrolled', async () => {
    const username = uniqueName('cdc.totp');
    await createTestUser({ username, facility: 'CDC.11', role: 'CDC', password: PASSWORD });
    const token = await signIn(username, PASSWORD);
    const setup = await request<{ secret: string; otpauthUrl: string }>('/api/v1/auth/totp/setup', { method: 'POST', token });
    expect(setup.body.otpauthUrl).toContain('otpauth://totp/');
    expect((await request<ErrorBody>('/api/v1/auth/totp/enable', { method: 'POST', token, body: { code: '000000' } })).body.code).toBe(
      'TOTP_INVALID',
    );
    expect(
      (await request('/api/v1/auth/totp/enable', { method: 'POST', token, body: { code: authenticator.generate(setup.body.secret) } }))
        .status,
    ).toBe(204);

    const second = await signIn(username, PASSWORD);
    expect((await request<Me>('/api/v1/auth/me', { token: second })).body.pending).toBe('TOTP_REQUIRED');
    expect((await request<ErrorBody>('/api/v1/facilities', { token: second })).body.code).toBe('TOTP_REQUIRED');
    const verified = await request<Me>('/api/v1/auth/totp/verify', {
      method: 'POST',
      token: second,
      body: { code: authenticator.generate(setup.body.secret) },
    });
    expect(verified.body.pending).toBeNull();
    expect((await request('/api/v1/facilities?pageSize=1', { token: second })).status).toBe(200);
  });

  it('requires enrolment when an administrator makes it mandatory for the role', async () => {
    const username = uniqueName('cdc.mandatory');
    await createTestUser({ username, facility: 'CDC.12', role: 'CDC', password: PASSWORD });
    await withDb((db) =>
      db.query(
        `INSERT INTO role (code, name, permissions, require_totp, updated_at) VALUES ('TEST_TOTP', 'Bắt buộc 2FA', '{org.read}', true, now()) ON CONFLICT DO NOTHING`,
      ),
    );
    await withDb((db) =>
      db.query(
        `INSERT INTO user_role (user_id, role_id) SELECT u.id, r.id FROM user_account u, role r WHERE u.username = $1 AND r.code = 'TEST_TOTP'`,
        [username],
      ),
    );
    const token = await signIn(username, PASSWORD);
    expect((await request<ErrorBody>('/api/v1/facilities', { token })).body.code).toBe('TOTP_ENROLLMENT_REQUIRED');
  });
});

describe('sign-in input', () => {
  it.each([
    [{ username: 'a' }, 'VALIDATION_FAILED'],
    [{ username: 'a', password: 'b', admin: true }, 'VALIDATION_FAILED'],
    [{ username: 42, password: 'b' }, 'VALIDATION_FAILED'],
    [{ username: 'x'.repeat(61), password: 'b' }, 'VALIDATION_FAILED'],
  ])('refuses %p with a code', async (body, code) => {
    const { status, body: answer } = await request<ErrorBody>('/api/v1/auth/login', { method: 'POST', token: null, body });
    expect([status, answer.code]).toEqual([400, code]);
  });

  it('refuses a body over 100 kB', async () => {
    const { status, body } = await request<ErrorBody>('/api/v1/auth/login', {
      method: 'POST',
      token: null,
      body: { username: 'a', password: 'x'.repeat(200_000) },
    });
    expect([status, body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('refuses malformed JSON', async () => {
    const { status, body } = await request<ErrorBody>('/api/v1/auth/login', { method: 'POST', token: null, body: '{"username": ' });
    expect([status, body.code]).toEqual([400, 'MALFORMED_BODY']);
  });
});

/** A private stack: its failed attempts would otherwise throttle every other test's sign-ins from 127.0.0.1. */
describe('throttling per client address', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  }, 120_000);
  afterAll(() => stack?.stop());

  const login = async (username: string, password: string) => {
    const response = await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    return { status: response.status, body: (await response.json()) as ErrorBody };
  };

  it('refuses sign-ins from an address after 30 failures in 15 minutes, whatever the account', async () => {
    for (let i = 0; i < 30; i++) {
      // Different usernames each time: the per-account lockout never triggers.
      expect((await login(`ghost.${i}`, 'Wrong#Password1')).body.code).toBe('INVALID_CREDENTIALS');
    }
    const throttled = await login('tyt.muongnhe', 'Demo@SKSS-2026!');
    expect([throttled.status, throttled.body.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
  });
});
