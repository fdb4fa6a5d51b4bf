import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { detectDelimiter, parseCsv, readTable } from './catalog-file';
import { inspectZip } from './zip-guard';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('ICD10');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readTable', () => {
  it('reads the first sheet of an .xlsx as text, formulas as their value, skipping empty rows', async () => {
    const buffer = await xlsx([
      ['Mã', 'Tên'],
      ['O80', 'Đẻ thường'],
      [],
      [{ formula: '"O8"&"1"', result: 'O81' }, { richText: [{ text: 'Đẻ ' }, { text: 'forceps' }] }],
    ]);
    const table = await readTable('icd10.xlsx', buffer);
    expect(table.header).toEqual(['Mã', 'Tên']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['O80', 'Đẻ thường'] },
      { rowNumber: 4, cells: ['O81', 'Đẻ forceps'] },
    ]);
  });

  it('reads a UTF-8 CSV with a BOM and semicolons, quoted fields included', async () => {
    const csv = '\ufeffMã;Tên\r\n01;"Kinh; Việt"\r\n02;"Tày ""Thổ"""\r\n';
    const table = await readTable('dan-toc.csv', Buffer.from(csv, 'utf8'));
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['01', 'Kinh; Việt'] },
      { rowNumber: 3, cells: ['02', 'Tày "Thổ"'] },
    ]);
  });

  it('refuses other encodings, other file types and empty files with clear codes', async () => {
    await expect(readTable('a.csv', Buffer.from([0x4d, 0xe3, 0x3b, 0x54, 0xea, 0x6e]))).rejects.toMatchObject({
      code: 'IMPORT_FILE_ENCODING',
    });
    await expect(readTable('a.xls', Buffer.from('xx'))).rejects.toMatchObject({ code: 'IMPORT_FILE_TYPE', status: 415 });
    await expect(readTable('a.pdf', Buffer.from('%PDF'))).rejects.toMatchObject({ code: 'IMPORT_FILE_TYPE' });
    await expect(readTable('a.csv', Buffer.from('\n\n'))).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
    await expect(readTable('a.xlsx', Buffer.from('PK\u0003\u0004garbage'))).rejects.toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
  });

  it('refuses a zip bomb before unpacking it', async () => {
    const zip = new JSZip();
    // 8 MB of one letter compress to a few kB: a ratio no spreadsheet has.
    zip.file('xl/worksheets/sheet1.xml', 'a'.repeat(8 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(readTable('bomb.xlsx', bomb)).rejects.toMatchObject({ code: 'IMPORT_FILE_REFUSED' });
    expect(inspectZip(bomb, { maxUncompressedBytes: 1e9, maxRatio: 100, maxEntries: 10 })).toEqual({ ok: false, reason: 'ratio' });
  });
});

describe('CSV parsing', () => {
  it('detects the separator of the header line', () => {
    expect(detectDelimiter('Mã,Tên\n01;x')).toBe(',');
    expect(detectDelimiter('Mã;Tên')).toBe(';');
    expect(detectDelimiter('Mã\tTên')).toBe('\t');
  });

  it('keeps line breaks inside quotes', () => {
    expect(parseCsv('a,"b\nc"\nd,e', ',')).toEqual([
      ['a', 'b\nc'],
      ['d', 'e'],
    ]);
  });
});
