import { FacilityKind, FormLevel, formVersionOn, isCellApplicable, ReportFormCode, UnitFormVersion } from '@skss/domain';

/**
 * Biểu 4–8 of an aggregating unit as the screen shows it: the lines the API computed (total, subtotals, one per
 * reporting unit) with their grey cells from the form definitions of `@skss/domain`, units numbered within their group
 * and indented under it. Framework free, so that it is unit tested.
 */

/** Biểu 4–8: the forms compiled as one line per reporting unit. */
export const AGGREGATE_FORMS = ['maternal-care', 'obstetric-complications', 'gynaecology', 'family-planning', 'child-health'] as const;
export type AggregateForm = (typeof AGGREGATE_FORMS)[number];

export function isAggregateForm(value: unknown): value is AggregateForm {
  return typeof value === 'string' && (AGGREGATE_FORMS as readonly string[]).includes(value);
}

/** Facilities that compile Biểu 4–8 of the units below them (district health centres, Departments of Health, CDCs, the ministry). */
export const AGGREGATING_KINDS: readonly FacilityKind[] = [
  'DISTRICT_HEALTH_CENTER',
  'DEPARTMENT_OF_HEALTH',
  'CDC',
  'MCH_DEPARTMENT',
  'NCHI',
];

/** The spans of a period view: a month, or the quarter, half year, nine months or year that holds it. */
export const PERIOD_SPANS = ['month', 'quarter', 'half', 'nine', 'year'] as const;
export type PeriodSpan = (typeof PERIOD_SPANS)[number];

/** The API's period key of a span ending in (or holding) a month: 2025-09 → 2025-09, 2025-Q3, 2025-H2, 2025-9M, 2025. */
export function periodKeyOf(month: string, span: PeriodSpan): string {
  const [year, m] = [month.slice(0, 4), Number(month.slice(5, 7))];
  switch (span) {
    case 'month':
      return month;
    case 'quarter':
      return `${year}-Q${Math.ceil(m / 3)}`;
    case 'half':
      return `${year}-H${m <= 6 ? 1 : 2}`;
    case 'nine':
      return `${year}-9M`;
    case 'year':
      return year;
  }
}

/** A line as the API answers it (`AggregateLineDto`). */
export interface AggregateLineInput {
  readonly key: string;
  readonly kind: 'group' | 'unit' | 'district';
  readonly group: string;
  readonly number: string | null;
  readonly label: string;
  readonly rowKind: 'facility' | 'commune' | null;
  readonly values: Readonly<Record<string, number | null>>;
  readonly missingMonths: readonly string[];
}

export interface AggregateCell {
  readonly column: string;
  /** Null: grey, not collected, or missing (shown empty, not zero). */
  readonly value: number | null;
  readonly grey: boolean;
  readonly notCollected: boolean;
}

export interface AggregateRow {
  readonly key: string;
  readonly style: 'total' | 'group' | 'unit';
  readonly number: string;
  readonly label: string;
  readonly depth: number;
  /** A unit line with months whose commune report is not approved. */
  readonly missing: boolean;
  readonly cells: readonly AggregateCell[];
}

/** The lines of an aggregate of `form` in the version of `month` (its first month) at `level`. */
export function aggregateRows(form: ReportFormCode, month: string, level: FormLevel, lines: readonly AggregateLineInput[]): AggregateRow[] {
  const version = formVersionOn(form, month);
  if (version.layout !== 'units') throw new RangeError(`${form} is not a unit form`);
  const groups = version.views[level] ?? [];
  const parentOf = new Map(groups.map((g) => [g.key, g.parent]));
  const depthOf = (key: string): number => {
    const parent = parentOf.get(key);
    return parent ? 1 + depthOf(parent) : 0;
  };
  let number = 0;
  return lines.map((line) => {
    const isGroup = line.kind === 'group';
    number = isGroup ? 0 : number + 1;
    return {
      key: line.key,
      style: isGroup ? (parentOf.get(line.group) === null ? 'total' : 'group') : 'unit',
      number: isGroup ? (line.number ?? '') : String(number),
      label: line.label,
      depth: depthOf(line.group) + (isGroup ? 0 : 1),
      missing: line.missingMonths.length > 0,
      cells: version.columns.map((column) => cellOf(version, line, column.key)),
    };
  });
}

function cellOf(version: UnitFormVersion, line: AggregateLineInput, column: string): AggregateCell {
  // A unit line is grey where its own kind of row is; a subtotal where none of the rows it sums applies.
  const rows = line.kind === 'unit' ? (line.rowKind ?? line.group) : line.group;
  const grey = !isCellApplicable(version, rows, column);
  const source = version.columns.find((c) => c.key === column)?.source.kind;
  const value = line.values[column];
  return { column, value: grey || typeof value !== 'number' ? null : value, grey, notCollected: !grey && source === 'notCollected' };
}
