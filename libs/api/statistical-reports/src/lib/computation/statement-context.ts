import { COMMUNE_CHOICES as C } from './commune-choices';
import {
  ageInYearsSql,
  isMinoritySql,
  Measure,
  measureList,
  otherColumnSql,
  placeColumnSql,
  RESIDENTS_FIRST_MAX_STATIONS,
  SqlParams,
  stationCtes,
} from './sql-fragments';

/**
 * The rows a statement counts: `from` is its FROM … [WHERE …] (after the optional WITH clause
 * `with`), `station` and `col` the expressions it groups by, and the others say which register
 * row each counted row is (for the drill-down, which lists them instead of counting them).
 */
export interface RowSource {
  readonly with?: string;
  readonly from: string;
  readonly station: string;
  readonly col: string;
  /** The register table of the counted rows, and the expressions of their id, date, person and recording facility. */
  readonly register: string;
  readonly id: string;
  readonly date: string;
  readonly person: string;
  readonly facility: string;
}

/**
 * The statements of the commune form, one per register (or group of rows), each over every asked
 * station at once. Every statement returns rows (station_id, col, m0, m1, …): `col` is the column
 * ('station', 'outside', 'other', or 'total' for total-only rows) and m<i> the value of measure i.
 */
export interface CommuneStatement {
  readonly name: string;
  readonly sql: string;
  readonly params: readonly unknown[];
  readonly measures: readonly Measure[];
  /** The counted rows (absent only in hand-made test statements). */
  readonly source?: RowSource;
}

export interface StatementInput {
  readonly stationIds: readonly number[];
  /** First and last local day of the month. */
  readonly first: string;
  readonly last: string;
  /**
   * Whether the CSYT khác column is computed (other facilities' rows of S's residents). Commune
   * stations: yes (default); other facilities (computeFacilityCells): no.
   */
  readonly otherColumn?: boolean;
  /** The facility indicators (docs/report-forms.md §3) to compute besides the commune rows; default none. */
  readonly indicators?: readonly string[];
}

/** Placeholders every statement needs, added on first use so that no parameter goes unused. */
export class Context {
  readonly p = new SqlParams();
  private readonly cache = new Map<string, string>();

  constructor(private readonly input: StatementInput) {}

  private once(key: string, value: unknown, type: Parameters<SqlParams['add']>[1]): string {
    let placeholder = this.cache.get(key);
    if (!placeholder) {
      placeholder = this.p.add(value, type);
      this.cache.set(key, placeholder);
    }
    return placeholder;
  }

  get stations() {
    return this.once('stations', [...this.input.stationIds], 'int[]');
  }
  get first() {
    return this.once('first', this.input.first, 'date');
  }
  get last() {
    return this.once('last', this.input.last, 'date');
  }
  placeColumn(place: string): string {
    return placeColumnSql(place, this.once('stationPlace', C.stationPlace, 'text'), this.once('outside', C.outsidePlaces, 'text[]'));
  }
  adolescent(birth: string, on: string): string {
    const age = ageInYearsSql(birth, on);
    return `${age} BETWEEN ${this.once('adolMin', C.adolescentAge.min, 'int')} AND ${this.once('adolMax', C.adolescentAge.max, 'int')}`;
  }
  minority(code: string): string {
    return isMinoritySql(code, this.once('majority', C.majorityEthnicity, 'text'), this.once('notAGroup', C.notAnEthnicGroup, 'text[]'));
  }
  stationCtes(): string {
    return stationCtes(this.stations, this.once('lineage', C.successionLineage, 'text'));
  }
  /** Whether the CSYT khác column starts from the stations' residents (few stations: otherColumnSql). */
  get residentsFirst(): boolean {
    return new Set(this.input.stationIds).size <= RESIDENTS_FIRST_MAX_STATIONS;
  }
  /** Whether the statement computes the CSYT khác column. */
  get otherColumn(): boolean {
    return this.input.otherColumn !== false;
  }
  /**
   * The WITH clause of a statement whose CTEs `ctes` may use the stations' units (`absorbed`):
   * those are only needed, and only added, when the CSYT khác column is computed.
   */
  withStations(ctes: string): string {
    return this.otherColumn ? `WITH RECURSIVE ${this.stationCtes()},\n  ${ctes}\n` : `WITH ${ctes}\n`;
  }
  /**
   * The measures of the facility indicators asked for (StatementInput.indicators), in the order
   * given; each is built only when asked, so that an unasked one adds no parameter.
   */
  indicatorMeasures(builders: Readonly<Record<string, () => Measure>>): Measure[] {
    const asked = this.input.indicators ?? [];
    return Object.entries(builders)
      .filter(([key]) => asked.includes(key))
      .map(([, build]) => build());
  }
  /**
   * report-rules §1: a pregnancy that ends before 22 weeks without a live birth is a pregnancy loss,
   * not a delivery. `liveBirth` is a boolean expression, `ga` the delivery's GA (unknown: a delivery).
   */
  isDelivery(liveBirth: string, ga: string): string {
    return `(${liveBirth} OR ${ga} IS NULL OR ${ga} >= ${this.once('viable', C.viabilityWeeks, 'int')})`;
  }
  value(key: string, value: unknown, type: Parameters<SqlParams['add']>[1]): string {
    return this.once(key, value, type);
  }
}

