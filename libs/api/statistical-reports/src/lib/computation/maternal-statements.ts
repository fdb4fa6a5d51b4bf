import { COMMUNE_CHOICES as C, OBSTETRIC_COMPLICATION_ROWS } from './commune-choices';
import { countAll, countIf, firstEthnicitySql, gaWeeksSql, localDateSql, Measure, sumAll, sumIf } from './sql-fragments';
import { attributedSql, CommuneStatement, Context, statement, StatementInput } from './statement-context';

/** I.1, I.1.1: episodes managed by S on the last day of M (stock). */
export function managedEpisodesStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const day = ctx.last;
  const measures: Measure[] = [
    { row: 'I.1', sql: countAll() },
    { row: 'I.1.1', sql: countIf(ctx.adolescent('p.date_of_birth', day)) },
  ];
  return statement('managed-episodes', ctx, measures, (list) => {
    const cte = ctx.stationCtes();
    return `WITH RECURSIVE ${cte},
  manager AS (
    SELECT a.station_id, a.station_id AS facility_id FROM absorbed a WHERE a.depth = 0 AND ${day} < a.until
    UNION
    SELECT a.station_id, f.id FROM absorbed a JOIN facility f ON f.admin_unit_id = a.unit_id AND f.kind = a.kind
     WHERE a.depth > 0 AND a.since <= ${day} AND ${day} < a.until
  )
SELECT m.station_id, 'total'::text AS col,
  ${list}
  FROM manager m
  JOIN pregnancy_episode e ON e.facility_id = m.facility_id AND e.registered_on <= ${day}
  JOIN person p ON p.id = e.person_id
 WHERE (e.closed_on IS NULL OR e.closed_on > ${day})
   AND (e.lmp IS NULL OR e.lmp + ${ctx.value('lost', C.lostToFollowUpDays, 'int')} > ${day})
   AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.episode_id = e.id AND d.delivery_date <= ${day})
   AND NOT EXISTS (SELECT 1 FROM abortion b WHERE b.person_id = e.person_id AND b.episode_id = e.id AND b.performed_on <= ${day})
 GROUP BY m.station_id`;
  });
}

/** I.2, I.2.1: episodes registered at S in M. */
export function registeredEpisodesStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const measures: Measure[] = [
    { row: 'I.2', sql: countAll() },
    { row: 'I.2.1', sql: countIf(ctx.adolescent('p.date_of_birth', 'e.registered_on')) },
  ];
  return statement('registered-episodes', ctx, measures, (list) => {
    return `SELECT e.facility_id AS station_id, 'total'::text AS col,
  ${list}
  FROM pregnancy_episode e JOIN person p ON p.id = e.person_id
 WHERE e.facility_id = ANY(${ctx.stations}) AND e.registered_on BETWEEN ${ctx.first} AND ${ctx.last}
 GROUP BY e.facility_id`;
  });
}

/** I.3, I.4: ANC visits dated in M. */
export function ancVisitsStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const measures: Measure[] = [
    { row: 'I.3', sql: countAll() },
    { row: 'I.4', sql: countIf('v.urine_protein IS NOT NULL') },
  ];
  return statement('anc-visits', ctx, measures, (list) => {
    const cte = ctx.stationCtes();
    return `WITH RECURSIVE ${cte},
  attributed AS (${attributedSql(ctx, 'anc_visit', 'visit_date', true)})
SELECT v.station_id, v.col,
  ${list}
  FROM attributed v
 GROUP BY v.station_id, v.col`;
  });
}

