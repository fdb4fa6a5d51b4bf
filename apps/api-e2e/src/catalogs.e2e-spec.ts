import ExcelJS from 'exceljs';
import { CODE_LISTS, foldVietnamese } from '@skss/domain';
import { withDb } from './support/db';
import { apiUrl, request, signIn } from './support/http';
import { ErrorBody, Page } from './types';

/**
 * Catalogs: reading (every signed-in user), versioned changes by administrators, the fixed code
 * lists of the registers, and imports from .xlsx and .csv (all or nothing). Changes act on
 * catalogs created for this file, never on the seeded ones other files read.
 */

interface CatalogItem {
  code: string;
  name: string;
  nameEn: string | null;
  sortOrder: number;
  validFrom: string | null;
  validTo: string | null;
}
interface Catalog {
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  fixed: boolean;
  itemCount: number;
}
interface History {
  catalogCode: string;
  code: string;
  versions: CatalogItem[];
}
interface ImportResult {
  catalogCode: string;
  rows: number;
  created: number;
  relabelled: number;
  unchanged: number;
}

let admin = '';
let station = '';
const suffix = `${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e4)}`;

/** A catalog of this test file, created directly (catalogs are created by the seed, not the API). */
async function testCatalog(prefix: string, fixed = false, items: [string, string][] = []): Promise<string> {
  const code = `E2E_${prefix}_${suffix}`;
  await withDb(async (db) => {
    await db.query(`INSERT INTO catalog (code, name, fixed, updated_at) VALUES ($1, $2, $3, now())`, [
      code,
      `Danh mục thử ${prefix}`,
      fixed,
    ]);
    for (const [i, [itemCode, name]] of items.entries()) {
      await db.query(
        `INSERT INTO catalog_item (catalog_code, code, name, name_folded, sort_order, updated_at) VALUES ($1, $2, $3, $4, $5, now())`,
        [code, itemCode, name, foldVietnamese(name), i + 1],
      );
    }
  });
  return code;
}

async function itemsOn(catalog: string, at: string, query = ''): Promise<Page<CatalogItem>> {
  const { status, body } = await request<Page<CatalogItem>>(`/api/v1/catalogs/${catalog}/items?at=${at}&pageSize=200${query}`, {
    token: admin,
  });
  expect(status).toBe(200);
  return body;
}

async function upload(catalog: string, file: Blob, fileName: string, validFrom: string, token = admin) {
  const form = new FormData();
  form.append('validFrom', validFrom);
  form.append('file', file, fileName);
  const response = await fetch(apiUrl(`/api/v1/catalogs/${catalog}/import`), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as ImportResult & ErrorBody };
}

