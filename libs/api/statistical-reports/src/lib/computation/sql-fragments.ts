/**
 * Pure builders of the SQL pieces the commune form's statements share: parameters, calendar
 * arithmetic (age, gestational age, Vietnam local dates), the ethnicity rule and the aggregates.
 * Every fragment takes SQL expressions and returns one; values always travel as parameters.
 */

/** Collects the values of one statement and hands out typed placeholders (`$3::int[]`). */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, type: 'int' | 'int[]' | 'text' | 'text[]' | 'date'): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** The first and last local day of a 'YYYY-MM' month. */
export function monthBounds(month: string): { first: string; last: string } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  const [year, mon] = [Number(match[1]), Number(match[2])];
  const days = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

/**
 * Age in completed years of someone born on `birth` on the day `on` (report-rules §1), as
 * `ageInCompletedYears` computes it. Birthdays compare as month × 100 + day: a 29 February
 * birthday (229) is reached on 1 March (301) in a year without 29 February, as the rule wants.
 */
export function ageInYearsSql(birth: string, on: string): string {
  return (
    `(date_part('year', ${on})::int - date_part('year', ${birth})::int - ` +
    `CASE WHEN date_part('month', ${on}) * 100 + date_part('day', ${on}) < date_part('month', ${birth}) * 100 + date_part('day', ${birth}) ` +
    `THEN 1 ELSE 0 END)`
  );
}

/** Completed weeks of gestation on `on`: floor((on − LMP) / 7) when LMP is known, otherwise the recorded GA. */
export function gaWeeksSql(lmp: string, on: string, recordedWeeks: string): string {
  return `CASE WHEN ${lmp} IS NOT NULL THEN floor((${on} - ${lmp}) / 7.0)::int ELSE ${recordedWeeks} END`;
}

/** The Vietnam local date of a timestamptz, whatever the session's time zone. */
export function localDateSql(instant: string, offsetHoursParam: string): string {
  return `((${instant} AT TIME ZONE 'UTC') + make_interval(hours => ${offsetHoursParam}))::date`;
}

/** The first non-blank of several ethnicity codes (a blank code is an absent one). */
export function firstEthnicitySql(...codes: string[]): string {
  return codes.length === 1 ? `nullif(btrim(${codes[0]}), '')` : `COALESCE(${codes.map((c) => `nullif(btrim(${c}), '')`).join(', ')})`;
}

/**
 * The ethnic-minority rule of `isEthnicMinority`: a known code other than the majority's and not
 * one of the codes that are no ethnic group; a one-digit code is read with its leading zero. NULL
 * (unknown) counts as false in a FILTER.
 */
export function isMinoritySql(code: string, majorityParam: string, notAGroupParam: string): string {
  const trimmed = `btrim(${code})`;
  const normalised = `CASE WHEN ${trimmed} ~ '^[0-9]$' THEN '0' || ${trimmed} ELSE ${trimmed} END`;
  return `(${trimmed} <> '' AND (${normalised}) <> ${majorityParam} AND (${normalised}) <> ALL(${notAGroupParam}))`;
}

/** 'station', 'outside' or NULL (not counted in S's own columns) from an event_place. */
export function placeColumnSql(place: string, stationPlaceParam: string, outsidePlacesParam: string): string {
  return `CASE WHEN ${place}::text = ${stationPlaceParam} THEN 'station' WHEN ${place}::text = ANY(${outsidePlacesParam}) THEN 'outside' END`;
}

export const countIf = (condition: string): string => `count(*) FILTER (WHERE ${condition})::int`;
export const countAll = (): string => 'count(*)::int';
export const sumIf = (value: string, condition: string): string => `COALESCE(sum(${value}) FILTER (WHERE ${condition}), 0)::int`;
export const sumAll = (value: string): string => `COALESCE(sum(${value}), 0)::int`;

/**
 * Which of a statement's rows a measure counts, and how: the rows where `where` holds (every row
 * when null), each adding `weight` (1 when null; the number of newborns of a delivery for the
 * newborn rows), or counted once per value of `distinct`. The aggregate of the measure is built
 * from it, and the drill-down lists the same rows with it: the rule is written once.
 */
export interface MeasureRows {
  readonly where: string | null;
  readonly weight: string | null;
  readonly distinct: string | null;
}

/** One counted quantity of a statement: the form row, the part of the cell (cases, male, …) and its aggregate. */
export interface Measure {
  /** A commune row key (`I.5.1a`) or a facility indicator key (`F.caesarean`). */
  readonly row: string;
  /** Prefix of the column key (`cases`, `deaths`, `male`, `female`), none for plain rows. */
  readonly part?: string;
  readonly sql: string;
  /** The counted rows, when the measure was built by countRows / sumRows / countDistinctRows. */
  readonly rows?: MeasureRows;
}

const partOf = (part: string | undefined) => (part ? { part } : {});

/** A measure counting the statement's rows where `where` holds (all of them when null). */
export function countRows(row: string, where: string | null = null, part?: string): Measure {
  return { row, ...partOf(part), sql: where ? countIf(where) : countAll(), rows: { where, weight: null, distinct: null } };
}

