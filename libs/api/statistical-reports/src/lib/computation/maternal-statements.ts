import { COMMUNE_CHOICES as C, OBSTETRIC_COMPLICATION_ROWS } from './commune-choices';
import { FACILITY_INDICATOR_CHOICES as F } from './facility-choices';
import { countDistinctRows, countRows, firstEthnicitySql, gaWeeksSql, localDateSql, Measure, sumRows } from './sql-fragments';
import { attributedSql, CommuneStatement, Context, statement, StatementInput } from './statement-context';

/** I.1, I.1.1: episodes managed by S on the last day of M (stock). */
export function managedEpisodesStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const day = ctx.last;
  const measures: Measure[] = [countRows('I.1'), countRows('I.1.1', ctx.adolescent('p.date_of_birth', day))];
  const cte = ctx.stationCtes();
  return statement('managed-episodes', ctx, measures, {
    with: `WITH RECURSIVE ${cte},
  manager AS (
    SELECT a.station_id, a.station_id AS facility_id FROM absorbed a WHERE a.depth = 0 AND ${day} < a.until
    UNION
    SELECT a.station_id, f.id FROM absorbed a JOIN facility f ON f.admin_unit_id = a.unit_id AND f.kind = a.kind
     WHERE a.depth > 0 AND a.since <= ${day} AND ${day} < a.until
  )
`,
    from: `manager m
  JOIN pregnancy_episode e ON e.facility_id = m.facility_id AND e.registered_on <= ${day}
  JOIN person p ON p.id = e.person_id
 WHERE (e.closed_on IS NULL OR e.closed_on > ${day})
   AND (e.lmp IS NULL OR e.lmp + ${ctx.value('lost', C.lostToFollowUpDays, 'int')} > ${day})
   AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.episode_id = e.id AND d.delivery_date <= ${day})
   AND NOT EXISTS (SELECT 1 FROM abortion b WHERE b.person_id = e.person_id AND b.episode_id = e.id AND b.performed_on <= ${day})`,
    station: 'm.station_id',
    col: `'total'::text`,
    ...episodeRow,
  });
}

const episodeRow = { register: 'pregnancy_episode', id: 'e.id', date: 'e.registered_on', person: 'e.person_id', facility: 'e.facility_id' };

/** I.2, I.2.1: episodes registered at S in M. */
export function registeredEpisodesStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const measures: Measure[] = [countRows('I.2'), countRows('I.2.1', ctx.adolescent('p.date_of_birth', 'e.registered_on'))];
  return statement('registered-episodes', ctx, measures, {
    from: `pregnancy_episode e JOIN person p ON p.id = e.person_id
 WHERE e.facility_id = ANY(${ctx.stations}) AND e.registered_on BETWEEN ${ctx.first} AND ${ctx.last}`,
    station: 'e.facility_id',
    col: `'total'::text`,
    ...episodeRow,
  });
}

