import ExcelJS from 'exceljs';
import { DEFAULT_XLSX_LIMITS, openXlsx } from '@skss/api/core';
import { addDays, FieldDefinition, PERSON_FIELDS, todayInVietnam, validateRecord } from '@skss/domain';
import { columnLetter, DATA_SHEET, excelLayout, GROUP_KEY, headerMatchKey, INSTRUCTIONS_SHEET, LISTS_SHEET } from './excel-layout';
import { buildTemplate, FIRST_DATA_ROW } from './excel-template';
import { cellInput, codeLookup, dataRows, locateProblem, ParsedRecord, parseRecords } from './import-parser';
import { recordKey } from './import-records';

// Templates are opened and saved with exceljs, slow on a loaded machine.
jest.setTimeout(60_000);

const today = todayInVietnam();
const day = (offset: number) => addDays(today, offset);
const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Fills the template of a register with rows given by key, as an officer would in Excel. */
async function filled(register: 'anc-visits' | 'deliveries', rows: Record<string, unknown>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildTemplate(excelLayout(register), {}, DEFAULT_XLSX_LIMITS)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(DATA_SHEET);
  if (!sheet) throw new Error('no data sheet');
  const keys = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      const column = keys.indexOf(key);
      if (column < 0) throw new Error(`no column ${key}`);
      sheet.getCell(FIRST_DATA_ROW + i, column + 1).value = value as ExcelJS.CellValue;
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function records(register: 'anc-visits' | 'deliveries', file: Buffer): Promise<ParsedRecord[]> {
  const book = await openXlsx(file);
  const out: ParsedRecord[] = [];
  for await (const record of parseRecords(excelLayout(register), dataRows(book), 100)) out.push(record);
  return out;
}

const WOMAN = {
  'person.fullName': 'Lò Thị Mai',
  'person.dateOfBirth': asDate('1998-04-12'),
  'person.sex': 'Nữ',
  'person.citizenId': '011198001234',
  'person.ethnicityCode': '04',
};

describe('the Excel layout of a register', () => {
  it('puts the person, then the record’s fields, keyed by the validators’ field names', () => {
    const layout = excelLayout('anc-visits');
    expect(layout.columns.slice(0, PERSON_FIELDS.length).map((c) => c.key)).toEqual(PERSON_FIELDS.map((f) => `person.${f.key}`));
    expect(layout.columns.map((c) => c.key)).toContain('visitDate');
    expect(layout.columns.find((c) => c.key === 'visitDate')?.header).toBe('Ngày khám thai *');
    expect(layout.columns.find((c) => c.key === 'weightKg')?.header).toBe('Cân nặng của mẹ (kg)');
    expect(layout.itemCollection).toBeNull();
  });

  it('flattens deliveries to one row per newborn with a grouping key, and other lists to numbered slots', () => {
    const layout = excelLayout('deliveries');
    expect(layout.columns[0]).toMatchObject({ key: GROUP_KEY, header: 'Mã ca đẻ' });
    expect(layout.itemCollection?.key).toBe('newborns');
    const keys = layout.columns.map((c) => c.key);
    expect(keys).toEqual(
      expect.arrayContaining(['newborns.sex', 'newborns.weightGrams', 'postnatalVisits[0].visitDate', 'complications[2].outcome']),
    );
    expect(keys).not.toContain('deliveryDate'); // computed, not entered
    expect(new Set(layout.columns.map((c) => headerMatchKey(c.header))).size).toBe(layout.columns.length);
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('the template', () => {
  it('has the data sheet with hidden keys and headers, the instructions and the hidden lists, with drop-downs', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await buildTemplate(
        excelLayout('deliveries'),
        { ETHNICITY: [{ code: '01', vi: 'Kinh', en: 'Kinh' }] },
        DEFAULT_XLSX_LIMITS,
      )) as unknown as ArrayBuffer,
    );
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      [DATA_SHEET, 'visible'],
      [INSTRUCTIONS_SHEET, 'visible'],
      [LISTS_SHEET, 'hidden'],
    ]);
    const data = workbook.getWorksheet(DATA_SHEET) as ExcelJS.Worksheet;
    expect(data.getRow(1).hidden).toBe(true);
    expect(data.getCell('A1').value).toBe(GROUP_KEY);
    expect(data.getCell('B2').value).toBe('Họ và tên *');
    const keys = (data.getRow(1).values as unknown[]).slice(1);
    const place = keys.indexOf('place') + 1;
    const validation = data.getCell(FIRST_DATA_ROW, place).dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: [expect.stringContaining(`'${LISTS_SHEET}'!`)] });
    const dateColumn = keys.indexOf('person.dateOfBirth') + 1;
    expect(data.getColumn(dateColumn).numFmt).toBe('dd/mm/yyyy');
    const instructions = workbook.getWorksheet(INSTRUCTIONS_SHEET) as ExcelJS.Worksheet;
    const text = JSON.stringify(instructions.getSheetValues());
    expect(text).toContain('Mã ca đẻ');
    expect(text).toContain('100.000');
    expect(text).toContain('20 MB');
  });
});