/** A measure summing `weight` over the statement's rows where `where` holds. */
export function sumRows(row: string, weight: string, where: string | null = null, part?: string): Measure {
  return { row, ...partOf(part), sql: where ? sumIf(weight, where) : sumAll(weight), rows: { where, weight, distinct: null } };
}

/** A measure counting the distinct values of `key` among the statement's rows where `where` holds. */
export function countDistinctRows(row: string, key: string, where: string | null = null): Measure {
  const filter = where ? ` FILTER (WHERE ${where})` : '';
  return { row, sql: `count(DISTINCT ${key})${filter}::int`, rows: { where, weight: null, distinct: key } };
}

/** The select list of a statement's measures, aliased m0, m1, … in order. */
export function measureList(measures: readonly Measure[]): string {
  return measures.map((m, i) => `${m.sql} AS m${i}`).join(',\n  ');
}

/**
 * Stations and the units whose residents and episodes they take over. `station` holds each asked
 * facility with its unit and the day that unit ends by a full lineage (`until`, exclusive);
 * `absorbed` lists, per station, its own unit (depth 0) and every unit fully absorbed into it,
 * directly or through a chain, with the day from which that holds (`since`). A unit u "as in force
 * on day d" is S's unit exactly when (S, u) is in `absorbed` with since ≤ d < until. Needs WITH
 * RECURSIVE.
 */
export function stationCtes(stationsParam: string, lineageKindParam: string): string {
  return `station AS (
    SELECT f.id AS station_id, f.kind, f.admin_unit_id AS unit_id,
           COALESCE((SELECT min(l.effective_on) FROM admin_unit_lineage l
                      WHERE l.predecessor_id = f.admin_unit_id AND l.kind = ${lineageKindParam}::lineage_kind), 'infinity'::date) AS until
      FROM facility f WHERE f.id = ANY(${stationsParam})
  ),
  absorbed(station_id, kind, unit_id, since, until, depth) AS (
    SELECT s.station_id, s.kind, s.unit_id, '-infinity'::date, s.until, 0 FROM station s WHERE s.unit_id IS NOT NULL
    UNION ALL
    SELECT a.station_id, a.kind, l.predecessor_id, greatest(a.since, l.effective_on), a.until, a.depth + 1
      FROM absorbed a JOIN admin_unit_lineage l ON l.successor_id = a.unit_id AND l.kind = ${lineageKindParam}::lineage_kind
     WHERE a.depth < 10
  )`;
}

/**
 * Up to this many stations, the CSYT khác column reads only the stations' residents' events (see
 * otherColumnSql); beyond, every facility's events of the month. A station's residents are a few
 * thousand residences, whose events the index on person_id reaches in about 5 ms per station; the
 * month's events of a register are tens of thousands, each looked up once whatever the number of
 * stations (about 0.5 s at the pilot's volume): the two cross between 16 and 32 stations.
 */
export const RESIDENTS_FIRST_MAX_STATIONS = 16;

/**
 * Events of another facility than S whose person lived in S's commune (as in force) on the event
 * day: the CSYT khác column, as (station_id, col, the event's columns). One row per (station,
 * event) even when two residences match. The residences are read per event through the
 * (person_id, valid_from) index (OFFSET 0 keeps the planner from hashing the whole table).
 *
 * Which events are looked at:
 * - `residentsFirst` (few stations): only those of the people with a residence in one of the
 *   stations' units (`absorbed`) that overlaps the month: person_residence by commune_id, then the
 *   register by person_id. Every (station, residence, event) triple that matches has such a
 *   residence, so the result is the same; the arrays (ARRAY(SELECT …)) keep the plan on the
 *   indexes whatever the estimates through the recursive `absorbed`, which would otherwise lead
 *   the planner to hash the whole residence table (and, past its cost threshold, to JIT-compile).
 * - otherwise: every facility's events of the month, through the register's date index.
 */
export function otherColumnSql(options: { table: string; date: string; first: string; last: string; residentsFirst?: boolean }): string {
  const { table, date, first, last } = options;
  const events = options.residentsFirst
    ? `(SELECT e.* FROM ${table} e
          WHERE e.person_id = ANY(ARRAY(
                  SELECT r.person_id FROM person_residence r
                   WHERE r.commune_id = ANY(ARRAY(SELECT a.unit_id FROM absorbed a))
                     AND r.valid_from <= ${last} AND (r.valid_to IS NULL OR r.valid_to >= ${first})))
            AND e.${date} BETWEEN ${first} AND ${last})`
    : table;
  return `SELECT DISTINCT ON (a.station_id, e.id) a.station_id, 'other'::text AS col, e.*
      FROM ${events} e
      CROSS JOIN LATERAL (
        SELECT r.commune_id FROM person_residence r
         WHERE r.person_id = e.person_id AND r.valid_from <= e.${date} AND (r.valid_to IS NULL OR r.valid_to >= e.${date}) OFFSET 0
      ) r
      JOIN absorbed a ON a.unit_id = r.commune_id AND a.since <= e.${date} AND e.${date} < a.until
     WHERE e.${date} BETWEEN ${first} AND ${last} AND e.facility_id <> a.station_id`;
}