/** I.3, I.4: ANC visits dated in M. */
export function ancVisitsStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const measures: Measure[] = [countRows('I.3'), countRows('I.4', 'v.urine_protein IS NOT NULL')];
  return statement('anc-visits', ctx, measures, {
    with: ctx.withStations(`attributed AS (${attributedSql(ctx, 'anc_visit', 'visit_date', ctx.otherColumn)})`),
    from: 'attributed v',
    station: 'v.station_id',
    col: 'v.col',
    register: 'anc_visit',
    id: 'v.id',
    date: 'v.visit_date',
    person: 'v.person_id',
    facility: 'v.facility_id',
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
    countRows('I.5'),
    countRows('I.5.1a', ctx.adolescent('f.mother_dob', 'f.delivery_date')),
    countRows('I.5.1b', minorityMother),
    countRows('I.5.1c', 'f.anc_n > 0'),
    countRows('I.5.1d', protectedSql),
    countRows('I.5.2', fourVisits),
    countRows('I.5.2a', `${fourVisits} AND ${minorityMother}`),
    countRows('I.5.3', '(f.hbv_anc > 0 OR f.hbv_labour_result IS NOT NULL)'),
    countRows('I.5.3a', 'f.hbv_anc > 0'),
    countRows('I.5.3b', 'f.hbv_labour_result IS NOT NULL'),
    countRows('I.5.3c', `(f.hbv_anc_pos > 0 OR f.hbv_labour_result::text = 'POSITIVE')`),
    countRows('I.5.4a', 'f.syph_anc > 0'),
    countRows('I.5.4b', 'f.syphilis_labour_result IS NOT NULL'),
    countRows('I.5.4c', `(f.syph_anc_pos > 0 OR f.syphilis_labour_result::text = 'POSITIVE')`),
    countRows('I.5.5a', `(f.hiv_anc > 0 OR ${hivConfirmed})`),
    countRows('I.5.5b', 'f.hiv_labour_result IS NOT NULL'),
    countRows('I.5.6', hivConfirmed),
    countRows('I.5.7', `${hivConfirmed} AND f.hiv_confirmed_on >= f.lmp`),
    countRows('I.5.8', 'f.glu_anc > 0'),
    countRows('I.5.8a', 'f.glu_anc_high > 0'),
    countRows('I.5.9b', `f.attendant_kind::text = ANY(${ctx.value('staff', C.healthStaffAttendants, 'text[]')})`),
    countRows('I.5.9c', `f.attendant_kind::text = ANY(${ctx.value('skilled', C.skilledAttendants, 'text[]')})`),
    sumRows('I.6', 'f.nb_live_certified'),
    sumRows('III.1', 'f.nb_live'),
    sumRows('III.1.1', 'f.nb_live_male', null, 'male'),
    sumRows('III.1.1', 'f.nb_live_female', null, 'female'),
    sumRows('III.1.2', 'f.nb_live_minority'),
    sumRows('III.2', 'f.nb_eenc'),
    sumRows('III.2a', 'f.nb_eenc', `f.mode::text = ANY(${ctx.value('vaginal', C.vaginalModes, 'text[]')})`),
    sumRows('III.2b', 'f.nb_eenc', `f.mode::text = ANY(${ctx.value('caesarean', C.caesareanModes, 'text[]')})`),
    sumRows('III.2c', 'f.nb_kangaroo'),
    sumRows('III.3', 'f.nb_live', `${ga} < ${ctx.value('preterm', C.pretermWeeks, 'int')}`),
    sumRows('III.4', 'f.nb_asphyxia'),
    sumRows('III.5', 'f.nb_weighed'),
    sumRows('III.6', 'f.nb_low_weight'),
    sumRows('III.7', 'f.nb_high_weight'),
    sumRows('III.8.1', 'f.nb_vitamin_k1'),
    sumRows('III.8.2', 'f.nb_hep_b'),
    sumRows('III.8.3', 'f.nb_hep_b_24h'),
    sumRows('III.9', 'f.nb_stillborn', `${ga} >= ${ctx.value('viable', C.viabilityWeeks, 'int')}`),
    // Facility indicators (docs/report-forms.md §3), when asked: S's own deliveries (never the CSYT khác column).
    ...ctx.indicatorMeasures({
      'F.instrumentalDelivery': () =>
        countRows('F.instrumentalDelivery', `f.mode::text = ANY(${ctx.value('fInstrumental', F.instrumentalModes, 'text[]')})`),
      'F.caesarean': () => countRows('F.caesarean', `f.mode::text = ANY(${ctx.value('fCaesarean', F.caesareanModes, 'text[]')})`),
      'F.hivPositiveOnArv': () => countRows('F.hivPositiveOnArv', `${hivConfirmed} AND f.arv_given`),
      'F.newbornScreening': () => sumRows('F.newbornScreening', 'f.nb_screened'),
      'F.hivExposedInfants': () => sumRows('F.hivExposedInfants', 'f.nb_live', hivConfirmed),
    }),
  ];
  const visitGa = gaWeeksSql('ep.lmp', 'v.visit_date', 'v.ga_weeks');
  const second = ctx.value('t2', C.secondTrimesterWeeks, 'int');
  const third = ctx.value('t3', C.thirdTrimesterWeeks, 'int');
  const live = 'n.live_born';
  const childEthnicity = firstEthnicitySql('n.ethnicity_code', 'c.ethnicity_code', 'm.ethnicity_code');
  const ctes = `attributed AS (${attributedSql(ctx, 'delivery', 'delivery_date', ctx.otherColumn)}),
  facts AS (
    SELECT d.station_id, d.col, d.id AS delivery_id, d.person_id, d.facility_id AS recorded_by, d.arv_given, d.delivery_date, d.ga_weeks, d.mode, d.attendant_kind, d.hbv_labour_result, d.syphilis_labour_result,
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
               count(*) FILTER (WHERE NOT ${live}) AS nb_stillborn,
               count(*) FILTER (WHERE ${live} AND n.newborn_screening) AS nb_screened
          FROM newborn n LEFT JOIN person c ON c.id = n.person_id
         WHERE n.delivery_id = d.id
      ) nb
  )`;
  return statement('deliveries', ctx, measures, {
    with: ctx.withStations(ctes),
    from: `facts f
 WHERE ${ctx.isDelivery('f.nb_live > 0', ga)}`,
    station: 'f.station_id',
    col: 'f.col',
    register: 'delivery',
    id: 'f.delivery_id',
    date: 'f.delivery_date',
    person: 'f.person_id',
    facility: 'f.recorded_by',
  });
}

