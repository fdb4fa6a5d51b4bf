import { foldVietnamese, toNfc } from '@skss/domain';
import { ITEM_CODE_MESSAGE, ITEM_CODE_PATTERN, ITEM_NAME_MAX_LENGTH, SORT_ORDER_MAX } from '../shared/catalog-formats';
import type { Table } from './catalog-file';

/** The columns of a catalog import file. */
export type CatalogColumn = 'code' | 'name' | 'nameEn' | 'sortOrder';

/** Headers recognised for each column, folded (no diacritics, lower case, punctuation as spaces). */
const HEADERS: Readonly<Record<CatalogColumn, readonly string[]>> = {
  code: ['ma', 'code', 'ma so', 'ma danh muc', 'ma muc', 'ma benh', 'ma icd', 'ma icd 10'],
  name: ['ten', 'name', 'ten goi', 'ten tieng viet', 'ten danh muc', 'ten muc', 'ten benh', 'name vi'],
  nameEn: ['ten tieng anh', 'name en', 'nameen', 'english name', 'ten benh tieng anh', 'english'],
  sortOrder: ['thu tu', 'so thu tu', 'stt', 'sort order', 'sortorder', 'order'],
};

export const COLUMN_LABELS: Readonly<Record<CatalogColumn, string>> = {
  code: 'Mã',
  name: 'Tên',
  nameEn: 'Tên tiếng Anh',
  sortOrder: 'Thứ tự',
};

/** A problem of one cell (or row) of the file, with the row number the spreadsheet shows. */
export interface RowProblem {
  row: number;
  column: CatalogColumn | null;
  code: string;
  message: string;
}

export interface CatalogImportRow {
  row: number;
  code: string;
  name: string;
  /** Undefined when the file has no such column (the current value is kept). */
  nameEn: string | null | undefined;
  sortOrder: number | null | undefined;
}

const foldHeader = (text: string) =>
  foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Which column of the file holds what; null for a required column the file lacks. */
export function mapColumns(header: readonly string[]): Partial<Record<CatalogColumn, number>> {
  const found: Partial<Record<CatalogColumn, number>> = {};
  header.forEach((text, index) => {
    const folded = foldHeader(text);
    for (const column of Object.keys(HEADERS) as CatalogColumn[]) {
      if (found[column] === undefined && HEADERS[column].includes(folded)) found[column] = index;
    }
  });
  return found;
}

/** Validates every data row; the rows are usable only when there is no problem. */
export function validateRows(
  table: Table,
  columns: Partial<Record<CatalogColumn, number>>,
): { rows: CatalogImportRow[]; problems: RowProblem[] } {
  const rows: CatalogImportRow[] = [];
  const problems: RowProblem[] = [];
  const firstRowOfCode = new Map<string, number>();
  const cell = (cells: readonly string[], column: CatalogColumn) => {
    const index = columns[column];
    return index === undefined ? undefined : toNfc((cells[index] ?? '').trim());
  };
  for (const { rowNumber, cells } of table.rows) {
    const problem = (column: CatalogColumn | null, code: string, message: string) =>
      problems.push({
        row: rowNumber,
        column,
        code,
        message: `Dòng ${rowNumber}${column ? `, cột “${COLUMN_LABELS[column]}”` : ''}: ${message}`,
      });
    const before = problems.length;

    const code = cell(cells, 'code') ?? '';
    if (!code) problem('code', 'REQUIRED', 'thiếu mã');
    else if (!ITEM_CODE_PATTERN.test(code)) problem('code', 'INVALID_CODE', ITEM_CODE_MESSAGE);
    else if (firstRowOfCode.has(code)) problem('code', 'DUPLICATE_CODE', `mã ${code} trùng với dòng ${firstRowOfCode.get(code)}`);
    else firstRowOfCode.set(code, rowNumber);

    const name = cell(cells, 'name') ?? '';
    if (!name) problem('name', 'REQUIRED', 'thiếu tên');
    else if (name.length > ITEM_NAME_MAX_LENGTH) problem('name', 'TOO_LONG', `tên dài quá ${ITEM_NAME_MAX_LENGTH} ký tự`);
    else if (hasControlCharacters(name)) problem('name', 'INVALID_TEXT', 'tên chứa ký tự điều khiển');

    const nameEnText = cell(cells, 'nameEn');
    if (nameEnText && nameEnText.length > ITEM_NAME_MAX_LENGTH) problem('nameEn', 'TOO_LONG', `tên dài quá ${ITEM_NAME_MAX_LENGTH} ký tự`);
    else if (nameEnText && hasControlCharacters(nameEnText)) problem('nameEn', 'INVALID_TEXT', 'tên chứa ký tự điều khiển');

    const orderText = cell(cells, 'sortOrder');
    let sortOrder: number | null | undefined = orderText === undefined ? undefined : null;
    if (orderText) {
      sortOrder = /^\d{1,7}$/.test(orderText) ? Number(orderText) : NaN;
      if (!Number.isInteger(sortOrder) || sortOrder > SORT_ORDER_MAX)
        problem('sortOrder', 'INVALID_NUMBER', `thứ tự phải là số nguyên từ 0 đến ${SORT_ORDER_MAX}`);
    }

    if (problems.length === before) {
      rows.push({ row: rowNumber, code, name, nameEn: nameEnText === undefined ? undefined : nameEnText || null, sortOrder });
    }
  }
  return { rows, problems };
}

const hasControlCharacters = (text: string) => /\p{Cc}/u.test(text);