/** A statement counting `measures` over the rows of `source`, grouped by station and column. */
export function statement(name: string, ctx: Context, measures: Measure[], source: RowSource): CommuneStatement {
  const sql = `${source.with ?? ''}SELECT ${source.station} AS station_id, ${source.col} AS col,
  ${measureList(measures)}
  FROM ${source.from}
 GROUP BY ${source.station}, ${source.col}`;
  return { name, sql, params: ctx.p.values, measures, source };
}

/** What `listingSql` lists: the station, the statement's columns ('station', 'outside', …) and the measure. */
export interface ListingRequest {
  readonly stationId: number;
  readonly cols: readonly string[];
  readonly measure: Measure;
}

/**
 * The register rows behind a cell: the rows of the statement's source that its measure counts, for
 * one station and some of its columns, with the same predicate (`measure.rows`) as the count, as
 * (station_id, col, register, id, date, person_id, facility_id, n), n being what the row adds to
 * the cell. A measure counting distinct values lists one row per value (the earliest).
 */
export function listingSql(statement: CommuneStatement, request: ListingRequest): { sql: string; params: unknown[] } {
  const { source } = statement;
  const rows = request.measure.rows;
  if (!source || !rows) throw new Error(`Statement ${statement.name}: measure ${request.measure.row} cannot list its rows`);
  const params = [...statement.params, request.stationId, [...request.cols]];
  const station = `$${params.length - 1}::int`;
  const cols = `$${params.length}::text[]`;
  const weight = rows.weight ? `(${rows.weight})::int` : '1';
  const n = rows.where ? `CASE WHEN ${rows.where} THEN ${weight} ELSE 0 END` : weight;
  const counted = `SELECT ${source.station} AS station_id, ${source.col} AS col, '${source.register}'::text AS register,
         ${source.id} AS id, ${source.date} AS date, ${source.person} AS person_id, ${source.facility} AS facility_id,
         ${rows.distinct ?? 'NULL::text'} AS dkey, ${n} AS n
    FROM ${source.from}`;
  const pick = rows.distinct ? 'DISTINCT ON (x.col, x.dkey) ' : '';
  const order = rows.distinct ? 'x.col, x.dkey, x.date, x.id' : 'x.date, x.id';
  const sql = `${source.with ?? ''}SELECT ${pick}x.station_id, x.col, x.register, x.id::text AS id, x.date::text AS date,
       x.person_id::text AS person_id, x.facility_id, x.n
  FROM (${counted}) x
 WHERE x.station_id = ${station} AND x.col = ANY(${cols}) AND x.n > 0
 ORDER BY ${order}`;
  return withUsedParams(sql, params);
}

/**
 * The SQL renumbered to the parameters it uses (a listing uses only its measure's): PostgreSQL
 * cannot type a parameter the text never names. Every placeholder is `$n::type` (SqlParams).
 */
function withUsedParams(sql: string, params: readonly unknown[]): { sql: string; params: unknown[] } {
  const renumbered = new Map<number, number>();
  const text = sql.replace(/\$(\d+)::/g, (_, n: string) => {
    const old = Number(n);
    if (!renumbered.has(old)) renumbered.set(old, renumbered.size + 1);
    return `$${renumbered.get(old)}::`;
  });
  const used = [...renumbered.entries()].sort((a, b) => a[1] - b[1]).map(([old]) => params[old - 1]);
  return { sql: text, params: used };
}

/**
 * S's own rows of a register in M with their column (place), and, with `other`, other facilities'
 * rows of S's residents: (station_id, col, every column of the register row).
 */
export function attributedSql(ctx: Context, table: string, date: string, other: boolean): string {
  const own = `SELECT * FROM (
      SELECT e.facility_id AS station_id, ${ctx.placeColumn('e.place')} AS col, e.*
        FROM ${table} e
       WHERE e.facility_id = ANY(${ctx.stations}) AND e.${date} BETWEEN ${ctx.first} AND ${ctx.last}
    ) own WHERE own.col IS NOT NULL`;
  if (!other) return own;
  return `${own}
    UNION ALL
    SELECT * FROM (${otherColumnSql({ table, date, first: ctx.first, last: ctx.last, residentsFirst: ctx.residentsFirst })}) other`;
}
