import { DomainError } from '@skss/api/core';
import { COLUMNS_OF, communeRow, FACILITY_INDICATOR_COLUMN, isFacilityIndicatorKey } from '@skss/domain';
import { COMMUNE_REPORT_PROFILE, profileStatements } from '../computation/commune-cells';
import { monthBounds } from '../computation/sql-fragments';
import { SqlRunner } from '../computation/sql-runner';
import { CommuneStatement, listingSql } from '../computation/statement-context';
import { Measure } from '../computation/sql-fragments';

/** A cell of a station's commune form for a month: row key and column key as in report-rules.md (`I.5`, `other`). */
export interface CellRowsRequest {
  readonly stationId: number;
  readonly month: string;
  readonly row: string;
  readonly column: string;
}

/** One register row behind a cell, as the caller may see it. */
export interface CellRow {
  /** The register table (`anc_visit`, `delivery`, …) and the row's id. */
  readonly register: string;
  readonly id: string;
  /** The date that put it in the month (visit, delivery, onset, death …). */
  readonly date: string;
  /** The statement column it counts in: 'station', 'outside', 'other' or 'total'. */
  readonly column: string;
  /** What it adds to the cell: 1, or the number of newborns of a delivery on the newborn rows. */
  readonly count: number;
  readonly facility: { readonly id: number; readonly code: string; readonly name: string };
  /** The person as the register lists show her (full name, identifiers not shown); null when out of the caller's sight. */
  readonly person: { readonly id: string | null; readonly fullName: string } | null;
}

export interface CellRows {
  readonly stationId: number;
  readonly month: string;
  readonly row: string;
  readonly column: string;
  /** The cell's value: the counts of every row behind it, seen or not. */
  readonly value: number;
  readonly rows: readonly CellRow[];
  /** Rows behind the cell the caller may not see (other facilities' rows in CSYT khác): counted, not listed. */
  readonly notVisible: { readonly rows: number; readonly count: number };
}

/**
 * What the caller may see, from the scope mechanism: which of some register rows, with the name a
 * death row carries; and the full names of the persons it may see.
 */
export interface VisibleRecords {
  rows(register: string, ids: readonly string[]): Promise<ReadonlyMap<string, { name: string | null }>>;
  persons(ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

interface ListedRow {
  station_id: number;
  col: string;
  register: string;
  id: string;
  date: string;
  person_id: string | null;
  facility_id: number;
  n: number;
}

const unknownCell = () => new DomainError('UNKNOWN_CELL', 'Biểu xã không có ô này', 400);
const notAStation = () => new DomainError('FACILITY_NOT_FOUND', 'Không tìm thấy trạm y tế xã', 404);

/** The statement columns a cell column sums: Tổng số is Tại TYT + Ngoài CSYT; a total-only row has only 'total'. */
function statementColumns(row: string, column: string): { part: string | undefined; cols: string[] } {
  if (isFacilityIndicatorKey(row)) {
    if (column !== FACILITY_INDICATOR_COLUMN) throw unknownCell();
    return { part: undefined, cols: ['station', 'outside'] };
  }
  const formRow = communeRow(row);
  if (!formRow || !COLUMNS_OF[formRow.columns].includes(column)) throw unknownCell();
  const dot = column.lastIndexOf('.');
  const part = dot < 0 ? undefined : column.slice(0, dot);
  const col = dot < 0 ? column : column.slice(dot + 1);
  if (formRow.columns === 'totalOnly') return { part, cols: ['total'] };
  return { part, cols: col === 'total' ? ['station', 'outside'] : [col] };
}

/** The statement and measure that count a row (and part) of the commune form. */
function measureOf(statements: readonly CommuneStatement[], row: string, part: string | undefined): [CommuneStatement, Measure] {
  for (const statement of statements) {
    const measure = statement.measures.find((m) => m.row === row && m.part === part);
    if (measure) return [statement, measure];
  }
  throw unknownCell();
}

/**
 * The register rows behind one cell of a station's commune form (report-rules.md): the rows of the
 * same statement that counts the cell, filtered by the same predicate (statement-context
 * `listingSql`), so that their counts add up to the cell. Rows the caller may not see (another
 * facility's, in CSYT khác) are counted in `notVisible`, not listed.
 */
export async function cellRows(db: SqlRunner, visible: VisibleRecords, request: CellRowsRequest): Promise<CellRows> {
  monthBounds(request.month);
  const { part, cols } = statementColumns(request.row, request.column);
  const station = await db.query<{ kind: string }>(`SELECT f.kind::text AS kind FROM facility f WHERE f.id = $1::int`, [request.stationId]);
  if (station[0]?.kind !== 'COMMUNE_HEALTH_STATION') throw notAStation();
  const statements = profileStatements(COMMUNE_REPORT_PROFILE, [request.stationId], request.month);
  const [statement, measure] = measureOf(statements, request.row, part);
  const listing = listingSql(statement, { stationId: request.stationId, cols, measure });
  const listed = await db.query<ListedRow>(listing.sql, listing.params);

  const seen = await visible.rows(
    statement.source?.register ?? '',
    listed.map((r) => r.id),
  );
  const shown = listed.filter((r) => seen.has(r.id));
  const [persons, facilities] = await Promise.all([
    visible.persons([...new Set(shown.map((r) => r.person_id).filter((id): id is string => id !== null))]),
    db.query<{ id: number; code: string; name: string }>(`SELECT f.id, f.code, f.name FROM facility f WHERE f.id = ANY($1::int[])`, [
      [...new Set(shown.map((r) => Number(r.facility_id)))],
    ]),
  ]);
  const facilityById = new Map(facilities.map((f) => [Number(f.id), { id: Number(f.id), code: f.code, name: f.name }]));
  const rows: CellRow[] = shown.map((r) => {
    const ownName = seen.get(r.id)?.name ?? null;
    const personName = r.person_id ? (persons.get(r.person_id) ?? null) : null;
    const fullName = personName ?? ownName;
    return {
      register: r.register,
      id: r.id,
      date: r.date,
      column: r.col,
      count: Number(r.n),
      facility: facilityById.get(Number(r.facility_id)) ?? { id: Number(r.facility_id), code: '', name: '' },
      person: fullName === null ? null : { id: personName !== null ? r.person_id : null, fullName },
    };
  });
  const hidden = listed.filter((r) => !seen.has(r.id));
  return {
    stationId: request.stationId,
    month: request.month,
    row: request.row,
    column: request.column,
    value: listed.reduce((sum, r) => sum + Number(r.n), 0),
    rows,
    notVisible: { rows: hidden.length, count: hidden.reduce((sum, r) => sum + Number(r.n), 0) },
  };
}
