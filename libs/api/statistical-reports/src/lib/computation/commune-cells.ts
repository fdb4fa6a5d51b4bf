import { CellValues, COLUMNS_OF, COMMUNE_ROWS, communeRow, emptyCommuneValues, PLACE_COLUMNS } from '@skss/domain';
import {
  ancVisitsStatement,
  complicationsStatement,
  deliveriesStatement,
  managedEpisodesStatement,
  postnatalStatement,
  registeredEpisodesStatement,
} from './maternal-statements';
import { abortionsStatement, contraceptionStatement, deathsStatement, gynaecologyStatement, hpvStatement } from './register-statements';
import { monthBounds } from './sql-fragments';
import { SqlRunner } from './sql-runner';
import { CommuneStatement, StatementInput } from './statement-context';

/** Every statement of the commune form, in the order they are sent. */
export const COMMUNE_STATEMENTS: readonly ((input: StatementInput) => CommuneStatement)[] = [
  managedEpisodesStatement,
  registeredEpisodesStatement,
  ancVisitsStatement,
  deliveriesStatement,
  postnatalStatement,
  complicationsStatement,
  deathsStatement,
  gynaecologyStatement,
  hpvStatement,
  contraceptionStatement,
  abortionsStatement,
];

/** The statements for some stations and a month (what `computeCommuneCells` sends). */
export function communeStatements(stationIds: readonly number[], month: string): CommuneStatement[] {
  const { first, last } = monthBounds(month);
  const input: StatementInput = { stationIds: [...new Set(stationIds)], first, last };
  return COMMUNE_STATEMENTS.map((build) => build(input));
}

type ResultRow = Record<string, unknown> & { station_id: number; col: string };

/**
 * Adds a statement's result rows to the stations' values: measure i of a row with column `col`
 * goes to cell (measure.row, [part.]col) when the row has that column (a plain-row measure computed
 * for the CSYT khác column is dropped on rows without it).
 */
export function addStatementRows(values: Map<number, CellValues>, statement: CommuneStatement, rows: readonly ResultRow[]): void {
  const targets = statement.measures.map((measure, i) => {
    const formRow = communeRow(measure.row);
    if (!formRow) throw new Error(`Statement ${statement.name}: no form row ${measure.row}`);
    const columns = COLUMNS_OF[formRow.columns];
    // The cell column of each result column, or none when the row does not have it.
    const cellColumn = new Map<string, string>();
    for (const col of ['station', 'outside', 'other', 'total']) {
      const column = measure.part ? `${measure.part}.${col}` : col;
      if (columns.includes(column)) cellColumn.set(col, column);
    }
    return { row: measure.row, alias: `m${i}`, cellColumn };
  });
  for (const row of rows) {
    const cells = values.get(Number(row.station_id));
    if (!cells) continue;
    for (const target of targets) {
      const column = target.cellColumn.get(row.col);
      if (column) cells[target.row][column] += Number(row[target.alias] ?? 0);
    }
  }
}

/** Each row's (Tổng số, Tại TYT, Ngoài CSYT) column keys, per part (cases, deaths, male, female), once. */
const TOTALS: readonly (readonly [row: string, total: string, station: string, outside: string])[] = COMMUNE_ROWS.flatMap((row) => {
  if (row.columns === 'totalOnly') return [];
  const parts = row.columns === 'complication' ? ['cases.', 'deaths.'] : row.columns === 'sex' ? ['male.', 'female.'] : [''];
  return parts.map((part) => [row.key, ...PLACE_COLUMNS.map((c) => `${part}${c}`)] as [string, string, string, string]);
});

/** Tổng số = Tại TYT + Ngoài CSYT on every row that has the two (per part: cases, deaths, male, female). */
export function fillTotals(cells: CellValues): void {
  for (const [row, total, station, outside] of TOTALS) cells[row][total] = cells[row][station] + cells[row][outside];
}

const EMPTY = emptyCommuneValues();

/** `emptyCommuneValues()`, copied from one template (hundreds of stations at a time). */
function emptyValues(): CellValues {
  const values: CellValues = {};
  for (const key in EMPTY) values[key] = { ...EMPTY[key] };
  return values;
}

/**
 * The commune form (report-rules.md) of every station in `stationIds` for `month` ('YYYY-MM'):
 * a handful of set-based statements, each over all the stations, run concurrently on `db`.
 * Every asked station is in the answer, with zeros where nothing counts.
 */
export async function computeCommuneCells(db: SqlRunner, stationIds: readonly number[], month: string): Promise<Map<number, CellValues>> {
  const values = new Map<number, CellValues>();
  for (const id of stationIds) if (!values.has(id)) values.set(id, emptyValues());
  if (values.size === 0) return values;
  const statements = communeStatements([...values.keys()], month);
  const results = await Promise.all(statements.map((s) => db.query<ResultRow>(s.sql, s.params)));
  statements.forEach((statement, i) => addStatementRows(values, statement, results[i]));
  for (const cells of values.values()) fillTotals(cells);
  return values;
}