/** I.7, I.8.1, I.8.2: deliveries with a postnatal home visit by S dated in M, 0–41 days after discharge (or birth). */
export function postnatalStatement(input: StatementInput): CommuneStatement {
  const ctx = new Context(input);
  const max = ctx.value('pnMax', C.postnatalDays.max, 'int');
  const firstWeek = ctx.value('pnWeek', C.postnatalDays.firstWeekMax, 'int');
  const measures: Measure[] = [
    countDistinctRows('I.7', 'v.delivery_id', `x.days BETWEEN 0 AND ${max}`),
    countDistinctRows('I.8.1', 'v.delivery_id', `x.days BETWEEN 0 AND ${firstWeek}`),
    countDistinctRows('I.8.2', 'v.delivery_id', `x.days BETWEEN ${firstWeek} + 1 AND ${max}`),
  ];
  const outside = ctx.value('outside', C.outsidePlaces, 'text[]');
  const discharged = localDateSql('d.discharged_at', ctx.value('tz', C.vietnamUtcOffsetHours, 'int'));
  return statement('postnatal', ctx, measures, {
    from: `postnatal_visit v
  JOIN delivery d ON d.id = v.delivery_id
  LEFT JOIN pregnancy_episode ep ON ep.id = d.episode_id
  CROSS JOIN LATERAL (
    SELECT v.visit_date - CASE WHEN d.place::text = ANY(${outside}) THEN d.delivery_date ELSE COALESCE(${discharged}, d.delivery_date) END AS days
  ) x
 WHERE v.facility_id = ANY(${ctx.stations}) AND v.visit_date BETWEEN ${ctx.first} AND ${ctx.last}
   AND ${ctx.isDelivery('EXISTS (SELECT 1 FROM newborn n WHERE n.delivery_id = d.id AND n.live_born)', gaWeeksSql('ep.lmp', 'd.delivery_date', 'd.ga_weeks'))}`,
    station: 'v.facility_id',
    col: `'total'::text`,
    register: 'postnatal_visit',
    id: 'v.id',
    date: 'v.visit_date',
    person: 'd.person_id',
    facility: 'v.facility_id',
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
    countRows('I.9', obstetric, 'cases'),
    countRows('I.9', `${obstetric} AND ${died}`, 'deaths'),
    ...byRow.flatMap(({ row, when }) => [
      countRows(row, `${obstetric} AND ${when}`, 'cases'),
      countRows(row, `${obstetric} AND ${when} AND ${died}`, 'deaths'),
    ]),
    countRows('II.4', `c.category::text = 'CONTRACEPTIVE'`),
  ];
  const place = `CASE WHEN ${obstetric} THEN COALESCE(d.place, b.place) ELSE s.place END`;
  return statement('complications', ctx, measures, {
    from: `complication c
  LEFT JOIN delivery d ON d.id = c.delivery_id
  LEFT JOIN abortion b ON b.id = c.abortion_id
  LEFT JOIN contraception_service s ON s.id = c.contraception_id
  CROSS JOIN LATERAL (SELECT ${ctx.placeColumn(`(${place})`)} AS col) x
 WHERE c.facility_id = ANY(${ctx.stations}) AND c.onset_on BETWEEN ${ctx.first} AND ${ctx.last} AND x.col IS NOT NULL`,
    station: 'c.facility_id',
    col: 'x.col',
    register: 'complication',
    id: 'c.id',
    date: 'c.onset_on',
    person: 'COALESCE(d.person_id, b.person_id, s.person_id)',
    facility: 'c.facility_id',
  });
}
