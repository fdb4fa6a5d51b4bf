import ExcelJS from 'exceljs';
import { safeCellText } from '@skss/api/core';
import { cellKey } from '@skss/domain';
import {
  circularLine,
  footerLine,
  HEAD_NOTE,
  MINISTRY,
  MOTTO_SUBTITLE,
  NATIONAL_MOTTO,
  officialCode,
  periodKey,
  periodLine,
  PLACE_AND_DATE,
  PREPARER,
  PREPARER_NOTE,
  signatureTitle,
  statusText,
  SYSTEM_NAME,
  upper,
} from './paper-text';
import { ReportExportInput } from './report-export.types';
import { ReportTable } from './report-table';

/** Name of the hidden sheet mapping each value cell to its machine keys. */
export const KEYS_SHEET = 'keys';
/** Header row of the keys sheet (columns A–D); metadata pairs sit in columns F–G. */
export const KEYS_HEADER = ['cell', 'row', 'column', 'key'] as const;

/** Rows of the paper layout above the table. */
export const LAYOUT = {
  formCode: 1,
  circular: 2,
  superior: 3,
  unitName: 4,
  title: 6,
  period: 7,
  reportingUnit: 8,
  recipient: 9,
  status: 10,
  tableStart: 12,
} as const;

const FONT = 'Times New Roman';
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBFBFBF' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const NUMBER_FORMAT = '#,##0';
const TT_WIDTH = 6;

type Style = { bold?: boolean; italic?: boolean; underline?: boolean; size?: number; color?: string; align?: 'left' | 'center' | 'right' };

/**
 * The report as its paper form (docs: README "Export"): header blocks, title, period, units, the
 * table with merged multi-level headers and grey cells, signature block and footer; A4 fitted to
 * the width, header rows repeated on every page, panes frozen below the header. A hidden sheet
 * "keys" maps every value cell to its row and column keys.
 */
