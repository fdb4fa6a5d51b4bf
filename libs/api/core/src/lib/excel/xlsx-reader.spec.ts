import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { buildXlsx, writeXlsx } from './xlsx-writer';
import { openXlsx, XlsxRow } from './xlsx-reader';
import { DEFAULT_XLSX_LIMITS, inspectZip, XlsxLimits } from './zip-directory';
import { PassThrough } from 'node:stream';

// ---- Hand-made archives ----

/** An entry of a hand-made archive: its bytes, and the sizes its headers should declare. */
interface FixtureEntry {
  name: string;
  content: Buffer;
  /** Store instead of deflate. */
  stored?: boolean;
  /** Uncompressed size written in the headers (default: the real one), to make an archive lie. */
  declaredSize?: number;
  /** Already deflated bytes (content is then ignored for compression). */
  deflated?: Buffer;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
}

/** A ZIP archive written field by field, for tests of hostile files (CRC left 0: nothing here checks it). */
function buildZip(entries: readonly FixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.stored ? entry.content : (entry.deflated ?? deflateRawSync(entry.content));
    const size = entry.declaredSize ?? entry.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(entry.stored ? 0 : 8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(entry.stored ? 0 : 8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '</Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>';

/** The entries of a minimal one-sheet workbook around the given sheet XML (`sheetData` content). */
function minimalWorkbook(sheetData: string, sheet: Partial<FixtureEntry> = {}): FixtureEntry[] {
  return [
    { name: '[Content_Types].xml', content: Buffer.from(CONTENT_TYPES) },
    { name: 'xl/workbook.xml', content: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', content: Buffer.from(RELS) },
    {
      name: 'xl/worksheets/sheet1.xml',
      content: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
          `<sheetData>${sheetData}</sheetData></worksheet>`,
      ),
      ...sheet,
    },
  ];
}

const SMALL: XlsxLimits = {
  maxFileBytes: 1024 * 1024,
  maxEntries: 20,
  maxUncompressedBytes: 8 * 1024 * 1024,
  maxExpansionRatio: 100,
  maxRows: 5,
};

async function refusal(work: () => Promise<unknown>): Promise<{ code: string; status: number; message: string }> {
  try {
    await work();
  } catch (error) {
    const { code, status, message } = error as { code: string; status: number; message: string };
    return { code, status, message };
  }
  throw new Error('not refused');
}

async function allRows(file: Buffer, limits: XlsxLimits = DEFAULT_XLSX_LIMITS, sheet?: string): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const row of (await openXlsx(file, limits)).rows(sheet)) rows.push(row);
  return rows;
}

describe('reading an uploaded workbook', () => {
  it('reads the cells of a workbook written by exceljs: text, numbers, dates, booleans, Vietnamese intact', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Dữ liệu');
    sheet.addRow(['Họ và tên', 'Ngày sinh', 'Số', 'Có']);
    sheet.addRow(['Lò Thị Ơn', new Date(Date.UTC(1990, 2, 7)), 52.5, true]);
    sheet.getCell('B2').numFmt = 'dd/mm/yyyy';
    sheet.addRow([]);
    sheet.addRow([{ richText: [{ text: 'Giàng ' }, { text: 'A Páo' }] }, null, { text: 'liên kết', hyperlink: 'http://x' }]);
    const rows = await allRows(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { number: 1, cells: ['Họ và tên', 'Ngày sinh', 'Số', 'Có'] },
      { number: 2, cells: ['Lò Thị Ơn', new Date(Date.UTC(1990, 2, 7)), 52.5, true] },
      { number: 4, cells: ['Giàng A Páo', null, 'liên kết'] },
    ]);
  });

  it('gives dates as Excel serial numbers when asked not to read styles', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.getCell('A1').value = new Date(Date.UTC(2025, 2, 7, 12));
    sheet.getCell('A1').numFmt = 'dd/mm/yyyy hh:mm';
    const book = await openXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), DEFAULT_XLSX_LIMITS, { dates: false });
    for await (const row of book.rows()) expect(row.cells).toEqual([45723.5]);
  });

  it('reads formula cells as their cached values and never evaluates them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.getCell('A1').value = { formula: '1+1', result: 7 } as ExcelJS.CellFormulaValue;
    sheet.getCell('B1').value = { formula: 'CONCATENATE("Lò ","Thị")', result: 'Lò Thị' } as ExcelJS.CellFormulaValue;
    sheet.getCell('C1').value = { formula: 'HYPERLINK("http://evil","x")' } as ExcelJS.CellFormulaValue;
    sheet.getCell('D1').value = { formula: 'NOW()', result: new Date(Date.UTC(2025, 0, 2)) } as ExcelJS.CellFormulaValue;
    sheet.getCell('E1').value = 'x';
    const [row] = await allRows(Buffer.from(await workbook.xlsx.writeBuffer()));
    // 7, not 2: the cached result is what the file says; a formula without a result is empty.
    expect(row.cells.slice(0, 3)).toEqual([7, 'Lò Thị', null]);
    expect(row.cells[4]).toBe('x');
  });

  it('decodes Vietnamese text split across decompression chunks', async () => {
    const name = 'Nguyễn Thị Ánh Tuyết Đặng Hữu Phước '.repeat(4000);
    const rows = await allRows(await buildXlsx('S', [{ header: 'A', width: 5 }], [[name.slice(0, 32_000)], ['Ơ']]));
    expect(rows[1].cells[0]).toBe(name.slice(0, 32_000));
    expect(rows[2].cells[0]).toBe('Ơ');
  });

  it('reads the first visible sheet, or a sheet by name', async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (c: Buffer) => chunks.push(c));
    await writeXlsx(output, [
      { name: 'Ẩn', columns: [{ header: 'h', width: 5 }], rows: [['hidden']], state: 'hidden' },
      { name: 'Dữ liệu', columns: [{ header: 'v', width: 5 }], keys: ['key'], rows: [['visible']] },
    ]);
    const file = Buffer.concat(chunks);
    const book = await openXlsx(file);
    expect(book.sheets).toEqual([
      { name: 'Ẩn', state: 'hidden' },
      { name: 'Dữ liệu', state: 'visible' },
    ]);
    expect((await allRows(file)).map((r) => r.cells[0])).toEqual(['key', 'v', 'visible']);
    expect((await allRows(file, DEFAULT_XLSX_LIMITS, 'Ẩn')).map((r) => r.cells[0])).toEqual(['h', 'hidden']);
  });
});

