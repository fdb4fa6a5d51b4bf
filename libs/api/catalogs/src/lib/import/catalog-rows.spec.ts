import { mapColumns, validateRows } from './catalog-rows';

const table = (header: string[], ...rows: string[][]) => ({ header, rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })) });

describe('mapColumns', () => {
  it('recognises Vietnamese and English headers, with or without diacritics', () => {
    expect(mapColumns(['STT', 'Mã', 'Tên', 'Tên tiếng Anh'])).toEqual({ sortOrder: 0, code: 1, name: 2, nameEn: 3 });
    expect(mapColumns(['code', 'name', 'name_en'])).toEqual({ code: 0, name: 1, nameEn: 2 });
    expect(mapColumns(['Ma ICD-10', 'Ten benh'])).toEqual({ code: 0, name: 1 });
    expect(mapColumns(['Ghi chú'])).toEqual({});
  });
});

describe('validateRows', () => {
  const columns = { code: 0, name: 1, sortOrder: 2 };

  it('reads valid rows, in NFC, keeping what the file does not say as undefined', () => {
    const { rows, problems } = validateRows(
      table(['Mã', 'Tên', 'Thứ tự'], ['O80', 'Đẻ thường'.normalize('NFD'), '5'], [' A00 ', 'Tả', '']),
      columns,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 2, code: 'O80', name: 'Đẻ thường', nameEn: undefined, sortOrder: 5 },
      { row: 3, code: 'A00', name: 'Tả', nameEn: undefined, sortOrder: null },
    ]);
  });

  it('names every bad row and column: missing and malformed codes, duplicates, empty names, bad numbers', () => {
    const { rows, problems } = validateRows(
      table(
        ['Mã', 'Tên', 'Thứ tự'],
        ['A00', 'Tả', '1'],
        ['', 'Không mã', ''],
        ['A 01', 'Sai mã', ''],
        ['A00', 'Trùng', ''],
        ['B00', '', 'x'],
      ),
      columns,
    );
    expect(rows.map((r) => r.code)).toEqual(['A00']);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'code', 'REQUIRED'],
      [4, 'code', 'INVALID_CODE'],
      [5, 'code', 'DUPLICATE_CODE'],
      [6, 'name', 'REQUIRED'],
      [6, 'sortOrder', 'INVALID_NUMBER'],
    ]);
    expect(problems[2].message).toBe('Dòng 5, cột “Mã”: mã A00 trùng với dòng 2');
  });
});
