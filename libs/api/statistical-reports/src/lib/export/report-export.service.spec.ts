import ExcelJS from 'exceljs';
import { CellValues, CommuneFormVersion, emptyCommuneValues, formVersionOn, UnitFormVersion } from '@skss/domain';
import { CSV_BOM, CSV_HEADER } from './report-csv';
import { ReportExportService } from './report-export.service';
import { CommuneExportInput, ExportUnitRow, UnitsExportInput } from './report-export.types';
import { reportTable } from './report-table';
import { KEYS_SHEET, LAYOUT } from './report-xlsx';

const service = new ReportExportService();

// Reading a workbook back as a tool would.

async function loadWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook;
}

function mainSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

/** The first row whose label column (B) reads `label`. */
function rowByLabel(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 2).value === label) return sheet.getRow(r);
  throw new Error(`no row labelled ${label}`);
}

/** Every text of the sheet, for "is it printed somewhere" checks. */
function texts(sheet: ExcelJS.Worksheet): string[] {
  const found: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && found.push(cell.value))));
  return found;
}

function isGrey(cell: ExcelJS.Cell): boolean {
  return cell.fill?.type === 'pattern' && cell.fill.fgColor?.argb === 'FFBFBFBF';
}

/** The keys sheet as cell key → value read from the main sheet at the mapped address. */
function valuesByKey(workbook: ExcelJS.Workbook): Map<string, unknown> {
  const keys = workbook.getWorksheet(KEYS_SHEET);
  if (!keys) throw new Error('no keys sheet');
  const sheetName = metaOf(workbook).get('sheet') as string;
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const result = new Map<string, unknown>();
  for (let r = 2; r <= keys.rowCount; r++) {
    const address = keys.getCell(r, 1).value;
    if (typeof address !== 'string') continue;
    result.set(String(keys.getCell(r, 4).value), sheet.getCell(address).value);
  }
  return result;
}

function metaOf(workbook: ExcelJS.Workbook): Map<string, unknown> {
  const keys = workbook.getWorksheet(KEYS_SHEET);
  if (!keys) throw new Error('no keys sheet');
  const meta = new Map<string, unknown>();
  for (let r = 1; r <= keys.rowCount; r++) {
    const key = keys.getCell(r, 6).value;
    if (typeof key === 'string') meta.set(key, keys.getCell(r, 7).value);
  }
  return meta;
}

