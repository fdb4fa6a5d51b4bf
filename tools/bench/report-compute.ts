import { Client } from 'pg';
import { computeCommuneCells, monthBounds, preparedSqlRunnerOf, sqlRunnerOf } from '@skss/api/statistical-reports';
import { CellValues, COMMUNE_ROWS } from '@skss/domain';
import { seedReferenceData } from '@skss/seed';
import { migrateDeploy, runSql, withDatabase } from '../db';
import { generateSyntheticYear } from '../synthetic';
import { createTestDatabase } from '../testing';

/**
 * The commune form computed from the registers (`npm run bench:report-compute`, DATABASE_URL
 * optional): a fresh database with the synthetic year (tools/synthetic), then
 *
 * 1. `computeCommuneCells` for every commune station in force in the month, against one
 *    hand-written SQL aggregation of the same cells over the same rows (`HAND_WRITTEN_SQL`, below:
 *    one plain statement, literals inline, no builders), timed in the same run, median of
 *    BENCH_RUNS runs each. Target: computeCommuneCells ≤ 2 × the hand-written query. The two must
 *    also agree on every cell (they are written independently), or the run fails.
 * 2. One station's form, for every station in turn: p50 / p95. Target p95 < 300 ms. Each must
 *    also equal that station's form from step 1 (few stations take another plan), or the run fails.
 *
 * BENCH_SCALE (default 1: the whole pilot year, about 2.7 million register rows), BENCH_YEAR (2025),
 * BENCH_MONTH (2025-10), BENCH_RUNS (5), BENCH_SINGLE (stations timed one by one, default 200).
 *
 * BENCH_DATABASE=<name> (needs DATABASE_URL) keeps the database between runs, to iterate without
 * regenerating the year: created, migrated and seeded when missing, the synthetic year generated
 * into it only while its registers are empty, pending migrations applied on every run, never dropped
 * (drop it by hand: `DROP DATABASE "<name>" WITH (FORCE)`).
 */
const SCALE = Number(process.env['BENCH_SCALE'] ?? 1);
const YEAR = Number(process.env['BENCH_YEAR'] ?? 2025);
const MONTH = process.env['BENCH_MONTH'] ?? `${YEAR}-10`;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const SINGLE = Number(process.env['BENCH_SINGLE'] ?? 200);
const KEPT_DATABASE = process.env['BENCH_DATABASE'];
const TARGET_RATIO = 2;
const TARGET_P95_MS = 300;

/**
 * The same cells, written once by hand as one statement: per register an aggregate by (station,
 * column), unpivoted to (station, col, cell, n). $1 stations, $2 first day, $3 last day.
 * Ages with PostgreSQL's age(), GA inline, codes and thresholds as literals.
 */
