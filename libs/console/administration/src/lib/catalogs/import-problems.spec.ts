import { importProblems } from './import-problems';

describe('importProblems', () => {
  it('reads the row and column of each problem the API lists, file problems first, then row by row', () => {
    const problems = importProblems([
      { field: 'rows.12.name', code: 'REQUIRED', message: 'Dòng 12, cột “Tên”: thiếu tên' },
      { field: 'rows.3.code', code: 'INVALID_CODE', message: 'Dòng 3, cột “Mã”: mã không hợp lệ' },
      { field: 'columns.code', code: 'IMPORT_COLUMN_MISSING', message: 'Thiếu cột “Mã”' },
      { field: 'rows.3', code: 'NOT_IN_CATALOG', message: 'Dòng 3: mã chưa có trong danh mục cố định' },
      { field: 'rows.12.colour', code: 'X', message: 'Dòng 12: ?' },
    ]);
    expect(problems.map(({ row, column, code }) => [row, column, code])).toEqual([
      [null, 'code', 'IMPORT_COLUMN_MISSING'],
      [3, 'code', 'INVALID_CODE'],
      [3, null, 'NOT_IN_CATALOG'],
      [12, 'name', 'REQUIRED'],
      [12, null, 'X'],
    ]);
  });

  it('keeps a problem of the file itself (its type, its size) without a row', () => {
    const [problem] = importProblems([{ field: 'file', code: 'FILE_TOO_LARGE', message: 'Tối đa 5 MB' }]);
    expect(problem).toEqual({ row: null, column: null, code: 'FILE_TOO_LARGE', message: 'Tối đa 5 MB' });
  });
});
