import { SECURITY_LOG_RETENTION_MONTHS, SecurityLogRetention } from '@skss/api/auth';
import { AppConfig, createPrismaService, loadAppConfig, PrismaService, RetentionJob } from '@skss/api/core';
import { IntegrationRetention } from '@skss/api/integration';
import { createTestUser, uniqueName, withDb } from './support/db';
import { request, signIn } from './support/http';
import { citizenId, uniqueWomanName } from './support/records';

/**
 * The one retention mechanism (core's RetentionJob) and its policies: security logs (at least the
 * legal 12 months, here 24, never the audit trail) and the integration's working data (delivered
 * outbox items, feed changes every reader has read or past the horizon, Idempotency-Keys, inbound
 * batches, national receipts).
 */
let prisma: PrismaService;
let config: AppConfig;
let job: RetentionJob;

beforeAll(() => {
  config = loadAppConfig({ DATABASE_URL: process.env['SKSS_TEST_DATABASE_URL'] });
  prisma = createPrismaService(config);
  job = new RetentionJob(prisma);
  new SecurityLogRetention(job).onModuleInit();
  new IntegrationRetention(job, config).onModuleInit();
});
afterAll(() => prisma.raw.$disconnect());

describe('security log retention', () => {
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

    const purged = await job.run('security-logs');
    expect(purged?.['sign-in attempts']).toBeGreaterThanOrEqual(1);
    expect(purged?.['sessions']).toBeGreaterThanOrEqual(1);

    await withDb(async (db) => {
      const attempts = await db.query(`SELECT success FROM sign_in_attempt WHERE username = $1 ORDER BY at`, [username]);
      expect(attempts.rows.map((r) => r.success)).toEqual([false, true]);
      const sessions = await db.query(`SELECT count(*) FROM session WHERE user_id = $1`, [userId]);
      expect(Number(sessions.rows[0].count)).toBe(1);
      const auditAfter = Number((await db.query('SELECT count(*) FROM audit_event')).rows[0].count);
      expect(auditAfter).toBeGreaterThanOrEqual(auditBefore);
    });
  });

  it('runs a policy once when two instances start it together (advisory lock)', async () => {
    const runs = await Promise.all([job.run('security-logs'), job.run('security-logs')]);
    expect(runs.filter((r) => r === null).length).toBeLessThanOrEqual(1);
    expect(runs.some((r) => r !== null)).toBe(true);
  });
});

