import ExcelJS from 'exceljs';
import { DomainError } from '@skss/api/core';
import { formatIsoDate } from '@skss/domain';
import { inspectZip } from './zip-guard';

/** Limits of a catalog import file: far above ICD-10 (about 15,000 codes), far below what hurts. */
export const CATALOG_IMPORT_LIMITS = {
  maxFileBytes: 5 * 1024 * 1024,
  maxRows: 20_000,
  zip: { maxUncompressedBytes: 40 * 1024 * 1024, maxRatio: 100, maxEntries: 200 },
} as const;

/** A row of the sheet as text cells; `rowNumber` is the number the spreadsheet shows. */
export interface TableRow {
  rowNumber: number;
  cells: string[];
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

const MB = 1024 * 1024;

export const fileTooLarge = () =>
  new DomainError('FILE_TOO_LARGE', `Tệp quá lớn: tối đa ${CATALOG_IMPORT_LIMITS.maxFileBytes / MB} MB`, 413, [
    { field: 'file', code: 'FILE_TOO_LARGE', message: `Tối đa ${CATALOG_IMPORT_LIMITS.maxFileBytes / MB} MB` },
  ]);

const fileError = (code: string, message: string, status = 400) =>
  new DomainError(code, message, status, [{ field: 'file', code, message }]);

/** A multipart form that is not one file in field `file` (another field, a second file, a limit passed, broken framing). */
export const uploadInvalid = () =>
  fileError('IMPORT_UPLOAD_INVALID', 'Yêu cầu tải tệp không hợp lệ: gửi đúng một tệp trong trường “file” (multipart/form-data)');

/**
 * Reads the first sheet of an .xlsx, or a .csv (UTF-8, comma, semicolon or tab separated), as
 * text: formula cells give their last computed value, never the formula. The first non-empty row
 * is the header; empty rows are skipped.
 */
export async function readTable(fileName: string, buffer: Buffer): Promise<Table> {
  if (buffer.length > CATALOG_IMPORT_LIMITS.maxFileBytes) throw fileTooLarge();
  if (buffer.length === 0) throw fileError('IMPORT_EMPTY', 'Tệp rỗng');
  const name = fileName.toLowerCase();
  const zipped = buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50;
  if (name.endsWith('.xlsx') && zipped) return toTable(await readXlsxRows(buffer));
  if ((name.endsWith('.csv') || name.endsWith('.txt')) && !zipped) return toTable(readCsvRows(buffer));
  if (name.endsWith('.xls')) {
    throw fileError('IMPORT_FILE_TYPE', 'Tệp .xls (Excel 97–2003) không được hỗ trợ: hãy lưu lại thành .xlsx hoặc .csv (UTF-8)', 415);
  }
  throw fileError('IMPORT_FILE_TYPE', 'Chỉ nhận tệp Excel .xlsx hoặc .csv (UTF-8)', 415);
}

async function readXlsxRows(buffer: Buffer): Promise<TableRow[]> {
  const verdict = inspectZip(buffer, CATALOG_IMPORT_LIMITS.zip);
  if (!verdict.ok) {
    throw verdict.reason === 'not-a-zip'
      ? fileError('IMPORT_FILE_UNREADABLE', 'Không đọc được tệp Excel (tệp hỏng hoặc không phải .xlsx)')
      : fileError('IMPORT_FILE_REFUSED', 'Tệp Excel bị từ chối: dữ liệu giải nén quá lớn so với kích thước tệp (nghi ngờ tệp độc hại)');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw fileError('IMPORT_FILE_UNREADABLE', 'Không đọc được tệp Excel (tệp hỏng hoặc không phải .xlsx)');
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw fileError('IMPORT_EMPTY', 'Tệp không có dữ liệu');
  // Header and data rows; checked before reading cells.
  if (sheet.actualRowCount > CATALOG_IMPORT_LIMITS.maxRows + 1) throw tooManyRows();
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push({ rowNumber, cells: Array.from(values, (value) => cellText(value as ExcelJS.CellValue)) });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return formatIsoDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ('error' in value) return String(value.error);
  if ('text' in value) return String(value.text);
  return '';
}

function readCsvRows(buffer: Buffer): TableRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw fileError('IMPORT_FILE_ENCODING', 'Tệp CSV phải được lưu với bảng mã UTF-8 (trong Excel: “CSV UTF-8”)');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // The file is at most a few MB: parsed whole, then counted (toTable).
  return parseCsv(text, detectDelimiter(text)).map((cells, i) => ({ rowNumber: i + 1, cells }));
}

/** The separator the header line uses most: comma, semicolon (Excel in Vietnamese locales) or tab. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

/** RFC 4180: quoted fields may hold separators, line breaks and doubled quotes. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === delimiter) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function toTable(rows: TableRow[]): Table {
  const nonEmpty = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (nonEmpty.length === 0) throw fileError('IMPORT_EMPTY', 'Tệp không có dữ liệu');
  const [header, ...data] = nonEmpty;
  if (data.length > CATALOG_IMPORT_LIMITS.maxRows) throw tooManyRows();
  return { header: header.cells, rows: data };
}

const tooManyRows = () =>
  fileError('IMPORT_TOO_MANY_ROWS', `Tệp có quá nhiều dòng: tối đa ${CATALOG_IMPORT_LIMITS.maxRows.toLocaleString('vi-VN')} dòng dữ liệu`);
