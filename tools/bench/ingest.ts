import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { foldVietnamese } from '@skss/domain';
import { createTestDatabase, startApi } from '../testing';

/**
 * Ingestion of register records through the integration API against plain SQL, in the same run
 * (`npm run bench:ingest`, DATABASE_URL optional): a fresh database, the built API as a child
 * process, an integration account for a commune station, then
 *  1. batches of 500 antenatal visits of new women (citizen ID, residence) sent one after the other
 *     to POST /api/v1/integration/records with an Idempotency-Key: validated by the register's
 *     validator, persons resolved, upserted by source id, the batch recorded, audited and passed
 *     to the outbox hook, one transaction per batch;
 *  2. the same kind of rows (other women, same shape) written by plain multi-row INSERTs through
 *     `pg` into the same tables (person, person_facility, person_residence, anc_visit), one
 *     transaction per 500 rows.
 * Prints rows/s of both, their ratio (target ≥ 35%) and the p50/p95/max latency of a 500-record
 * batch (target p95 < 1 s). BENCH_BATCHES (default 30) batches of BENCH_BATCH_SIZE (500).
 */
const BATCHES = Number(process.env['BENCH_BATCHES'] ?? 30);
const BATCH_SIZE = Number(process.env['BENCH_BATCH_SIZE'] ?? 500);
const TARGETS = { ratio: 0.35, p95Ms: 1_000 };
const STATION = 'TYT.03160.2025';
const COMMUNE = '03160';

const FAMILY = ['Lò', 'Lường', 'Quàng', 'Cà', 'Vì', 'Giàng', 'Sùng', 'Nguyễn', 'Trần', 'Lê'];
const MIDDLE = ['Thị', 'Thị Thu', 'Thị Ngọc', 'Thị Hồng'];
const GIVEN = ['Mai', 'Lan', 'Hoa', 'Dua', 'Xuân', 'Thảo', 'Hương', 'Páo', 'Chi', 'Ánh', 'Nga', 'Phương'];

