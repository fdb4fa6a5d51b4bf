import { Client } from 'pg';

/**
 * SQL checks of the rules the register validators enforce, and of the links between rows, run on
 * generated data. Each query counts the rows that break its rule: every count must be 0. `horizon` is
 * the last day any event may have (the end of the generated window).
 */
export function ruleChecks(horizon: string): Record<string, string> {
  const h = `DATE '${horizon}'`;
  return {
    'birth weight 300–6,000 g': `SELECT count(*) FROM newborn WHERE weight_grams NOT BETWEEN 300 AND 6000`,
    'GA 1–42 weeks (ANC, abortion)': `SELECT (SELECT count(*) FROM anc_visit WHERE ga_weeks NOT BETWEEN 1 AND 42)
        + (SELECT count(*) FROM abortion WHERE ga_weeks NOT BETWEEN 1 AND 42)`,
    'a delivery is at GA 22–42': `SELECT count(*) FROM delivery WHERE ga_weeks NOT BETWEEN 22 AND 42`,
    'delivery date is the local date of delivered_at': `SELECT count(*) FROM delivery
        WHERE delivery_date <> (delivered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`,
    'discharge after delivery': `SELECT count(*) FROM delivery WHERE discharged_at <= delivered_at`,
    'delivery after LMP, GA agrees with LMP': `SELECT count(*) FROM delivery d JOIN pregnancy_episode e ON e.id = d.episode_id
        WHERE e.lmp IS NOT NULL AND (d.delivery_date <= e.lmp OR floor((d.delivery_date - e.lmp) / 7.0) <> d.ga_weeks)`,
    'delivery closes its episode on its date': `SELECT count(*) FROM delivery d JOIN pregnancy_episode e ON e.id = d.episode_id
        WHERE e.closure IS DISTINCT FROM 'DELIVERY' OR e.closed_on <> d.delivery_date OR e.person_id <> d.person_id`,
    'abortion closes its episode on its date': `SELECT count(*) FROM abortion a JOIN pregnancy_episode e ON e.id = a.episode_id
        WHERE e.closure IS DISTINCT FROM 'ABORTION' OR e.closed_on <> a.performed_on OR e.person_id <> a.person_id`,
    'episode: LMP ≤ registration ≤ closing': `SELECT count(*) FROM pregnancy_episode
        WHERE registered_on < lmp OR closed_on < registered_on OR (closure IS NULL) <> (closed_on IS NULL) OR gravidity < parity + 1`,
    'ANC visit within its episode, GA agrees with LMP': `SELECT count(*) FROM anc_visit v JOIN pregnancy_episode e ON e.id = v.episode_id
        WHERE v.visit_date < e.registered_on OR v.visit_date >= e.closed_on OR v.person_id <> e.person_id
           OR (e.lmp IS NOT NULL AND floor((v.visit_date - e.lmp) / 7.0) <> v.ga_weeks)`,
    'a stillborn has no EENC, vitamin K1, hepatitis B dose, kangaroo care, screening, certificate or person': `SELECT count(*) FROM newborn
        WHERE NOT live_born AND (eenc OR vitamin_k1 OR hep_b_dose_at IS NOT NULL OR kangaroo_care OR newborn_screening OR asphyxia
          OR birth_certificate_number IS NOT NULL OR person_id IS NOT NULL)`,
    'a live-born has a person, born on the delivery date, child of the mother': `SELECT count(*) FROM newborn n JOIN delivery d ON d.id = n.delivery_id
        LEFT JOIN person p ON p.id = n.person_id
        WHERE n.live_born AND (p.id IS NULL OR p.date_of_birth <> d.delivery_date OR p.mother_id <> d.person_id)`,
    'newborns: one per baby, on the delivery facility': `SELECT count(*) FROM delivery d
        WHERE d.babies <> (SELECT count(*) FROM newborn n WHERE n.delivery_id = d.id AND n.facility_id = d.facility_id)`,
    'hepatitis B dose after the birth': `SELECT count(*) FROM newborn n JOIN delivery d ON d.id = n.delivery_id WHERE n.hep_b_dose_at < d.delivered_at`,
    'HIV confirmed on or before the delivery': `SELECT count(*) FROM delivery WHERE hiv_confirmed_on > delivery_date`,
    'caesarean and instrumental births only at a facility': `SELECT count(*) FROM delivery WHERE mode <> 'VAGINAL' AND place <> 'FACILITY'`,
    'postnatal visit after the delivery': `SELECT count(*) FROM postnatal_visit v JOIN delivery d ON d.id = v.delivery_id WHERE v.visit_date < d.delivery_date`,
    'complication: one event, onset on or after it': `SELECT count(*) FROM complication c
        LEFT JOIN delivery d ON d.id = c.delivery_id LEFT JOIN abortion a ON a.id = c.abortion_id LEFT JOIN contraception_service s ON s.id = c.contraception_id
        WHERE num_nonnulls(c.delivery_id, c.abortion_id, c.contraception_id) <> 1
           OR c.onset_on < coalesce(d.delivery_date, a.performed_on, s.served_on)
           OR (c.category = 'CONTRACEPTIVE') <> (c.contraception_id IS NOT NULL)`,
    'child exam: age in days from the date of birth, under 5': `SELECT count(*) FROM child_exam x JOIN person p ON p.id = x.person_id
        WHERE x.age_days <> x.exam_date - p.date_of_birth OR x.age_days NOT BETWEEN 0 AND 1826`,
    'child exam: z-scores only with the measures they need': `SELECT count(*) FROM child_exam
        WHERE (height_cm IS NULL) <> (height_for_age_z IS NULL) OR (height_cm IS NULL AND weight_for_height_z IS NOT NULL)
           OR weight_kg IS NULL OR weight_for_age_z IS NULL OR cardinality(nutritional_status) = 0`,
    'death: dates in order, child age in days': `SELECT count(*) FROM death
        WHERE died_on < date_of_birth OR recorded_on < died_on OR (age_days IS NOT NULL AND age_days <> died_on - date_of_birth)`,
    'maternal death: a woman, with its timing': `SELECT count(*) FROM death d LEFT JOIN person p ON p.id = d.person_id
        WHERE maternal AND (maternal_timing IS NULL OR p.sex IS DISTINCT FROM 'FEMALE') OR (NOT maternal AND maternal_timing IS NOT NULL)`,
    'stillbirth death at GA ≥ 22, no person': `SELECT count(*) FROM death WHERE stillbirth AND (stillbirth_ga_weeks < 22 OR person_id IS NOT NULL)`,
    'no record after the person’s death': `SELECT count(*) FROM death d JOIN person p ON p.id = d.person_id WHERE
           EXISTS (SELECT 1 FROM child_exam x WHERE x.person_id = p.id AND x.exam_date >= d.died_on)
        OR EXISTS (SELECT 1 FROM anc_visit x WHERE x.person_id = p.id AND x.visit_date > d.died_on)
        OR EXISTS (SELECT 1 FROM contraception_service x WHERE x.person_id = p.id AND x.served_on >= d.died_on)
        OR EXISTS (SELECT 1 FROM gynaecology_visit x WHERE x.person_id = p.id AND x.visit_date >= d.died_on)
        OR EXISTS (SELECT 1 FROM postnatal_visit x JOIN delivery y ON y.id = x.delivery_id WHERE y.person_id = p.id AND x.visit_date >= d.died_on)`,
    'male sterilisation for men, other services and registers for women': `SELECT
          (SELECT count(*) FROM contraception_service s JOIN person p ON p.id = s.person_id
            WHERE (s.method = 'MALE_STERILISATION') <> (p.sex = 'MALE'))
        + (SELECT count(*) FROM delivery d JOIN person p ON p.id = d.person_id WHERE p.sex <> 'FEMALE')
        + (SELECT count(*) FROM gynaecology_visit g JOIN person p ON p.id = g.person_id WHERE p.sex <> 'FEMALE')`,
    'mothers aged 15–49 at the delivery': `SELECT count(*) FROM delivery d JOIN person p ON p.id = d.person_id
        WHERE d.delivery_date < p.date_of_birth + interval '15 years' OR d.delivery_date >= p.date_of_birth + interval '50 years'`,
    'no date after the horizon': `SELECT
          (SELECT count(*) FROM anc_visit WHERE visit_date > ${h}) + (SELECT count(*) FROM delivery WHERE delivery_date > ${h}
            OR discharged_at > ${h} + 1) + (SELECT count(*) FROM pregnancy_episode WHERE registered_on > ${h} OR closed_on > ${h})
        + (SELECT count(*) FROM abortion WHERE performed_on > ${h}) + (SELECT count(*) FROM contraception_service WHERE served_on > ${h})
        + (SELECT count(*) FROM gynaecology_visit WHERE visit_date > ${h}) + (SELECT count(*) FROM hpv_vaccination WHERE given_on > ${h})
        + (SELECT count(*) FROM child_exam WHERE exam_date > ${h}) + (SELECT count(*) FROM death WHERE recorded_on > ${h})
        + (SELECT count(*) FROM postnatal_visit WHERE visit_date > ${h}) + (SELECT count(*) FROM complication WHERE onset_on > ${h})
        + (SELECT count(*) FROM person WHERE date_of_birth > ${h})`,
    'source metadata: system and id exactly for API rows, import for Excel rows': `SELECT sum(n) FROM (
        ${[
          'pregnancy_episode',
          'anc_visit',
          'delivery',
          'abortion',
          'contraception_service',
          'gynaecology_visit',
          'hpv_vaccination',
          'child_exam',
          'death',
        ]
          .map(
            (t) => `SELECT count(*) AS n FROM ${t} WHERE (source = 'API') <> (source_system IS NOT NULL AND source_record_id IS NOT NULL)
              OR (source = 'EXCEL') <> (import_id IS NOT NULL)
              OR (import_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM register_import i WHERE i.id = import_id AND i.facility_id = ${t}.facility_id))`,
          )
          .join(' UNION ALL ')}) s`,
    'citizen ID: province, century and sex, year of birth': `SELECT count(*) FROM person WHERE citizen_id IS NOT NULL AND (
          citizen_id !~ '^0(10|11|12|14|62|64|67)[0-3][0-9]{8}$'
          OR substr(citizen_id, 5, 2)::int <> extract(year FROM date_of_birth)::int % 100
          OR substr(citizen_id, 4, 1)::int <> (extract(year FROM date_of_birth)::int / 100 - 19) * 2 + (sex = 'FEMALE')::int)`,
    'insurance card: 2 letters, benefit 1–5, province, 10 digits': `SELECT count(*) FROM person WHERE insurance_card !~ '^[A-Z]{2}[1-5](0[1-9]|[1-9][0-9])[0-9]{10}$'`,
    'phone: 10-digit mobile': `SELECT count(*) FROM person WHERE phone !~ '^0[35789][0-9]{8}$'`,
    'ethnicity: a code of the 54 groups': `SELECT count(*) FROM person WHERE ethnicity_code !~ '^(0[1-9]|[1-4][0-9]|5[0-4])$'`,
    'residence: every person, periods in order, commune version in force': `SELECT
          (SELECT count(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_residence r WHERE r.person_id = p.id))
        + (SELECT count(*) FROM person_residence r JOIN admin_unit u ON u.id = r.commune_id
            WHERE r.valid_to < r.valid_from OR u.level <> 'commune'
               OR (u.valid_from IS NOT NULL AND r.valid_from < u.valid_from) OR (u.valid_to IS NOT NULL AND (r.valid_to IS NULL OR r.valid_to > u.valid_to)))`,
    'residence periods of a person do not overlap': `SELECT count(*) FROM person_residence a JOIN person_residence b
        ON a.person_id = b.person_id AND a.id < b.id AND a.valid_from <= coalesce(b.valid_to, 'infinity') AND b.valid_from <= coalesce(a.valid_to, 'infinity')`,
    'person_facility lists every facility that recorded the person': `SELECT count(*) FROM (
          SELECT facility_id, person_id FROM anc_visit UNION SELECT facility_id, person_id FROM delivery
          UNION SELECT facility_id, person_id FROM pregnancy_episode UNION SELECT facility_id, person_id FROM abortion
          UNION SELECT facility_id, person_id FROM contraception_service UNION SELECT facility_id, person_id FROM gynaecology_visit
          UNION SELECT facility_id, person_id FROM hpv_vaccination UNION SELECT facility_id, person_id FROM child_exam
          UNION SELECT facility_id, person_id FROM death WHERE person_id IS NOT NULL) r
        WHERE NOT EXISTS (SELECT 1 FROM person_facility pf WHERE pf.person_id = r.person_id AND pf.facility_id = r.facility_id)`,
    'a person’s first facility is one that recorded her': `SELECT count(*) FROM person p
        WHERE NOT EXISTS (SELECT 1 FROM person_facility pf WHERE pf.person_id = p.id AND pf.facility_id = p.facility_id)`,
    'records only at facilities open on the event date': `SELECT sum(n) FROM (
        ${[
          ['anc_visit', 'visit_date'],
          ['delivery', 'delivery_date'],
          ['pregnancy_episode', 'registered_on'],
          ['abortion', 'performed_on'],
          ['contraception_service', 'served_on'],
          ['gynaecology_visit', 'visit_date'],
          ['hpv_vaccination', 'given_on'],
          ['child_exam', 'exam_date'],
          ['death', 'recorded_on'],
          ['postnatal_visit', 'visit_date'],
        ]
          .map(
            ([t, d]) => `SELECT count(*) AS n FROM ${t} r JOIN facility f ON f.id = r.facility_id
              WHERE (f.valid_from IS NOT NULL AND r.${d} < f.valid_from) OR (f.valid_to IS NOT NULL AND r.${d} > f.valid_to)`,
          )
          .join(' UNION ALL ')}) s`,
    'foreign keys hold (rows were loaded without checks)': `SELECT
          (SELECT count(*) FROM person c WHERE mother_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = c.mother_id))
        + (SELECT count(*) FROM anc_visit c WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = c.person_id)
            OR (episode_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pregnancy_episode e WHERE e.id = c.episode_id)))
        + (SELECT count(*) FROM delivery c WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = c.person_id))
        + (SELECT count(*) FROM newborn c WHERE NOT EXISTS (SELECT 1 FROM delivery d WHERE d.id = c.delivery_id))
        + (SELECT count(*) FROM complication c WHERE (delivery_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.id = c.delivery_id))
            OR (abortion_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM abortion d WHERE d.id = c.abortion_id))
            OR (contraception_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contraception_service d WHERE d.id = c.contraception_id)))
        + (SELECT count(*) FROM child_exam c WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = c.person_id))
        + (SELECT count(*) FROM death c WHERE (person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = c.person_id))
            OR (mother_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = c.mother_id)))
        + (SELECT count(*) FROM person_facility c WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = c.person_id))
        + (SELECT count(*) FROM person_source_id c WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = c.person_id))
        + (SELECT count(*) FROM person_residence c WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = c.person_id))
        + (SELECT count(*) FROM postnatal_visit c WHERE NOT EXISTS (SELECT 1 FROM delivery d WHERE d.id = c.delivery_id))`,
  };
}

