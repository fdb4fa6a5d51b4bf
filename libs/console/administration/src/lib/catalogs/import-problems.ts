import type { FieldProblem } from '@skss/console/ui';

/** The columns of a catalog file, as the API names them in `rows.<row>.<column>`. */
export const IMPORT_COLUMNS = ['code', 'name', 'nameEn', 'sortOrder'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** One problem of an imported file: the row the spreadsheet shows (null for the file itself), its column, the API's text. */
export interface ImportProblem {
  readonly row: number | null;
  readonly column: ImportColumn | null;
  readonly code: string;
  readonly message: string;
}

const ROW_FIELD = /^rows\.(\d+)(?:\.(\w+))?$/;
const COLUMN_FIELD = /^columns\.(\w+)$/;

const asColumn = (name: string | undefined): ImportColumn | null =>
  name !== undefined && (IMPORT_COLUMNS as readonly string[]).includes(name) ? (name as ImportColumn) : null;

/**
 * The problems of a refused import (the API's `details[]`: `rows.12.name`, `columns.code` for a missing header,
 * `file`…) in the order of the file: problems of the file or its header first, then row by row.
 */
export function importProblems(details: readonly FieldProblem[]): ImportProblem[] {
  const problems = details.map((detail): ImportProblem => {
    const row = ROW_FIELD.exec(detail.field);
    if (row) return { row: Number(row[1]), column: asColumn(row[2]), code: detail.code, message: detail.message };
    const column = COLUMN_FIELD.exec(detail.field);
    return { row: null, column: asColumn(column?.[1]), code: detail.code, message: detail.message };
  });
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.row ?? 0) - (b.problem.row ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
}
