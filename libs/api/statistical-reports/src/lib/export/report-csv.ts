import { neutralizeFormula } from '@skss/api/core';
import { periodKey } from './paper-text';
import { ReportExportInput } from './report-export.types';
import { ReportTable } from './report-table';

/** Byte order mark: Excel reads a CSV as UTF-8 (Vietnamese intact) only when it starts with one. */
export const CSV_BOM = '\uFEFF';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Columns of the long CSV layout: one line per cell of the form. */
export const CSV_HEADER = [
  'form',
  'version',
  'level',
  'unit_code',
  'period',
  'row_key',
  'column_key',
  'row_label',
  'column_label',
  'value',
] as const;

/**
 * The report as CSV (README "Export"): UTF-8 with a BOM, RFC 4180 quoting, CRLF line ends, one line
 * per cell that exists on the form (grey cells are left out; an empty value is a cell that is not
 * collected or has no number), in print order, subtotals and the total included.
 */
export function buildReportCsv(input: ReportExportInput, table: ReportTable): string {
  const common = [input.formVersion.code, input.formVersion.key, input.level, input.unit.code, periodKey(input.period)];
  const lines = [CSV_HEADER.join(',')];
  for (const line of table.lines) {
    if (!line.key) continue;
    line.cells.forEach((cell, c) => {
      if (cell.grey || !cell.column) return;
      const fields: (string | number | null)[] = [...common, line.key, cell.column, line.label, table.columns[c].label, cell.value];
      lines.push(fields.map(csvField).join(','));
    });
  }
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** A field: numbers as they are; texts formula-neutral, quoted when they hold a comma, a quote or a line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
