import ExcelJS from 'exceljs';
import { createDeflateRaw } from 'node:zlib';
import { withDb } from './support/db';
import { request } from './support/http';
import { ancRow, download, ImportDetail, ImportProblem, keyedWorkbook, monthOf, pastDay, uploadImport, XLSX_TYPE } from './support/excel';
import { accountAt, citizenId, countRows, lockMonth, RECORDS, unlockMonth, uniqueWomanName } from './support/records';

/**
 * Excel for the registers (issue 6 §8) against the built API: the template round trip, a 1,000-row
 * file with 3% bad rows, re-imports that update instead of duplicating, all-or-nothing, hostile
 * files, formula cells, the history and result file, locked months, scope, deliveries of twins,
 * and the export with formula-looking text neutralised and identifiers masked.
 *
 * Rows are recorded by stations of their own (Xã Nậm Kè and Xã Mường Toong, Điện Biên), so that
 * other spec files' counts are not disturbed.
 */

jest.setTimeout(300_000);

const STATION = 'TYT.03162.2025';
const NEIGHBOUR = 'TYT.03163.2025';
let tyt = '';
let neighbour = '';

const post = <T>(path: string, body: unknown, token = tyt) => request<T>(path, { method: 'POST', token, body });
const get = <T>(path: string, token = tyt) => request<T>(path, { token });

const committed = (id: string, allOrNothing = false, token = tyt) =>
  post<ImportDetail>(`${RECORDS}/anc-visits/imports/${id}/commit`, { allOrNothing }, token);

/** The keys of the template's columns, in order (its hidden first row). */
let templateKeys: string[] = [];
const letter = (key: string) => {
  let index = templateKeys.indexOf(key);
  if (index < 0) throw new Error(`No column ${key}`);
  let text = '';
  for (index += 1; index > 0; index = Math.floor((index - 1) / 26)) text = String.fromCharCode(65 + ((index - 1) % 26)) + text;
  return text;
};

/** The downloaded template with rows filled in by key, as an officer fills it in Excel. */
async function fillTemplate(template: Buffer, rows: readonly Record<string, unknown>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Dữ liệu');
  if (!sheet) throw new Error('The template has no data sheet');
  const keys = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      const column = keys.indexOf(key);
      if (column < 0) throw new Error(`The template has no column ${key}`);
      if (value !== null && value !== undefined) sheet.getCell(3 + i, column + 1).value = value as ExcelJS.CellValue;
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function ancTemplate(): Promise<Buffer> {
  const answer = await download(`${RECORDS}/anc-visits/excel-template`, tyt);
  expect(answer.status).toBe(200);
  return answer.file;
}

async function visitsOf(citizenIds: readonly string[]): Promise<{ citizen_id: string; n: number; persons: number }[]> {
  const { rows } = await withDb((db) =>
    db.query<{ citizen_id: string; n: number; persons: number }>(
      `SELECT p.citizen_id, count(v.id)::int AS n, count(DISTINCT p.id)::int AS persons
       FROM person p LEFT JOIN anc_visit v ON v.person_id = p.id WHERE p.citizen_id = ANY($1) GROUP BY p.citizen_id`,
      [citizenIds],
    ),
  );
  return rows;
}

beforeAll(async () => {
  tyt = (await accountAt(STATION, 'TYT')).token;
  neighbour = (await accountAt(NEIGHBOUR, 'TYT')).token;
  const template = await ancTemplate();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  templateKeys = ((workbook.getWorksheet('Dữ liệu') as ExcelJS.Worksheet).getRow(1).values as unknown[]).slice(1) as string[];
});

describe('the import template', () => {
  it('is an .xlsx with the data sheet (hidden keys, Vietnamese headers with *), instructions and hidden lists', async () => {
    const answer = await download(`${RECORDS}/anc-visits/excel-template`, tyt);
    expect([answer.status, answer.type, answer.disposition]).toEqual([200, XLSX_TYPE, 'attachment; filename="mau-nhap-anc-visits.xlsx"']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.file as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['Dữ liệu', 'visible'],
      ['Hướng dẫn', 'visible'],
      ['Danh mục', 'hidden'],
    ]);
    const data = workbook.getWorksheet('Dữ liệu') as ExcelJS.Worksheet;
    expect(data.getRow(1).hidden).toBe(true);
    const headers = (data.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['Họ và tên *', 'Ngày khám thai *', 'Nơi khám *', 'Tuổi thai (tuần)']));
    expect(data.getCell(`${letter('place')}3`).dataValidation).toMatchObject({ type: 'list' });
    expect(data.getColumn(letter('visitDate')).numFmt).toBe('dd/mm/yyyy');
    // Ethnicities come from the catalog: the drop-down shows their names.
    const lists = workbook.getWorksheet('Danh mục') as ExcelJS.Worksheet;
    expect(JSON.stringify(lists.getSheetValues())).toContain('Kinh');
  });

  it('exists for every register, deliveries flattened to one row per newborn with a delivery key', async () => {
    const answer = await download(`${RECORDS}/deliveries/excel-template`, tyt);
    expect(answer.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.file as unknown as ArrayBuffer);
    const data = workbook.getWorksheet('Dữ liệu') as ExcelJS.Worksheet;
    expect(data.getCell('A1').value).toBe('groupKey');
    expect(data.getCell('A2').value).toBe('Mã ca đẻ');
    for (const register of ['episodes', 'abortions', 'contraception', 'gynaecology', 'hpv-vaccinations', 'child-exams', 'deaths']) {
      expect([register, (await download(`${RECORDS}/${register}/excel-template`, tyt)).status]).toEqual([register, 200]);
    }
    expect((await get(`${RECORDS}/no-such-register/excel-template`)).status).toBe(400);
  });
});

