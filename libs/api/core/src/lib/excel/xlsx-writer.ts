import ExcelJS from 'exceljs';
import { PassThrough, Writable } from 'node:stream';
import { safeCellText } from './cell-text';

/** A column of an exported sheet. */
export interface XlsxColumn {
  header: string;
  /** Width in characters. */
  width: number;
  /** Number format of the column's cells, e.g. 'dd/mm/yyyy' for dates. */
  numFmt?: string;
}

/** A cell value: texts are neutralised (safeCellText), dates written as dates in the column's format. */
export type XlsxCell = string | number | boolean | Date | null | undefined;

export interface XlsxSheet {
  name: string;
  columns: readonly XlsxColumn[];
  /**
   * Machine keys of the columns, written as a hidden row above the headers: an import reads them
   * back to find its columns whatever their headers or order became.
   */
  keys?: readonly string[];
  rows: Iterable<XlsxCell[]> | AsyncIterable<XlsxCell[]>;
  state?: 'visible' | 'hidden' | 'veryHidden';
}

/**
 * Writes a workbook to a stream with exceljs's streaming writer: rows are read one at a time (an
 * async source can page through the database) and committed as they come, so a large export never
 * holds all rows as objects. Bold frozen header row, fixed column widths. Resolves with the number
 * of data rows written, once the stream has the whole file (committing ends it).
 */
export async function writeXlsx(output: Writable, sheets: readonly XlsxSheet[]): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  let count = 0;
  for (const spec of sheets) {
    const above = spec.keys ? 1 : 0;
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31), {
      state: spec.state ?? 'visible',
      views: [{ state: 'frozen', ySplit: above + 1 }],
    });
    sheet.columns = spec.columns.map((column) => ({ width: column.width, style: column.numFmt ? { numFmt: column.numFmt } : {} }));
    if (spec.keys) {
      const keys = sheet.addRow([...spec.keys]);
      keys.hidden = true;
      keys.commit();
    }
    const header = sheet.addRow(spec.columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    for await (const cells of spec.rows) {
      sheet.addRow(cells.map(toCellValue)).commit();
      count++;
    }
    sheet.commit();
  }
  await workbook.commit();
  return count;
}

/** A one-sheet workbook as a buffer (small files: the audit trail export, test fixtures). */
export async function buildXlsx(
  sheetName: string,
  columns: readonly XlsxColumn[],
  rows: Iterable<XlsxCell[]> | AsyncIterable<XlsxCell[]>,
): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((done, fail) => {
    output.on('end', done);
    output.on('error', fail);
  });
  await writeXlsx(output, [{ name: sheetName, columns, rows }]);
  await finished; // committing the workbook ends the stream

  return Buffer.concat(chunks);
}

function toCellValue(cell: XlsxCell): string | number | boolean | Date | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return safeCellText(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  return cell;
}