describe('limits on hostile files', () => {
  it('refuses a file that is not an xlsx archive: text, an old .xls, a damaged archive', async () => {
    expect(await refusal(() => openXlsx(Buffer.from('Họ và tên;Ngày sinh\n')))).toMatchObject({ code: 'NOT_XLSX', status: 400 });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect(await refusal(() => openXlsx(ole))).toMatchObject({ code: 'NOT_XLSX', message: expect.stringContaining('.xls') });
    const good = await buildXlsx('S', [{ header: 'A', width: 5 }], [['x']]);
    expect(await refusal(() => openXlsx(good.subarray(0, good.length - 30)))).toMatchObject({ code: 'NOT_XLSX' });
    expect(await refusal(() => openXlsx(buildZip([{ name: 'a.txt', content: Buffer.from('x') }])))).toMatchObject({ code: 'NOT_XLSX' });
  });

  it('refuses a file larger than the size limit', async () => {
    const file = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(SMALL.maxFileBytes)]);
    expect(await refusal(() => openXlsx(file, SMALL))).toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
  });

  it('refuses a zip bomb from its central directory, before inflating anything', async () => {
    const zeros = Buffer.alloc(16 * 1024 * 1024);
    const bomb = buildZip(minimalWorkbook('', { content: zeros }));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const refused = await refusal(() => openXlsx(bomb, { ...SMALL, maxUncompressedBytes: 64 * 1024 * 1024 }));
    expect(refused).toMatchObject({ code: 'ZIP_BOMB', status: 400, message: expect.stringContaining('lần') });
    expect(await refusal(() => openXlsx(bomb, { ...SMALL, maxExpansionRatio: 10_000 }))).toMatchObject({ code: 'ZIP_BOMB' });
  });

  it('refuses an archive with too many entries', async () => {
    const entries = Array.from({ length: SMALL.maxEntries + 1 }, (_, i) => ({ name: `x/${i}.xml`, content: Buffer.from('<a/>') }));
    expect(() => inspectZip(buildZip(entries), SMALL)).toThrow(expect.objectContaining({ code: 'ZIP_BOMB' }));
  });

  it('stops an entry that inflates to more than it declared', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join(
      '',
    );
    const honest = minimalWorkbook(rows);
    const sheet = honest[3];
    const padded = Buffer.concat([sheet.content, Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    const liar = buildZip([
      ...honest.slice(0, 3),
      { name: sheet.name, content: padded, deflated: deflateRawSync(padded), declaredSize: 2048 },
    ]);
    expect(await refusal(() => allRows(liar, SMALL))).toMatchObject({ code: 'ZIP_BOMB' });
  });

  it('refuses encrypted entries and unknown compression methods', () => {
    const encrypted = buildZip(minimalWorkbook('', { flags: 1 }));
    expect(() => inspectZip(encrypted, SMALL)).toThrow(expect.objectContaining({ code: 'NOT_XLSX' }));
  });

  it('stops reading past the row limit', async () => {
    const file = await buildXlsx(
      'S',
      [{ header: 'A', width: 5 }],
      Array.from({ length: SMALL.maxRows + 20 }, (_, i) => [i]),
    );
    expect(await refusal(() => allRows(file, SMALL))).toMatchObject({ code: 'ROW_LIMIT', status: 400 });
  });

  it('reads a workbook of a minimal hand-written archive (stored and deflated entries)', async () => {
    const rows = '<row r="2"><c r="B2" t="inlineStr"><is><t>Mường Nhé</t></is></c><c r="C2"><v>3</v></c></row>';
    const entries = minimalWorkbook(rows).map((entry, i) => ({ ...entry, stored: i % 2 === 0 }));
    expect(await allRows(buildZip(entries))).toEqual([{ number: 2, cells: [null, 'Mường Nhé', 3] }]);
  });
});
