import { COMMUNE_CHOICES as C } from './commune-choices';
import { ageInYearsSql, countAll, countIf, firstEthnicitySql, gaWeeksSql, Measure } from './sql-fragments';
import { attributedSql, CommuneStatement, Context, statement, StatementInput } from './statement-context';

/** Rows of S's own register in M with their column, as `e` (with station_id and col); `joins` may join more. */
function ownRowsStatement(name: string, ctx: Context, table: string, date: string, measures: Measure[], joins = ''): CommuneStatement {
  return statement(name, ctx, measures, (list) => {
    return `WITH attributed AS (${attributedSql(ctx, table, date, false)})
SELECT e.station_id, e.col,
  ${list}
  FROM attributed e ${joins}
 GROUP BY e.station_id, e.col`;
  });
}

/** I.10, I.10.1 and III.10–III.13.1: S's death register in M, in the column of the place of death. */
export function deathsStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const days = 'e.died_on - x.dob';
  const years = ageInYearsSql('x.dob', 'e.died_on');
  const child = `NOT e.stillbirth AND x.dob IS NOT NULL AND ${days} >= 0`;
  const [under7, under28] = C.childDeath.underDays.map((d, i) => `${child} AND ${days} < ${ctx.value(`days${i}`, d, 'int')}`);
  const [under1, under5] = C.childDeath.underYears.map((y, i) => `${child} AND ${years} < ${ctx.value(`years${i}`, y, 'int')}`);
  const minority = ctx.minority(firstEthnicitySql('e.ethnicity_code', 'c.ethnicity_code', 'm.ethnicity_code'));
  const measures: Measure[] = [
    { row: 'I.10', sql: countIf('e.maternal') },
    { row: 'I.10.1', sql: countIf('e.maternal AND e.audited') },
    { row: 'III.10', sql: countIf(under7) },
    { row: 'III.11', sql: countIf(under28) },
    { row: 'III.12', sql: countIf(under1) },
    { row: 'III.12.1', sql: countIf(`${under1} AND ${minority}`) },
    { row: 'III.13', sql: countIf(under5) },
    { row: 'III.13.1', sql: countIf(`${under5} AND ${minority}`) },
  ];
  const joins = `LEFT JOIN person c ON c.id = e.person_id
  LEFT JOIN person m ON m.id = e.mother_id
  CROSS JOIN LATERAL (SELECT COALESCE(e.date_of_birth, e.died_on - e.age_days) AS dob) x`;
  return ownRowsStatement('deaths', ctx, 'death', 'died_on', measures, joins);
}

/** II.1–II.2: gynaecology visits in M. */
export function gynaecologyStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const measures: Measure[] = [
    { row: 'II.1', sql: countAll() },
    { row: 'II.1.1', sql: countIf('e.via_vili_result IS NOT NULL') },
    { row: 'II.1.2', sql: countIf(`e.via_vili_result::text = 'POSITIVE'`) },
    { row: 'II.1.3', sql: countIf(`e.via_vili_result::text = 'SUSPICIOUS'`) },
    { row: 'II.1.4', sql: countIf('e.cytology_sent') },
    { row: 'II.1.5', sql: countIf('e.hpv_test_sent') },
    { row: 'II.2', sql: countIf('e.treatment_given') },
  ];
  return ownRowsStatement('gynaecology', ctx, 'gynaecology_visit', 'visit_date', measures);
}

/** II.2.2: HPV vaccine doses given in M. */
export function hpvStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  return ownRowsStatement('hpv', ctx, 'hpv_vaccination', 'given_on', [{ row: 'II.2.2', sql: countAll() }]);
}

/** II.3–II.3.8: new acceptors in M, one per person and method. */
export function contraceptionStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const isNew = `e.acceptor_status::text = ${ctx.value('new', C.newAcceptor, 'text')}`;
  const personMethod = `e.person_id::text || ':' || e.method::text`;
  const distinctWhere = (condition: string) => `count(DISTINCT ${personMethod}) FILTER (WHERE ${condition})::int`;
  const measures: Measure[] = [
    { row: 'II.3', sql: distinctWhere(isNew) },
    ...C.contraceptiveRows.map(({ row, methods }) => ({
      row,
      sql: distinctWhere(`${isNew} AND e.method::text = ANY(${ctx.value(row, methods, 'text[]')})`),
    })),
  ];
  return ownRowsStatement('contraception', ctx, 'contraception_service', 'served_on', measures);
}

/** II.5–II.5.2: abortions performed in M. */
export function abortionsStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const ga = gaWeeksSql('ep.lmp', 'e.performed_on', 'e.ga_weeks');
  const measures: Measure[] = [
    { row: 'II.5', sql: countAll() },
    { row: 'II.5.1', sql: countIf(`${ga} <= ${ctx.value('early', C.earlyAbortionWeeks, 'int')}`) },
    { row: 'II.5.2', sql: countIf(ctx.adolescent('p.date_of_birth', 'e.performed_on')) },
  ];
  const joins = `JOIN person p ON p.id = e.person_id
  LEFT JOIN pregnancy_episode ep ON ep.id = e.episode_id`;
  return ownRowsStatement('abortions', ctx, 'abortion', 'performed_on', measures, joins);
}
