import { CellValues, COMMUNE_ROWS, emptyCommuneValues } from '@skss/domain';
import { CellsProfile, COMMUNE_STATEMENTS, computeCells, withIndicatorCells } from './commune-cells';
import { ALL_FACILITY_INDICATORS } from './facility-choices';
import { managedEpisodesStatement } from './maternal-statements';
import { SqlRunner } from './sql-runner';

/** Stock rows (I.1, I.1.1: episodes managed at the end of the month): a station's, grey for facility rows. */
const STOCK_ROWS: ReadonlySet<string> = new Set(COMMUNE_ROWS.filter((r) => r.aggregation === 'last').map((r) => r.key));

/** A facility's cells: the commune rows without the stock rows and without CSYT khác, and every facility indicator at zero. */
function emptyFacilityValues(): CellValues {
  const values: CellValues = {};
  for (const [row, columns] of Object.entries(emptyCommuneValues())) {
    if (STOCK_ROWS.has(row)) continue;
    values[row] = Object.fromEntries(Object.entries(columns).filter(([column]) => column !== 'other'));
  }
  return withIndicatorCells(values, ALL_FACILITY_INDICATORS);
}

/**
 * The rows of Biểu 4–8 that a facility other than a commune station fills from its own registers
 * (report-rules §4–5): the commune rules with the facility as S and "at the facility" as place
 * FACILITY, without the CSYT khác column (other facilities' events of S's residents are a
 * commune's notion) and without the episode stock rows (grey for facility rows), plus the facility
 * indicators of docs/report-forms.md §3. The same statements as the commune form's.
 */
export const FACILITY_PROFILE: CellsProfile = {
  statements: COMMUNE_STATEMENTS.filter((build) => build !== managedEpisodesStatement),
  otherColumn: false,
  indicators: ALL_FACILITY_INDICATORS,
  empty: emptyFacilityValues(),
};

/**
 * The cells of every facility in `facilityIds` for `month` ('YYYY-MM'): district health centres
 * and hospitals before the reform, provincial, central and sector facilities, private clinics.
 * One statement per register over all the facilities; every asked facility is in the answer.
 * Row keys are the commune rows' (column 'station' is "at the facility") and the facility
 * indicator keys (column 'total').
 */
export function computeFacilityCells(db: SqlRunner, facilityIds: readonly number[], month: string): Promise<Map<number, CellValues>> {
  return computeCells(db, facilityIds, month, FACILITY_PROFILE);
}