const HAND_WRITTEN_SQL = `
WITH RECURSIVE
st AS (
  SELECT f.id, f.kind, f.admin_unit_id AS unit,
         COALESCE((SELECT min(l.effective_on) FROM admin_unit_lineage l WHERE l.predecessor_id = f.admin_unit_id AND l.kind = 'full'), 'infinity'::date) AS until
    FROM facility f WHERE f.id = ANY($1::int[])
),
ab(sid, kind, unit, since, until, depth) AS (
  SELECT id, kind, unit, '-infinity'::date, until, 0 FROM st WHERE unit IS NOT NULL
  UNION ALL
  SELECT ab.sid, ab.kind, l.predecessor_id, greatest(ab.since, l.effective_on), ab.until, ab.depth + 1
    FROM ab JOIN admin_unit_lineage l ON l.successor_id = ab.unit AND l.kind = 'full' WHERE ab.depth < 10
),
ep1 AS (
  SELECT m.sid, 'total' AS col, count(*) AS c0,
         count(*) FILTER (WHERE date_part('year', age($3::date, p.date_of_birth)) BETWEEN 10 AND 19) AS c1
    FROM (SELECT sid, sid AS fid FROM ab WHERE depth = 0 AND $3::date < until
          UNION SELECT ab.sid, f.id FROM ab JOIN facility f ON f.admin_unit_id = ab.unit AND f.kind = ab.kind
                 WHERE ab.depth > 0 AND ab.since <= $3::date AND $3::date < ab.until) m
    JOIN pregnancy_episode e ON e.facility_id = m.fid AND e.registered_on <= $3::date
    JOIN person p ON p.id = e.person_id
   WHERE (e.closed_on IS NULL OR e.closed_on > $3::date) AND (e.lmp IS NULL OR e.lmp + 308 > $3::date)
     AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.episode_id = e.id AND d.delivery_date <= $3::date)
     AND NOT EXISTS (SELECT 1 FROM abortion b WHERE b.episode_id = e.id AND b.performed_on <= $3::date)
   GROUP BY m.sid
),
ep2 AS (
  SELECT e.facility_id AS sid, 'total' AS col, count(*) AS c0,
         count(*) FILTER (WHERE date_part('year', age(e.registered_on, p.date_of_birth)) BETWEEN 10 AND 19) AS c1
    FROM pregnancy_episode e JOIN person p ON p.id = e.person_id
   WHERE e.facility_id = ANY($1::int[]) AND e.registered_on BETWEEN $2::date AND $3::date
   GROUP BY e.facility_id
),
anc_rows AS (
  SELECT v.facility_id AS sid, CASE WHEN v.place = 'FACILITY' THEN 'station' ELSE 'outside' END AS col, v.id
    FROM anc_visit v WHERE v.facility_id = ANY($1::int[]) AND v.visit_date BETWEEN $2::date AND $3::date AND v.place IN ('FACILITY', 'HOME', 'ON_THE_WAY', 'OUTREACH')
  UNION ALL
  SELECT DISTINCT ab.sid, 'other', v.id
    FROM anc_visit v
    JOIN person_residence r ON r.person_id = v.person_id AND v.visit_date >= r.valid_from AND (r.valid_to IS NULL OR v.visit_date <= r.valid_to)
    JOIN ab ON ab.unit = r.commune_id AND v.visit_date >= ab.since AND v.visit_date < ab.until
   WHERE v.visit_date BETWEEN $2::date AND $3::date AND v.facility_id <> ab.sid
),
anc AS (
  SELECT a.sid, a.col, count(*) AS c0, count(*) FILTER (WHERE v.urine_protein IS NOT NULL) AS c1
    FROM anc_rows a JOIN anc_visit v ON v.id = a.id GROUP BY a.sid, a.col
),
del_rows AS (
  SELECT d.facility_id AS sid, CASE WHEN d.place = 'FACILITY' THEN 'station' ELSE 'outside' END AS col, d.id
    FROM delivery d WHERE d.facility_id = ANY($1::int[]) AND d.delivery_date BETWEEN $2::date AND $3::date AND d.place IN ('FACILITY', 'HOME', 'ON_THE_WAY', 'OUTREACH')
  UNION ALL
  SELECT DISTINCT ab.sid, 'other', d.id
    FROM delivery d
    JOIN person_residence r ON r.person_id = d.person_id AND d.delivery_date >= r.valid_from AND (r.valid_to IS NULL OR d.delivery_date <= r.valid_to)
    JOIN ab ON ab.unit = r.commune_id AND d.delivery_date >= ab.since AND d.delivery_date < ab.until
   WHERE d.delivery_date BETWEEN $2::date AND $3::date AND d.facility_id <> ab.sid
),
del_anc AS (
  SELECT d.id,
         count(v.id) AS n,
         count(v.id) FILTER (WHERE v.tetanus_dose_given) AS tt,
         count(v.id) FILTER (WHERE COALESCE((v.visit_date - ep.lmp) / 7, v.ga_weeks) BETWEEN 0 AND 13 AND (ep.lmp IS NULL OR v.visit_date >= ep.lmp)) AS t1,
         count(v.id) FILTER (WHERE COALESCE((v.visit_date - ep.lmp) / 7, v.ga_weeks) BETWEEN 14 AND 27) AS t2,
         count(v.id) FILTER (WHERE COALESCE((v.visit_date - ep.lmp) / 7, v.ga_weeks) >= 28) AS t3,
         bool_or(v.hbv_result IS NOT NULL) AS hbv, bool_or(v.hbv_result = 'POSITIVE') AS hbv_pos,
         bool_or(v.syphilis_result IS NOT NULL) AS syph, bool_or(v.syphilis_result = 'POSITIVE') AS syph_pos,
         bool_or(v.hiv_result IS NOT NULL) AS hiv, bool_or(v.glucose_result IS NOT NULL) AS glu, bool_or(v.glucose_result = 'ABOVE_NORMAL') AS glu_high
    FROM (SELECT DISTINCT id FROM del_rows) x
    JOIN delivery d ON d.id = x.id
    LEFT JOIN pregnancy_episode ep ON ep.id = d.episode_id
    LEFT JOIN anc_visit v ON v.episode_id = d.episode_id AND v.visit_date < d.delivery_date
   GROUP BY d.id
),
del_nb AS (
  SELECT n.delivery_id AS id,
         count(*) FILTER (WHERE n.live_born) AS live,
         count(*) FILTER (WHERE n.live_born AND COALESCE(btrim(n.birth_certificate_number), '') <> '') AS cert,
         count(*) FILTER (WHERE n.live_born AND n.sex = 'MALE') AS male,
         count(*) FILTER (WHERE n.live_born AND n.sex = 'FEMALE') AS female,
         count(*) FILTER (WHERE n.live_born AND lpad(COALESCE(nullif(btrim(n.ethnicity_code), ''), nullif(btrim(c.ethnicity_code), ''), nullif(btrim(m.ethnicity_code), '')), 2, '0') NOT IN ('01', '55')) AS minority,
         count(*) FILTER (WHERE n.live_born AND n.eenc) AS eenc,
         count(*) FILTER (WHERE n.live_born AND n.kangaroo_care) AS kangaroo,
         count(*) FILTER (WHERE n.live_born AND n.asphyxia) AS asphyxia,
         count(*) FILTER (WHERE n.live_born AND n.weight_grams IS NOT NULL) AS weighed,
         count(*) FILTER (WHERE n.live_born AND n.weight_grams < 2500) AS low,
         count(*) FILTER (WHERE n.live_born AND n.weight_grams > 4000) AS high,
         count(*) FILTER (WHERE n.live_born AND n.vitamin_k1) AS vitk,
         count(*) FILTER (WHERE n.live_born AND n.hep_b_dose_at IS NOT NULL) AS hepb,
         count(*) FILTER (WHERE n.live_born AND n.hep_b_dose_at < d.delivered_at + interval '24 hours') AS hepb24,
         count(*) FILTER (WHERE NOT n.live_born) AS still
    FROM (SELECT DISTINCT id FROM del_rows) x
    JOIN newborn n ON n.delivery_id = x.id
    JOIN delivery d ON d.id = n.delivery_id
    JOIN person m ON m.id = d.person_id
    LEFT JOIN person c ON c.id = n.person_id
   GROUP BY n.delivery_id
),
del_facts AS (
  SELECT r.sid, r.col, d.*, m.date_of_birth AS mdob, nullif(btrim(m.ethnicity_code), '') AS meth, ep.lmp, COALESCE(ep.tetanus_doses_before, 0) AS ttb,
         a.n, a.tt + d.tetanus_doses_elsewhere AS tth, a.t1, a.t2, a.t3, a.hbv, a.hbv_pos, a.syph, a.syph_pos, a.hiv, a.glu, a.glu_high,
         COALESCE(nb.live, 0) AS live, COALESCE(nb.cert, 0) AS cert, COALESCE(nb.male, 0) AS male, COALESCE(nb.female, 0) AS female,
         COALESCE(nb.minority, 0) AS minority, COALESCE(nb.eenc, 0) AS eenc, COALESCE(nb.kangaroo, 0) AS kangaroo,
         COALESCE(nb.asphyxia, 0) AS asphyxia, COALESCE(nb.weighed, 0) AS weighed, COALESCE(nb.low, 0) AS low, COALESCE(nb.high, 0) AS high,
         COALESCE(nb.vitk, 0) AS vitk, COALESCE(nb.hepb, 0) AS hepb, COALESCE(nb.hepb24, 0) AS hepb24, COALESCE(nb.still, 0) AS still,
         CASE WHEN ep.lmp IS NOT NULL THEN floor((d.delivery_date - ep.lmp) / 7.0) ELSE d.ga_weeks END AS ga
    FROM del_rows r JOIN delivery d ON d.id = r.id JOIN person m ON m.id = d.person_id
    LEFT JOIN pregnancy_episode ep ON ep.id = d.episode_id
    JOIN del_anc a ON a.id = d.id LEFT JOIN del_nb nb ON nb.id = d.id
),
del AS (
  SELECT sid, col,
    count(*) AS c0,
    count(*) FILTER (WHERE date_part('year', age(delivery_date, mdob)) BETWEEN 10 AND 19) AS c1,
    count(*) FILTER (WHERE lpad(meth, 2, '0') NOT IN ('01', '55')) AS c2,
    count(*) FILTER (WHERE n > 0) AS c3,
    count(*) FILTER (WHERE tth >= 2 OR (tth >= 1 AND ttb >= 1) OR tth + ttb >= 5) AS c4,
    count(*) FILTER (WHERE n >= 4 AND t1 > 0 AND t2 > 0 AND t3 > 0) AS c5,
    count(*) FILTER (WHERE n >= 4 AND t1 > 0 AND t2 > 0 AND t3 > 0 AND lpad(meth, 2, '0') NOT IN ('01', '55')) AS c6,
    count(*) FILTER (WHERE hbv OR hbv_labour_result IS NOT NULL) AS c7,
    count(*) FILTER (WHERE hbv) AS c8,
    count(*) FILTER (WHERE hbv_labour_result IS NOT NULL) AS c9,
    count(*) FILTER (WHERE hbv_pos OR hbv_labour_result = 'POSITIVE') AS c10,
    count(*) FILTER (WHERE syph) AS c11,
    count(*) FILTER (WHERE syphilis_labour_result IS NOT NULL) AS c12,
    count(*) FILTER (WHERE syph_pos OR syphilis_labour_result = 'POSITIVE') AS c13,
    count(*) FILTER (WHERE hiv OR hiv_confirmed_on <= delivery_date) AS c14,
    count(*) FILTER (WHERE hiv_labour_result IS NOT NULL) AS c15,
    count(*) FILTER (WHERE hiv_confirmed_on <= delivery_date) AS c16,
    count(*) FILTER (WHERE hiv_confirmed_on <= delivery_date AND hiv_confirmed_on >= lmp) AS c17,
    count(*) FILTER (WHERE glu) AS c18,
    count(*) FILTER (WHERE glu_high) AS c19,
    count(*) FILTER (WHERE attendant_kind IN ('DOCTOR', 'ASSISTANT_DOCTOR', 'MIDWIFE', 'NURSE', 'VILLAGE_MIDWIFE')) AS c20,
    count(*) FILTER (WHERE attendant_kind IN ('DOCTOR', 'ASSISTANT_DOCTOR', 'MIDWIFE')) AS c21,
    sum(cert) AS c22, sum(live) AS c23, sum(male) AS c24, sum(female) AS c25, sum(minority) AS c26, sum(eenc) AS c27,
    sum(eenc) FILTER (WHERE mode IN ('VAGINAL', 'INSTRUMENTAL')) AS c28, sum(eenc) FILTER (WHERE mode = 'CAESAREAN') AS c29,
    sum(kangaroo) AS c30, sum(live) FILTER (WHERE ga < 37) AS c31, sum(asphyxia) AS c32, sum(weighed) AS c33, sum(low) AS c34,
    sum(high) AS c35, sum(vitk) AS c36, sum(hepb) AS c37, sum(hepb24) AS c38, sum(still) FILTER (WHERE ga >= 22) AS c39
  FROM del_facts WHERE live > 0 OR ga IS NULL OR ga >= 22
  GROUP BY sid, col
),
pn AS (
  SELECT sid, 'total' AS col, count(DISTINCT did) FILTER (WHERE days BETWEEN 0 AND 41) AS c0,
         count(DISTINCT did) FILTER (WHERE days BETWEEN 0 AND 6) AS c1, count(DISTINCT did) FILTER (WHERE days BETWEEN 7 AND 41) AS c2
    FROM (SELECT v.facility_id AS sid, d.id AS did,
                 v.visit_date - CASE WHEN d.place IN ('HOME', 'ON_THE_WAY', 'OUTREACH') OR d.discharged_at IS NULL THEN d.delivery_date
                                     ELSE (d.discharged_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END AS days
            FROM postnatal_visit v JOIN delivery d ON d.id = v.delivery_id LEFT JOIN pregnancy_episode ep ON ep.id = d.episode_id
           WHERE v.facility_id = ANY($1::int[]) AND v.visit_date BETWEEN $2::date AND $3::date
             AND (EXISTS (SELECT 1 FROM newborn n WHERE n.delivery_id = d.id AND n.live_born)
                  OR COALESCE(floor((d.delivery_date - ep.lmp) / 7.0), d.ga_weeks) IS NULL
                  OR COALESCE(floor((d.delivery_date - ep.lmp) / 7.0), d.ga_weeks) >= 22)) x
   GROUP BY sid
),
cx AS (
  SELECT c.facility_id AS sid, CASE WHEN pl = 'FACILITY' THEN 'station' ELSE 'outside' END AS col,
    count(*) FILTER (WHERE c.category = 'OBSTETRIC') AS c0,
    count(*) FILTER (WHERE c.category = 'OBSTETRIC' AND c.outcome = 'DIED') AS c1,
    ${['HAEMORRHAGE', 'ECLAMPSIA', 'NEONATAL_TETANUS', 'UTERINE_RUPTURE', 'INFECTION']
      .map(
        (kind, i) =>
          `count(*) FILTER (WHERE c.category = 'OBSTETRIC' AND c.abortion_id IS NULL AND c.kind = '${kind}') AS k${i}, ` +
          `count(*) FILTER (WHERE c.category = 'OBSTETRIC' AND c.abortion_id IS NULL AND c.kind = '${kind}' AND c.outcome = 'DIED') AS kd${i},`,
      )
      .join('\n    ')}
    count(*) FILTER (WHERE c.category = 'OBSTETRIC' AND (c.abortion_id IS NOT NULL OR c.kind = 'ABORTION_COMPLICATION')) AS k5,
    count(*) FILTER (WHERE c.category = 'OBSTETRIC' AND (c.abortion_id IS NOT NULL OR c.kind = 'ABORTION_COMPLICATION') AND c.outcome = 'DIED') AS kd5,
    count(*) FILTER (WHERE c.category = 'OBSTETRIC' AND c.abortion_id IS NULL AND c.kind NOT IN ('HAEMORRHAGE', 'ECLAMPSIA', 'NEONATAL_TETANUS', 'UTERINE_RUPTURE', 'INFECTION', 'ABORTION_COMPLICATION')) AS k6,
    count(*) FILTER (WHERE c.category = 'OBSTETRIC' AND c.abortion_id IS NULL AND c.kind NOT IN ('HAEMORRHAGE', 'ECLAMPSIA', 'NEONATAL_TETANUS', 'UTERINE_RUPTURE', 'INFECTION', 'ABORTION_COMPLICATION') AND c.outcome = 'DIED') AS kd6,
    count(*) FILTER (WHERE c.category = 'CONTRACEPTIVE') AS c2
  FROM complication c
  LEFT JOIN delivery d ON d.id = c.delivery_id LEFT JOIN abortion b ON b.id = c.abortion_id LEFT JOIN contraception_service s ON s.id = c.contraception_id
  CROSS JOIN LATERAL (SELECT CASE WHEN c.category = 'OBSTETRIC' THEN COALESCE(d.place, b.place) ELSE s.place END AS pl) p
  WHERE c.facility_id = ANY($1::int[]) AND c.onset_on BETWEEN $2::date AND $3::date AND pl IN ('FACILITY', 'HOME', 'ON_THE_WAY', 'OUTREACH')
  GROUP BY 1, 2
),
dx AS (
  SELECT sid, col,
    count(*) FILTER (WHERE maternal) AS c0, count(*) FILTER (WHERE maternal AND audited) AS c1,
    count(*) FILTER (WHERE child AND days <= 6) AS c2, count(*) FILTER (WHERE child AND days <= 27) AS c3,
    count(*) FILTER (WHERE child AND years = 0) AS c4, count(*) FILTER (WHERE child AND years = 0 AND minority) AS c5,
    count(*) FILTER (WHERE child AND years <= 4) AS c6, count(*) FILTER (WHERE child AND years <= 4 AND minority) AS c7
  FROM (
    SELECT e.facility_id AS sid, CASE WHEN e.place = 'FACILITY' THEN 'station' ELSE 'outside' END AS col, e.maternal, e.audited,
           NOT e.stillbirth AND b.dob IS NOT NULL AND b.dob <= e.died_on AS child, e.died_on - b.dob AS days,
           date_part('year', age(e.died_on, b.dob)) AS years,
           COALESCE(lpad(COALESCE(nullif(btrim(e.ethnicity_code), ''), nullif(btrim(c.ethnicity_code), ''), nullif(btrim(m.ethnicity_code), '')), 2, '0') NOT IN ('01', '55'), false) AS minority
      FROM death e LEFT JOIN person c ON c.id = e.person_id LEFT JOIN person m ON m.id = e.mother_id
      CROSS JOIN LATERAL (SELECT COALESCE(e.date_of_birth, e.died_on - e.age_days) AS dob) b
     WHERE e.facility_id = ANY($1::int[]) AND e.died_on BETWEEN $2::date AND $3::date AND e.place IN ('FACILITY', 'HOME', 'ON_THE_WAY', 'OUTREACH')
  ) x GROUP BY sid, col
),
gx AS (
  SELECT facility_id AS sid, CASE WHEN place = 'FACILITY' THEN 'station' ELSE 'outside' END AS col, count(*) AS c0,
    count(*) FILTER (WHERE via_vili_result IS NOT NULL) AS c1, count(*) FILTER (WHERE via_vili_result = 'POSITIVE') AS c2,
    count(*) FILTER (WHERE via_vili_result = 'SUSPICIOUS') AS c3, count(*) FILTER (WHERE cytology_sent) AS c4,
    count(*) FILTER (WHERE hpv_test_sent) AS c5, count(*) FILTER (WHERE treatment_given) AS c6
  FROM gynaecology_visit
  WHERE facility_id = ANY($1::int[]) AND visit_date BETWEEN $2::date AND $3::date AND place IN ('FACILITY', 'HOME', 'ON_THE_WAY', 'OUTREACH')
  GROUP BY 1, 2
),
hx AS (
  SELECT facility_id AS sid, CASE WHEN place = 'FACILITY' THEN 'station' ELSE 'outside' END AS col, count(*) AS c0
  FROM hpv_vaccination
  WHERE facility_id = ANY($1::int[]) AND given_on BETWEEN $2::date AND $3::date AND place IN ('FACILITY', 'HOME', 'ON_THE_WAY', 'OUTREACH')
  GROUP BY 1, 2
),
kx AS (
  SELECT sid, col, count(*) AS c0,
    count(*) FILTER (WHERE method = 'IUD') AS c1, count(*) FILTER (WHERE method = 'INJECTABLE') AS c2,
    count(*) FILTER (WHERE method = 'IMPLANT') AS c3, count(*) FILTER (WHERE method = 'PILL') AS c4,
    count(*) FILTER (WHERE method IN ('FEMALE_STERILISATION', 'MALE_STERILISATION')) AS c5, count(*) FILTER (WHERE method = 'MALE_STERILISATION') AS c6,
    count(*) FILTER (WHERE method = 'CONDOM') AS c7, count(*) FILTER (WHERE method = 'OTHER_MODERN') AS c8
  FROM (SELECT DISTINCT facility_id AS sid, CASE WHEN place = 'FACILITY' THEN 'station' ELSE 'outside' END AS col, person_id, method
          FROM contraception_service
         WHERE facility_id = ANY($1::int[]) AND served_on BETWEEN $2::date AND $3::date AND acceptor_status = 'NEW'
           AND place IN ('FACILITY', 'HOME', 'ON_THE_WAY', 'OUTREACH')) x
  GROUP BY sid, col
),
bx AS (
  SELECT b.facility_id AS sid, CASE WHEN b.place = 'FACILITY' THEN 'station' ELSE 'outside' END AS col, count(*) AS c0,
    count(*) FILTER (WHERE CASE WHEN ep.lmp IS NOT NULL THEN floor((b.performed_on - ep.lmp) / 7.0) ELSE b.ga_weeks END <= 7) AS c1,
    count(*) FILTER (WHERE date_part('year', age(b.performed_on, p.date_of_birth)) BETWEEN 10 AND 19) AS c2
  FROM abortion b JOIN person p ON p.id = b.person_id LEFT JOIN pregnancy_episode ep ON ep.id = b.episode_id
  WHERE b.facility_id = ANY($1::int[]) AND b.performed_on BETWEEN $2::date AND $3::date AND b.place IN ('FACILITY', 'HOME', 'ON_THE_WAY', 'OUTREACH')
  GROUP BY 1, 2
)
SELECT sid::int AS station_id, col, cell, COALESCE(n, 0)::int AS n FROM (
  SELECT sid, col, v.* FROM ep1 CROSS JOIN LATERAL (VALUES ('I.1', c0), ('I.1.1', c1)) v(cell, n)
  UNION ALL SELECT sid, col, v.* FROM ep2 CROSS JOIN LATERAL (VALUES ('I.2', c0), ('I.2.1', c1)) v(cell, n)
  UNION ALL SELECT sid, col, v.* FROM anc CROSS JOIN LATERAL (VALUES ('I.3', c0), ('I.4', c1)) v(cell, n)
  UNION ALL SELECT sid, col, v.* FROM del CROSS JOIN LATERAL (VALUES ('I.5', c0), ('I.5.1a', c1), ('I.5.1b', c2), ('I.5.1c', c3), ('I.5.1d', c4),
    ('I.5.2', c5), ('I.5.2a', c6), ('I.5.3', c7), ('I.5.3a', c8), ('I.5.3b', c9), ('I.5.3c', c10), ('I.5.4a', c11), ('I.5.4b', c12), ('I.5.4c', c13),
    ('I.5.5a', c14), ('I.5.5b', c15), ('I.5.6', c16), ('I.5.7', c17), ('I.5.8', c18), ('I.5.8a', c19), ('I.5.9b', c20), ('I.5.9c', c21), ('I.6', c22),
    ('III.1', c23), ('III.1.1|male', c24), ('III.1.1|female', c25), ('III.1.2', c26), ('III.2', c27), ('III.2a', c28), ('III.2b', c29), ('III.2c', c30),
    ('III.3', c31), ('III.4', c32), ('III.5', c33), ('III.6', c34), ('III.7', c35), ('III.8.1', c36), ('III.8.2', c37), ('III.8.3', c38), ('III.9', c39)) v(cell, n)
  UNION ALL SELECT sid, col, v.* FROM pn CROSS JOIN LATERAL (VALUES ('I.7', c0), ('I.8.1', c1), ('I.8.2', c2)) v(cell, n)
  UNION ALL SELECT sid, col, v.* FROM cx CROSS JOIN LATERAL (VALUES ('I.9|cases', c0), ('I.9|deaths', c1),
    ('I.9.1|cases', k0), ('I.9.1|deaths', kd0), ('I.9.2|cases', k1), ('I.9.2|deaths', kd1), ('I.9.3|cases', k2), ('I.9.3|deaths', kd2),
    ('I.9.4|cases', k3), ('I.9.4|deaths', kd3), ('I.9.5|cases', k4), ('I.9.5|deaths', kd4), ('I.9.6|cases', k5), ('I.9.6|deaths', kd5),
    ('I.9.7|cases', k6), ('I.9.7|deaths', kd6), ('II.4', c2)) v(cell, n)
  UNION ALL SELECT sid, col, v.* FROM dx CROSS JOIN LATERAL (VALUES ('I.10', c0), ('I.10.1', c1), ('III.10', c2), ('III.11', c3), ('III.12', c4),
    ('III.12.1', c5), ('III.13', c6), ('III.13.1', c7)) v(cell, n)
  UNION ALL SELECT sid, col, v.* FROM gx CROSS JOIN LATERAL (VALUES ('II.1', c0), ('II.1.1', c1), ('II.1.2', c2), ('II.1.3', c3), ('II.1.4', c4),
    ('II.1.5', c5), ('II.2', c6)) v(cell, n)
  UNION ALL SELECT sid, col, v.* FROM hx CROSS JOIN LATERAL (VALUES ('II.2.2', c0)) v(cell, n)
  UNION ALL SELECT sid, col, v.* FROM kx CROSS JOIN LATERAL (VALUES ('II.3', c0), ('II.3.1', c1), ('II.3.2', c2), ('II.3.3', c3), ('II.3.4', c4),
    ('II.3.5', c5), ('II.3.6', c6), ('II.3.7', c7), ('II.3.8', c8)) v(cell, n)
  UNION ALL SELECT sid, col, v.* FROM bx CROSS JOIN LATERAL (VALUES ('II.5', c0), ('II.5.1', c1), ('II.5.2', c2)) v(cell, n)
) cells`;