/** I.5–I.6 and III.1–III.9: deliveries dated in M and their newborns. */
export function deliveriesStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const tetanus = C.tetanus;
  const protectedSql = `(f.tt_here >= ${ctx.value('ttIn', tetanus.inPregnancy, 'int')}
      OR (f.tt_here >= ${ctx.value('ttInE', tetanus.inPregnancyWithEarlier, 'int')} AND f.tt_before >= ${ctx.value('ttE', tetanus.earlier, 'int')})
      OR f.tt_here + f.tt_before >= ${ctx.value('ttAll', tetanus.all, 'int')})`;
  const fourVisits = `(f.anc_n >= ${ctx.value('ancMin', C.ancMinVisits, 'int')} AND f.t1 > 0 AND f.t2 > 0 AND f.t3 > 0)`;
  const minorityMother = ctx.minority('f.mother_ethnicity');
  const hivConfirmed = 'f.hiv_confirmed_on <= f.delivery_date';
  const ga = gaWeeksSql('f.lmp', 'f.delivery_date', 'f.ga_weeks');
  const measures: Measure[] = [
    { row: 'I.5', sql: countAll() },
    { row: 'I.5.1a', sql: countIf(ctx.adolescent('f.mother_dob', 'f.delivery_date')) },
    { row: 'I.5.1b', sql: countIf(minorityMother) },
    { row: 'I.5.1c', sql: countIf('f.anc_n > 0') },
    { row: 'I.5.1d', sql: countIf(protectedSql) },
    { row: 'I.5.2', sql: countIf(fourVisits) },
    { row: 'I.5.2a', sql: countIf(`${fourVisits} AND ${minorityMother}`) },
    { row: 'I.5.3', sql: countIf('(f.hbv_anc > 0 OR f.hbv_labour_result IS NOT NULL)') },
    { row: 'I.5.3a', sql: countIf('f.hbv_anc > 0') },
    { row: 'I.5.3b', sql: countIf('f.hbv_labour_result IS NOT NULL') },
    { row: 'I.5.3c', sql: countIf(`(f.hbv_anc_pos > 0 OR f.hbv_labour_result::text = 'POSITIVE')`) },
    { row: 'I.5.4a', sql: countIf('f.syph_anc > 0') },
    { row: 'I.5.4b', sql: countIf('f.syphilis_labour_result IS NOT NULL') },
    { row: 'I.5.4c', sql: countIf(`(f.syph_anc_pos > 0 OR f.syphilis_labour_result::text = 'POSITIVE')`) },
    { row: 'I.5.5a', sql: countIf(`(f.hiv_anc > 0 OR ${hivConfirmed})`) },
    { row: 'I.5.5b', sql: countIf('f.hiv_labour_result IS NOT NULL') },
    { row: 'I.5.6', sql: countIf(hivConfirmed) },
    { row: 'I.5.7', sql: countIf(`${hivConfirmed} AND f.hiv_confirmed_on >= f.lmp`) },
    { row: 'I.5.8', sql: countIf('f.glu_anc > 0') },
    { row: 'I.5.8a', sql: countIf('f.glu_anc_high > 0') },
    { row: 'I.5.9b', sql: countIf(`f.attendant_kind::text = ANY(${ctx.value('staff', C.healthStaffAttendants, 'text[]')})`) },
    { row: 'I.5.9c', sql: countIf(`f.attendant_kind::text = ANY(${ctx.value('skilled', C.skilledAttendants, 'text[]')})`) },
    { row: 'I.6', sql: sumAll('f.nb_live_certified') },
    { row: 'III.1', sql: sumAll('f.nb_live') },
    { row: 'III.1.1', part: 'male', sql: sumAll('f.nb_live_male') },
    { row: 'III.1.1', part: 'female', sql: sumAll('f.nb_live_female') },
    { row: 'III.1.2', sql: sumAll('f.nb_live_minority') },
    { row: 'III.2', sql: sumAll('f.nb_eenc') },
    { row: 'III.2a', sql: sumIf('f.nb_eenc', `f.mode::text = ANY(${ctx.value('vaginal', C.vaginalModes, 'text[]')})`) },
    { row: 'III.2b', sql: sumIf('f.nb_eenc', `f.mode::text = ANY(${ctx.value('caesarean', C.caesareanModes, 'text[]')})`) },
    { row: 'III.2c', sql: sumAll('f.nb_kangaroo') },
    { row: 'III.3', sql: sumIf('f.nb_live', `${ga} < ${ctx.value('preterm', C.pretermWeeks, 'int')}`) },
    { row: 'III.4', sql: sumAll('f.nb_asphyxia') },
    { row: 'III.5', sql: sumAll('f.nb_weighed') },
    { row: 'III.6', sql: sumAll('f.nb_low_weight') },
    { row: 'III.7', sql: sumAll('f.nb_high_weight') },
    { row: 'III.8.1', sql: sumAll('f.nb_vitamin_k1') },
    { row: 'III.8.2', sql: sumAll('f.nb_hep_b') },
    { row: 'III.8.3', sql: sumAll('f.nb_hep_b_24h') },
    { row: 'III.9', sql: sumIf('f.nb_stillborn', `${ga} >= ${ctx.value('viable', C.viabilityWeeks, 'int')}`) },
  ];
  return statement('deliveries', ctx, measures, (list) => {
    const cte = ctx.stationCtes();
    const visitGa = gaWeeksSql('ep.lmp', 'v.visit_date', 'v.ga_weeks');
    const second = ctx.value('t2', C.secondTrimesterWeeks, 'int');
    const third = ctx.value('t3', C.thirdTrimesterWeeks, 'int');
    const live = 'n.live_born';
    const childEthnicity = firstEthnicitySql('n.ethnicity_code', 'c.ethnicity_code', 'm.ethnicity_code');
    return `WITH RECURSIVE ${cte},
  attributed AS (${attributedSql(ctx, 'delivery', 'delivery_date', true)}),
  facts AS (
    SELECT d.station_id, d.col, d.delivery_date, d.ga_weeks, d.mode, d.attendant_kind, d.hbv_labour_result, d.syphilis_labour_result,
           d.hiv_labour_result, d.hiv_confirmed_on, m.date_of_birth AS mother_dob, m.ethnicity_code AS mother_ethnicity,
           ep.lmp, COALESCE(ep.tetanus_doses_before, 0) AS tt_before, anc.tt + d.tetanus_doses_elsewhere AS tt_here,
           anc.n AS anc_n, anc.t1, anc.t2, anc.t3, anc.hbv AS hbv_anc, anc.hbv_pos AS hbv_anc_pos, anc.syph AS syph_anc,
           anc.syph_pos AS syph_anc_pos, anc.hiv AS hiv_anc, anc.glu AS glu_anc, anc.glu_high AS glu_anc_high, nb.*
      FROM attributed d
      -- Key lookups per delivery (OFFSET 0: not a hash of the whole person and episode tables).
      CROSS JOIN LATERAL (SELECT m.date_of_birth, m.ethnicity_code FROM person m WHERE m.id = d.person_id OFFSET 0) m
      LEFT JOIN LATERAL (
        SELECT ep.lmp, ep.tetanus_doses_before FROM pregnancy_episode ep WHERE ep.id = d.episode_id OFFSET 0
      ) ep ON true
      CROSS JOIN LATERAL (
        SELECT count(*) AS n,
               count(*) FILTER (WHERE v.tetanus_dose_given) AS tt,
               count(*) FILTER (WHERE ${visitGa} BETWEEN 0 AND ${second} - 1) AS t1,
               count(*) FILTER (WHERE ${visitGa} BETWEEN ${second} AND ${third} - 1) AS t2,
               count(*) FILTER (WHERE ${visitGa} >= ${third}) AS t3,
               count(*) FILTER (WHERE v.hbv_result IS NOT NULL) AS hbv,
               count(*) FILTER (WHERE v.hbv_result::text = 'POSITIVE') AS hbv_pos,
               count(*) FILTER (WHERE v.syphilis_result IS NOT NULL) AS syph,
               count(*) FILTER (WHERE v.syphilis_result::text = 'POSITIVE') AS syph_pos,
               count(*) FILTER (WHERE v.hiv_result IS NOT NULL) AS hiv,
               count(*) FILTER (WHERE v.glucose_result IS NOT NULL) AS glu,
               count(*) FILTER (WHERE v.glucose_result::text = 'ABOVE_NORMAL') AS glu_high
          FROM anc_visit v WHERE v.episode_id = d.episode_id AND v.visit_date < d.delivery_date
      ) anc
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE ${live}) AS nb_live,
               count(*) FILTER (WHERE ${live} AND nullif(btrim(n.birth_certificate_number), '') IS NOT NULL) AS nb_live_certified,
               count(*) FILTER (WHERE ${live} AND n.sex = 'MALE') AS nb_live_male,
               count(*) FILTER (WHERE ${live} AND n.sex = 'FEMALE') AS nb_live_female,
               count(*) FILTER (WHERE ${live} AND ${ctx.minority(childEthnicity)}) AS nb_live_minority,
               count(*) FILTER (WHERE ${live} AND n.eenc) AS nb_eenc,
               count(*) FILTER (WHERE ${live} AND n.kangaroo_care) AS nb_kangaroo,
               count(*) FILTER (WHERE ${live} AND n.asphyxia) AS nb_asphyxia,
               count(*) FILTER (WHERE ${live} AND n.weight_grams IS NOT NULL) AS nb_weighed,
               count(*) FILTER (WHERE ${live} AND n.weight_grams < ${ctx.value('lbw', C.lowBirthWeightGrams, 'int')}) AS nb_low_weight,
               count(*) FILTER (WHERE ${live} AND n.weight_grams > ${ctx.value('hbw', C.highBirthWeightGrams, 'int')}) AS nb_high_weight,
               count(*) FILTER (WHERE ${live} AND n.vitamin_k1) AS nb_vitamin_k1,
               count(*) FILTER (WHERE ${live} AND n.hep_b_dose_at IS NOT NULL) AS nb_hep_b,
               count(*) FILTER (WHERE ${live} AND n.hep_b_dose_at - d.delivered_at < make_interval(hours => ${ctx.value('hepB', C.hepBWithinHours, 'int')})) AS nb_hep_b_24h,
               count(*) FILTER (WHERE NOT ${live}) AS nb_stillborn
          FROM newborn n LEFT JOIN person c ON c.id = n.person_id
         WHERE n.delivery_id = d.id
      ) nb
  )
SELECT f.station_id, f.col,
  ${list}
  FROM facts f
 WHERE ${ctx.isDelivery('f.nb_live > 0', ga)}
 GROUP BY f.station_id, f.col`;
  });
}

