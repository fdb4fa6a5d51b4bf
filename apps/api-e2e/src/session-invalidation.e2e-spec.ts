import { ApiInstance, startApi } from '@skss/tooling/testing';
import { applicationUrl, createTestUser, uniqueName, withDb } from './support/db';
import { request, signIn } from './support/http';
import { ErrorBody } from './types';

/**
 * Each API instance keeps resolved sessions in memory; PostgreSQL tells every instance when one
 * ends or its account changes (LISTEN/NOTIFY). Here a second instance runs over the same database
 * as the suite's: what is ended on the first must be refused on the second within a second.
 */
const PASSWORD = 'Hai-Máy#2026!kq';
const WITHIN_MS = 1_000;

let second: ApiInstance;

beforeAll(async () => {
  // LOG_QUERIES: the tests read which statements this instance ran. INTEGRATION_JOBS=false: as an
  // instance beside the one that runs the jobs, so that a job's statements (the eHandbook
  // notification runs every minute) never land among those of the requests measured here.
  second = await startApi(applicationUrl(process.env['SKSS_TEST_DATABASE_URL'] ?? ''), {
    LOG_QUERIES: 'true',
    INTEGRATION_JOBS: 'false',
  });
}, 120_000);

afterAll(() => second?.stop());

const onSecond = async (path: string, authorization?: string) => {
  const response = await fetch(`${second.baseUrl}${path}`, { headers: authorization ? { authorization } : {} });
  return { status: response.status, body: (await response.json()) as ErrorBody & Record<string, unknown> };
};

/** Polls the second instance until it refuses the token; the time it took, or a failure after the limit. */
async function refusedOnSecondWithin(token: string, limitMs: number): Promise<{ elapsed: number; code: string }> {
  const started = Date.now();
  for (;;) {
    const answer = await onSecond('/api/v1/auth/me', `Bearer ${token}`);
    const elapsed = Date.now() - started;
    if (answer.status === 401) return { elapsed, code: answer.body.code };
    if (elapsed > limitMs) throw new Error(`Still answered ${answer.status} after ${elapsed} ms`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

async function officer(): Promise<{ id: string; username: string; token: string }> {
  const username = uniqueName('tyt.twoinstances');
  const id = await createTestUser({ username, facility: 'TYT.03160.2025', role: 'TYT', password: PASSWORD });
  return { id, username, token: await signIn(username, PASSWORD) };
}

const settle = () => new Promise((done) => setTimeout(done, 300));
/** The statements the second instance logged since `mark` (colour codes removed: FORCE_COLOR may be set by the runner). */
const statementsSince = (mark: number) =>
  second
    .output()
    .slice(mark)
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('prisma:query ')
    .slice(1);

/**
 * The session is in use on the second instance before the change, and held in its memory: after
 * the first request, the next ones read nothing about it (so a refusal later is the notification's doing).
 */
async function inUseOnSecond(token: string): Promise<void> {
  expect((await onSecond('/api/v1/auth/me', `Bearer ${token}`)).status).toBe(200);
  await settle();
  const mark = second.output().length;
  for (let i = 0; i < 2; i++) expect((await onSecond('/api/v1/auth/me', `Bearer ${token}`)).status).toBe(200);
  await settle();
  expect(statementsSince(mark)).toEqual([]);
}

describe('sessions across two API instances', () => {
  it('refuses on the second instance, within a second, a session ended (logout) on the first', async () => {
    const { token } = await officer();
    await inUseOnSecond(token);
    expect((await request('/api/v1/auth/logout', { method: 'POST', token })).status).toBe(204);
    const refused = await refusedOnSecondWithin(token, WITHIN_MS);
    expect(refused.code).toBe('SESSION_EXPIRED');
    expect(refused.elapsed).toBeLessThan(WITHIN_MS);
  });

  it('refuses on the second instance, within a second, the sessions of an account disabled on the first', async () => {
    const { id, token } = await officer();
    const admin = await signIn('nchi.admin');
    await inUseOnSecond(token);
    expect((await request(`/api/v1/users/${id}/disable`, { method: 'POST', token: admin })).status).toBe(200);
    const refused = await refusedOnSecondWithin(token, WITHIN_MS);
    expect(refused.code).toBe('SESSION_EXPIRED');
  });

  it('sees a change made directly in the database (a role taken away) on both instances within a second', async () => {
    const { id, token } = await officer();
    await inUseOnSecond(token);
    await withDb((db) => db.query('DELETE FROM user_role WHERE user_id = $1', [id]));
    const started = Date.now();
    for (;;) {
      const [first, onOther] = await Promise.all([
        request<{ permissions: string[] }>('/api/v1/auth/me', { token }),
        onSecond('/api/v1/auth/me', `Bearer ${token}`),
      ]);
      if (first.body.permissions.length === 0 && (onOther.body['permissions'] as string[]).length === 0) break;
      if (Date.now() - started > WITHIN_MS) throw new Error('Permissions still held after a second');
      await new Promise((done) => setTimeout(done, 20));
    }
  });
});

describe('the public health endpoint', () => {
  it('answers without touching the session path, whatever credentials come with it', async () => {
    const { token } = await officer();
    await settle();
    const mark = second.output().length;
    for (const authorization of [`Bearer ${token}`, 'Bearer not-a-token', 'Basic bm8tc3VjaDpjbGllbnQ=', undefined]) {
      const answer = await onSecond('/api/health', authorization);
      expect([answer.status, answer.body['status']]).toEqual([200, 'ok']);
    }
    // The query log reaches the test through the child's stdout: under load it can trail the answers.
    for (const until = Date.now() + 5000; statementsSince(mark).length < 4 && Date.now() < until; ) await settle();
    await settle();
    const statements = statementsSince(mark);
    // Its own statement once per call, nothing about sessions, accounts or integration clients.
    expect(statements).toHaveLength(4);
    for (const statement of statements) expect(statement).toMatch(/^SELECT count\(\*\) AS count FROM _prisma_migrations/);

    // The same token on a route that needs the caller does read the session (the probe sees it).
    const before = second.output().length;
    expect((await onSecond('/api/v1/auth/me', `Bearer ${token}`)).status).toBe(200);
    await settle();
    expect(statementsSince(before).some((statement) => statement.includes('FROM session s'))).toBe(true);
  });
});