/** Runs the checks; returns the ones that found rows breaking their rule, with the count. */
export async function failedChecks(client: Client, horizon: string): Promise<Record<string, number>> {
  const failed: Record<string, number> = {};
  for (const [name, sql] of Object.entries(ruleChecks(horizon))) {
    const count = Number(Object.values((await client.query(sql)).rows[0])[0] ?? 0);
    if (count !== 0) failed[name] = count;
  }
  return failed;
}

/** Shares that make the data plausible (percentages), for the run's report and the test's bounds. */
export const DISTRIBUTION_SQL = `SELECT
  (SELECT round(100.0 * avg((p.ethnicity_code <> '01')::int), 1) FROM delivery d JOIN person p ON p.id = d.person_id) AS minority_mothers,
  (SELECT round(100.0 * avg((d.delivery_date < p.date_of_birth + interval '20 years')::int), 1) FROM delivery d JOIN person p ON p.id = d.person_id) AS adolescent_mothers,
  (SELECT round(100.0 * avg((place = 'HOME')::int), 1) FROM delivery) AS home_births,
  (SELECT round(100.0 * avg((babies = 2)::int), 2) FROM delivery) AS twin_deliveries,
  (SELECT round(100.0 * avg((NOT live_born)::int), 2) FROM newborn) AS stillbirths,
  (SELECT round(100.0 * avg((weight_grams < 2500)::int), 1) FROM newborn WHERE live_born AND weight_grams IS NOT NULL) AS low_birth_weight,
  (SELECT round(100.0 * avg((mode = 'CAESAREAN')::int), 1) FROM delivery) AS caesareans,
  (SELECT round(100.0 * count(*) / nullif((SELECT count(*) FROM delivery), 0), 1) FROM complication WHERE delivery_id IS NOT NULL) AS complications_per_100_deliveries,
  (SELECT round(100.0 * avg((f.kind = 'COMMUNE_HEALTH_STATION')::int), 1) FROM child_exam x JOIN facility f ON f.id = x.facility_id) AS exams_at_stations,
  (SELECT round(100.0 * avg(('STUNTED' = ANY(nutritional_status) OR 'SEVERE_STUNTED' = ANY(nutritional_status))::int), 1) FROM child_exam WHERE height_cm IS NOT NULL) AS stunted_exams,
  (SELECT round(100.0 * avg(('WASTED' = ANY(nutritional_status) OR 'SEVERE_WASTED' = ANY(nutritional_status))::int), 1) FROM child_exam WHERE height_cm IS NOT NULL) AS wasted_exams,
  (SELECT round(100.0 * avg((hbv_result = 'POSITIVE')::int), 1) FROM anc_visit WHERE hbv_result IS NOT NULL) AS hbv_positive,
  (SELECT round(100.0 * avg((source = 'API')::int), 1) FROM anc_visit) AS anc_by_api,
  (SELECT round(100.0 * avg((source = 'EXCEL')::int), 1) FROM anc_visit) AS anc_by_excel,
  (SELECT count(*) FROM death WHERE maternal) AS maternal_deaths`;