describe('template round trip', () => {
  it('downloads the template, fills it, previews, commits and finds the rows through the register API', async () => {
    const names = [uniqueWomanName(), uniqueWomanName(), uniqueWomanName()];
    const rows = names.map((name, i) =>
      ancRow({
        'person.fullName': name,
        visitDate: pastDay(3 + i),
        weightKg: 50.5 + i,
        tetanusDoseGiven: 'Có',
        urineProtein: 'Dương tính',
      }),
    );
    const file = await fillTemplate(await ancTemplate(), rows);
    const preview = await uploadImport(tyt, 'anc-visits', file, 'khám thai tháng.xlsx');
    expect([preview.status, preview.body.status, preview.body.totalRows, preview.body.validRows, preview.body.errorRows]).toEqual([
      200,
      'PREVIEWED',
      3,
      3,
      0,
    ]);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.facilityCode).toBe(STATION);
    const commit = await committed(preview.body.id);
    expect([commit.status, commit.body.status, commit.body.created, commit.body.updated]).toEqual([200, 'COMMITTED', 3, 0]);

    const list = await get<{ items: Record<string, unknown>[]; total: number }>(
      `${RECORDS}/anc-visits?month=${monthOf(pastDay(3))}&facilityCode=${STATION}&pageSize=200`,
    );
    expect(list.status).toBe(200);
    const found = list.body.items.filter((item) => names.includes((item['person'] as { fullName: string }).fullName));
    expect(found).toHaveLength(3);
    for (const item of found) {
      expect(item).toMatchObject({
        source: 'EXCEL',
        place: 'FACILITY',
        tetanusDoseGiven: true,
        urineProtein: 'POSITIVE',
        hivResult: 'NEGATIVE',
      });
    }
  });
});