type HandRow = { station_id: number; col: string; cell: string; n: number };

/** The hand-written query's rows as forms: the same totals rule (station + outside), CSYT khác only where the row has it. */
function handForms(rows: HandRow[], stationIds: number[]): Map<number, Map<string, number>> {
  const columnsOf = new Map(COMMUNE_ROWS.map((r) => [r.key, r.columns]));
  const forms = new Map(stationIds.map((id) => [id, new Map<string, number>()]));
  const add = (form: Map<string, number>, key: string, n: number) => form.set(key, (form.get(key) ?? 0) + n);
  for (const { station_id, col, cell, n } of rows) {
    const form = forms.get(station_id);
    if (!form || n === 0) continue;
    const [row, part] = cell.split('|');
    const columns = columnsOf.get(row);
    if (col === 'other' && columns !== 'withOther') continue;
    const prefix = part ? `${part}.` : '';
    add(form, `${row}:${prefix}${col}`, n);
    if (col === 'station' || col === 'outside') add(form, `${row}:${prefix}total`, n);
  }
  return forms;
}

function differences(computed: Map<number, CellValues>, hand: Map<number, Map<string, number>>): string[] {
  const out: string[] = [];
  for (const [id, values] of computed) {
    const expected = hand.get(id) ?? new Map<string, number>();
    for (const [row, columns] of Object.entries(values)) {
      for (const [column, value] of Object.entries(columns)) {
        const want = expected.get(`${row}:${column}`) ?? 0;
        if (want !== value) out.push(`station ${id} ${row}:${column} computed ${value}, hand-written ${want}`);
      }
    }
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

/**
 * The database of BENCH_DATABASE, kept between runs: created, migrated and seeded when missing,
 * migrated on every run (new indexes), never dropped. `empty`: no register row yet.
 */
async function keptDatabase(name: string): Promise<{ url: string; empty: boolean; dispose(): Promise<void> }> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) throw new Error('BENCH_DATABASE needs DATABASE_URL (the server to keep the database on)');
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DATABASE: not a plain database name: ${name}`);
  const url = withDatabase(serverUrl, name);
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  const exists = await admin
    .query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    .then((r) => r.rowCount === 1)
    .finally(() => admin.end());
  if (!exists) await runSql(withDatabase(serverUrl, 'postgres'), `CREATE DATABASE "${name}"`);
  await migrateDeploy(url);
  if (!exists) await seedReferenceData(url, { demo: true });
  const probe = new Client({ connectionString: url });
  await probe.connect();
  const empty = await probe
    .query('SELECT NOT EXISTS (SELECT 1 FROM anc_visit) AND NOT EXISTS (SELECT 1 FROM delivery) AS empty')
    .then((r) => r.rows[0].empty as boolean)
    .finally(() => probe.end());
  return { url, empty, dispose: async () => undefined };
}

async function main(): Promise<void> {
  const database = KEPT_DATABASE ? await keptDatabase(KEPT_DATABASE) : { ...(await createTestDatabase()), empty: true };
  const db = new Client({ connectionString: database.url });
  try {
    if (database.empty) {
      console.log(`Generating the synthetic ${YEAR} at scale ${SCALE} …`);
      const generated = await generateSyntheticYear({
        databaseUrl: database.url,
        year: YEAR,
        scale: SCALE,
        seed: 42,
        log: () => undefined,
      });
      console.log(`${generated.registerRows.toLocaleString('en')} register rows in ${Math.round(generated.elapsedMs / 1000)} s`);
    } else {
      console.log(
        `Reusing the kept database ${KEPT_DATABASE} (its registers are not regenerated: BENCH_SCALE and BENCH_YEAR are those it was made with)`,
      );
    }
    await db.connect();
    const runner = sqlRunnerOf(db);
    const { first, last } = monthBounds(MONTH);
    const stations = (
      await db.query<{ id: number }>(
        `SELECT id FROM facility WHERE kind = 'COMMUNE_HEALTH_STATION' AND (valid_from IS NULL OR valid_from <= $2::date)
            AND (valid_to IS NULL OR valid_to >= $1::date) ORDER BY id`,
        [first, last],
      )
    ).rows.map((r) => r.id);
    const hand = () => db.query<HandRow>(HAND_WRITTEN_SQL, [stations, first, last]).then((r) => r.rows);
    const computed = () => computeCommuneCells(runner, stations, MONTH);

    // Warm up both (plans, caches), then check they agree before timing.
    const handRows = await hand();
    const forms = await computed();
    const diff = differences(forms, handForms(handRows, stations));

    const computeMs: number[] = [];
    const handMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      handMs.push((await timed(hand)).ms);
      computeMs.push((await timed(computed)).ms);
    }
    // One station at a time (the CSYT khác column then starts from the station's residents: another
    // plan, the same numbers): each form must equal the station's form computed with all stations.
    // Twice: planned on every call, and prepared once per connection as the API's draft runs it
    // (PostgreSQL may then keep a generic plan: it must not be slower, nor count differently).
    const singleDiff: string[] = [];
    const oneByOne = async (stationRunner: typeof runner, label: string) => {
      const times: number[] = [];
      for (const id of stations.slice(0, SINGLE)) {
        const { ms, result } = await timed(() => computeCommuneCells(stationRunner, [id], MONTH));
        times.push(ms);
        const alone = result.get(id) ?? {};
        const together = forms.get(id) ?? {};
        for (const [row, columns] of Object.entries(alone)) {
          for (const [column, value] of Object.entries(columns)) {
            const want = together[row]?.[column];
            if (want !== value) singleDiff.push(`${label}: station ${id} ${row}:${column} alone ${value}, with all stations ${want}`);
          }
        }
      }
      return times;
    };
    const planned = await oneByOne(runner, 'planned');
    const single = await oneByOne(preparedSqlRunnerOf(db), 'prepared');

    const ratio = median(computeMs) / median(handMs);
    const p95 = percentile(single, 95);
    console.log(`\nCommune form, month ${MONTH}, ${stations.length} commune stations in force, median of ${RUNS} runs each\n`);
    console.log('| Measure | ms | target |');
    console.log('|---|--:|---|');
    console.log(`| hand-written SQL, all stations (one statement) | ${median(handMs).toFixed(0)} | |`);
    console.log(`| computeCommuneCells, all stations | ${median(computeMs).toFixed(0)} | ≤ ${TARGET_RATIO} × hand-written |`);
    console.log(`| ratio | ${ratio.toFixed(2)} | ${ratio <= TARGET_RATIO ? 'ok' : 'MISSED'} |`);
    console.log(
      `| one station, planned on every call: p50 / p95 (${planned.length} stations) | ${percentile(planned, 50).toFixed(0)} / ${percentile(planned, 95).toFixed(0)} | |`,
    );
    console.log(`| one station p50, prepared as the API runs it (${single.length} stations) | ${percentile(single, 50).toFixed(0)} | |`);
    console.log(`| one station p95, prepared | ${p95.toFixed(0)} | < ${TARGET_P95_MS} ms ${p95 < TARGET_P95_MS ? 'ok' : 'MISSED'} |`);
    const cells = [...forms.values()].reduce(
      (sum, v) => sum + Object.values(v).reduce((s, c) => s + Object.values(c).reduce((a, b) => a + b, 0), 0),
      0,
    );
    console.log(`\nSum of all cells: ${cells.toLocaleString('en')}; cells differing from the hand-written query: ${diff.length}`);
    for (const line of diff.slice(0, 20)) console.log(`  ${line}`);
    console.log(
      `Cells of the ${single.length} one-station forms (planned and prepared) differing from the all-stations forms: ${singleDiff.length}`,
    );
    for (const line of singleDiff.slice(0, 20)) console.log(`  ${line}`);
    if (diff.length > 0 || singleDiff.length > 0 || ratio > TARGET_RATIO || p95 >= TARGET_P95_MS) process.exitCode = 1;
  } finally {
    await db.end().catch(() => undefined);
    await database.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
