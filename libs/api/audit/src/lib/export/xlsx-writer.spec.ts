import ExcelJS from 'exceljs';
import { buildXlsx, MAX_CELL_LENGTH, neutralizeFormula } from './xlsx-writer';

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

  it('cuts texts longer than a cell may hold', async () => {
    const sheet = await readBack(await buildXlsx('S', [{ header: 'A', width: 5 }], [['x'.repeat(MAX_CELL_LENGTH + 10)]]));
    expect(String(sheet.getCell('A2').value)).toHaveLength(MAX_CELL_LENGTH);
  });
});