/** An RFC 4180 reader, to read the CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

function values(): CellValues {
  const v = emptyCommuneValues();
  v['I.1'] = { total: 17 };
  v['I.3'] = { total: 42, station: 30, outside: 12 };
  v['I.5'] = { total: 9, station: 7, outside: 2, other: 3 };
  v['I.9.1'] = { 'cases.total': 2, 'cases.station': 2, 'cases.outside': 0, 'deaths.total': 1, 'deaths.station': 1, 'deaths.outside': 0 };
  v['III.1.1'] = { 'male.total': 4, 'male.station': 4, 'male.outside': 0, 'female.total': 5, 'female.station': 3, 'female.outside': 2 };
  v['II.3.1'] = { total: 1234, station: 1234, outside: 0 };
  delete v['I.2']; // a missing cell prints empty, not 0
  v['F.gynVisitsCurative'] = { total: 8 }; // stored with the report, not printed on the commune form
  return v;
}

function input(overrides: Partial<CommuneExportInput> = {}): CommuneExportInput {
  return {
    formVersion: formVersionOn('commune', '2025-07') as CommuneFormVersion,
    level: 'commune',
    unit: { code: 'TYT.03160.2025', name: 'Trạm Y tế xã Mường Nhé', parentName: 'Sở Y tế tỉnh Điện Biên' },
    recipientName: 'Sở Y tế tỉnh Điện Biên',
    period: { view: '2025-07' },
    values: values(),
    status: { kind: 'approved', at: new Date('2025-08-05T03:20:00Z'), by: 'sy.dienbien' },
    generatedAt: new Date('2025-08-10T07:30:00Z'),
    ...overrides,
  };
}

describe('commune form to Excel', () => {
  it('prints the official header: form code, circular, units, motto, title and period', async () => {
    const sheet = mainSheet(await loadWorkbook(await service.toXlsx(input())));
    expect(sheet.name).toBe('Báo cáo 4 (TYT)');
    expect(sheet.getCell('C1').value).toBe('Báo cáo 4 (TYT)');
    expect(sheet.getCell('C2').value).toBe('Ban hành kèm theo Thông tư số 23/2025/TT-BYT');
    expect(sheet.getCell('A3').value).toBe('SỞ Y TẾ TỈNH ĐIỆN BIÊN');
    expect(sheet.getCell('A4').value).toBe('TRẠM Y TẾ XÃ MƯỜNG NHÉ');
    expect(sheet.getCell('C3').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(sheet.getCell('C4').value).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(sheet.getCell('A6').value).toBe('HOẠT ĐỘNG CHĂM SÓC SỨC KHỎE BÀ MẸ VÀ TRẺ EM');
    expect(sheet.getCell('A7').value).toBe('Báo cáo tháng 07 năm 2025');
    expect(sheet.getCell('A8').value).toBe('Đơn vị báo cáo: Trạm Y tế xã Mường Nhé');
    expect(sheet.getCell('A9').value).toBe('Đơn vị nhận báo cáo: Sở Y tế tỉnh Điện Biên');
    expect(sheet.getCell('A10').value).toBe('Tình trạng số liệu: Đã duyệt lúc 05/08/2025 10:20 bởi sy.dienbien');
    expect(sheet.getCell('F1').master.address).toBe('C1');
    expect(sheet.getCell('F6').master.address).toBe('A6');
  });

  it('prints the table header as on paper: Trong đó over Tại TYT and Ngoài CSYT, then the column numbers', async () => {
    const sheet = mainSheet(await loadWorkbook(await service.toXlsx(input())));
    const top = LAYOUT.tableStart;
    expect(sheet.getRow(top).values).toEqual([
      undefined,
      'TT',
      'Tên chỉ tiêu',
      'Tổng số (TYT + ngoài CSYT)',
      'Trong đó',
      'Trong đó',
      'CSYT khác',
    ]);
    expect(sheet.getCell(top + 1, 4).value).toBe('Tại TYT');
    expect(sheet.getCell(top + 1, 5).value).toBe('Ngoài CSYT (tại nhà, trên đường…)');
    expect(sheet.getCell(top + 1, 3).master.address).toBe(`C${top}`);
    expect(sheet.getRow(top + 2).values).toEqual([undefined, 'A', 'B', '1', '2', '3', '4']);
  });

  it('prints each row with its number, its label indented by depth, its values as numbers and grey cells empty', async () => {
    const sheet = mainSheet(await loadWorkbook(await service.toXlsx(input())));
    const anc = rowByLabel(sheet, 'Tổng số lượt khám thai');
    expect(anc.getCell(1).value).toBe('3');
    expect([3, 4, 5].map((c) => anc.getCell(c).value)).toEqual([42, 30, 12]);
    expect(anc.getCell(6).value).toBeNull();
    expect(isGrey(anc.getCell(6))).toBe(true);
    expect(isGrey(anc.getCell(3))).toBe(false);

    const births = rowByLabel(sheet, 'Số phụ nữ đẻ');
    expect([3, 4, 5, 6].map((c) => births.getCell(c).value)).toEqual([9, 7, 2, 3]);

    const pregnant = rowByLabel(sheet, 'Tổng số phụ nữ có thai');
    expect(pregnant.getCell(3).value).toBe(17);
    expect([4, 5, 6].map((c) => [pregnant.getCell(c).value, isGrey(pregnant.getCell(c))])).toEqual([
      [null, true],
      [null, true],
      [null, true],
    ]);

    const iud = rowByLabel(sheet, 'Số mới đặt dụng cụ tử cung');
    expect(iud.getCell(1).value).toBe('3.1');
    expect(iud.getCell(2).alignment.indent).toBe(1);
    expect(iud.getCell(3).value).toBe(1234);
    expect(typeof iud.getCell(3).value).toBe('number');
    expect(iud.getCell(3).numFmt).toBe('#,##0');

    const newPregnant = rowByLabel(sheet, 'Phụ nữ có thai (Số phụ nữ mới có thai trong kỳ báo cáo)');
    expect(newPregnant.getCell(3).value).toBeNull(); // missing: empty but not grey
    expect(isGrey(newPregnant.getCell(3))).toBe(false);

    expect(rowByLabel(sheet, 'CHĂM SÓC SỨC KHỎE BÀ MẸ').getCell(1).value).toBe('I');
    expect(rowByLabel(sheet, 'CHĂM SÓC SỨC KHỎE TRẺ EM').getCell(1).value).toBe('III');
  });

  it('splits complication rows into Mắc / Tử vong and the sex row into Nam / Nữ, CSYT khác grey', async () => {
    const sheet = mainSheet(await loadWorkbook(await service.toXlsx(input())));
    const cases = rowByLabel(sheet, 'Băng huyết – Mắc');
    const deaths = rowByLabel(sheet, 'Băng huyết – Tử vong');
    expect(deaths.number).toBe(cases.number + 1);
    expect(cases.getCell(1).value).toBe('9.1');
    expect(deaths.getCell(1).value).toBeNull();
    expect([3, 4, 5].map((c) => cases.getCell(c).value)).toEqual([2, 2, 0]);
    expect([3, 4, 5].map((c) => deaths.getCell(c).value)).toEqual([1, 1, 0]);
    expect(isGrey(deaths.getCell(6))).toBe(true);
    const female = rowByLabel(sheet, 'Trđ: Nữ');
    const male = sheet.getRow(female.number - 1);
    expect([male.getCell(1).value, male.getCell(2).value]).toEqual(['1.1', 'Trđ: Nam']);
    expect([3, 4, 5].map((c) => male.getCell(c).value)).toEqual([4, 4, 0]);
    expect([3, 4, 5].map((c) => female.getCell(c).value)).toEqual([5, 3, 2]);
  });

  it('ends with the signature block and the footer with the source and the export time', async () => {
    const sheet = mainSheet(await loadWorkbook(await service.toXlsx(input())));
    const all = texts(sheet);
    for (const text of ['Người lập biểu', '(Ký, ghi rõ họ tên)', '…, ngày … tháng … năm …', 'Trưởng trạm y tế', '(Ký, đóng dấu)']) {
      expect(all).toContain(text);
    }
    const preparer = rowByLabel(sheet, 'Người lập biểu');
    expect(preparer.getCell(3).value).toBe('Trưởng trạm y tế');
    expect(preparer.number).toBeGreaterThan(rowByLabel(sheet, 'Trđ: Là người dân tộc thiểu số').number);
    const footer = all.find((t) => t.startsWith('Nguồn số liệu:'));
    expect(footer).toContain('commune@TT23_2025');
    expect(footer).toContain('Xuất lúc 10/08/2025 14:30 (giờ Việt Nam)');
  });

  it('sets A4 portrait fitted to the width, repeated header rows and frozen panes', async () => {
    const sheet = mainSheet(await loadWorkbook(await service.toXlsx(input())));
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${LAYOUT.tableStart}:${LAYOUT.tableStart + 2}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: LAYOUT.tableStart + 2 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(40);
  });

  it('maps every value cell to its machine keys on a hidden sheet, with the same numbers', async () => {
    const workbook = await loadWorkbook(await service.toXlsx(input()));
    expect(workbook.getWorksheet(KEYS_SHEET)?.state).toBe('hidden');
    const byKey = valuesByKey(workbook);
    expect(byKey.get('I.3:station')).toBe(30);
    expect(byKey.get('I.9.1:deaths.total')).toBe(1);
    expect(byKey.get('III.1.1:female.outside')).toBe(2);
    expect(byKey.get('I.2:total')).toBeNull();
    expect(byKey.has('I.3:other')).toBe(false); // grey cells have no key
    expect(byKey.has('F.gynVisitsCurative:total')).toBe(false);
    const v = values();
    for (const [key, value] of byKey) {
      const [row, column] = key.split(':');
      expect([key, value]).toEqual([key, v[row]?.[column] ?? null]);
    }
    expect(Object.fromEntries(metaOf(workbook))).toMatchObject({
      form: 'commune',
      version: 'commune@TT23_2025',
      level: 'commune',
      unitCode: 'TYT.03160.2025',
      period: '2025-07',
      status: 'approved',
    });
  });

  it('neutralises a unit name that a spreadsheet would read as a formula', async () => {
    const file = await service.toXlsx(input({ unit: { code: '=X', name: '=HYPERLINK("http://x","y")', parentName: '+84 Sở' } }));
    const workbook = await loadWorkbook(file);
    const sheet = mainSheet(workbook);
    expect(sheet.getCell('A3').value).toBe("'+84 SỞ");
    expect(sheet.getCell('A4').value).toBe('\'=HYPERLINK("HTTP://X","Y")');
    expect(sheet.getCell('A4').formula).toBeUndefined();
    expect(metaOf(workbook).get('unitName')).toBe('\'=HYPERLINK("http://x","y")');
    expect(metaOf(workbook).get('unitCode')).toBe("'=X");
  });

  it('prints the TT 37 version with its own code and circular, without the HPV vaccine row', async () => {
    const tt37 = formVersionOn('commune', '2025-06') as CommuneFormVersion;
    const sheet = mainSheet(await loadWorkbook(await service.toXlsx(input({ formVersion: tt37, period: { view: '2025-06' } }))));
    expect(sheet.getCell('C1').value).toBe('Biểu số: 3/BCX');
    expect(sheet.name).toBe('Biểu số 3-BCX');
    expect(sheet.getCell('C2').value).toBe('Ban hành kèm theo Thông tư số 37/2019/TT-BYT');
    expect(() => rowByLabel(sheet, 'Tổng số lượt tiêm vắc xin HPV')).toThrow();
  });

  it('prints a longer view from its first to its last day, and a draft as such', async () => {
    const sheet = mainSheet(
      await loadWorkbook(
        await service.toXlsx(
          input({ period: { view: { kind: 'quarter', year: 2025, quarter: 3 }, label: 'Quý III/2025' }, status: { kind: 'draft' } }),
        ),
      ),
    );
    expect(sheet.getCell('A7').value).toBe('Kỳ báo cáo: Quý III/2025 (từ ngày 01/07/2025 đến ngày 30/09/2025)');
    expect(sheet.getCell('A10').value).toBe('Tình trạng số liệu: Bản nháp: số liệu tính từ sổ sách, chưa gửi');
    expect(sheet.getCell('A10').font.bold).toBe(true);
  });

  it('refuses a level the form is not printed at', async () => {
    await expect(service.toXlsx(input({ level: 'province' }))).rejects.toThrow(/not printed at the province level/);
  });
});

const maternalCare = (month = '2025-07') => formVersionOn('maternal-care', month) as UnitFormVersion;

const UNIT_ROWS: ExportUnitRow[] = [
  {
    group: 'provincial',
    code: 'BV.DKT',
    name: 'Bệnh viện Đa khoa tỉnh Điện Biên',
    kind: 'facility',
    values: { 'I.2': { total: 99 }, 'I.3': { total: 100 }, 'I.5': { total: 40, outside: 0 }, 'F.caesarean': { total: 12 } },
  },
  {
    group: 'provincial',
    code: 'TTYT.MN',
    name: 'Phòng khám "An Bình", Mường Nhé',
    kind: 'facility',
    values: { 'I.3': { total: 50 }, 'I.5': { total: 20 }, 'F.caesarean': { total: 3 } },
  },
  {
    group: 'commune',
    code: 'TYT.1',
    name: 'Trạm Y tế xã Mường Nhé',
    kind: 'commune',
    values: { 'I.2': { total: 6 }, 'I.3': { total: 30 }, 'I.5': { total: 5, outside: 2 }, 'F.caesarean': { total: 7 } },
  },
  {
    group: 'commune',
    code: 'TYT.2',
    name: '=cmd|" /c calc"!A1',
    kind: 'commune',
    values: { 'I.2': { total: 4 }, 'I.3': { total: 10 }, 'I.5': { total: 3, outside: 1 } },
  },
];

function unitsInput(overrides: Partial<UnitsExportInput> = {}): UnitsExportInput {
  return {
    formVersion: maternalCare(),
    level: 'province',
    unit: { code: 'SYT.11', name: 'Sở Y tế tỉnh Điện Biên', parentName: 'Ủy ban nhân dân tỉnh Điện Biên' },
    recipientName: 'Bộ Y tế (Cục Bà mẹ và Trẻ em)',
    period: { view: '2025-07' },
    rows: UNIT_ROWS,
    status: { kind: 'sent', at: new Date('2025-08-20T02:00:00Z') },
    generatedAt: new Date('2025-08-21T01:00:00Z'),
    ...overrides,
  };
}

/** The sheet column printing a header number ("5", "3a"). */
function columnOf(sheet: ExcelJS.Worksheet, numbersRow: number, number: string): number {
  for (let c = 1; c <= sheet.columnCount; c++) if (sheet.getCell(numbersRow, c).value === number) return c;
  throw new Error(`no column ${number}`);
}