/** A deterministic pseudo-random sequence, so that runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Visit {
  sourceRecordId: string;
  fullName: string;
  dateOfBirth: string;
  citizenId: string;
  phone: string;
  visitDate: string;
  gaWeeks: number;
  weightKg: number;
  systolic: number;
  diastolic: number;
  ironFolicGiven: boolean;
}

/** Visits of distinct women; `serialBase` keeps the API's and the baseline's women apart. */
function visits(count: number, serialBase: number, seed: number): Visit[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const today = new Date();
  return Array.from({ length: count }, (_, i) => {
    const serial = serialBase + i;
    const year = 1985 + Math.floor(next() * 20);
    const dateOfBirth = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const visit = new Date(today.getTime() - (5 + Math.floor(next() * 150)) * 86_400_000).toISOString().slice(0, 10);
    const systolic = 95 + Math.floor(next() * 40);
    return {
      sourceRecordId: `HIS-ANC-${serial}`,
      fullName: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)} ${serial.toString(36)}`,
      dateOfBirth,
      // Province 011 (Điện Biên), century-and-sex digit 1 or 3 (a woman born in the 1900s or 2000s).
      citizenId: `011${year >= 2000 ? 3 : 1}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`,
      phone: `09${String(10_000_000 + serial).slice(-8)}`,
      visitDate: visit,
      gaWeeks: 8 + Math.floor(next() * 30),
      weightKg: Math.round((45 + next() * 20) * 10) / 10,
      systolic,
      diastolic: systolic - 30 - Math.floor(next() * 15),
      ironFolicGiven: next() < 0.8,
    };
  });
}

/** A visit as a HIS sends it. */
function inbound(visit: Visit) {
  return {
    register: 'anc-visits',
    sourceRecordId: visit.sourceRecordId,
    facilityCode: STATION,
    person: {
      citizenId: visit.citizenId,
      fullName: visit.fullName,
      dateOfBirth: visit.dateOfBirth,
      sex: 'FEMALE',
      ethnicityCode: '01',
      phone: visit.phone,
      residence: { communeCode: COMMUNE, address: 'Bản Mường Phăng' },
    },
    data: {
      visitDate: visit.visitDate,
      place: 'FACILITY',
      gaWeeks: visit.gaWeeks,
      weightKg: visit.weightKg,
      systolic: visit.systolic,
      diastolic: visit.diastolic,
      ironFolicGiven: visit.ironFolicGiven,
      hivResult: 'NEGATIVE',
    },
  };
}

/** An integration account for the station, written directly (its administration has its own tests). */
async function createAccount(db: Client): Promise<{ clientId: string; secret: string; facilityId: number }> {
  const clientId = `his-${randomBytes(8).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  const { rows } = await db.query<{ id: string; facility_id: number }>(
    `WITH c AS (
       INSERT INTO integration_client (id, client_id, name, system, secret_hash, operations, updated_at)
       VALUES ($1, $2, 'HIS đo hiệu năng', 'HIS', $3, '{records.push}', now()) RETURNING id)
     INSERT INTO integration_client_facility (client_id, facility_id)
     SELECT c.id, f.id FROM c, facility f WHERE f.code = $4 RETURNING client_id AS id, facility_id`,
    [randomUUID(), clientId, createHash('sha256').update(secret).digest('hex'), STATION],
  );
  return { clientId, secret, facilityId: rows[0].facility_id };
}

/** One transaction per batch of plain multi-row INSERTs of the same tables the API writes. */
async function plainInserts(db: Client, batch: Visit[], facilityId: number, communeId: number, source: string): Promise<void> {
  const ids = batch.map(() => randomUUID());
  const values = (width: number, rows: number) =>
    Array.from({ length: rows }, (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
  await db.query('BEGIN');
  try {
    await db.query(
      `INSERT INTO person (id, full_name, full_name_folded, date_of_birth, sex, citizen_id, ethnicity_code, phone, facility_id, created_at, updated_at)
       SELECT v.id::uuid, v.n, v.f, v.d::date, 'FEMALE', v.c, '01', v.p, ${facilityId}, now(), now()
       FROM (VALUES ${values(6, batch.length)}) AS v(id, n, f, d, c, p)`,
      batch.flatMap((v, i) => [ids[i], v.fullName, foldVietnamese(v.fullName), v.dateOfBirth, v.citizenId, v.phone]),
    );
    await db.query(
      `INSERT INTO person_facility (person_id, facility_id) VALUES ${values(2, batch.length)}`,
      ids.flatMap((id) => [id, facilityId]),
    );
    await db.query(
      `INSERT INTO person_residence (person_id, commune_id, address, valid_from)
       SELECT v.p::uuid, ${communeId}, 'Bản Mường Phăng', v.d::date FROM (VALUES ${values(2, batch.length)}) AS v(p, d)`,
      batch.flatMap((v, i) => [ids[i], v.visitDate]),
    );
    await db.query(
      `INSERT INTO anc_visit (id, facility_id, person_id, visit_date, place, ga_weeks, weight_kg, systolic, diastolic, iron_folic_given,
                              hiv_result, source, source_system, source_record_id, created_at, updated_at)
       SELECT gen_random_uuid(), ${facilityId}, v.p::uuid, v.d::date, 'FACILITY', v.g::int, v.w::numeric, v.s::int, v.di::int, v.i::boolean,
              'NEGATIVE', 'API', '${source}', v.k, now(), now()
       FROM (VALUES ${values(8, batch.length)}) AS v(p, d, g, w, s, di, i, k)`,
      batch.flatMap((v, i) => [ids[i], v.visitDate, v.gaWeeks, v.weightKg, v.systolic, v.diastolic, v.ironFolicGiven, v.sourceRecordId]),
    );
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const chunks = <T>(list: T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

async function main(): Promise<void> {
  const total = BATCHES * BATCH_SIZE;
  const database = await createTestDatabase();
  const owner = new Client({ connectionString: database.url });
  await owner.connect();
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  try {
    const account = await createAccount(owner);
    const { rows: communes } = await owner.query<{ id: number }>(
      `SELECT id FROM admin_unit WHERE level = 'commune' AND code = $1 ORDER BY valid_from DESC NULLS LAST LIMIT 1`,
      [COMMUNE],
    );
    api = await startApi(database.appUrl);
    console.log(
      `${BATCHES} batches of ${BATCH_SIZE} antenatal visits (${total.toLocaleString('en')} rows) each way; load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    const authorization = `Basic ${Buffer.from(`${account.clientId}:${account.secret}`).toString('base64')}`;
    const send = async (batch: Visit[]) => {
      const started = performance.now();
      const response = await fetch(`${api?.baseUrl}/api/v1/integration/records`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ records: batch.map(inbound) }),
      });
      const body = (await response.json()) as { counts?: Record<string, number> };
      const ms = performance.now() - started;
      if (response.status !== 200) throw new Error(`answered ${response.status}: ${JSON.stringify(body).slice(0, 2000)}`);
      return { ms, counts: body.counts ?? {} };
    };

    // Warm-up of both paths (JIT, catalogs, plan caches, the database's buffers), not counted.
    const warm = await send(visits(BATCH_SIZE, 900_000, 1));
    if (warm.counts['created'] !== BATCH_SIZE) throw new Error(`warm-up batch: ${JSON.stringify(warm.counts)}`);
    await plainInserts(owner, visits(BATCH_SIZE, 950_000, 2), account.facilityId, communes[0].id, account.clientId);

    // 1. The integration API.
    const latencies: number[] = [];
    const apiStarted = performance.now();
    const counts = { created: 0, rejected: 0 };
    for (const batch of chunks(visits(total, 0, 20_261_201), BATCH_SIZE)) {
      const { ms, counts: answer } = await send(batch);
      latencies.push(ms);
      counts.created += answer['created'] ?? 0;
      counts.rejected += answer['rejected'] ?? 0;
    }
    const apiSeconds = (performance.now() - apiStarted) / 1000;
    if (counts.created !== total) throw new Error(`the API created ${counts.created} of ${total} (rejected ${counts.rejected})`);

    // 2. Plain multi-row INSERTs through pg, same tables, same shape of rows.
    const plainStarted = performance.now();
    for (const batch of chunks(visits(total, 400_000, 20_261_202), BATCH_SIZE)) {
      await plainInserts(owner, batch, account.facilityId, communes[0].id, 'BENCH-PLAIN');
    }
    const plainSeconds = (performance.now() - plainStarted) / 1000;

    // A resent batch (all unchanged), for information.
    const resent = await send(visits(total, 0, 20_261_201).slice(0, BATCH_SIZE));

    const apiRate = total / apiSeconds;
    const plainRate = total / plainSeconds;
    const sorted = [...latencies].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    const ratio = apiRate / plainRate;
    const row = (label: string, value: string, target = '') => console.log(`${label.padEnd(46)} ${value.padStart(14)}  ${target}`);
    console.log('');
    row(
      'integration API (validated, idempotent, audited)',
      `${Math.round(apiRate).toLocaleString('en')} rows/s`,
      `${apiSeconds.toFixed(1)} s`,
    );
    row('plain multi-row INSERT through pg', `${Math.round(plainRate).toLocaleString('en')} rows/s`, `${plainSeconds.toFixed(1)} s`);
    row('ratio API / plain', `${(ratio * 100).toFixed(0)} %`, `target ≥ ${TARGETS.ratio * 100} %`);
    row(`latency of a ${BATCH_SIZE}-record batch: p50`, `${Math.round(percentile(sorted, 50))} ms`);
    row(`latency of a ${BATCH_SIZE}-record batch: p95`, `${Math.round(p95)} ms`, `target < ${TARGETS.p95Ms} ms`);
    row(`latency of a ${BATCH_SIZE}-record batch: max`, `${Math.round(sorted[sorted.length - 1])} ms`);
    row(`the same ${BATCH_SIZE} records resent`, `${Math.round(resent.ms)} ms`, JSON.stringify(resent.counts));
    const ok = ratio >= TARGETS.ratio && p95 < TARGETS.p95Ms;
    console.log(ok ? 'targets met' : 'TARGETS MISSED');
    console.log(
      `load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
  } catch (error) {
    if (api) console.error(api.output().slice(-4000));
    throw error;
  } finally {
    await api?.stop();
    await owner.end();
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
