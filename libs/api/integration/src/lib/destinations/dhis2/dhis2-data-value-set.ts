/** Where one report cell goes in DHIS2. */
export interface Dhis2CellTarget {
  dataElement: string;
  categoryOptionCombo?: string | null;
}

/** The mapping of one report form: its data set and its cells, keyed "<row>/<column>". */
export interface Dhis2FormMap {
  dataSet: string;
  cells: Readonly<Record<string, Dhis2CellTarget>>;
}

export interface ReportValues {
  form: string;
  /** 'YYYY-MM' */
  month: string;
  values: Readonly<Record<string, Readonly<Record<string, number | null>>>>;
}

export interface Dhis2DataValue {
  dataElement: string;
  categoryOptionCombo?: string;
  value: string;
}

/** The JSON body of DHIS2 POST /api/dataValueSets (anchors-reference §4.1). */
export interface Dhis2DataValueSet {
  dataSet: string;
  period: string;
  orgUnit: string;
  completeDate: string;
  dataValues: Dhis2DataValue[];
}

export const cellKey = (row: string, column: string) => `${row}/${column}`;

/**
 * A report's values as a DHIS2 data value set: one data value per mapped cell that has a value
 * (an empty cell is not sent), period YYYYMM. Cells the mapping lacks are returned, not sent.
 */
export function buildDataValueSet(
  report: ReportValues,
  map: Dhis2FormMap,
  orgUnit: string,
  completeDate: string,
): { dataValueSet: Dhis2DataValueSet; unmapped: string[] } {
  const dataValues: Dhis2DataValue[] = [];
  const unmapped: string[] = [];
  for (const [row, columns] of Object.entries(report.values)) {
    for (const [column, value] of Object.entries(columns ?? {})) {
      if (value === null || value === undefined) continue;
      const target = map.cells[cellKey(row, column)];
      if (!target) {
        unmapped.push(cellKey(row, column));
        continue;
      }
      dataValues.push({
        dataElement: target.dataElement,
        ...(target.categoryOptionCombo ? { categoryOptionCombo: target.categoryOptionCombo } : {}),
        value: String(value),
      });
    }
  }
  return {
    dataValueSet: { dataSet: map.dataSet, period: report.month.replace('-', ''), orgUnit, completeDate, dataValues },
    unmapped: unmapped.sort(),
  };
}

/** The part of a DHIS2 import summary worth keeping (2.38+ wraps it in `response`). */
export function importSummary(answer: unknown): Record<string, unknown> | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const outer = answer as Record<string, unknown>;
  const inner = (outer['response'] && typeof outer['response'] === 'object' ? outer['response'] : outer) as Record<string, unknown>;
  const conflicts = Array.isArray(inner['conflicts']) ? (inner['conflicts'] as unknown[]).slice(0, 50) : [];
  return { status: inner['status'] ?? outer['status'] ?? null, importCount: inner['importCount'] ?? null, conflicts };
}
