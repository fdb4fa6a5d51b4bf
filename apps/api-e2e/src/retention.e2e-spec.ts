import { SECURITY_LOG_RETENTION_MONTHS, SecurityLogRetentionJob } from '@skss/api/auth';
import { createPrismaService, loadAppConfig, PrismaService } from '@skss/api/core';
import { createTestUser, uniqueName, withDb } from './support/db';

/** The nightly purge keeps security logs at least the legal 12 months (here 24) and never touches the audit trail. */
describe('security log retention', () => {
  let prisma: PrismaService;
  beforeAll(() => {
    prisma = createPrismaService(loadAppConfig({ DATABASE_URL: process.env['SKSS_TEST_DATABASE_URL'] }));
  });
  afterAll(() => prisma.raw.$disconnect());

  it('purges sign-in attempts and ended sessions older than the retention period, and nothing newer', async () => {
    expect(SECURITY_LOG_RETENTION_MONTHS).toBeGreaterThanOrEqual(12);
    const username = uniqueName('tyt.retention');
    const userId = await createTestUser({ username, facility: 'TYT.03160.2025', role: 'TYT', password: 'Lưu-Trữ#2026!' });
    const auditBefore = await withDb(async (db) => Number((await db.query('SELECT count(*) FROM audit_event')).rows[0].count));
    await withDb(async (db) => {
      await db.query(
        `INSERT INTO sign_in_attempt (username, ip, success, at) VALUES
          ($1, '10.0.0.1', false, now() - interval '25 months'),
          ($1, '10.0.0.1', false, now() - interval '13 months'),
          ($1, '10.0.0.1', true, now() - interval '1 day')`,
        [username],
      );
      await db.query(
        `INSERT INTO session (id, token_hash, csrf_token, user_id, method, created_at, last_seen_at, expires_at, revoked_at) VALUES
          (gen_random_uuid(), md5(random()::text), 'x', $1, 'password', now() - interval '26 months', now() - interval '26 months', now() - interval '25 months', now() - interval '25 months'),
          (gen_random_uuid(), md5(random()::text), 'x', $1, 'password', now() - interval '13 months', now() - interval '13 months', now() - interval '13 months', now() - interval '13 months')`,
        [userId],
      );
    });

    const purged = await new SecurityLogRetentionJob(prisma).purge();
    expect(purged?.attempts).toBeGreaterThanOrEqual(1);
    expect(purged?.sessions).toBeGreaterThanOrEqual(1);

    await withDb(async (db) => {
      const attempts = await db.query(`SELECT success FROM sign_in_attempt WHERE username = $1 ORDER BY at`, [username]);
      expect(attempts.rows.map((r) => r.success)).toEqual([false, true]);
      const sessions = await db.query(`SELECT count(*) FROM session WHERE user_id = $1`, [userId]);
      expect(Number(sessions.rows[0].count)).toBe(1);
      const auditAfter = Number((await db.query('SELECT count(*) FROM audit_event')).rows[0].count);
      expect(auditAfter).toBeGreaterThanOrEqual(auditBefore);
    });
  });
});