/** I.7, I.8.1, I.8.2: deliveries with a postnatal home visit by S dated in M, 0–41 days after discharge (or birth). */
export function postnatalStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const max = ctx.value('pnMax', C.postnatalDays.max, 'int');
  const firstWeek = ctx.value('pnWeek', C.postnatalDays.firstWeekMax, 'int');
  const measures: Measure[] = [
    { row: 'I.7', sql: `count(DISTINCT v.delivery_id) FILTER (WHERE x.days BETWEEN 0 AND ${max})::int` },
    { row: 'I.8.1', sql: `count(DISTINCT v.delivery_id) FILTER (WHERE x.days BETWEEN 0 AND ${firstWeek})::int` },
    { row: 'I.8.2', sql: `count(DISTINCT v.delivery_id) FILTER (WHERE x.days BETWEEN ${firstWeek} + 1 AND ${max})::int` },
  ];
  return statement('postnatal', ctx, measures, (list) => {
    const outside = ctx.value('outside', C.outsidePlaces, 'text[]');
    const discharged = localDateSql('d.discharged_at', ctx.value('tz', C.vietnamUtcOffsetHours, 'int'));
    return `SELECT v.facility_id AS station_id, 'total'::text AS col,
  ${list}
  FROM postnatal_visit v
  JOIN delivery d ON d.id = v.delivery_id
  LEFT JOIN pregnancy_episode ep ON ep.id = d.episode_id
  CROSS JOIN LATERAL (
    SELECT v.visit_date - CASE WHEN d.place::text = ANY(${outside}) THEN d.delivery_date ELSE COALESCE(${discharged}, d.delivery_date) END AS days
  ) x
 WHERE v.facility_id = ANY(${ctx.stations}) AND v.visit_date BETWEEN ${ctx.first} AND ${ctx.last}
   AND ${ctx.isDelivery('EXISTS (SELECT 1 FROM newborn n WHERE n.delivery_id = d.id AND n.live_born)', gaWeeksSql('ep.lmp', 'd.delivery_date', 'd.ga_weeks'))}
 GROUP BY v.facility_id`;
  });
}

