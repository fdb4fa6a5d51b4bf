import {
  ageInCompletedYears,
  gestationalWeeks,
  isEthnicMinority,
  MAJORITY_ETHNICITY_CODE,
  NOT_AN_ETHNIC_GROUP_CODES,
  vietnamLocalDate,
} from '@skss/domain';
import { Client } from 'pg';
import { ageInYearsSql, gaWeeksSql, isMinoritySql, localDateSql } from '@skss/api/statistical-reports';

/**
 * The SQL fragments of the report computation run on PostgreSQL and agree with the domain's
 * TypeScript rules on the tricky days (no table is read).
 */
const url = process.env['SKSS_TEST_DATABASE_URL'];

describe('SQL fragments of the report computation agree with the domain on PostgreSQL', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: url });
    await db.connect();
    // The fragments must not depend on the session's time zone.
    await db.query(`SET TIME ZONE 'America/Los_Angeles'`);
  });
  afterAll(() => db?.end());

  it('age in completed years: birthdays, 29 February, year ends, centuries', async () => {
    const births = ['2006-03-15', '2000-02-29', '2004-02-29', '1900-02-28', '2007-12-31', '2008-01-01', '2010-03-01', '2012-02-28'];
    const days = [
      '2026-03-14',
      '2026-03-15',
      '2025-02-28',
      '2025-03-01',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2100-02-28',
      '2100-03-01',
      '2000-02-29',
      '2017-12-30',
      '2017-12-31',
      '2018-01-01',
      '2022-02-28',
      '2022-03-01',
      '2029-02-28',
      '2029-03-01',
      '2016-02-29',
    ];
    const pairs = births.flatMap((b) => days.filter((d) => d >= b).map((d) => [b, d] as const));
    const { rows } = await db.query<{ age: number }>(
      `SELECT ${ageInYearsSql('t.b', 't.d')} AS age FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS t(b, d, i) ORDER BY t.i`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    expect(rows.map((r, i) => [...pairs[i], r.age])).toEqual(pairs.map(([b, d]) => [b, d, ageInCompletedYears(b, d)]));
    expect(pairs.length).toBeGreaterThan(100);
  });

  it('gestational age: floor of days / 7 from LMP, else the recorded weeks', async () => {
    const cases: [string | null, string, number | null][] = [
      ['2025-01-01', '2025-01-07', 9],
      ['2025-01-01', '2025-01-08', null],
      ['2025-01-01', '2025-04-08', null],
      ['2025-01-01', '2025-04-09', null],
      ['2024-02-01', '2024-12-01', null],
      [null, '2025-04-09', 13],
      [null, '2025-04-09', null],
    ];
    const { rows } = await db.query<{ ga: number | null }>(
      `SELECT ${gaWeeksSql('t.lmp', 't.d', 't.ga')} AS ga FROM unnest($1::date[], $2::date[], $3::int[]) WITH ORDINALITY AS t(lmp, d, ga, i) ORDER BY t.i`,
      [cases.map((c) => c[0]), cases.map((c) => c[1]), cases.map((c) => c[2])],
    );
    expect(rows.map((r) => r.ga)).toEqual(cases.map(([lmp, d, ga]) => (lmp ? gestationalWeeks(lmp, d) : ga)));
  });

  it('Vietnam local date of an instant, around midnight local time', async () => {
    const instants = [
      '2025-01-31T16:30:00Z',
      '2025-01-31T17:10:00Z',
      '2025-01-31T16:59:59.999Z',
      '2025-12-31T17:00:00Z',
      '2024-02-28T17:00:00Z',
    ];
    const { rows } = await db.query<{ day: string }>(
      `SELECT to_char(${localDateSql('t.at', '$2::int')}, 'YYYY-MM-DD') AS day FROM unnest($1::timestamptz[]) WITH ORDINALITY AS t(at, i) ORDER BY t.i`,
      [instants, 7],
    );
    expect(rows.map((r) => r.day)).toEqual(instants.map((at) => vietnamLocalDate(at)));
  });

  it('ethnic minority: unknown and blank are not, Kinh with or without its zero is not', async () => {
    const codes = ['01', '1', ' 01 ', '02', '2', '10', '55', '', '  ', null, '08'];
    const { rows } = await db.query<{ minority: boolean | null }>(
      `SELECT ${isMinoritySql('t.c', '$2::text', '$3::text[]')} AS minority FROM unnest($1::text[]) WITH ORDINALITY AS t(c, i) ORDER BY t.i`,
      [codes, MAJORITY_ETHNICITY_CODE, NOT_AN_ETHNIC_GROUP_CODES],
    );
    expect(rows.map((r) => r.minority === true)).toEqual(codes.map((c) => isEthnicMinority(c)));
  });
});
