import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';

/** A column of an export sheet. */
export interface XlsxColumn {
  header: string;
  /** Width in characters. */
  width: number;
}

export type XlsxCell = string | number | null | undefined;

/** Excel refuses longer cell texts. */
export const MAX_CELL_LENGTH = 32_767;

/**
 * Text that a spreadsheet could read as a formula (CSV/formula injection, OWASP) is prefixed with
 * an apostrophe, so it always stays text, even if the cell is copied or the sheet saved as CSV.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The workbook as a buffer, written with exceljs's streaming writer: rows are read one at a time
 * (an async source can page through the database) and committed as they come, so a large export
 * never holds all rows as objects. Bold frozen header row, fixed column widths.
 */
export async function buildXlsx(
  sheetName: string,
  columns: XlsxColumn[],
  rows: Iterable<XlsxCell[]> | AsyncIterable<XlsxCell[]>,
): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const cells of rows) {
    sheet.addRow(cells.map(toCellValue)).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

function toCellValue(cell: XlsxCell): string | number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return cell;
  return neutralizeFormula(cell).slice(0, MAX_CELL_LENGTH);
}