describe('reading a filled template', () => {
  it('reads labels, dates and numbers into a record the register validator accepts', async () => {
    const file = await filled('anc-visits', [
      {
        ...WOMAN,
        visitDate: asDate(day(-3)),
        place: 'Tại cơ sở ghi sổ',
        gaWeeks: 20,
        weightKg: 52.5,
        hivResult: 'Âm tính',
        tetanusDoseGiven: 'Có',
      },
    ]);
    const [record] = await records('anc-visits', file);
    expect(record.rows).toEqual([3]);
    expect(record.input).toMatchObject({
      visitDate: day(-3),
      place: 'Tại cơ sở ghi sổ',
      gaWeeks: 20,
      person: { dateOfBirth: '1998-04-12', citizenId: '011198001234' },
    });
    const result = validateRecord('anc-visits', record.input, { today });
    expect(result.problems).toEqual([]);
    expect(result.value).toMatchObject({ place: 'FACILITY', hivResult: 'NEGATIVE', tetanusDoseGiven: true, weightKg: 52.5 });
  });

  it('locates the validator’s problems at their row and column', async () => {
    const file = await filled('anc-visits', [{ ...WOMAN, visitDate: asDate(day(5)), place: 'Tại nhà', systolic: 90, diastolic: 100 }]);
    const [record] = await records('anc-visits', file);
    const result = validateRecord('anc-visits', record.input, { today });
    const located = result.problems.map((p) => locateProblem(excelLayout('anc-visits'), record, p));
    const layout = excelLayout('anc-visits');
    const letter = (key: string) => columnLetter(layout.columns.findIndex((c) => c.key === key));
    expect(located).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: letter('visitDate'), header: 'Ngày khám thai *', code: 'DATE_IN_FUTURE' }),
        expect.objectContaining({ row: 3, column: letter('diastolic'), code: 'SYSTOLIC_NOT_ABOVE_DIASTOLIC' }),
      ]),
    );
  });

  it('groups the rows of twins into one delivery and puts a newborn’s problem on its own row', async () => {
    const delivery = {
      ...WOMAN,
      deliveredAt: new Date(`${day(-2)}T08:30:00Z`),
      place: 'Tại cơ sở ghi sổ',
      attendantKind: 'Hộ sinh',
      mode: 'Đẻ thường',
    };
    const file = await filled('deliveries', [
      { groupKey: 'CD-1', ...delivery, 'newborns.sex': 'Nam', 'newborns.liveBorn': 'Có', 'newborns.weightGrams': 2400 },
      { groupKey: 'CD-1', 'newborns.sex': 'Nữ', 'newborns.liveBorn': 'Có', 'newborns.weightGrams': 99_999 },
      { ...delivery, 'person.fullName': 'Giàng Thị Dua', 'person.citizenId': null, 'newborns.sex': 'Nữ', 'newborns.liveBorn': 'Có' },
    ]);
    const [twins, single] = await records('deliveries', file);
    expect(twins.rows).toEqual([3, 4]);
    expect(single.rows).toEqual([5]);
    expect(twins.input['deliveredAt']).toBe(`${day(-2)} 08:30`);
    expect(twins.input['newborns']).toHaveLength(2);
    const result = validateRecord('deliveries', twins.input, { today });
    const located = result.problems.map((p) => locateProblem(excelLayout('deliveries'), twins, p));
    expect(located).toEqual([expect.objectContaining({ row: 4, code: 'BIRTH_WEIGHT_OUT_OF_RANGE', field: 'newborns[1].weightGrams' })]);
    expect(validateRecord('deliveries', single.input, { today }).problems).toEqual([]);
  });

  it('refuses rows of a group that contradict its first row, and a group split over the sheet', async () => {
    const delivery = {
      ...WOMAN,
      deliveredAt: new Date(`${day(-2)}T08:30:00Z`),
      place: 'Tại cơ sở ghi sổ',
      attendantKind: 'Hộ sinh',
      mode: 'Đẻ thường',
    };
    const file = await filled('deliveries', [
      { groupKey: 'A', ...delivery, 'newborns.sex': 'Nam', 'newborns.liveBorn': 'Có' },
      { groupKey: 'A', mode: 'Mổ lấy thai', 'newborns.sex': 'Nữ', 'newborns.liveBorn': 'Có' },
      { groupKey: 'B', ...delivery, 'person.citizenId': null, 'newborns.sex': 'Nam', 'newborns.liveBorn': 'Có' },
      { groupKey: 'A', 'newborns.sex': 'Nữ', 'newborns.liveBorn': 'Có' },
    ]);
    const parsed = await records('deliveries', file);
    expect(parsed.map((r) => r.rows)).toEqual([[3, 4], [5], [6]]);
    expect(parsed[0].problems).toEqual([expect.objectContaining({ row: 4, code: 'GROUP_CONFLICT', field: 'mode' })]);
    expect(parsed[2].problems).toEqual([expect.objectContaining({ row: 6, code: 'GROUP_NOT_CONTIGUOUS' })]);
  });

  it('finds the columns from the headers when the key row is gone, in any order', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['SỔ KHÁM THAI 2025']);
    sheet.addRow(['Ngày khám thai', 'ho va ten *', 'Ngày sinh', 'Giới tính', 'Nơi khám']);
    sheet.addRow([day(-1).split('-').reverse().join('/'), 'Lò Thị Mai', '12/04/1998', 'Nữ', 'Tại nhà']);
    const [record] = await records('anc-visits', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(record.rows).toEqual([3]);
    expect(validateRecord('anc-visits', record.input, { today }).value).toMatchObject({ visitDate: day(-1), place: 'HOME' });
  });

  it('refuses a sheet without the template’s headers', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').addRow(['a', 'b']);
    await expect(records('anc-visits', Buffer.from(await workbook.xlsx.writeBuffer()))).rejects.toMatchObject({ code: 'NOT_A_TEMPLATE' });
  });

  it('stops at the row limit', async () => {
    const rows = Array.from({ length: 5 }, () => ({ ...WOMAN, visitDate: asDate(day(-1)), place: 'Tại nhà' }));
    const book = await openXlsx(await filled('anc-visits', rows));
    const consume = async () => {
      for await (const record of parseRecords(excelLayout('anc-visits'), book.rows(DATA_SHEET), 4)) void record;
    };
    await expect(consume()).rejects.toMatchObject({ code: 'ROW_LIMIT' });
  });
});

