import { COMMUNE_CHOICES as C } from './commune-choices';
import {
  ageInYearsSql,
  isMinoritySql,
  Measure,
  measureList,
  otherColumnSql,
  placeColumnSql,
  SqlParams,
  stationCtes,
} from './sql-fragments';

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
}

export interface StatementInput {
  readonly stationIds: readonly number[];
  /** First and last local day of the month. */
  readonly first: string;
  readonly last: string;
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

export function statement(name: string, ctx: Context, measures: Measure[], sql: (list: string) => string): CommuneStatement {
  return { name, sql: sql(measureList(measures)), params: ctx.p.values, measures };
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
    SELECT * FROM (${otherColumnSql({ table, date, first: ctx.first, last: ctx.last })}) other`;
}