describe('integration working data retention', () => {
  const days = () => config.outbound.retention;
  const tag = uniqueName('retention');

  it('has the documented defaults', () => {
    expect(days()).toEqual({
      deliveredOutboxDays: 90,
      idempotencyKeyDays: 30,
      inboundBatchDays: 400,
      nationalPackageDays: 400,
      feedHorizonDays: 730,
    });
  });

  it('deletes delivered outbox items past the horizon, and keeps recent, pending and dead ones', async () => {
    await withDb((db) =>
      db.query(
        `INSERT INTO outbox_item (destination, kind, subject, payload, status, created_at, delivered_at, updated_at) VALUES
          ('FHIR', 'fhir.record', $1 || ':old', '{}', 'DELIVERED', now() - interval '100 days', now() - interval '91 days', now()),
          ('FHIR', 'fhir.record', $1 || ':recent', '{}', 'DELIVERED', now() - interval '10 days', now() - interval '89 days', now()),
          ('FHIR', 'fhir.record', $1 || ':dead', '{}', 'DEAD', now() - interval '900 days', NULL, now()),
          ('FHIR', 'fhir.record', $1 || ':pending', '{}', 'PENDING', now() - interval '900 days', NULL, now())`,
        [tag],
      ),
    );
    const counts = await job.run('integration');
    expect(counts?.['delivered outbox items']).toBeGreaterThanOrEqual(1);
    const { rows } = await withDb((db) =>
      db.query<{ subject: string }>(`SELECT subject FROM outbox_item WHERE subject LIKE $1 || ':%' ORDER BY subject`, [tag]),
    );
    expect(rows.map((r) => r.subject.slice(tag.length + 1))).toEqual(['dead', 'pending', 'recent']);
  });

  describe('the e-handbook feed', () => {
    const readers: string[] = [];
    const others: string[] = [];
    let changes: { old: string; read: string; unread: string };

    /** A change in a transaction of its own (so each has its own txid), and its cursor. */
    const change = (age: string) =>
      withDb(async (db) => {
        const { rows } = await db.query<{ seq: string; txid: string }>(
          `INSERT INTO record_change (register, record_id, op, changed_at) VALUES ('anc-visits', gen_random_uuid(), 'UPDATE', now() - $1::interval)
           RETURNING seq::text, txid::text`,
          [age],
        );
        return `${rows[0].txid}.${rows[0].seq}`;
      });
    const reader = (cursor: string | null) =>
      withDb(async (db) => {
        const clientId = uniqueName('ehb-reader');
        await db.query(
          `INSERT INTO integration_client (id, client_id, name, system, secret_hash, operations, updated_at)
           VALUES (gen_random_uuid(), $1, 'Sổ điện tử (thử lưu trữ)', 'E_HANDBOOK', 'x', ARRAY['handbook.read'], now())`,
          [clientId],
        );
        if (cursor)
          await db.query(`INSERT INTO integration_sync_state (key, cursor) VALUES ('ehandbook.feed.read:' || $1, $2)`, [clientId, cursor]);
        readers.push(clientId);
        return clientId;
      });
    const left = () =>
      withDb(async (db) => {
        const { rows } = await db.query<{ cursor: string }>(
          `SELECT txid::text || '.' || seq::text AS cursor FROM record_change WHERE txid::text || '.' || seq::text = ANY($1)`,
          [Object.values(changes)],
        );
        const kept = new Set(rows.map((r) => r.cursor));
        return Object.fromEntries(Object.entries(changes).map(([name, cursor]) => [name, kept.has(cursor)]));
      });

    beforeAll(async () => {
      // Only this test's readers count: the accounts of other spec files are set aside meanwhile.
      await withDb(async (db) => {
        const { rows } = await db.query<{ id: string }>(
          `UPDATE integration_client SET status = 'disabled' WHERE status = 'active' AND 'handbook.read' = ANY(operations) RETURNING id`,
        );
        others.push(...rows.map((r) => r.id));
      });
      const read = await change('1 day');
      const unread = await change('1 day');
      // Older than the horizon, although written last (a restored row, a slow transaction).
      const old = await change(`${days().feedHorizonDays + 1} days`);
      changes = { old, read, unread };
    });
    afterAll(() =>
      withDb(async (db) => {
        await db.query(`DELETE FROM integration_client WHERE client_id = ANY($1)`, [readers]);
        await db.query(`UPDATE integration_client SET status = 'active' WHERE id = ANY($1::uuid[])`, [others]);
      }),
    );

    it('keeps what a registered reader has not read yet, and deletes what is past the horizon anyway', async () => {
      await reader(changes.unread);
      const never = await reader(null);
      await job.run('integration');
      expect(await left()).toEqual({ old: false, read: true, unread: true });
      // The reader that never read now reads from the second change: it acknowledges the first.
      await withDb((db) =>
        db.query(`INSERT INTO integration_sync_state (key, cursor) VALUES ('ehandbook.feed.read:' || $1, $2)`, [never, changes.read]),
      );
      await job.run('integration');
      expect(await left()).toEqual({ old: false, read: false, unread: true });
    });
  });

  describe('Idempotency-Keys, inbound batches and national receipts', () => {
    const station = 'TYT.03164.2025';
    let account: { clientId: string; secret: string; id: string };
    const push = (records: unknown[], key: string) =>
      request<{ batchId: string; records: { outcome: string }[] }>('/api/v1/integration/records', {
        method: 'POST',
        token: null,
        headers: {
          authorization: `Basic ${Buffer.from(`${account.clientId}:${account.secret}`).toString('base64')}`,
          'idempotency-key': key,
        },
        body: { records },
      });

    beforeAll(async () => {
      const admin = await signIn('nchi.admin');
      const { body } = await request<{ client: { id: string; clientId: string }; clientSecret: string }>('/api/v1/integration-clients', {
        method: 'POST',
        token: admin,
        body: { name: uniqueName('HIS lưu trữ'), system: 'HIS', operations: ['records.push'], facilityCodes: [station] },
      });
      account = { clientId: body.client.clientId, secret: body.clientSecret, id: body.client.id };
    });

    it('processes a replay of a deleted key as new: the record, keyed by its source id, answers unchanged', async () => {
      const key = uniqueName('key');
      const records = [
        {
          register: 'anc-visits',
          sourceRecordId: uniqueName('ANC-RET'),
          facilityCode: station,
          person: { citizenId: citizenId(1997, 'FEMALE'), fullName: uniqueWomanName(), dateOfBirth: '1997-05-05', sex: 'FEMALE' },
          data: { visitDate: '2026-03-10', place: 'FACILITY', gaWeeks: 20 },
        },
      ];
      const first = await push(records, key);
      expect([first.status, first.body.records[0].outcome]).toEqual([200, 'created']);
      const replay = await push(records, key);
      expect([replay.headers.get('idempotency-replayed'), replay.body.batchId]).toEqual(['true', first.body.batchId]);

      await withDb((db) =>
        db.query(`UPDATE integration_idempotency_key SET created_at = now() - make_interval(days => $2) WHERE key = $1`, [
          key,
          days().idempotencyKeyDays + 1,
        ]),
      );
      const counts = await job.run('integration');
      expect(counts?.['idempotency keys']).toBeGreaterThanOrEqual(1);

      const after = await push(records, key);
      expect(after.status).toBe(200);
      expect(after.headers.get('idempotency-replayed')).toBeNull();
      expect(after.body.batchId).not.toBe(first.body.batchId);
      expect(after.body.records[0].outcome).toBe('unchanged');
      // The first batch's record stays: batches are kept longer than keys (monitoring).
      const { rows } = await withDb((db) =>
        db.query('SELECT count(*)::int AS n FROM integration_batch WHERE id = $1', [first.body.batchId]),
      );
      expect(rows[0].n).toBe(1);
    });

    it('deletes inbound batches and national receipts past their horizon, and keeps recent ones', async () => {
      const ids = await withDb(async (db) => {
        const batches = await db.query<{ id: string }>(
          `INSERT INTO integration_batch (id, client_id, received_at, received, created, updated, unchanged, rejected, duration_ms, results)
           SELECT gen_random_uuid(), $1::uuid, now() - make_interval(days => d), 1, 1, 0, 0, 0, 5, '[]'::jsonb FROM unnest(ARRAY[$2::int, 1]) AS d
           RETURNING id::text`,
          [account.id, days().inboundBatchDays + 1],
        );
        const receipts = await db.query<{ number: string }>(
          `INSERT INTO national_transaction (id, number, client_id, received_at, status, byte_size, content_hash, dossiers)
           SELECT gen_random_uuid(), 'LTRET' || substr(md5(random()::text), 1, 12), $1::uuid, now() - make_interval(days => d), 'PROCESSED', 10, md5('x'), 1
           FROM unnest(ARRAY[$2::int, 1]) AS d RETURNING number`,
          [account.id, days().nationalPackageDays + 1],
        );
        return { batches: batches.rows.map((r) => r.id), receipts: receipts.rows.map((r) => r.number) };
      });
      await job.run('integration');
      const { rows } = await withDb((db) =>
        db.query(
          `SELECT ARRAY(SELECT id::text FROM integration_batch WHERE id::text = ANY($1)) AS batches,
                  ARRAY(SELECT number FROM national_transaction WHERE number = ANY($2)) AS receipts`,
          [ids.batches, ids.receipts],
        ),
      );
      expect(rows[0]).toEqual({ batches: [ids.batches[1]], receipts: [ids.receipts[1]] });
    });
  });
});