describe('Báo cáo 4 (province) to Excel', () => {
  const numbersRow = LAYOUT.tableStart + 2;

  it('prints the header, the multi-level column headers merged as on paper, and the column numbers', async () => {
    const sheet = mainSheet(await loadWorkbook(await service.toXlsx(unitsInput())));
    const last = sheet.columnCount;
    expect(last).toBe(2 + maternalCare().columns.length);
    expect(sheet.getCell(LAYOUT.formCode, last).value).toBe('Báo cáo 4');
    expect(sheet.getCell(LAYOUT.circular, last).value).toBe('Ban hành kèm theo Thông tư số 23/2025/TT-BYT');
    expect(sheet.getCell('A3').value).toBe('ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN');
    expect(sheet.getCell('A4').value).toBe('SỞ Y TẾ TỈNH ĐIỆN BIÊN');
    expect(sheet.getCell(LAYOUT.superior, last).value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(sheet.getCell('A6').value).toBe('HOẠT ĐỘNG CHĂM SÓC BÀ MẸ');
    expect(sheet.getCell('A7').value).toBe('Báo cáo tháng 07 năm 2025');
    expect(sheet.getCell('A8').value).toBe('Đơn vị báo cáo: Sở Y tế tỉnh Điện Biên');

    const top = LAYOUT.tableStart;
    expect([sheet.getCell(top, 1).value, sheet.getCell(top, 2).value]).toEqual(['TT', 'Tên đơn vị']);
    expect(sheet.getCell(top + 1, 2).master.address).toBe(`B${top}`);
    expect(sheet.getRow(numbersRow).values).toEqual([undefined, '1', '2', ...maternalCare().columns.map((c) => c.number)]);
    const c3a = columnOf(sheet, numbersRow, '3a');
    expect(sheet.getCell(top, c3a).value).toBe('PN mới có thai');
    expect(sheet.getCell(top, c3a + 1).master.address).toBe(sheet.getCell(top, c3a).address);
    expect([sheet.getCell(top + 1, c3a).value, sheet.getCell(top + 1, c3a + 1).value]).toEqual(['Tổng số', 'Trđ Vị thành niên']);
    const c7 = columnOf(sheet, numbersRow, '7');
    expect(sheet.getCell(top, c7).value).toBe('Tổng số phụ nữ đẻ');
    expect(sheet.getCell(top + 1, c7).master.address).toBe(sheet.getCell(top, c7).address);
    const c8a = columnOf(sheet, numbersRow, '8a');
    expect(sheet.getCell(top, c8a).value).toBe('Trong đó');
    const c19 = columnOf(sheet, numbersRow, '19');
    expect(sheet.getCell(top, c19).master.address).toBe(sheet.getCell(top, c8a).address);
    expect(sheet.getCell(top, c19 + 1).value).toBe('CS tại nhà sau sinh');
    expect(sheet.getCell(top, last).value).toBe('Số ca tử vong mẹ được thẩm định');
  });

  it('prints the total first, each group with its subtotal then its units, grey cells per row group', async () => {
    const sheet = mainSheet(await loadWorkbook(await service.toXlsx(unitsInput())));
    const lines: unknown[][] = [];
    for (let r = numbersRow + 1; sheet.getCell(r, 2).value !== null; r++)
      lines.push([sheet.getCell(r, 1).value, sheet.getCell(r, 2).value]);
    expect(lines).toEqual([
      [null, 'Tổng số'],
      ['A', 'Y tế công'],
      ['I', 'Cấp TW, Y tế ngành'],
      ['II', 'Cấp tỉnh'],
      ['1', 'Bệnh viện Đa khoa tỉnh Điện Biên'],
      ['2', 'Phòng khám "An Bình", Mường Nhé'],
      ['III', 'Cấp xã'],
      ['1', 'Trạm Y tế xã Mường Nhé'],
      ['2', '\'=cmd|" /c calc"!A1'],
      ['B', 'Y tế tư nhân'],
    ]);
    const at = (label: string, number: string) => rowByLabel(sheet, label).getCell(columnOf(sheet, numbersRow, number));

    // Column 5 (antenatal visits) applies everywhere.
    expect(at('Tổng số', '5').value).toBe(190);
    expect(at('Y tế công', '5').value).toBe(190);
    expect(at('Cấp TW, Y tế ngành', '5').value).toBe(0);
    expect(at('Cấp tỉnh', '5').value).toBe(150);
    expect(at('Cấp xã', '5').value).toBe(40);
    expect(at('Y tế tư nhân', '5').value).toBe(0);
    expect(at('Trạm Y tế xã Mường Nhé', '5').value).toBe(30);

    // Column 3a (new pregnancies) is grey on facility rows: their values are not summed.
    expect(isGrey(at('Bệnh viện Đa khoa tỉnh Điện Biên', '3a'))).toBe(true);
    expect(at('Bệnh viện Đa khoa tỉnh Điện Biên', '3a').value).toBeNull();
    expect(isGrey(at('Cấp tỉnh', '3a'))).toBe(true);
    expect(at('Cấp xã', '3a').value).toBe(10);
    expect(at('Tổng số', '3a').value).toBe(10);

    // Column 17 (caesareans) is grey on commune rows.
    expect(isGrey(at('Trạm Y tế xã Mường Nhé', '17'))).toBe(true);
    expect(isGrey(at('Cấp xã', '17'))).toBe(true);
    expect(at('Cấp tỉnh', '17').value).toBe(15);
    expect(at('Tổng số', '17').value).toBe(15);

    // Column 18a (births outside any facility) is grey on facility rows.
    expect(at('Tổng số', '18a').value).toBe(3);
    expect(isGrey(at('Cấp tỉnh', '18a'))).toBe(true);
  });

  it('signs as the head of the unit, prints A4 landscape and maps unit cells to keys', async () => {
    const workbook = await loadWorkbook(await service.toXlsx(unitsInput()));
    const sheet = mainSheet(workbook);
    expect(texts(sheet)).toEqual(expect.arrayContaining(['Người lập biểu', 'Thủ trưởng đơn vị', '(Ký, đóng dấu)']));
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${LAYOUT.tableStart}:${numbersRow}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: numbersRow });
    const byKey = valuesByKey(workbook);
    expect(byKey.get('unit:TYT.1:ancVisits')).toBe(30);
    expect(byKey.get('group:provincial:caesareans')).toBe(15);
    expect(byKey.get('group:total:pregnantNew')).toBe(10);
    expect(byKey.has('unit:BV.DKT:pregnantNew')).toBe(false);
  });

  it('prints not-collected columns empty, not as zero', async () => {
    const sheet = mainSheet(
      await loadWorkbook(await service.toXlsx(unitsInput({ formVersion: formVersionOn('gynaecology', '2025-07') as UnitFormVersion }))),
    );
    const c14 = columnOf(sheet, LAYOUT.tableStart + 2, '14');
    const total = rowByLabel(sheet, 'Tổng số').getCell(c14);
    expect([total.value, isGrey(total)]).toEqual([null, false]);
    expect(sheet.getCell(LAYOUT.formCode, sheet.columnCount).value).toBe('Báo cáo 6');
  });

  it('merges deeper headers (Báo cáo 7) and prints TT 37 district forms with their code', async () => {
    const table = reportTable(unitsInput({ formVersion: formVersionOn('family-planning', '2025-07') as UnitFormVersion }));
    expect(table.headerRows).toBe(4);
    expect(table.header).toEqual(
      expect.arrayContaining([
        { text: 'Số mới thực hiện Biện pháp tránh thai hiện đại', row: 0, col: 2, rowSpan: 1, colSpan: 9 },
        { text: 'Trong đó', row: 1, col: 3, rowSpan: 1, colSpan: 8 },
        { text: 'Thuốc TT', row: 2, col: 4, rowSpan: 1, colSpan: 3 },
        { text: 'Tổng số', row: 1, col: 2, rowSpan: 3, colSpan: 1 },
        { text: 'Thuốc tiêm', row: 3, col: 4, rowSpan: 1, colSpan: 1 },
      ]),
    );
    const bch = unitsInput({
      formVersion: maternalCare('2025-06'),
      level: 'district',
      period: { view: '2025-06' },
      rows: [
        {
          group: 'districtLevel',
          code: 'TTYT.MN',
          name: 'Trung tâm Y tế huyện Mường Nhé',
          kind: 'facility',
          values: { 'I.3': { total: 5 } },
        },
        { group: 'communeLevel', code: 'TYT.1', name: 'Trạm Y tế xã Mường Nhé', kind: 'commune', values: { 'I.3': { total: 7 } } },
      ],
    });
    const sheet = mainSheet(await loadWorkbook(await service.toXlsx(bch)));
    expect(sheet.getCell(LAYOUT.formCode, sheet.columnCount).value).toBe('Biểu số: 4/BCH');
    expect(sheet.getCell(LAYOUT.circular, sheet.columnCount).value).toBe('Ban hành kèm theo Thông tư số 37/2019/TT-BYT');
    expect(rowByLabel(sheet, 'Tổng số').getCell(columnOf(sheet, LAYOUT.tableStart + 2, '5')).value).toBe(12);
    expect(rowByLabel(sheet, 'Tuyến xã').getCell(columnOf(sheet, LAYOUT.tableStart + 2, '5')).value).toBe(7);
  });

  it('prints a block per province in the national view', () => {
    const row = (province: string, group: string, anc: number): ExportUnitRow => ({
      group,
      code: `${province}.${group}`,
      name: group,
      province: { code: province, name: province === '11' ? 'Điện Biên' : 'Lai Châu' },
      values: { 'I.3': { total: anc } },
    });
    const table = reportTable(
      unitsInput({
        level: 'national',
        rows: [row('11', 'provinceCommune', 3), row('12', 'provinceProvincial', 4), row('11', 'provincePrivate', 5)],
      }),
    );
    const anc = maternalCare().columns.findIndex((c) => c.key === 'ancVisits');
    expect(table.lines.map((l) => [l.key, l.label, l.cells[anc].value])).toEqual([
      ['group:national', 'Tổng cộng', 12],
      ['group:province@11', 'Điện Biên', 8],
      ['group:provinceCentral@11', 'Cấp trung ương', 0],
      ['group:provinceProvincial@11', 'Cấp tỉnh', 0],
      ['group:provinceCommune@11', 'Cấp xã', 3],
      ['group:provincePrivate@11', 'Tư nhân', 5],
      ['group:province@12', 'Lai Châu', 4],
      ['group:provinceCentral@12', 'Cấp trung ương', 0],
      ['group:provinceProvincial@12', 'Cấp tỉnh', 4],
      ['group:provinceCommune@12', 'Cấp xã', 0],
      ['group:provincePrivate@12', 'Tư nhân', 0],
    ]);
  });

  it('refuses a row in a group that lists no units, and a level the form is not compiled at', () => {
    expect(() => reportTable(unitsInput({ rows: [{ ...UNIT_ROWS[0], group: 'public' }] }))).toThrow(/No row group public/);
    expect(() => reportTable(unitsInput({ level: 'district' }))).toThrow(/not compiled at the district level/);
  });
});

