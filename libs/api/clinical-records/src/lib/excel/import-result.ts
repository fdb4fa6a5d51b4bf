import { openXlsx, writeXlsx, XlsxCell, XlsxColumn, XlsxLimits, XlsxRow } from '@skss/api/core';
import type { Writable } from 'node:stream';
import { DATA_SHEET, ExcelLayout } from './excel-layout';
import { columnFormat } from './excel-template';
import { dataRows, detectMapping, ImportProblem, notATemplate } from './import-parser';
import { Outcome, OUTCOME_LABELS } from './import-records';

export interface RowOutcome {
  outcome: Outcome;
  errors: ImportProblem[] | null;
  /** For the 2nd… rows of a group: the group's first row. */
  group: number | null;
}

const HEAD_ROWS = 10;

/** The problems of a row as one cell: "Cột D (Ngày khám thai *): … ; …". */
export function problemsText(outcome: RowOutcome | undefined): string | null {
  if (!outcome) return null;
  const texts = (outcome.errors ?? []).map((problem) => {
    const where = problem.column ? `Cột ${problem.column}${problem.header ? ` (${problem.header})` : ''}: ` : '';
    return `${problem.severity === 'warning' ? 'Lưu ý: ' : ''}${where}${problem.message} [${problem.code}]`;
  });
  if (!texts.length && outcome.outcome === 'invalid' && outcome.group !== null) texts.push(`Bản ghi này có lỗi ở dòng ${outcome.group}`);
  return texts.length ? texts.join('; ') : null;
}

/**
 * The result file of an import: the stored file's data sheet as it was uploaded (hidden key row
 * kept, so the file can be corrected and uploaded again), with two more columns: the outcome of
 * each row and its problems. Re-read under the same limits as the upload.
 */
export async function writeImportResult(
  output: Writable,
  layout: ExcelLayout,
  file: Buffer,
  limits: XlsxLimits,
  outcomes: ReadonlyMap<number, RowOutcome>,
): Promise<number> {
  const workbook = await openXlsx(file, limits, { dates: false });
  const iterator = dataRows(workbook)[Symbol.asyncIterator]();
  const head: XlsxRow[] = [];
  while (head.length < HEAD_ROWS) {
    const step = await iterator.next();
    if (step.done) break;
    head.push(step.value);
  }
  const mapping = detectMapping(layout, head);
  if (!mapping) throw notATemplate();
  const keyRow = head.find(
    (row) =>
      row.cells.some((cell) => typeof cell === 'string' && mapping.columns.get(cell) !== undefined) && row.number < mapping.headerRow,
  );
  const headerRow = head.find((row) => row.number === mapping.headerRow);
  const width = Math.max(
    keyRow?.cells.length ?? 0,
    headerRow?.cells.length ?? 0,
    ...[...mapping.columns.values()].map((index) => index + 1),
  );
  const fieldAt = new Map([...mapping.columns].map(([key, index]) => [index, layout.columns.find((column) => column.key === key)?.field]));
  const columns: XlsxColumn[] = Array.from({ length: width }, (_, index) => {
    const field = fieldAt.get(index);
    const format = field ? columnFormat(field) : undefined;
    return { header: String(headerRow?.cells[index] ?? ''), width: 16, numFmt: format === '@' ? undefined : format };
  });
  columns.push({ header: 'Kết quả nhập', width: 20 }, { header: 'Lỗi', width: 80 });
  const keys = keyRow ? [...Array.from({ length: width }, (_, index) => String(keyRow.cells[index] ?? '')), '', ''] : undefined;

  const lastHeaderRow = mapping.headerRow;

  async function* rows(): AsyncGenerator<XlsxCell[]> {
    const emit = (row: XlsxRow): XlsxCell[] | null => {
      if (row.number <= lastHeaderRow) return null;
      const outcome = outcomes.get(row.number);
      const cells: XlsxCell[] = Array.from({ length: width }, (_, index) => row.cells[index] ?? null);
      cells.push(outcome ? OUTCOME_LABELS[outcome.outcome] : null, problemsText(outcome));
      return cells;
    };
    for (const row of head) {
      const cells = emit(row);
      if (cells) yield cells;
    }
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) {
      const cells = emit(step.value);
      if (cells) yield cells;
    }
  }

  return writeXlsx(output, [{ name: DATA_SHEET, columns, keys, rows: rows() }]);
}
