import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { DomainError } from '../errors/domain-error';
import { DEFAULT_XLSX_LIMITS, entryText, inspectZip, notXlsx, rowLimit, XlsxLimits, ZipEntry } from './zip-directory';

/** A cell as read: formulas are their cached results (never evaluated), rich text and links their text. */
export type XlsxValue = string | number | boolean | Date | null;

export interface XlsxRow {
  /** 1-based row number in the sheet, as Excel shows it. */
  number: number;
  /** Cells from column A; trailing empty cells may be missing. */
  cells: XlsxValue[];
}

export interface XlsxSheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export interface XlsxWorkbook {
  readonly sheets: readonly XlsxSheetInfo[];
  /**
   * The rows of a sheet (by name; default the first visible one) that hold any value, streamed:
   * the sheet's XML is inflated and parsed as the rows are consumed.
   */
  rows(sheetName?: string): AsyncGenerator<XlsxRow>;
}

/** Rows above the data (headers, keys, titles) that the row limit allows for. */
export const HEADER_ROWS_ALLOWANCE = 10;
/** Columns read from a row; a register template has about 60. */
const MAX_COLUMNS = 1_024;

// exceljs 4.4's streaming WorkbookReader reads the archive with unzipper, sequentially and trusting
// the local headers' sizes, and writes worksheets that precede the shared strings to temporary
// files. Its parsers are used here on entries this module inflates itself (checked, counted,
// decoded as UTF-8 across chunk boundaries, in the order the parsers need): these are the
// reader's own methods, pinned by the exact exceljs version in package.json.
interface ReaderInternals {
  workbookRels?: { Id: string; Type: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string; state?: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: WorksheetRows }>;
}

interface WorksheetRows {
  name: string;
  [Symbol.asyncIterator](): AsyncIterator<{ number: number; values: unknown }>;
}

export interface XlsxReadOptions {
  /**
   * Read cell styles, so that numbers formatted as dates come as Date (default). Without, a date
   * is the serial number Excel stores (days since 1899-12-30, the time as the fraction): much less
   * work and memory per cell for a reader that knows which columns hold dates.
   */
  dates?: boolean;
}

/**
 * Opens an uploaded workbook under limits: the archive's directory is checked first (inspectZip),
 * then the workbook, shared strings and styles are parsed, and the sheets stream on demand.
 */
export async function openXlsx(
  file: Buffer,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
  options: XlsxReadOptions = {},
): Promise<XlsxWorkbook> {
  const entries = new Map(inspectZip(file, limits).map((entry) => [entry.name, entry]));
  const stream = (entry: ZipEntry) => Readable.from(entryText(file, entry));
  const dates = options.dates ?? true;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: dates ? 'cache' : 'ignore',
    entries: 'ignore',
  }) as unknown as ReaderInternals;

  const workbookEntry = entries.get('xl/workbook.xml');
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbookEntry || !relsEntry) throw notXlsx('không có bảng tính trong tệp');
  try {
    await reader._parseRels(stream(relsEntry));
    await reader._parseWorkbook(stream(workbookEntry));
    const target = (type: string, fallback: string) =>
      entryPath(reader.workbookRels?.find((rel) => rel.Type.endsWith(`/${type}`))?.Target) ?? fallback;
    const sharedStrings = entries.get(target('sharedStrings', 'xl/sharedStrings.xml'));
    // In 'cache' mode the shared strings are kept by the reader; the generator yields nothing.
    if (sharedStrings) await drain(reader._parseSharedStrings(stream(sharedStrings)));
    const styles = dates ? entries.get(target('styles', 'xl/styles.xml')) : undefined;
    if (styles) await reader._parseStyles(stream(styles));
  } catch (error) {
    throw asReadError(error);
  }

  const sheets = (reader.model?.sheets ?? []).map((sheet) => ({
    ...sheet,
    state: (sheet.state === 'hidden' || sheet.state === 'veryHidden' ? sheet.state : 'visible') as XlsxSheetInfo['state'],
    path: entryPath(reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target),
  }));
  if (sheets.length === 0) throw notXlsx('không có trang tính nào');

  async function* rows(sheetName?: string): AsyncGenerator<XlsxRow> {
    const sheet = sheetName ? sheets.find((s) => s.name === sheetName) : (sheets.find((s) => s.state === 'visible') ?? sheets[0]);
    const entry = sheet?.path ? entries.get(sheet.path) : undefined;
    if (!sheet || !entry) throw notXlsx(sheetName ? `không có trang tính "${sheetName}"` : 'không đọc được trang tính');
    const sheetNo = /(\d+)\.xml$/.exec(entry.name)?.[1] ?? '1';
    const [event] = [...reader._parseWorksheet(entryText(file, entry), sheetNo)];
    let count = 0;
    try {
      for await (const row of event.value) {
        const cells = toCells(row.values);
        if (cells.every((cell) => cell === null)) continue;
        if (++count > limits.maxRows + HEADER_ROWS_ALLOWANCE) throw rowLimit(limits);
        yield { number: row.number, cells };
      }
    } catch (error) {
      throw asReadError(error);
    }
  }

  return { sheets: sheets.map(({ name, state }) => ({ name, state })), rows };
}

async function drain(iterator: AsyncGenerator<unknown>): Promise<void> {
  for (let step = await iterator.next(); !step.done; step = await iterator.next());
}

/** A relationship target as an archive path: 'worksheets/sheet1.xml' and '/xl/worksheets/sheet1.xml' → 'xl/worksheets/sheet1.xml'. */
function entryPath(target: string | undefined): string | undefined {
  if (!target) return undefined;
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** Errors of the archive keep their code; XML the parser refuses means the file is damaged. */
function asReadError(error: unknown): DomainError {
  return error instanceof DomainError ? error : notXlsx('nội dung bảng tính bị hỏng');
}

function toCells(values: unknown): XlsxValue[] {
  if (!Array.isArray(values)) return [];
  const cells: XlsxValue[] = [];
  // exceljs row values are 1-based: index 0 is always empty.
  for (let column = 1; column < Math.min(values.length, MAX_COLUMNS + 1); column++) cells.push(toValue(values[column]));
  while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
  return cells;
}

/** One cell value of exceljs as a plain value. */
export function toValue(value: unknown): XlsxValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : '#ERROR!';
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    // A formula: its cached result as the file holds it; never evaluated (no result: empty).
    if ('formula' in object || 'sharedFormula' in object) return toValue(object['result']);
    if (Array.isArray(object['richText'])) {
      return toValue((object['richText'] as { text?: unknown }[]).map((run) => (typeof run.text === 'string' ? run.text : '')).join(''));
    }
    if ('error' in object) return typeof object['error'] === 'string' ? object['error'] : '#ERROR!';
    if ('text' in object) return toValue(object['text']);
  }
  return null;
}