export async function buildReportXlsx(input: ReportExportInput, table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = SYSTEM_NAME;
  workbook.created = input.generatedAt;
  workbook.title = safeCellText(input.formVersion.title);

  const code = officialCode(input);
  const portrait = input.formVersion.layout === 'commune';
  const columnCount = 2 + table.columns.length;
  const leftEnd = portrait ? 2 : Math.min(6, Math.floor(columnCount / 2));
  const rightStart = portrait ? 3 : Math.max(leftEnd + 1, columnCount - 10);
  const numbersRow = LAYOUT.tableStart + table.headerRows;
  const firstLine = numbersRow + 1;
  const tableSize = portrait ? 11 : 10;

  const sheet = workbook.addWorksheet(sheetName(code), {
    views: [{ state: 'frozen', xSplit: 2, ySplit: numbersRow, topLeftCell: `C${firstLine}`, showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: portrait ? 'portrait' : 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${LAYOUT.tableStart}:${numbersRow}`,
    },
    headerFooter: { oddFooter: '&R&9Trang &P/&N' },
  });
  sheet.columns = [{ width: TT_WIDTH }, { width: table.labelWidth }, ...table.columns.map((c) => ({ width: c.width }))];
  const widths = [TT_WIDTH, table.labelWidth, ...table.columns.map((c) => c.width)];

  const put = (row: number, from: number, to: number, text: string, style: Style = {}): void => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = safeCellText(text);
    cell.font = {
      name: FONT,
      size: style.size ?? 12,
      bold: style.bold,
      italic: style.italic,
      underline: style.underline,
      color: style.color ? { argb: style.color } : undefined,
    };
    cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
  };

  // Header blocks: form code and circular (top right); superior and unit (left), national motto (right).
  put(LAYOUT.formCode, rightStart, columnCount, code, { bold: true });
  put(LAYOUT.circular, rightStart, columnCount, circularLine(input), { italic: true, size: 10 });
  put(LAYOUT.superior, 1, leftEnd, upper(input.unit.parentName || MINISTRY));
  put(LAYOUT.superior, rightStart, columnCount, NATIONAL_MOTTO, { bold: true });
  put(LAYOUT.unitName, 1, leftEnd, upper(input.unit.name), { bold: true, underline: true });
  put(LAYOUT.unitName, rightStart, columnCount, MOTTO_SUBTITLE, { bold: true, underline: true });
  put(LAYOUT.title, 1, columnCount, upper(input.formVersion.title), { bold: true, size: 14 });
  put(LAYOUT.period, 1, columnCount, periodLine(input.period), { italic: true });
  put(LAYOUT.reportingUnit, 1, columnCount, `Đơn vị báo cáo: ${input.unit.name}`, { align: 'left' });
  put(LAYOUT.recipient, 1, columnCount, `Đơn vị nhận báo cáo: ${input.recipientName || '…'}`, { align: 'left' });
  const draft = input.status.kind === 'draft';
  put(LAYOUT.status, 1, columnCount, `Tình trạng số liệu: ${statusText(input.status)}`, {
    align: 'left',
    italic: !draft,
    bold: draft,
    size: 10,
    color: draft ? 'FFC00000' : undefined,
  });
  sheet.getRow(LAYOUT.superior).height = 18;
  sheet.getRow(LAYOUT.unitName).height = lineCount(upper(input.unit.name), span(widths, 0, leftEnd - 1)) * 16 + 2;
  sheet.getRow(LAYOUT.title).height = 22;

  // Table header: merged cells, then the column numbers row.
  const headerHeights = Array.from({ length: table.headerRows }, () => 18);
  const headerStyle = { name: FONT, size: tableSize, bold: true };
  for (const h of table.header) {
    const row = LAYOUT.tableStart + h.row;
    const col = 1 + h.col;
    if (h.rowSpan > 1 || h.colSpan > 1) sheet.mergeCells(row, col, row + h.rowSpan - 1, col + h.colSpan - 1);
    const cell = sheet.getCell(row, col);
    cell.value = safeCellText(h.text);
    cell.font = headerStyle;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const needed = lineCount(h.text, span(widths, h.col, h.col + h.colSpan - 1)) * (tableSize + 3) + 4;
    const last = h.row + h.rowSpan - 1;
    const have = headerHeights.slice(h.row, last + 1).reduce((a, b) => a + b, 0);
    if (needed > have) headerHeights[last] += needed - have;
  }
  headerHeights.forEach((height, i) => (sheet.getRow(LAYOUT.tableStart + i).height = height));
  for (let r = LAYOUT.tableStart; r < numbersRow; r++) for (let c = 1; c <= columnCount; c++) sheet.getCell(r, c).border = THIN;
  table.numbers.forEach((number, i) => {
    const cell = sheet.getCell(numbersRow, i + 1);
    cell.value = safeCellText(number);
    cell.font = { name: FONT, size: tableSize - 1, italic: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = THIN;
  });

  // Lines.
  const keys: [string, string, string, string][] = [];
  table.lines.forEach((line, index) => {
    const r = firstLine + index;
    // Headings, the total and subtotals in bold; on the commune form also its top-level rows.
    const bold = line.style === 'row' ? line.depth === 0 : line.style !== 'unit';
    const font = { name: FONT, size: tableSize, bold };
    const numberCell = sheet.getCell(r, 1);
    numberCell.value = line.number ? safeCellText(line.number) : null;
    numberCell.font = font;
    numberCell.alignment = { horizontal: 'center', vertical: 'middle' };
    numberCell.border = THIN;
    const labelCell = sheet.getCell(r, 2);
    labelCell.value = safeCellText(line.label);
    labelCell.font = font;
    labelCell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true, indent: line.style === 'section' ? 0 : line.depth };
    labelCell.border = THIN;
    const lines = lineCount(line.label, table.labelWidth - 2 * line.depth);
    if (lines > 1) sheet.getRow(r).height = lines * (tableSize + 4) + 2;
    line.cells.forEach((tableCell, c) => {
      const cell = sheet.getCell(r, 3 + c);
      cell.value = tableCell.grey ? null : tableCell.value;
      cell.font = font;
      cell.numFmt = NUMBER_FORMAT;
      cell.alignment = { horizontal: 'right', vertical: 'middle' };
      cell.border = THIN;
      if (tableCell.grey) cell.fill = GREY;
      else if (tableCell.column && line.key) keys.push([cell.address, line.key, tableCell.column, cellKey(line.key, tableCell.column)]);
    });
  });

  // Signature block and footer.
  const sign = firstLine + table.lines.length + 1;
  put(sign, rightStart, columnCount, PLACE_AND_DATE, { italic: true });
  put(sign + 1, 1, leftEnd, PREPARER, { bold: true });
  put(sign + 1, rightStart, columnCount, signatureTitle(input), { bold: true });
  put(sign + 2, 1, leftEnd, PREPARER_NOTE, { italic: true, size: 11 });
  put(sign + 2, rightStart, columnCount, HEAD_NOTE, { italic: true, size: 11 });
  put(sign + 7, 1, columnCount, footerLine(input), { italic: true, size: 9, align: 'left' });

  writeKeysSheet(workbook.addWorksheet(KEYS_SHEET, { state: 'hidden' }), input, sheet.name, keys);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeKeysSheet(sheet: ExcelJS.Worksheet, input: ReportExportInput, mainSheet: string, keys: readonly string[][]): void {
  sheet.columns = [{ width: 8 }, { width: 22 }, { width: 26 }, { width: 40 }, { width: 2 }, { width: 12 }, { width: 40 }];
  sheet.getRow(1).values = [...KEYS_HEADER];
  keys.forEach((entry, i) => (sheet.getRow(i + 2).values = entry.map(safeCellText)));
  const meta: [string, string][] = [
    ['sheet', mainSheet],
    ['form', input.formVersion.code],
    ['version', input.formVersion.key],
    ['level', input.level],
    ['unitCode', input.unit.code],
    ['unitName', input.unit.name],
    ['period', periodKey(input.period)],
    ['status', input.status.kind],
    ['generatedAt', input.generatedAt.toISOString()],
  ];
  meta.forEach(([key, value], i) => {
    sheet.getCell(i + 1, 6).value = key;
    sheet.getCell(i + 1, 7).value = safeCellText(value);
  });
}

/** Sheet names cannot hold : \ / ? * [ ] and have at most 31 characters. */
function sheetName(code: string): string {
  return code
    .replace(/:/g, '')
    .replace(/[\\/?*[\]]/g, '-')
    .slice(0, 31);
}

function span(widths: readonly number[], from: number, to: number): number {
  return widths.slice(from, to + 1).reduce((a, b) => a + b, 0);
}

/** Lines a text wraps to in a cell of a width in characters (roughly: Vietnamese letters are narrow). */
function lineCount(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor(width * 1.1) - 1);
  return Math.max(1, Math.ceil(text.length / perLine));
}
