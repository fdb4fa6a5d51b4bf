import {
  CellValues,
  COLUMNS_OF,
  COMMUNE_ROWS,
  communeRow,
  emptyCommuneValues,
  FACILITY_INDICATOR_COLUMN,
  isFacilityIndicatorKey,
  PLACE_COLUMNS,
} from '@skss/domain';
import { COMMUNE_ROW_INDICATORS } from './facility-choices';
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

/** Builds one statement for some stations and a month. */
export type StatementBuilder = (input: StatementInput) => CommuneStatement;

/** Every statement of the commune form, in the order they are sent. */
export const COMMUNE_STATEMENTS: readonly StatementBuilder[] = [
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

/**
 * What differs between the kinds of unit the statements compute (one mechanism, the same rules):
 * which statements, whether the CSYT khác column is computed, which facility indicators are added,
 * and the values a unit starts from (every cell it has, at zero).
 */
export interface CellsProfile {
  readonly statements: readonly StatementBuilder[];
  readonly otherColumn: boolean;
  readonly indicators: readonly string[];
  readonly empty: CellValues;
}

/** Adds a zero `total` cell for each indicator to a copy of `values`. */
export function withIndicatorCells(values: CellValues, indicators: readonly string[]): CellValues {
  const copy: CellValues = { ...values };
  for (const key of indicators) copy[key] = { [FACILITY_INDICATOR_COLUMN]: 0 };
  return copy;
}

/** The commune form of a station (report-rules.md): every row and column. */
export const COMMUNE_PROFILE: CellsProfile = {
  statements: COMMUNE_STATEMENTS,
  otherColumn: true,
  indicators: [],
  empty: emptyCommuneValues(),
};

/**
 * What a commune report stores (docs/report-forms.md §3, choice): the commune form and the facility
 * indicators its commune row of Báo cáo 6 and 7 shows.
 */
export const COMMUNE_REPORT_PROFILE: CellsProfile = {
  ...COMMUNE_PROFILE,
  indicators: COMMUNE_ROW_INDICATORS,
  empty: withIndicatorCells(emptyCommuneValues(), COMMUNE_ROW_INDICATORS),
};

/** The statements of a profile for some units and a month. */
export function profileStatements(profile: CellsProfile, unitIds: readonly number[], month: string): CommuneStatement[] {
  const { first, last } = monthBounds(month);
  const input: StatementInput = {
    stationIds: [...new Set(unitIds)],
    first,
    last,
    otherColumn: profile.otherColumn,
    indicators: profile.indicators,
  };
  return profile.statements.map((build) => build(input));
}

/**
 * The statements for some stations and a month (what `computeCommuneCells` sends); with
 * `indicators`, also the facility indicators of the commune rows of Báo cáo 6 and 7.
 */
export function communeStatements(
  stationIds: readonly number[],
  month: string,
  options: { indicators?: boolean } = {},
): CommuneStatement[] {
  return profileStatements(options.indicators ? COMMUNE_REPORT_PROFILE : COMMUNE_PROFILE, stationIds, month);
}

type ResultRow = Record<string, unknown> & { station_id: number; col: string };

/**
 * Adds a statement's result rows to the stations' values: measure i of a row with column `col`
 * goes to cell (measure.row, [part.]col) when the row has that column (a plain-row measure computed
 * for the CSYT khác column is dropped on rows without it).
 */
export function addStatementRows(values: Map<number, CellValues>, statement: CommuneStatement, rows: readonly ResultRow[]): void {
  const targets = statement.measures.map((measure, i) => {
    if (isFacilityIndicatorKey(measure.row)) {
      // A facility indicator counts S's own rows: Tại TYT and Ngoài CSYT, never CSYT khác.
      const own = new Map(['station', 'outside'].map((col) => [col, FACILITY_INDICATOR_COLUMN]));
      return { row: measure.row, alias: `m${i}`, cellColumn: own };
    }
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
      const cell = column ? cells[target.row] : undefined;
      if (column && cell && column in cell) cell[column] += Number(row[target.alias] ?? 0);
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

/** A copy of a profile's empty values (hundreds of units at a time, from one template). */
function emptyValues(template: CellValues): CellValues {
  const values: CellValues = {};
  for (const key in template) values[key] = { ...template[key] };
  return values;
}

/**
 * The cells of every unit in `unitIds` for `month` under a profile: a handful of set-based
 * statements, each over all the units, run concurrently on `db`. Every asked unit is in the
 * answer, with zeros where nothing counts.
 */
export async function computeCells(
  db: SqlRunner,
  unitIds: readonly number[],
  month: string,
  profile: CellsProfile,
): Promise<Map<number, CellValues>> {
  const values = new Map<number, CellValues>();
  for (const id of unitIds) if (!values.has(id)) values.set(id, emptyValues(profile.empty));
  if (values.size === 0) return values;
  const statements = profileStatements(profile, [...values.keys()], month);
  const results = await Promise.all(statements.map((s) => db.query<ResultRow>(s.sql, s.params)));
  statements.forEach((statement, i) => addStatementRows(values, statement, results[i]));
  for (const cells of values.values()) fillTotals(cells);
  return values;
}

/**
 * The commune form (report-rules.md) of every station in `stationIds` for `month` ('YYYY-MM'):
 * a handful of set-based statements, each over all the stations, run concurrently on `db`.
 * Every asked station is in the answer, with zeros where nothing counts. With `indicators`, the
 * values also hold the facility indicators of the commune rows of Báo cáo 6 and 7
 * (COMMUNE_ROW_INDICATORS), as a commune report stores them.
 */
export function computeCommuneCells(
  db: SqlRunner,
  stationIds: readonly number[],
  month: string,
  options: { indicators?: boolean } = {},
): Promise<Map<number, CellValues>> {
  return computeCells(db, stationIds, month, options.indicators ? COMMUNE_REPORT_PROFILE : COMMUNE_PROFILE);
}