/** A field of a register's layout by key ('visitDate', 'person.citizenId' or just 'citizenId'). */
function fieldOf(key: string, register: 'anc-visits' | 'deliveries' = 'anc-visits'): FieldDefinition {
  const found = PERSON_FIELDS.find((f) => f.key === key) ?? excelLayout(register).columns.find((c) => c.key === key)?.field;
  if (!found) throw new Error(`No field ${key}`);
  return found;
}

describe('cell values as the validators read them', () => {
  const field = (key: string) => fieldOf(key);

  it('undoes what spreadsheets do to identifiers typed as numbers', () => {
    expect(cellInput(field('citizenId'), 11198001234)).toBe('011198001234');
    expect(cellInput(field('communeCode'), 3127)).toBe('03127');
    expect(cellInput(field('phone'), 912345678)).toBe('0912345678');
  });

  it('reads date serials and date cells as days, date-times as Vietnam wall-clock times', () => {
    expect(cellInput(field('visitDate'), 45_000)).toBe('2023-03-15');
    expect(cellInput(field('visitDate'), new Date('2025-03-07T00:00:00Z'))).toBe('2025-03-07');
    const deliveredAt = fieldOf('deliveredAt', 'deliveries');
    expect(cellInput(deliveredAt, new Date('2025-03-07T23:30:00Z'))).toBe('2025-03-07 23:30');
    expect(cellInput(field('visitDate'), '  ')).toBeUndefined();
  });
});

describe('labels of code lists', () => {
  const place = fieldOf('place');
  const ethnicity = fieldOf('ethnicityCode');

  it('are mapped to their codes as the validator would, with or without diacritics, and codes are kept', () => {
    const lookup = codeLookup({
      ETHNICITY: [
        { code: '03', vi: 'Thái', en: 'Thai' },
        { code: '01', vi: 'Kinh', en: 'Kinh' },
      ],
    });
    expect(['Tại nhà', 'tai nha', 'At home', 'HOME'].map((text) => lookup(place, text))).toEqual(['HOME', 'HOME', 'HOME', 'HOME']);
    expect(['Thái', 'thai', '03', 'Mường'].map((text) => lookup(ethnicity, text))).toEqual(['03', '03', '03', undefined]);
  });

  it('leave a label that two entries share to the validator', () => {
    const lookup = codeLookup({
      ETHNICITY: [
        { code: '10', vi: 'Lự', en: 'Lu' },
        { code: '11', vi: 'Lu', en: 'Lu' },
      ],
    });
    expect(lookup(ethnicity, 'Lu')).toBeUndefined();
    expect(lookup(ethnicity, '11')).toBe('11');
  });
});

describe('record keys', () => {
  const value = {
    visitDate: '2025-03-07',
    sourceRecordId: null,
    person: { fullName: 'Lò Thị Mai', dateOfBirth: '1998-04-12', citizenId: null, insuranceCard: null },
  };

  it('use the row’s own record id when it has one', () => {
    expect(recordKey('anc-visits', 7, 'visitDate', { ...value, sourceRecordId: 'KT-1' } as never)).toBe('KT-1');
  });

  it('are derived from facility, register, person and event otherwise: the same for the same row, different for another', () => {
    const key = recordKey('anc-visits', 7, 'visitDate', value as never);
    expect(key).toMatch(/^XL-[0-9a-f]{40}$/);
    expect(recordKey('anc-visits', 7, 'visitDate', { ...value, person: { ...value.person, fullName: 'LÒ THỊ MAI' } } as never)).toBe(key);
    expect(recordKey('anc-visits', 8, 'visitDate', value as never)).not.toBe(key);
    expect(recordKey('anc-visits', 7, 'visitDate', { ...value, visitDate: '2025-03-08' } as never)).not.toBe(key);
  });
});