async function xlsxFile(rows: unknown[][]): Promise<Blob> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh mục');
  for (const row of rows) sheet.addRow(row);
  return new Blob([await workbook.xlsx.writeBuffer()], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

const csvFile = (text: string) => new Blob([text], { type: 'text/csv' });

async function auditOf(catalog: string): Promise<{ action: string; entity_type: string; actor_username: string }[]> {
  const { rows } = await withDb((db) =>
    db.query(
      `SELECT action, entity_type, actor_username FROM audit_event
       WHERE (entity_type = 'CatalogItem' AND (after->>'catalogCode' = $1 OR before->>'catalogCode' = $1))
          OR (entity_type = 'Catalog' AND entity_id = $1)
       ORDER BY id`,
      [catalog],
    ),
  );
  return rows;
}

beforeAll(async () => {
  admin = await signIn('nchi.admin');
  station = await signIn('tyt.muongnhe');
});

describe('reading the catalogs', () => {
  it('lists the seeded catalogs with their item counts, to any signed-in user', async () => {
    const { status, body } = await request<{ at: string; catalogs: Catalog[] }>('/api/v1/catalogs', { token: station });
    expect(status).toBe(200);
    const byCode = new Map(body.catalogs.map((c) => [c.code, c]));
    expect([byCode.get('ETHNICITY')?.itemCount, byCode.get('OCCUPATION')?.itemCount, byCode.get('NATIONALITY')?.itemCount]).toEqual([
      55, 13, 249,
    ]);
    expect(byCode.get('ETHNICITY')).toMatchObject({ name: 'Danh mục dân tộc', fixed: false });
    // Lists the registers use that ship without a source: created empty, for an administrator to import.
    for (const code of ['ICD10', 'GYN_TREATMENT']) {
      expect(byCode.get(code)).toMatchObject({ fixed: false });
      expect(byCode.get(code)?.description).toMatch(/^Chưa có/);
    }
    expect(byCode.get('ICD10')?.itemCount).toBe(0);
  });

  it('serves every code list of the registers as a fixed catalog, with its labels', async () => {
    const missing: string[] = [];
    for (const [list, entries] of Object.entries(CODE_LISTS)) {
      const { status, body } = await request<Page<CatalogItem>>(`/api/v1/catalogs/${list}/items?pageSize=200`, { token: station });
      expect([list, status]).toEqual([list, 200]);
      const served = new Map(body.items.map((i) => [i.code, i]));
      for (const entry of entries) {
        const item = served.get(entry.code);
        if (!item) missing.push(`${list}:${entry.code}`);
        else expect([list, item.name, item.nameEn]).toEqual([list, entry.vi, entry.en]);
      }
    }
    expect(missing).toEqual([]);
    const { body } = await request<{ catalogs: Catalog[] }>('/api/v1/catalogs', { token: station });
    expect(
      body.catalogs
        .filter((c) => c.fixed)
        .map((c) => c.code)
        .sort(),
    ).toEqual(Object.keys(CODE_LISTS).sort());
  });

  it('finds items without diacritics, by other names and by code, paginated', async () => {
    const ethnicity = (q: string) => itemsOn('ETHNICITY', '2026-01-01', `&q=${encodeURIComponent(q)}`);
    expect((await ethnicity('hmong')).items.map((i) => i.name)).toEqual(['HMông']);
    expect((await ethnicity('HMÔNG')).items.map((i) => i.code)).toEqual(['08']);
    expect((await ethnicity('meo')).items.map((i) => i.code)).toEqual(['08']);
    expect((await ethnicity('muong')).items.map((i) => [i.code, i.name])).toEqual([['06', 'Mường']]);
    expect((await ethnicity('08')).items.map((i) => i.code)).toEqual(['08']);
    const page = await request<Page<CatalogItem>>('/api/v1/catalogs/ETHNICITY/items?pageSize=10&page=6', { token: admin });
    expect([page.body.total, page.body.items.map((i) => i.code)]).toEqual([55, ['51', '52', '53', '54', '55']]);
  });

  it('answers 404 for an unknown catalog or item, 400 for a malformed day', async () => {
    const unknown = await request<ErrorBody>('/api/v1/catalogs/NO_SUCH_LIST/items', { token: admin });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CATALOG_NOT_FOUND']);
    const item = await request<ErrorBody>('/api/v1/catalogs/ETHNICITY/items/99/history', { token: admin });
    expect([item.status, item.body.code]).toEqual([404, 'CATALOG_ITEM_NOT_FOUND']);
    const day = await request<ErrorBody>('/api/v1/catalogs/ETHNICITY/items?at=2026-02-30', { token: admin });
    expect([day.status, day.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('versioned changes', () => {
  let catalog = '';
  beforeAll(async () => {
    catalog = await testCatalog('VERSIONS');
  });

  it('adds a code from a day: absent before, present from then', async () => {
    const added = await request<History>(`/api/v1/catalogs/${catalog}/items`, {
      method: 'POST',
      token: admin,
      body: { code: 'A1', name: 'Tên gốc', nameEn: 'Original', validFrom: '2020-01-01' },
    });
    expect([added.status, added.body.versions]).toEqual([
      201,
      [{ code: 'A1', name: 'Tên gốc', nameEn: 'Original', sortOrder: 1, validFrom: '2020-01-01', validTo: null }],
    ]);
    expect((await itemsOn(catalog, '2019-12-31')).total).toBe(0);
    expect((await itemsOn(catalog, '2020-01-01')).items.map((i) => i.code)).toEqual(['A1']);
  });

  it('changes a label from a day: the new label from that day, the old one on earlier days', async () => {
    const relabelled = await request<History>(`/api/v1/catalogs/${catalog}/items/A1/relabel`, {
      method: 'POST',
      token: admin,
      body: { name: 'Tên mới', validFrom: '2026-01-01' },
    });
    expect(relabelled.status).toBe(200);
    expect(relabelled.body.versions.map((v) => [v.name, v.nameEn, v.validFrom, v.validTo])).toEqual([
      ['Tên gốc', 'Original', '2020-01-01', '2025-12-31'],
      ['Tên mới', 'Original', '2026-01-01', null],
    ]);
    expect((await itemsOn(catalog, '2025-12-31')).items.map((i) => i.name)).toEqual(['Tên gốc']);
    expect((await itemsOn(catalog, '2026-01-01')).items.map((i) => i.name)).toEqual(['Tên mới']);
    expect((await itemsOn(catalog, '2026-01-01', '&q=ten%20moi')).total).toBe(1);
    expect((await itemsOn(catalog, '2025-12-31', '&q=ten%20moi')).total).toBe(0);
    const history = await request<History>(`/api/v1/catalogs/${catalog}/items/A1/history`, { token: station });
    expect(history.body.versions).toEqual(relabelled.body.versions);
  });

  it('corrects a label on the day a version starts in place, and refuses a day the code did not exist', async () => {
    const corrected = await request<History>(`/api/v1/catalogs/${catalog}/items/A1/relabel`, {
      method: 'POST',
      token: admin,
      body: { name: 'Tên mới (sửa)', nameEn: null, validFrom: '2026-01-01' },
    });
    expect(corrected.body.versions.map((v) => [v.name, v.nameEn, v.validFrom, v.validTo])).toEqual([
      ['Tên gốc', 'Original', '2020-01-01', '2025-12-31'],
      ['Tên mới (sửa)', null, '2026-01-01', null],
    ]);
    const before = await request<ErrorBody>(`/api/v1/catalogs/${catalog}/items/A1/relabel`, {
      method: 'POST',
      token: admin,
      body: { name: 'Quá sớm', validFrom: '2019-06-01' },
    });
    expect([before.status, before.body.code]).toEqual([409, 'CATALOG_ITEM_NOT_IN_FORCE']);
    const again = await request<ErrorBody>(`/api/v1/catalogs/${catalog}/items`, {
      method: 'POST',
      token: admin,
      body: { code: 'A1', name: 'Trùng', validFrom: '2027-01-01' },
    });
    expect([again.status, again.body.code]).toEqual([409, 'CATALOG_ITEM_EXISTS']);
  });

  it('retires a code from a day: valid the day before, gone from then, and only once', async () => {
    const retired = await request<History>(`/api/v1/catalogs/${catalog}/items/A1/retire`, {
      method: 'POST',
      token: admin,
      body: { retiredFrom: '2027-01-01' },
    });
    expect(retired.status).toBe(200);
    expect(retired.body.versions.at(-1)).toMatchObject({ name: 'Tên mới (sửa)', validFrom: '2026-01-01', validTo: '2026-12-31' });
    expect((await itemsOn(catalog, '2026-12-31')).total).toBe(1);
    expect((await itemsOn(catalog, '2027-01-01')).total).toBe(0);
    const twice = await request<ErrorBody>(`/api/v1/catalogs/${catalog}/items/A1/retire`, {
      method: 'POST',
      token: admin,
      body: { retiredFrom: '2027-01-01' },
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'CATALOG_ITEM_RETIRED']);
  });

  it('writes every change to the audit trail, with the administrator who made it', async () => {
    const audit = await auditOf(catalog);
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE', 'CREATE', 'UPDATE', 'UPDATE']);
    expect(new Set(audit.map((a) => `${a.entity_type}:${a.actor_username}`))).toEqual(new Set(['CatalogItem:nchi.admin']));
  });

  it('refuses every change to a non-administrator (403) and changes nothing', async () => {
    const before = await request<History>(`/api/v1/catalogs/${catalog}/items/A1/history`, { token: admin });
    for (const [path, body] of [
      [`/api/v1/catalogs/${catalog}/items`, { code: 'B1', name: 'x', validFrom: '2026-01-01' }],
      [`/api/v1/catalogs/${catalog}/items/A1/relabel`, { name: 'x', validFrom: '2026-06-01' }],
      [`/api/v1/catalogs/${catalog}/items/A1/retire`, { retiredFrom: '2026-06-01' }],
    ] as const) {
      const answer = await request<ErrorBody>(path, { method: 'POST', token: station, body });
      expect([path, answer.status, answer.body.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    const imported = await upload(catalog, csvFile('Mã,Tên\nB1,Không được\n'), 'x.csv', '2026-01-01', station);
    expect([imported.status, imported.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await request<History>(`/api/v1/catalogs/${catalog}/items/A1/history`, { token: admin })).body).toEqual(before.body);
    expect((await itemsOn(catalog, '2026-01-01')).items.map((i) => i.code)).toEqual(['A1']);
  });
});

describe('fixed catalogs', () => {
  it('refuses adding to or retiring from the registers’ code lists (409 CATALOG_FIXED)', async () => {
    const add = await request<ErrorBody>('/api/v1/catalogs/PLACE/items', {
      method: 'POST',
      token: admin,
      body: { code: 'CLINIC', name: 'Phòng khám', validFrom: '2026-01-01' },
    });
    expect([add.status, add.body.code]).toEqual([409, 'CATALOG_FIXED']);
    const retire = await request<ErrorBody>('/api/v1/catalogs/CONTRACEPTIVE_METHOD/items/IUD/retire', {
      method: 'POST',
      token: admin,
      body: { retiredFrom: '2026-01-01' },
    });
    expect([retire.status, retire.body.code]).toEqual([409, 'CATALOG_FIXED']);
    expect((await itemsOn('PLACE', '2026-01-01')).items.map((i) => i.code)).toEqual(['FACILITY', 'HOME', 'ON_THE_WAY', 'OUTREACH']);
  });

  it('lets a fixed catalog be relabelled from a day, and imported for labels but not new codes', async () => {
    const fixed = await testCatalog('FIXED', true, [
      ['HOME', 'Tại nhà'],
      ['FACILITY', 'Tại cơ sở'],
    ]);
    const relabelled = await request<History>(`/api/v1/catalogs/${fixed}/items/HOME/relabel`, {
      method: 'POST',
      token: admin,
      body: { name: 'Tại nhà riêng', validFrom: '2026-03-01' },
    });
    expect(relabelled.body.versions.map((v) => [v.name, v.validFrom, v.validTo])).toEqual([
      ['Tại nhà', null, '2026-02-28'],
      ['Tại nhà riêng', '2026-03-01', null],
    ]);
    const refused = await upload(fixed, csvFile('Mã,Tên\nFACILITY,Tại cơ sở y tế\nNEW,Mã mới\n'), 'fixed.csv', '2026-04-01');
    expect([refused.status, refused.body.code, refused.body.details?.map((d) => [d.field, d.code])]).toEqual([
      400,
      'IMPORT_INVALID',
      [['rows.3.code', 'CATALOG_FIXED']],
    ]);
    const labels = await upload(fixed, csvFile('Mã,Tên\nFACILITY,Tại cơ sở y tế\n'), 'fixed.csv', '2026-04-01');
    expect([labels.status, labels.body.relabelled, labels.body.created]).toEqual([200, 1, 0]);
    expect((await itemsOn(fixed, '2026-04-01')).items.map((i) => i.name)).toEqual(['Tại nhà riêng', 'Tại cơ sở y tế']);
  });
});

describe('importing a catalog from a file', () => {
  let catalog = '';
  beforeAll(async () => {
    catalog = await testCatalog('IMPORT');
  });

  it('refuses a file with a bad row, naming each row and column, and imports nothing', async () => {
    const file = await xlsxFile([
      ['STT', 'Mã', 'Tên', 'Tên tiếng Anh'],
      [1, 'O80', 'Đẻ thường một thai', 'Single spontaneous delivery'],
      [2, 'O81', '', 'Forceps'],
      [3, 'O82 X', 'Mổ lấy thai', null],
      [4, 'O80', 'Trùng mã', null],
    ]);
    const { status, body } = await upload(catalog, file, 'icd10.xlsx', '2026-01-01');
    expect([status, body.code]).toEqual([400, 'IMPORT_INVALID']);
    expect(body.message).toContain('3/4 dòng lỗi');
    expect(body.details?.map((d) => [d.field, d.code])).toEqual([
      ['rows.3.name', 'REQUIRED'],
      ['rows.4.code', 'INVALID_CODE'],
      ['rows.5.code', 'DUPLICATE_CODE'],
    ]);
    expect(body.details?.[0].message).toBe('Dòng 3, cột “Tên”: thiếu tên');
    expect((await itemsOn(catalog, '2026-01-01')).total).toBe(0);
  });

  it('imports a valid .xlsx, then versions the labels a later file changes', async () => {
    const first = await upload(
      catalog,
      await xlsxFile([
        ['Mã', 'Tên', 'Tên tiếng Anh'],
        ['O80', 'Đẻ thường một thai', 'Single spontaneous delivery'],
        ['O81', 'Đẻ một thai bằng forceps và giác hút', 'Forceps and vacuum'],
        ['O82', 'Đẻ một thai bằng mổ lấy thai', 'Caesarean section'],
      ]),
      'icd10.xlsx',
      '2026-01-01',
    );
    expect([first.status, first.body.rows, first.body.created, first.body.relabelled, first.body.unchanged]).toEqual([200, 3, 3, 0, 0]);
    const second = await upload(
      catalog,
      csvFile('\ufeffMã;Tên\r\nO80;Đẻ thường một thai\r\nO82;Mổ lấy thai\r\nO83;Đẻ một thai có hỗ trợ khác\r\n'),
      'icd10.csv',
      '2026-07-01',
    );
    expect([second.status, second.body.created, second.body.relabelled, second.body.unchanged]).toEqual([200, 1, 1, 1]);
    expect((await itemsOn(catalog, '2026-06-30')).items.map((i) => [i.code, i.name])).toEqual([
      ['O80', 'Đẻ thường một thai'],
      ['O81', 'Đẻ một thai bằng forceps và giác hút'],
      ['O82', 'Đẻ một thai bằng mổ lấy thai'],
    ]);
    expect((await itemsOn(catalog, '2026-07-01')).items.map((i) => [i.code, i.name, i.nameEn])).toEqual([
      ['O80', 'Đẻ thường một thai', 'Single spontaneous delivery'],
      ['O81', 'Đẻ một thai bằng forceps và giác hút', 'Forceps and vacuum'],
      ['O82', 'Mổ lấy thai', 'Caesarean section'],
      ['O83', 'Đẻ một thai có hỗ trợ khác', null],
    ]);
    const audit = await withDb((db) =>
      db.query(`SELECT details FROM audit_event WHERE entity_type = 'Catalog' AND entity_id = $1 ORDER BY id`, [catalog]),
    );
    expect(audit.rows.map((r) => [r.details.operation, r.details.fileName, r.details.created])).toEqual([
      ['import', 'icd10.xlsx', 3],
      ['import', 'icd10.csv', 1],
    ]);
  });

  it('imports a file the size of ICD-10 (15,000 codes) in one go', async () => {
    const large = await testCatalog('LARGE');
    const rows = Array.from({ length: 15_000 }, (_, i) => [
      `X${String(i).padStart(5, '0')}`,
      `Bệnh thử nghiệm số ${i}`,
      `Test disease ${i}`,
    ]);
    const file = await xlsxFile([['Mã', 'Tên', 'Tên tiếng Anh'], ...rows]);
    const { status, body } = await upload(large, file, 'icd10-full.xlsx', '2026-01-01');
    expect([status, body.created]).toEqual([200, 15_000]);
    const found = await itemsOn(large, '2026-01-01', '&q=so%2014999');
    expect(found.items.map((i) => i.code)).toEqual(['X14999']);
  }, 120_000);

  it('refuses files it cannot or must not read, with a clear code', async () => {
    const missingColumn = await upload(catalog, csvFile('Mã,Ghi chú\nX1,abc\n'), 'x.csv', '2026-01-01');
    expect([missingColumn.status, missingColumn.body.code]).toEqual([400, 'IMPORT_COLUMNS_MISSING']);
    const pdf = await upload(catalog, new Blob(['%PDF-1.4']), 'x.pdf', '2026-01-01');
    expect([pdf.status, pdf.body.code]).toEqual([415, 'IMPORT_FILE_TYPE']);
    const latin1 = await upload(catalog, new Blob([Uint8Array.from([0x4d, 0xe3, 0x2c, 0x54, 0xea, 0x6e, 0x0a])]), 'x.csv', '2026-01-01');
    expect([latin1.status, latin1.body.code]).toEqual([400, 'IMPORT_FILE_ENCODING']);
    const huge = await upload(catalog, csvFile(`Mã,Tên\n${'X1,abc\n'.repeat(900_000)}`), 'huge.csv', '2026-01-01');
    expect([huge.status, huge.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const noFile = await request<ErrorBody>(`/api/v1/catalogs/${catalog}/import`, {
      method: 'POST',
      token: admin,
      body: { validFrom: '2026-01-01' },
    });
    expect([noFile.status, noFile.body.code]).toEqual([400, 'IMPORT_FILE_MISSING']);
    const badDay = await upload(catalog, csvFile('Mã,Tên\nX1,abc\n'), 'x.csv', '2026-13-01');
    expect([badDay.status, badDay.body.code, badDay.body.details?.[0].field]).toEqual([400, 'VALIDATION_FAILED', 'validFrom']);
    expect((await itemsOn(catalog, '2026-07-01')).total).toBe(4);
  });
});
