import ExcelJS from 'exceljs';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { DEMO_PASSWORD } from '@skss/seed';
import { apiNodeFlags } from '../start/api-node-flags';
import { createTestDatabase, freePort } from '../testing';

/**
 * Excel import of a large register file, end to end (`npm run bench:excel-import`, DATABASE_URL
 * optional): a fresh database, the built API as a child process, a 50,000-row antenatal-visit file
 * (about 20,000 women, 1 to 4 visits each, one in ten without an identifier) uploaded by a commune
 * station, previewed, then committed. Prints rows/s of each step and of the whole, and the API
 * process's peak resident memory (VmHWM of /proc/<pid>/status, Linux).
 *
 * BENCH_ROWS (default 50000), BENCH_NODE_FLAGS (see NODE_FLAGS). Targets (issue 6 §9): ≥ 2,000
 * rows/s validated and committed, peak memory < 400 MB.
 */
const ROOT = resolve(__dirname, '../..');
const ROWS = Number(process.env['BENCH_ROWS'] ?? 50_000);
const TARGETS = { rowsPerSecond: 2_000, peakMegabytes: 400 };
const USERNAME = 'tyt.muongnhe';
/** Flags of the API process: those `npm start` uses (api-node-flags.ts). BENCH_NODE_FLAGS='' measures V8's defaults. */
const NODE_FLAGS = (process.env['BENCH_NODE_FLAGS'] ?? apiNodeFlags().join(' ')).split(' ').filter(Boolean);
const STATION_COMMUNE = '03160';

const KEYS = [
  'person.fullName',
  'person.dateOfBirth',
  'person.sex',
  'person.citizenId',
  'person.ethnicityCode',
  'person.communeCode',
  'person.phone',
  'visitDate',
  'place',
  'gaWeeks',
  'weightKg',
  'systolic',
  'diastolic',
  'tetanusDoseGiven',
  'ironFolicGiven',
  'urineProtein',
  'hbvResult',
  'syphilisResult',
  'hivResult',
  'examiner',
];

const FAMILY = ['Lò', 'Lường', 'Quàng', 'Cà', 'Vì', 'Giàng', 'Sùng', 'Nguyễn', 'Trần', 'Lê'];
const MIDDLE = ['Thị', 'Thị Thu', 'Thị Ngọc', 'Thị Hồng'];
const GIVEN = ['Mai', 'Lan', 'Hoa', 'Dua', 'Xuân', 'Thảo', 'Hương', 'Páo', 'Chi', 'Ánh', 'Nga', 'Phương'];
const ETHNICITIES = ['Thái', 'Kinh', 'HMông', 'Tày', '03', '01'];
const PLACES = ['Tại cơ sở ghi sổ', 'Tại cơ sở ghi sổ', 'Tại cơ sở ghi sổ', 'Lưu động, ngoài cơ sở y tế', 'Tại nhà'];

