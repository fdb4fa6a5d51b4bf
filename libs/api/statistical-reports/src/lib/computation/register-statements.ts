import { COMMUNE_CHOICES as C } from './commune-choices';
import { FACILITY_INDICATOR_CHOICES as F } from './facility-choices';
import { ageInYearsSql, countDistinctRows, countRows, firstEthnicitySql, gaWeeksSql, Measure } from './sql-fragments';
import { attributedSql, CommuneStatement, Context, statement, StatementInput } from './statement-context';

/** Rows of S's own register in M with their column, as `e` (with station_id and col); `joins` may join more. */
function ownRowsStatement(name: string, ctx: Context, table: string, date: string, measures: Measure[], joins = ''): CommuneStatement {
  return statement(name, ctx, measures, {
    with: `WITH attributed AS (${attributedSql(ctx, table, date, false)})\n`,
    from: `attributed e ${joins}`,
    station: 'e.station_id',
    col: 'e.col',
    register: table,
    id: 'e.id',
    date: `e.${date}`,
    person: 'e.person_id',
    facility: 'e.facility_id',
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
    countRows('I.10', 'e.maternal'),
    countRows('I.10.1', 'e.maternal AND e.audited'),
    countRows('III.10', under7),
    countRows('III.11', under28),
    countRows('III.12', under1),
    countRows('III.12.1', `${under1} AND ${minority}`),
    countRows('III.13', under5),
    countRows('III.13.1', `${under5} AND ${minority}`),
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
    countRows('II.1'),
    countRows('II.1.1', 'e.via_vili_result IS NOT NULL'),
    countRows('II.1.2', `e.via_vili_result::text = 'POSITIVE'`),
    countRows('II.1.3', `e.via_vili_result::text = 'SUSPICIOUS'`),
    countRows('II.1.4', 'e.cytology_sent'),
    countRows('II.1.5', 'e.hpv_test_sent'),
    countRows('II.2', 'e.treatment_given'),
    // Facility indicators of Biểu 6 (docs/report-forms.md §3), when asked.
    ...ctx.indicatorMeasures({
      'F.gynVisitsCurative': () =>
        countRows('F.gynVisitsCurative', `e.purpose::text = ${ctx.value('curative', F.gynPurposes.curative, 'text')}`),
      'F.gynVisitsScreening': () =>
        countRows('F.gynVisitsScreening', `e.purpose::text = ${ctx.value('screening', F.gynPurposes.screening, 'text')}`),
      ...Object.fromEntries(
        Object.entries(F.treatmentCodes).map(([key, codes]) => [
          key,
          // A visit listing two codes of the column counts once (&&: the arrays overlap).
          () => countRows(key, `e.treatments && ${ctx.value(key, codes, 'text[]')}`),
        ]),
      ),
    }),
  ];
  return ownRowsStatement('gynaecology', ctx, 'gynaecology_visit', 'visit_date', measures);
}

/** II.2.2: HPV vaccine doses given in M. */
export function hpvStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  return ownRowsStatement('hpv', ctx, 'hpv_vaccination', 'given_on', [countRows('II.2.2')]);
}

/** II.3–II.3.8: new acceptors in M, one per person and method. */
export function contraceptionStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const isNew = `e.acceptor_status::text = ${ctx.value('new', C.newAcceptor, 'text')}`;
  const personMethod = `e.person_id::text || ':' || e.method::text`;
  const measures: Measure[] = [
    countDistinctRows('II.3', personMethod, isNew),
    ...C.contraceptiveRows.map(({ row, methods }) =>
      countDistinctRows(row, personMethod, `${isNew} AND e.method::text = ANY(${ctx.value(row, methods, 'text[]')})`),
    ),
  ];
  return ownRowsStatement('contraception', ctx, 'contraception_service', 'served_on', measures);
}

/** II.5–II.5.2: abortions performed in M. */
export function abortionsStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const ga = gaWeeksSql('ep.lmp', 'e.performed_on', 'e.ga_weeks');
  const measures: Measure[] = [
    countRows('II.5'),
    countRows('II.5.1', `${ga} <= ${ctx.value('early', C.earlyAbortionWeeks, 'int')}`),
    countRows('II.5.2', ctx.adolescent('p.date_of_birth', 'e.performed_on')),
    // Biểu 7 columns 9b and 9c (docs/report-forms.md §3), when asked: the same GA as II.5.1, so 9a + 9b + 9c = II.5.
    ...ctx.indicatorMeasures({
      'F.abortionsOver7To12Weeks': () =>
        countRows(
          'F.abortionsOver7To12Weeks',
          `${ga} BETWEEN ${ctx.value('early', C.earlyAbortionWeeks, 'int')} + 1 AND ${ctx.value('band12', F.abortionWeeksUpTo, 'int')}`,
        ),
      'F.abortionsOver12Weeks': () => countRows('F.abortionsOver12Weeks', `${ga} > ${ctx.value('band12', F.abortionWeeksUpTo, 'int')}`),
    }),
  ];
  const joins = `JOIN person p ON p.id = e.person_id
  LEFT JOIN pregnancy_episode ep ON ep.id = e.episode_id`;
  return ownRowsStatement('abortions', ctx, 'abortion', 'performed_on', measures, joins);
}