/** I.9–I.9.7 (obstetric) and II.4 (contraceptive): complications with onset in M, column from the place of what they complicate. */
export function complicationsStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const obstetric = `c.category::text = 'OBSTETRIC'`;
  const died = `c.outcome::text = ${ctx.value('died', C.diedOutcome, 'text')}`;
  const byRow = OBSTETRIC_COMPLICATION_ROWS.map((row, i) => {
    const kind = C.obstetricKinds[i];
    if (kind === C.abortionComplicationKind) {
      return { row, when: `(c.abortion_id IS NOT NULL OR c.kind = ${ctx.value('kindAbortion', kind, 'text')})` };
    }
    const isKind =
      kind === C.otherComplicationKind
        ? `c.kind <> ALL(${ctx.value(
            'kindsKnown',
            C.obstetricKinds.filter((k) => k !== C.otherComplicationKind),
            'text[]',
          )})`
        : `c.kind = ${ctx.value(`kind${i}`, kind, 'text')}`;
    return { row, when: `(c.abortion_id IS NULL AND ${isKind})` };
  });
  const measures: Measure[] = [
    { row: 'I.9', part: 'cases', sql: countIf(obstetric) },
    { row: 'I.9', part: 'deaths', sql: countIf(`${obstetric} AND ${died}`) },
    ...byRow.flatMap(({ row, when }) => [
      { row, part: 'cases', sql: countIf(`${obstetric} AND ${when}`) },
      { row, part: 'deaths', sql: countIf(`${obstetric} AND ${when} AND ${died}`) },
    ]),
    { row: 'II.4', sql: countIf(`c.category::text = 'CONTRACEPTIVE'`) },
  ];
  return statement('complications', ctx, measures, (list) => {
    const place = `CASE WHEN ${obstetric} THEN COALESCE(d.place, b.place) ELSE s.place END`;
    return `SELECT c.facility_id AS station_id, x.col,
  ${list}
  FROM complication c
  LEFT JOIN delivery d ON d.id = c.delivery_id
  LEFT JOIN abortion b ON b.id = c.abortion_id
  LEFT JOIN contraception_service s ON s.id = c.contraception_id
  CROSS JOIN LATERAL (SELECT ${ctx.placeColumn(`(${place})`)} AS col) x
 WHERE c.facility_id = ANY(${ctx.stations}) AND c.onset_on BETWEEN ${ctx.first} AND ${ctx.last} AND x.col IS NOT NULL
 GROUP BY c.facility_id, x.col`;
  });
}