describe('report to CSV', () => {
  it('writes UTF-8 with a BOM, one line per cell of the form, with the same numbers as the workbook', async () => {
    const csv = service.toCsv(input());
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...records] = parseCsv(csv.slice(1));
    expect(header).toEqual([...CSV_HEADER]);
    const line = records.find((r) => r[5] === 'I.3' && r[6] === 'station');
    expect(line).toEqual([
      'commune',
      'commune@TT23_2025',
      'commune',
      'TYT.03160.2025',
      '2025-07',
      'I.3',
      'station',
      'Tổng số lượt khám thai',
      'Tại TYT',
      '30',
    ]);
    expect(records.find((r) => r[5] === 'I.2' && r[6] === 'total')?.[9]).toBe('');
    expect(records.some((r) => r[5] === 'I.3' && r[6] === 'other')).toBe(false);
    expect(records.find((r) => r[5] === 'I.9.1' && r[6] === 'deaths.total')?.[7]).toBe('Băng huyết – Tử vong');

    const byKey = valuesByKey(await loadWorkbook(await service.toXlsx(input())));
    expect(records).toHaveLength(byKey.size);
    for (const r of records) expect([r[5], r[6], r[9]]).toEqual([r[5], r[6], String(byKey.get(`${r[5]}:${r[6]}`) ?? '')]);
  });

  it('quotes texts with commas and quotes, neutralises formulas, and reads back the unit rows and subtotals', () => {
    const csv = service.toCsv(unitsInput());
    expect(csv).toContain('"Phòng khám ""An Bình"", Mường Nhé"');
    const records = parseCsv(csv.slice(1)).slice(1);
    const value = (row: string, column: string) => records.find((r) => r[5] === row && r[6] === column);
    expect(value('unit:TTYT.MN', 'ancVisits')?.[7]).toBe('Phòng khám "An Bình", Mường Nhé');
    expect(value('unit:TYT.2', 'ancVisits')?.[7]).toBe('\'=cmd|" /c calc"!A1');
    expect(value('group:total', 'ancVisits')?.slice(0, 5)).toEqual([
      'maternal-care',
      'maternal-care@TT23_2025',
      'province',
      'SYT.11',
      '2025-07',
    ]);
    expect(value('group:total', 'ancVisits')?.[9]).toBe('190');
    expect(value('group:total', 'ancVisits')?.[8]).toBe('Số khám thai – Tổng số (cột 5)');
    expect(value('unit:BV.DKT', 'pregnantNew')).toBeUndefined();
  });

  it('names the files without spaces or diacritics', async () => {
    const file = await service.export(input(), 'csv');
    expect(file.fileName).toBe('commune_TYT.03160.2025_2025-07.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.content.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await service.export(unitsInput(), 'xlsx')).fileName).toBe('maternal-care_SYT.11_2025-07.xlsx');
  });
});
