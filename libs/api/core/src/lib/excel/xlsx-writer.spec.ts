import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { MAX_CELL_LENGTH, neutralizeFormula, safeCellText } from './cell-text';
import { buildXlsx, writeXlsx } from './xlsx-writer';

async function readBack(file: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('xlsx writer', () => {
  it('writes a workbook a reader opens, with Vietnamese text intact', async () => {
    const file = await buildXlsx(
      'Nhật ký',
      [
        { header: 'Thao tác', width: 12 },
        { header: 'Số', width: 6 },
      ],
      [
        ['Đăng nhập <thử> & "xem"', 3],
        [null, 4],
      ],
    );
    const sheet = await readBack(file);
    expect(sheet.name).toBe('Nhật ký');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Thao tác', 'Số']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Đăng nhập <thử> & "xem"', 3]);
    expect(sheet.getCell('B3').value).toBe(4);
    expect(sheet.getCell('A3').value).toBeNull();
  });

  it('keeps formula-looking text as text', async () => {
    expect(['=1+1', '+84', '-2', '@SUM(A1)', '\tx', 'a=b'].map(neutralizeFormula)).toEqual([
      "'=1+1",
      "'+84",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      'a=b',
    ]);
    const sheet = await readBack(await buildXlsx('S', [{ header: 'A', width: 5 }], [['=HYPERLINK("http://x")']]));
    expect(sheet.getCell('A2').value).toBe('\'=HYPERLINK("http://x")');
  });

  it('neutralises line breaks and NUL at the start too, and drops characters XML cannot carry', () => {
    expect(['\rx', '\nx', '\0=1', 'a\u0001b', 'ok'].map(safeCellText)).toEqual(["'\rx", "'\nx", "'=1", 'ab', 'ok']);
  });

  it('writes dates as dates in the column format, booleans as booleans, and a hidden row of keys', async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (c: Buffer) => chunks.push(c));
    const count = await writeXlsx(output, [
      {
        name: 'S',
        columns: [
          { header: 'Ngày', width: 12, numFmt: 'dd/mm/yyyy' },
          { header: 'Có', width: 5 },
        ],
        keys: ['visitDate', 'flag'],
        rows: [[new Date(Date.UTC(2025, 2, 7)), true]],
      },
    ]);
    expect(count).toBe(1);
    const sheet = await readBack(Buffer.concat(chunks));
    expect(sheet.getRow(1).hidden).toBe(true);
    expect(sheet.getRow(1).values).toEqual([undefined, 'visitDate', 'flag']);
    expect(sheet.getRow(2).font?.bold).toBe(true);
    expect(sheet.getCell('A3').value).toEqual(new Date(Date.UTC(2025, 2, 7)));
    expect(sheet.getCell('A3').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('B3').value).toBe(true);
  });

  it('cuts texts longer than a cell may hold', async () => {
    const sheet = await readBack(await buildXlsx('S', [{ header: 'A', width: 5 }], [['x'.repeat(MAX_CELL_LENGTH + 10)]]));
    expect(String(sheet.getCell('A2').value)).toHaveLength(MAX_CELL_LENGTH);
  });
});