describe('a 1,000-row file with 3% bad rows', () => {
  const citizens: string[] = [];
  let rows: Record<string, unknown>[] = [];
  let expected: { row: number; column: string; code: string }[] = [];
  let importId = '';

  beforeAll(() => {
    const breakers: ((row: Record<string, unknown>) => { key: string; code: string })[] = [
      (row) => ((row['visitDate'] = new Date(Date.now() + 20 * 86_400_000)), { key: 'visitDate', code: 'DATE_IN_FUTURE' }),
      (row) => ((row['gaWeeks'] = 50), { key: 'gaWeeks', code: 'GA_OUT_OF_RANGE' }),
      (row) => ((row['person.citizenId'] = '0111960000'), { key: 'person.citizenId', code: 'CCCD_FORMAT' }),
      (row) => ((row['place'] = 'Trên mặt trăng'), { key: 'place', code: 'NOT_IN_LIST' }),
      (row) => ((row['person.fullName'] = null), { key: 'person.fullName', code: 'REQUIRED' }),
      (row) => ((row['systolic'] = 90), (row['diastolic'] = 100), { key: 'diastolic', code: 'SYSTOLIC_NOT_ABOVE_DIASTOLIC' }),
    ];
    rows = Array.from({ length: 1_000 }, (_, i) => {
      const citizen = citizenId(1990 + (i % 15), 'FEMALE');
      citizens.push(citizen);
      // One row in ten has no identifier: the person is found again by name and date of birth.
      const row = ancRow({
        'person.citizenId': i % 10 === 7 ? null : citizen,
        'person.dateOfBirth': new Date(Date.UTC(1990 + (i % 15), i % 12, 1 + (i % 28))),
        visitDate: pastDay(1 + (i % 28)),
        weightKg: 45 + (i % 30),
      });
      return row;
    });
    // 3%: every 33rd row from the 5th gets one error of each kind in turn.
    expected = [];
    for (let i = 4, n = 0; n < 30; i += 33, n++) {
      const broken = breakers[n % breakers.length](rows[i]);
      expected.push({ row: i + 3, column: letter(broken.key), code: broken.code });
    }
  });

  it('previews exactly those errors, by row, column and code', async () => {
    const file = await fillTemplate(await ancTemplate(), rows);
    const preview = await uploadImport(tyt, 'anc-visits', file, 'nghin-dong.xlsx');
    expect(preview.status).toBe(200);
    importId = preview.body.id;
    expect([preview.body.totalRows, preview.body.validRows, preview.body.errorRows]).toEqual([1_000, 970, 30]);
    const got = preview.body.errors.map((e: ImportProblem) => ({ row: e.row, column: e.column, code: e.code }));
    expect(got).toEqual(expected);
    for (const error of preview.body.errors) expect(error.message).toMatch(/\S/);
    expect(preview.body.errors[0].header).toBe('Ngày khám thai *');
  });

  it('commits the other 970, in one batch with one audit event linked to the import', async () => {
    const commit = await committed(importId);
    expect([commit.status, commit.body.created, commit.body.updated, commit.body.outcomes]).toEqual([
      200,
      970,
      0,
      { created: 970, invalid: 30 },
    ]);
    expect(await countRows('anc_visit', 'import_id = $1', [importId])).toBe(970);
    const { rows: events } = await withDb((db) =>
      db.query<{ action: string; entity_type: string; details: { rows: Record<string, number> } }>(
        `SELECT action, entity_type, details FROM audit_event WHERE entity_id = $1 ORDER BY id`,
        [importId],
      ),
    );
    expect(events.map((e) => [e.action, e.entity_type])).toEqual([['IMPORT', 'RegisterImport']]);
    expect(events[0].details.rows).toMatchObject({ created: 970, invalid: 30 });
    // No audit row per visit: the batch has one event.
    const { rows: perRow } = await withDb((db) =>
      db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event a JOIN anc_visit v ON v.id::text = a.entity_id WHERE v.import_id = $1`,
        [importId],
      ),
    );
    expect(perRow[0].n).toBe(0);
  });

  it('is answered again by the history and by the result file, with an outcome and the messages per row', async () => {
    const history = await get<{ items: ImportDetail[] }>(`${RECORDS}/anc-visits/imports?pageSize=50`);
    expect(history.body.items.find((item) => item.id === importId)).toMatchObject({ status: 'COMMITTED', created: 970, errorRows: 30 });
    const result = await download(`${RECORDS}/anc-visits/imports/${importId}/result.xlsx`, tyt);
    expect([result.status, result.type]).toEqual([200, XLSX_TYPE]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    const outcomeColumn = header.indexOf('Kết quả nhập') + 1;
    expect(outcomeColumn).toBeGreaterThan(0);
    expect(sheet.getRow(1).hidden).toBe(true);
    const bad = expected[1];
    expect(sheet.getRow(bad.row).getCell(outcomeColumn).value).toBe('Có lỗi, không ghi');
    expect(String(sheet.getRow(bad.row).getCell(outcomeColumn + 1).value)).toContain(`Cột ${bad.column}`);
    expect(sheet.getRow(3).getCell(outcomeColumn).value).toBe('Đã thêm mới');
  });

  it('re-imported as is, updates nothing and duplicates nothing; corrected, adds the fixed rows and updates the changed ones', async () => {
    const again = await uploadImport(tyt, 'anc-visits', await fillTemplate(await ancTemplate(), rows), 'nghin-dong.xlsx');
    const same = await committed(again.body.id);
    expect([same.body.created, same.body.updated, same.body.outcomes['unchanged']]).toEqual([0, 0, 970]);

    const fixed = rows.map((row) => ({ ...row }));
    for (const { row } of expected)
      fixed[row - 3] = ancRow({
        'person.citizenId': citizens[row - 3],
        'person.dateOfBirth': rows[row - 3]['person.dateOfBirth'],
        visitDate: pastDay(2),
      });
    // Rows 10, 60, … 460 (none of them a bad row) get another weight.
    for (let i = 0; i < 10; i++) fixed[i * 50 + 10] = { ...fixed[i * 50 + 10], weightKg: 99 };
    const corrected = await uploadImport(tyt, 'anc-visits', await fillTemplate(await ancTemplate(), fixed), 'nghin-dong-da-sua.xlsx');
    expect([corrected.body.validRows, corrected.body.errorRows]).toEqual([1_000, 0]);
    const commit = await committed(corrected.body.id);
    expect([commit.body.created, commit.body.updated, commit.body.outcomes['unchanged']]).toEqual([30, 10, 960]);

    // Each woman once, with one visit (ten in a hundred were found by name and date of birth).
    const identified = citizens.filter((_, i) => i % 10 !== 7);
    const counts = await visitsOf(identified);
    expect(counts).toHaveLength(identified.length);
    expect(counts.every((c) => c.n === 1 && c.persons === 1)).toBe(true);
    const imports = [importId, again.body.id, corrected.body.id];
    const { rows: totals } = await withDb((db) =>
      db.query<{ visits: number; persons: number }>(
        `SELECT count(*)::int AS visits, count(DISTINCT person_id)::int AS persons FROM anc_visit WHERE import_id = ANY($1)`,
        [imports],
      ),
    );
    expect(totals[0]).toEqual({ visits: 1_000, persons: 1_000 });
  });
});

describe('all or nothing', () => {
  it('commits none while a row is bad (422), and the valid ones when asked without it', async () => {
    const good = [ancRow(), ancRow()];
    const file = await keyedWorkbook(Object.keys(good[0]), [...good, ancRow({ gaWeeks: 99 })]);
    const preview = await uploadImport(tyt, 'anc-visits', file, 'tat-ca-hoac-khong.xlsx');
    expect([preview.body.validRows, preview.body.errorRows]).toEqual([2, 1]);
    const refused = await committed(preview.body.id, true);
    expect([refused.status, refused.body.code]).toEqual([422, 'IMPORT_HAS_ERRORS']);
    expect(refused.body.message).toMatch(/1 dòng lỗi/);
    expect(await countRows('anc_visit', 'import_id = $1', [preview.body.id])).toBe(0);
    expect((await get<ImportDetail>(`${RECORDS}/anc-visits/imports/${preview.body.id}`)).body.status).toBe('PREVIEWED');
    const partial = await committed(preview.body.id, false);
    expect([partial.status, partial.body.created]).toEqual([200, 2]);
    expect((await committed(preview.body.id)).body.code).toBe('IMPORT_NOT_PENDING');
  });

  it('commits in one call with mode=commit', async () => {
    const file = await keyedWorkbook(Object.keys(ancRow()), [ancRow(), ancRow({ gaWeeks: 99 })]);
    const refused = await uploadImport(tyt, 'anc-visits', file, 'mot-lan.xlsx', 'mode=commit&allOrNothing=true');
    expect([refused.status, refused.body.code]).toEqual([422, 'IMPORT_HAS_ERRORS']);
    const done = await uploadImport(tyt, 'anc-visits', file, 'mot-lan.xlsx', 'mode=commit');
    expect([done.status, done.body.status, done.body.created, done.body.errorRows]).toEqual([200, 'COMMITTED', 1, 1]);
  });
});

describe('discarding a preview', () => {
  const discarded = (id: string, token = tyt) => post<ImportDetail>(`${RECORDS}/anc-visits/imports/${id}/discard`, {}, token);
  const stored = async (id: string) =>
    (
      await withDb((db) =>
        db.query<{ status: string; file_bytes: number; rows: number }>(
          `SELECT status::text, length(file)::int AS file_bytes, (SELECT count(*)::int FROM register_import_row WHERE import_id = i.id) AS rows
           FROM register_import i WHERE id = $1`,
          [id],
        ),
      )
    ).rows[0];

  it('writes nothing, deletes the stored file, is audited, and then refuses the commit with IMPORT_DISCARDED', async () => {
    const rows = [ancRow(), ancRow()];
    const file = await keyedWorkbook(Object.keys(rows[0]), rows);
    const preview = await uploadImport(tyt, 'anc-visits', file, 'khong-ghi.xlsx');
    const id = preview.body.id;
    expect((await stored(id)).file_bytes).toBe(file.length);

    const done = await discarded(id);
    expect([done.status, done.body.status, done.body.totalRows, done.body.created]).toEqual([200, 'DISCARDED', 2, 0]);
    expect(await stored(id)).toEqual({ status: 'DISCARDED', file_bytes: 0, rows: 0 });
    const audit = await withDb((db) =>
      db.query<{ action: string; before: unknown; after: unknown; details: Record<string, unknown> }>(
        `SELECT action, before, after, details FROM audit_event WHERE entity_type = 'RegisterImport' AND entity_id = $1 ORDER BY id`,
        [id],
      ),
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      action: 'UPDATE',
      before: { status: 'PREVIEWED' },
      after: { status: 'DISCARDED' },
      details: { register: 'anc-visits', fileName: 'khong-ghi.xlsx', fileSha256: preview.body.fileSha256, fileDeleted: true },
    });

    const refused = await committed(id);
    expect([refused.status, refused.body.code]).toEqual([409, 'IMPORT_DISCARDED']);
    expect(await countRows('anc_visit', 'import_id = $1', [id])).toBe(0);
    expect(await visitsOf(rows.map((row) => row['person.citizenId'] as string))).toEqual([]);
    const again = await discarded(id);
    expect([again.status, again.body.code]).toEqual([409, 'IMPORT_DISCARDED']);
    const result = await download(`${RECORDS}/anc-visits/imports/${id}/result.xlsx`, tyt);
    expect(result.status).toBe(409);
    const history = await get<{ items: ImportDetail[] }>(`${RECORDS}/anc-visits/imports?pageSize=50`);
    expect(history.body.items.find((item) => item.id === id)?.status).toBe('DISCARDED');
  });

  it('a committed import cannot be discarded (IMPORT_NOT_PENDING), and another station’s is not found', async () => {
    const file = await keyedWorkbook(Object.keys(ancRow()), [ancRow()]);
    const preview = await uploadImport(tyt, 'anc-visits', file, 'da-ghi.xlsx');
    const id = preview.body.id;
    expect((await discarded(id, neighbour)).status).toBe(404);
    expect((await committed(id)).status).toBe(200);
    const refused = await discarded(id);
    expect([refused.status, refused.body.code]).toEqual([409, 'IMPORT_NOT_PENDING']);
    expect(await stored(id)).toMatchObject({ status: 'COMMITTED', file_bytes: file.length });
    expect(await countRows('anc_visit', 'import_id = $1', [id])).toBe(1);
  });
});

/** A ZIP whose one big entry is `size` zero bytes, deflated as it is generated (never held whole). */
async function zipBomb(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += zeros.length) {
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(chunks);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('hostile files', () => {
  const importsBefore = () => countRows('register_import', 'facility_id = (SELECT id FROM facility WHERE code = $1)', [STATION]);

  it('refuses a zip bomb from its directory, before inflating it, with a clear message', async () => {
    const bomb = await zipBomb(256 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await importsBefore();
    const answer = await uploadImport(tyt, 'anc-visits', bomb, 'bom.xlsx');
    expect([answer.status, answer.body.code]).toEqual([400, 'ZIP_BOMB']);
    expect(answer.body.message).toMatch(/nén bất thường/);
    expect(await importsBefore()).toBe(before);
  });

  it('refuses a file over 20 MB with 413 FILE_TOO_LARGE', async () => {
    const big = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(21 * 1024 * 1024, 7)]);
    const answer = await uploadImport(tyt, 'anc-visits', big, 'lon.xlsx');
    expect([answer.status, answer.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect(answer.body.message).toMatch(/20 MB/);
  });

  it('refuses what is not an .xlsx workbook: a CSV, an old .xls, a wrong extension, no file', async () => {
    const csv = await uploadImport(tyt, 'anc-visits', Buffer.from('Họ và tên,Ngày sinh\nLò Thị Mai,12/04/1998\n'), 'so.xlsx');
    expect([csv.status, csv.body.code]).toEqual([400, 'NOT_XLSX']);
    const xls = await uploadImport(
      tyt,
      'anc-visits',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
      'cu.xlsx',
    );
    expect([xls.status, xls.body.code]).toEqual([400, 'NOT_XLSX']);
    const named = await uploadImport(tyt, 'anc-visits', await keyedWorkbook(['visitDate'], []), 'so.csv');
    expect([named.status, named.body.code]).toEqual([400, 'NOT_XLSX']);
    const none = await post<ImportDetail>(`${RECORDS}/anc-visits/imports`, {});
    expect([none.status, none.body.code]).toEqual([400, 'FILE_REQUIRED']);
    const headless = new ExcelJS.Workbook();
    headless.addWorksheet('S').addRow(['a', 'b']);
    const noTemplate = await uploadImport(tyt, 'anc-visits', Buffer.from(await headless.xlsx.writeBuffer()), 'khac.xlsx');
    expect([noTemplate.status, noTemplate.body.code]).toEqual([400, 'NOT_A_TEMPLATE']);
  });

  it('reads formula cells as the values the file holds, never evaluating them', async () => {
    const name = uniqueWomanName();
    const file = await keyedWorkbook(Object.keys(ancRow()), [
      ancRow({
        'person.fullName': { formula: `CONCATENATE("${name.split(' ')[0]} ","${name.split(' ').slice(1).join(' ')}")`, result: name },
        gaWeeks: { formula: '10+10', result: 24 },
        hivResult: { formula: 'NOW()', result: 'Âm tính' },
      }),
    ]);
    const answer = await uploadImport(tyt, 'anc-visits', file, 'cong-thuc.xlsx', 'mode=commit');
    expect([answer.status, answer.body.created, answer.body.errors]).toEqual([200, 1, []]);
    const { rows } = await withDb((db) =>
      db.query<{ full_name: string; ga_weeks: number; hiv_result: string }>(
        `SELECT p.full_name, v.ga_weeks, v.hiv_result::text FROM anc_visit v JOIN person p ON p.id = v.person_id WHERE v.import_id = $1`,
        [answer.body.id],
      ),
    );
    expect(rows).toEqual([{ full_name: name, ga_weeks: 24, hiv_result: 'NEGATIVE' }]);
  });
});

describe('rules of the write', () => {
  it('refuses the rows of a locked month with PERIOD_LOCKED, and writes the others', async () => {
    const locked = pastDay(1);
    const lockedMonth = monthOf(locked);
    const open = new Date(Date.UTC(locked.getUTCFullYear(), locked.getUTCMonth() + 1, 3));
    await lockMonth(STATION, lockedMonth, 'Báo cáo tháng đã được duyệt (thử)');
    try {
      const file = await keyedWorkbook(Object.keys(ancRow()), [ancRow({ visitDate: open }), ancRow({ visitDate: locked })]);
      const answer = await uploadImport(tyt, 'anc-visits', file, 'khoa-so.xlsx', 'mode=commit');
      expect([answer.body.created, answer.body.errorRows]).toEqual([1, 1]);
      expect(answer.body.errors).toEqual([
        expect.objectContaining({ row: 3, code: 'PERIOD_LOCKED', message: expect.stringContaining('đã khóa') }),
      ]);
    } finally {
      await unlockMonth(STATION, lockedMonth);
    }
  });

  it('keeps a station’s imports from another station: 404 to read, commit or fetch the result', async () => {
    const file = await keyedWorkbook(Object.keys(ancRow()), [ancRow()]);
    const preview = await uploadImport(tyt, 'anc-visits', file, 'rieng.xlsx');
    const id = preview.body.id;
    expect((await get<ImportDetail>(`${RECORDS}/anc-visits/imports/${id}`, neighbour)).body.code).toBe('IMPORT_NOT_FOUND');
    expect((await committed(id, false, neighbour)).status).toBe(404);
    expect((await download(`${RECORDS}/anc-visits/imports/${id}/result.xlsx`, neighbour)).status).toBe(404);
    const theirs = await get<{ items: ImportDetail[] }>(`${RECORDS}/anc-visits/imports?pageSize=200`, neighbour);
    expect(theirs.body.items.some((item) => item.id === id)).toBe(false);
    expect((await get(`${RECORDS}/anc-visits/imports/${id}`)).status).toBe(200);
  });

  it('records a delivery of twins from two rows with one delivery key, and updates it in place when imported again', async () => {
    const mother = uniqueWomanName();
    const citizen = citizenId(1995, 'FEMALE');
    const deliveredAt = new Date(pastDay(12).getTime() + 9.5 * 3600_000);
    const delivery = {
      groupKey: 'CD-01',
      'person.fullName': mother,
      'person.dateOfBirth': new Date(Date.UTC(1995, 1, 2)),
      'person.sex': 'Nữ',
      'person.citizenId': citizen,
      deliveredAt,
      place: 'Tại cơ sở ghi sổ',
      attendantKind: 'Hộ sinh',
      mode: 'Đẻ thường',
      gaWeeks: 38,
      'postnatalVisits[0].visitDate': pastDay(14),
    };
    const twins = [
      { ...delivery, 'newborns.sex': 'Nam', 'newborns.liveBorn': 'Có', 'newborns.weightGrams': 2500 },
      { groupKey: 'CD-01', 'newborns.sex': 'Nữ', 'newborns.liveBorn': 'Có', 'newborns.weightGrams': 2300 },
    ];
    const keys = [...new Set(twins.flatMap((row) => Object.keys(row)))];
    const first = await uploadImport(tyt, 'deliveries', await keyedWorkbook(keys, twins), 'sinh-doi.xlsx', 'mode=commit');
    expect([first.status, first.body.totalRows, first.body.created, first.body.errors]).toEqual([200, 2, 2, []]);
    twins[1]['newborns.weightGrams'] = 2350;
    const again = await uploadImport(tyt, 'deliveries', await keyedWorkbook(keys, twins), 'sinh-doi.xlsx', 'mode=commit');
    expect([again.body.created, again.body.updated]).toEqual([0, 2]);
    const { rows } = await withDb((db) =>
      db.query<{ babies: number; weights: number[]; visits: number; closure: string | null }>(
        `SELECT d.babies, ARRAY(SELECT n.weight_grams FROM newborn n WHERE n.delivery_id = d.id ORDER BY n.birth_order) AS weights,
                (SELECT count(*)::int FROM postnatal_visit pv WHERE pv.delivery_id = d.id) AS visits, e.closure::text AS closure
         FROM delivery d JOIN person p ON p.id = d.person_id LEFT JOIN pregnancy_episode e ON e.id = d.episode_id
         WHERE p.citizen_id = $1`,
        [citizen],
      ),
    );
    expect(rows).toEqual([{ babies: 2, weights: [2500, 2350], visits: 1, closure: null }]);
  });
});

describe('export of a register view', () => {
  const formula = '=HYPERLINK("http://evil.example","Bấm vào đây")';

  it('neutralises formula-looking text, masks identifiers without data.export, and is audited', async () => {
    const citizen = citizenId(1996, 'FEMALE');
    const visitDate = pastDay(20);
    const file = await keyedWorkbook(Object.keys(ancRow()), [
      ancRow({ 'person.fullName': formula, 'person.citizenId': citizen, visitDate }),
    ]);
    const imported = await uploadImport(tyt, 'anc-visits', file, 'cong-thuc-doc.xlsx', 'mode=commit');
    expect([imported.status, imported.body.created]).toEqual([200, 1]);

    const answer = await download(
      `${RECORDS}/anc-visits/export.xlsx?month=${monthOf(visitDate)}&facilityCode=${STATION}&q=${citizen}`,
      tyt,
    );
    expect([answer.status, answer.type]).toEqual([200, XLSX_TYPE]);
    expect(answer.disposition).toMatch(/^attachment; filename="anc-visits-\d{4}-\d{2}-/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet.getRow(2);
    const cell = row.getCell(header.indexOf('Họ và tên') + 1);
    expect(cell.value).toBe(`'${formula}`);
    expect(cell.formula).toBeUndefined();
    expect(row.getCell(header.indexOf('Số căn cước công dân') + 1).value).toBe(`${citizen.slice(0, 4)}******${citizen.slice(10)}`);
    expect(row.getCell(header.indexOf('Nơi khám') + 1).value).toBe('Tại cơ sở ghi sổ');
    expect(row.getCell(header.indexOf('Ngày khám thai') + 1).value).toEqual(visitDate);
    expect(row.getCell(1).value).toBe(STATION);
    expect(sheet.rowCount).toBe(2);

    const { rows } = await withDb((db) =>
      db.query<{ details: { register: string; rowCount: number; identifiers: string } }>(
        `SELECT details FROM audit_event WHERE action = 'EXPORT' AND entity_type = 'AncVisit' ORDER BY id DESC LIMIT 1`,
      ),
    );
    expect(rows[0].details).toMatchObject({ register: 'anc-visits', rowCount: 1, identifiers: 'masked' });
  });
});