/** A deterministic pseudo-random sequence, so that runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Woman {
  name: string;
  born: Date;
  citizenId: string | null;
  ethnicity: string;
  phone: string;
}

/** The file: women with 1–4 visits each, visits spread over the six months before this one. */
async function buildFile(rows: number, seed = 20_261_201): Promise<Buffer> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((done) => output.on('end', done));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.columns = KEYS.map((key) => ({
    key,
    width: 14,
    style: key.endsWith('Date') || key === 'visitDate' ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  const keys = sheet.addRow(KEYS);
  keys.hidden = true;
  keys.commit();
  sheet.addRow(KEYS.map((key) => key)).commit();
  const now = new Date();
  const firstDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6, 1);
  const span = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - firstDay;
  let serial = 0;
  let written = 0;
  while (written < rows) {
    const year = 1985 + Math.floor(next() * 20);
    const born = new Date(Date.UTC(year, Math.floor(next() * 12), 1 + Math.floor(next() * 28)));
    serial++;
    const woman: Woman = {
      name: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)} ${serial.toString(36)}`,
      born,
      // Province 011 (Điện Biên), century and sex 1 or 3 (a woman born in the 1900s or 2000s).
      citizenId: next() < 0.9 ? `011${year >= 2000 ? 3 : 1}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}` : null,
      ethnicity: pick(ETHNICITIES),
      phone: `09${String(10_000_000 + serial).slice(-8)}`,
    };
    const visits = 1 + Math.floor(next() * 4);
    const start = firstDay + Math.floor(next() * span * 0.5);
    for (let v = 0; v < visits && written < rows; v++, written++) {
      const visitDate = new Date(start - (start % 86_400_000) + v * 28 * 86_400_000);
      const systolic = 95 + Math.floor(next() * 40);
      sheet
        .addRow({
          'person.fullName': woman.name,
          'person.dateOfBirth': woman.born,
          'person.sex': 'Nữ',
          'person.citizenId': woman.citizenId,
          'person.ethnicityCode': woman.ethnicity,
          'person.communeCode': STATION_COMMUNE,
          'person.phone': woman.phone,
          visitDate,
          place: pick(PLACES),
          gaWeeks: 8 + v * 4 + Math.floor(next() * 3),
          weightKg: Math.round((45 + next() * 20) * 10) / 10,
          systolic,
          diastolic: systolic - 30 - Math.floor(next() * 15),
          tetanusDoseGiven: next() < 0.3 ? 'Có' : 'Không',
          ironFolicGiven: next() < 0.8 ? 'Có' : 'Không',
          urineProtein: next() < 0.5 ? 'Âm tính' : null,
          hbvResult: v === 0 ? 'Âm tính' : null,
          syphilisResult: v === 0 ? 'Âm tính' : null,
          hivResult: v === 0 ? (next() < 0.002 ? 'Dương tính' : 'Âm tính') : null,
          examiner: 'Hộ sinh Lò Thị Ban',
        })
        .commit();
    }
  }
  sheet.commit();
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

function peakMegabytes(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

async function waitForHealth(url: string, api: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (api.exitCode !== null) throw new Error(`The API exited with code ${api.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('The API did not become healthy');
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const body = (await response.json()) as T;
  if (response.status !== 200)
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${JSON.stringify(body).slice(0, 2000)}`);
  return body;
}

interface ImportAnswer {
  id: string;
  totalRows: number;
  validRows: number;
  errorRows: number;
  created: number;
  updated: number;
  errors: { row: number; column: string | null; code: string; message: string }[];
}

async function main(): Promise<void> {
  let started = performance.now();
  const file = await buildFile(ROWS);
  console.log(
    `file: ${ROWS.toLocaleString('en')} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB, written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const database = await createTestDatabase();
  const port = await freePort();
  const output: string[] = [];
  console.log(
    `API node flags: ${NODE_FLAGS.join(' ') || '(none: V8 defaults)'}; load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  const api = spawn(process.execPath, [...NODE_FLAGS, resolve(ROOT, process.env['SKSS_API_MAIN'] ?? 'dist/apps/api/main.js')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: database.appUrl, PORT: String(port), COOKIE_SECURE: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout?.on('data', (chunk) => output.push(String(chunk)));
  api.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${baseUrl}/api/health`, api);
    const pid = api.pid as number;
    const { token } = await call<{ token: string }>(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USERNAME, password: DEMO_PASSWORD, session: 'bearer' }),
    });
    // Warm up (first template and catalog reads, JIT) with a small file of the same shape.
    const warm = await buildFile(200, 7);
    const form = (content: Buffer, name: string) => {
      const body = new FormData();
      body.append('file', new Blob([new Uint8Array(content)]), name);
      return body;
    };
    const headers = { authorization: `Bearer ${token}` };
    await call(`${baseUrl}/api/v1/clinical-records/anc-visits/imports?mode=commit`, {
      method: 'POST',
      headers,
      body: form(warm, 'warm-up.xlsx'),
    });
    const before = peakMegabytes(pid);

    started = performance.now();
    const preview = await call<ImportAnswer>(`${baseUrl}/api/v1/clinical-records/anc-visits/imports`, {
      method: 'POST',
      headers,
      body: form(file, 'so-kham-thai-50000.xlsx'),
    });
    const previewed = performance.now();
    const afterPreview = peakMegabytes(pid);
    const commit = await call<ImportAnswer>(`${baseUrl}/api/v1/clinical-records/anc-visits/imports/${preview.id}/commit`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ allOrNothing: false }),
    });
    const done = performance.now();
    const memory = peakMegabytes(pid);

    const seconds = (ms: number) => ms / 1000;
    const rate = (ms: number) => Math.round(ROWS / seconds(ms));
    console.log(
      `preview: ${preview.totalRows} rows (${preview.validRows} valid, ${preview.errorRows} with errors) in ${seconds(previewed - started).toFixed(1)} s = ${rate(previewed - started)} rows/s`,
    );
    if (preview.errors.length) console.log('first problems:', JSON.stringify(preview.errors.slice(0, 5)));
    console.log(
      `commit: ${commit.created} created, ${commit.updated} updated in ${seconds(done - previewed).toFixed(1)} s = ${rate(done - previewed)} rows/s`,
    );
    console.log(
      `import (validated and committed): ${seconds(done - started).toFixed(1)} s = ${rate(done - started)} rows/s (target ≥ ${TARGETS.rowsPerSecond})`,
    );
    console.log(
      `API resident memory: ${before.now.toFixed(0)} MB before, peak ${afterPreview.peak.toFixed(0)} MB by the end of the preview, ` +
        `peak ${memory.peak.toFixed(0)} MB (target < ${TARGETS.peakMegabytes}), ${memory.now.toFixed(0)} MB after`,
    );
    const ok = rate(done - started) >= TARGETS.rowsPerSecond && memory.peak < TARGETS.peakMegabytes && preview.errorRows === 0;
    console.log(ok ? 'targets met' : 'TARGETS MISSED');
    console.log(
      `load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} (the API is one Node thread: an oversubscribed machine slows it most)`,
    );
  } catch (error) {
    console.error(output.join('').slice(-4000));
    throw error;
  } finally {
    if (api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((done) => api.once('exit', done));
    }
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
