import { Client } from 'pg';

/**
 * A small builder of register fixtures for the counting-rule tests of the monthly commune report
 * (docs/report-rules.md): communes, stations and other facilities with codes no other test uses,
 * persons with their residence, pregnancy episodes and the register rows, inserted with plain SQL
 * as the database owner. Every method returns the new row's id. Defaults are the uneventful value
 * of each field (a Kinh woman born 1995, a midwife-attended vaginal birth at the recording
 * facility, one live-born girl of 3,100 g), so a fixture names only what its case is about.
 */

export type Place = 'FACILITY' | 'HOME' | 'ON_THE_WAY' | 'OUTREACH' | 'OTHER_FACILITY';
export type Sex = 'MALE' | 'FEMALE';
export type TestResult = 'NEGATIVE' | 'POSITIVE';
export type AttendantKind =
  | 'DOCTOR'
  | 'ASSISTANT_DOCTOR'
  | 'MIDWIFE'
  | 'NURSE'
  | 'VILLAGE_MIDWIFE'
  | 'TRADITIONAL_BIRTH_ATTENDANT'
  | 'RELATIVE'
  | 'NONE';
export type FacilityKind = 'COMMUNE_HEALTH_STATION' | 'DISTRICT_HEALTH_CENTER' | 'PROVINCIAL_FACILITY' | 'PRIVATE_CLINIC';

/** A commune station with the commune it serves. */
export interface Station {
  id: number;
  communeId: number;
  code: string;
}

let serial = 0;
/** A code no other fixture of this run uses (admin-unit codes have at most 10 characters). */
function uniqueCode(prefix: string): string {
  serial += 1;
  return `${prefix}${Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}${serial.toString(36).padStart(4, '0')}`.slice(0, 10);
}

export interface PersonSpec {
  born?: string;
  sex?: Sex;
  /** Ethnicity code ('01' Kinh); null: unknown. */
  ethnicity?: string | null;
  /** Commune of residence from `livesFrom` (open-ended); none: no residence recorded. */
  communeId?: number;
  livesFrom?: string;
  motherId?: string | null;
  /** The facility that first recorded the person; any facility will do. */
  facilityId: number;
  name?: string;
}

export interface EpisodeSpec {
  facilityId: number;
  personId: string;
  registeredOn: string;
  lmp?: string | null;
  tetanusDosesBefore?: number;
  closure?: 'DELIVERY' | 'ABORTION' | 'PREGNANCY_LOSS' | 'MOVED_AWAY' | null;
  closedOn?: string | null;
}

export interface AncVisitSpec {
  facilityId: number;
  personId: string;
  episodeId?: string | null;
  visitDate: string;
  place?: Place;
  gaWeeks?: number | null;
  tetanusDose?: boolean;
  urineProtein?: TestResult | null;
  hbv?: TestResult | null;
  syphilis?: TestResult | null;
  hiv?: TestResult | null;
  glucose?: 'NORMAL' | 'ABOVE_NORMAL' | null;
}

export interface NewbornSpec {
  sex?: Sex;
  liveBorn?: boolean;
  weightGrams?: number | null;
  asphyxia?: boolean;
  eenc?: boolean;
  kangarooCare?: boolean;
  vitaminK1?: boolean;
  /** Instant of the hepatitis B birth dose, with its offset. */
  hepBDoseAt?: string | null;
  ethnicity?: string | null;
  birthCertificateNumber?: string | null;
}

export interface DeliverySpec {
  facilityId: number;
  personId: string;
  episodeId?: string | null;
  /** The instant of the birth with its offset, e.g. '2026-03-10T08:00:00+07:00'. */
  deliveredAt: string;
  place?: Place;
  attendant?: AttendantKind;
  mode?: 'VAGINAL' | 'INSTRUMENTAL' | 'CAESAREAN';
  gaWeeks?: number | null;
  hbvLabour?: TestResult | null;
  syphilisLabour?: TestResult | null;
  hivLabour?: TestResult | null;
  hivConfirmedOn?: string | null;
  tetanusDosesElsewhere?: number;
  dischargedAt?: string | null;
  /** Default: one live-born girl of 3,100 g. */
  newborns?: NewbornSpec[];
}

export interface DeliveryIds {
  id: string;
  newbornIds: string[];
}

export interface ComplicationSpec {
  facilityId: number;
  kind: string;
  onsetOn: string;
  outcome?: 'RECOVERED' | 'REFERRED' | 'DIED';
  deliveryId?: string;
  abortionId?: string;
  contraceptionId?: string;
}

export interface DeathSpec {
  facilityId: number;
  diedOn: string;
  recordedOn?: string;
  place?: Place;
  personId?: string | null;
  motherId?: string | null;
  sex?: Sex | null;
  dateOfBirth?: string | null;
  ethnicity?: string | null;
  maternal?: boolean;
  audited?: boolean;
}

const DAY_MS = 86_400_000;
/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export class ReportFixtures {
  private constructor(readonly db: Client) {}

  static async connect(url = process.env['SKSS_TEST_DATABASE_URL']): Promise<ReportFixtures> {
    const db = new Client({ connectionString: url });
    await db.connect();
    return new ReportFixtures(db);
  }

  end(): Promise<void> {
    return this.db.end();
  }

  private async one<T>(sql: string, params: unknown[]): Promise<T> {
    const { rows } = await this.db.query(sql, params);
    return (rows[0] as { id: T }).id;
  }

  // ---- Org units -------------------------------------------------------------------------

  async commune(options: { validFrom?: string | null; validTo?: string | null; name?: string } = {}): Promise<number> {
    const code = uniqueCode('R');
    const name = options.name ?? `Xã Thử Nghiệm ${code}`;
    return this.one<number>(
      `INSERT INTO admin_unit (key, code, level, name, name_folded, type, valid_from, valid_to, updated_at)
       VALUES ($1, $2, 'commune', $3::text, lower($3::text), 'Xã', $4, $5, now()) RETURNING id`,
      [`commune:${code}@${options.validFrom ?? 'open'}`, code, name, options.validFrom ?? null, options.validTo ?? null],
    );
  }

  async lineage(predecessorId: number, successorId: number, kind: 'full' | 'partial', effectiveOn: string): Promise<void> {
    await this.db.query(`INSERT INTO admin_unit_lineage (predecessor_id, successor_id, kind, effective_on) VALUES ($1, $2, $3, $4)`, [
      predecessorId,
      successorId,
      kind,
      effectiveOn,
    ]);
  }

  async facility(
    kind: FacilityKind,
    adminUnitId: number | null,
    options: { validFrom?: string | null; validTo?: string | null } = {},
  ): Promise<{ id: number; code: string }> {
    const code = `RR.${uniqueCode('F')}`;
    const id = await this.one<number>(
      `INSERT INTO facility (code, name, name_folded, kind, admin_unit_id, valid_from, valid_to, updated_at)
       VALUES ($1, $2::text, lower($2::text), $3, $4, $5, $6, now()) RETURNING id`,
      [code, `Cơ sở thử nghiệm ${code}`, kind, adminUnitId, options.validFrom ?? null, options.validTo ?? null],
    );
    return { id, code };
  }

  /** A fresh commune (open-ended unless dated) and its commune health station. */
  async station(options: { validFrom?: string | null; validTo?: string | null } = {}): Promise<Station> {
    const communeId = await this.commune(options);
    const { id, code } = await this.facility('COMMUNE_HEALTH_STATION', communeId, options);
    return { id, communeId, code };
  }

  /** A hospital (district health centre) located in a commune of its own: another facility. */
  async hospital(): Promise<number> {
    return (await this.facility('DISTRICT_HEALTH_CENTER', await this.commune())).id;
  }

  // ---- Persons -----------------------------------------------------------------------------

  async person(spec: PersonSpec): Promise<string> {
    const name = spec.name ?? `Người Thử ${uniqueCode('p')}`;
    const id = await this.one<string>(
      `INSERT INTO person (id, full_name, full_name_folded, date_of_birth, sex, ethnicity_code, mother_id, facility_id, updated_at)
       VALUES (gen_random_uuid(), $1::text, lower($1::text), $2, $3, $4, $5, $6, now()) RETURNING id`,
      [
        name,
        spec.born ?? '1995-06-15',
        spec.sex ?? 'FEMALE',
        spec.ethnicity === undefined ? '01' : spec.ethnicity,
        spec.motherId ?? null,
        spec.facilityId,
      ],
    );
    if (spec.communeId !== undefined) await this.residence(id, spec.communeId, spec.livesFrom ?? '2000-01-01');
    return id;
  }

  /** A woman (Kinh, born 1995-06-15 unless told). */
  woman(spec: Omit<PersonSpec, 'sex'>): Promise<string> {
    return this.person({ ...spec, sex: 'FEMALE' });
  }

  async residence(personId: string, communeId: number, validFrom: string, validTo: string | null = null): Promise<void> {
    await this.db.query(`INSERT INTO person_residence (person_id, commune_id, valid_from, valid_to) VALUES ($1, $2, $3, $4)`, [
      personId,
      communeId,
      validFrom,
      validTo,
    ]);
  }

  // ---- Registers ---------------------------------------------------------------------------

  episode(spec: EpisodeSpec): Promise<string> {
    return this.one<string>(
      `INSERT INTO pregnancy_episode (id, facility_id, person_id, registered_on, lmp, tetanus_doses_before, closure, closed_on, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, now()) RETURNING id`,
      [
        spec.facilityId,
        spec.personId,
        spec.registeredOn,
        spec.lmp ?? null,
        spec.tetanusDosesBefore ?? 0,
        spec.closure ?? null,
        spec.closedOn ?? null,
      ],
    );
  }

  ancVisit(spec: AncVisitSpec): Promise<string> {
    return this.one<string>(
      `INSERT INTO anc_visit (id, facility_id, person_id, episode_id, visit_date, place, ga_weeks, tetanus_dose_given,
         urine_protein, hbv_result, syphilis_result, hiv_result, glucose_result, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now()) RETURNING id`,
      [
        spec.facilityId,
        spec.personId,
        spec.episodeId ?? null,
        spec.visitDate,
        spec.place ?? 'FACILITY',
        spec.gaWeeks ?? null,
        spec.tetanusDose ?? false,
        spec.urineProtein ?? null,
        spec.hbv ?? null,
        spec.syphilis ?? null,
        spec.hiv ?? null,
        spec.glucose ?? null,
      ],
    );
  }

  /** A delivery with its newborns; live-born babies also become child persons linked to the mother. */
  async delivery(spec: DeliverySpec): Promise<DeliveryIds> {
    const newborns = spec.newborns ?? [{}];
    const id = await this.one<string>(
      `INSERT INTO delivery (id, facility_id, person_id, episode_id, delivered_at, delivery_date, place, attendant_kind, mode, ga_weeks,
         babies, hbv_labour_result, syphilis_labour_result, hiv_labour_result, hiv_confirmed_on, tetanus_doses_elsewhere,
         discharged_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4::timestamptz, ($4::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, $5, $6, $7, $8,
         $9, $10, $11, $12, $13, $14, $15, now()) RETURNING id`,
      [
        spec.facilityId,
        spec.personId,
        spec.episodeId ?? null,
        spec.deliveredAt,
        spec.place ?? 'FACILITY',
        spec.attendant ?? 'MIDWIFE',
        spec.mode ?? 'VAGINAL',
        spec.gaWeeks === undefined ? 39 : spec.gaWeeks,
        newborns.length,
        spec.hbvLabour ?? null,
        spec.syphilisLabour ?? null,
        spec.hivLabour ?? null,
        spec.hivConfirmedOn ?? null,
        spec.tetanusDosesElsewhere ?? 0,
        spec.dischargedAt ?? null,
      ],
    );
    const newbornIds: string[] = [];
    for (const [index, baby] of newborns.entries()) {
      const liveBorn = baby.liveBorn ?? true;
      const ethnicity = baby.ethnicity === undefined ? null : baby.ethnicity;
      const childId = liveBorn
        ? await this.person({
            born: spec.deliveredAt.slice(0, 10),
            sex: baby.sex ?? 'FEMALE',
            ethnicity,
            motherId: spec.personId,
            facilityId: spec.facilityId,
          })
        : null;
      newbornIds.push(
        await this.one<string>(
          `INSERT INTO newborn (id, delivery_id, facility_id, person_id, birth_order, sex, live_born, weight_grams, asphyxia, eenc,
             kangaroo_care, vitamin_k1, hep_b_dose_at, ethnicity_code, birth_certificate_number)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::timestamptz, $13, $14) RETURNING id`,
          [
            id,
            spec.facilityId,
            childId,
            index + 1,
            baby.sex ?? 'FEMALE',
            liveBorn,
            baby.weightGrams === undefined ? 3100 : baby.weightGrams,
            baby.asphyxia ?? false,
            baby.eenc ?? false,
            baby.kangarooCare ?? false,
            baby.vitaminK1 ?? false,
            baby.hepBDoseAt ?? null,
            ethnicity,
            baby.birthCertificateNumber ?? null,
          ],
        ),
      );
    }
    return { id, newbornIds };
  }

  postnatalVisit(deliveryId: string, facilityId: number, visitDate: string): Promise<string> {
    return this.one<string>(
      `INSERT INTO postnatal_visit (id, delivery_id, facility_id, visit_date) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`,
      [deliveryId, facilityId, visitDate],
    );
  }

  /** An obstetric complication (of a delivery or an abortion) or, with `contraceptionId`, a contraceptive one. */
  complication(spec: ComplicationSpec): Promise<string> {
    return this.one<string>(
      `INSERT INTO complication (id, facility_id, category, kind, onset_on, outcome, delivery_id, abortion_id, contraception_id)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        spec.facilityId,
        spec.contraceptionId ? 'CONTRACEPTIVE' : 'OBSTETRIC',
        spec.kind,
        spec.onsetOn,
        spec.outcome ?? 'RECOVERED',
        spec.deliveryId ?? null,
        spec.abortionId ?? null,
        spec.contraceptionId ?? null,
      ],
    );
  }

  abortion(spec: {
    facilityId: number;
    personId: string;
    episodeId?: string | null;
    performedOn: string;
    gaWeeks: number;
    place?: Place;
  }): Promise<string> {
    return this.one<string>(
      `INSERT INTO abortion (id, facility_id, person_id, episode_id, performed_on, place, ga_weeks, method, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'MEDICAL', now()) RETURNING id`,
      [spec.facilityId, spec.personId, spec.episodeId ?? null, spec.performedOn, spec.place ?? 'FACILITY', spec.gaWeeks],
    );
  }

  contraception(spec: {
    facilityId: number;
    personId: string;
    servedOn: string;
    method: string;
    status: 'NEW' | 'CONTINUING';
    place?: Place;
  }): Promise<string> {
    return this.one<string>(
      `INSERT INTO contraception_service (id, facility_id, person_id, served_on, place, method, acceptor_status, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, now()) RETURNING id`,
      [spec.facilityId, spec.personId, spec.servedOn, spec.place ?? 'FACILITY', spec.method, spec.status],
    );
  }

  gynaecologyVisit(spec: {
    facilityId: number;
    personId: string;
    visitDate: string;
    place?: Place;
    viaVili?: 'NEGATIVE' | 'POSITIVE' | 'SUSPICIOUS' | null;
    cytologySent?: boolean;
    hpvTestSent?: boolean;
    treatmentGiven?: boolean;
  }): Promise<string> {
    return this.one<string>(
      `INSERT INTO gynaecology_visit (id, facility_id, person_id, visit_date, place, purpose, via_vili_result, cytology_sent,
         hpv_test_sent, treatment_given, treatments, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, '{}', now()) RETURNING id`,
      [
        spec.facilityId,
        spec.personId,
        spec.visitDate,
        spec.place ?? 'FACILITY',
        spec.treatmentGiven ? 'CURATIVE' : 'SCREENING',
        spec.viaVili ?? null,
        spec.cytologySent ?? false,
        spec.hpvTestSent ?? false,
        spec.treatmentGiven ?? false,
      ],
    );
  }

  hpvDose(spec: { facilityId: number; personId: string; givenOn: string; doseNumber: number; place?: Place }): Promise<string> {
    return this.one<string>(
      `INSERT INTO hpv_vaccination (id, facility_id, person_id, given_on, place, dose_number, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now()) RETURNING id`,
      [spec.facilityId, spec.personId, spec.givenOn, spec.place ?? 'FACILITY', spec.doseNumber],
    );
  }

  /** A row of the death register; a child's age in days is derived from the dates as the register keeps it. */
  death(spec: DeathSpec): Promise<string> {
    const ageDays = spec.dateOfBirth ? daysBetween(spec.dateOfBirth, spec.diedOn) : null;
    return this.one<string>(
      `INSERT INTO death (id, facility_id, person_id, mother_id, recorded_on, full_name, sex, date_of_birth, ethnicity_code, died_on,
         place, maternal, maternal_timing, audited, age_days, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now()) RETURNING id`,
      [
        spec.facilityId,
        spec.personId ?? null,
        spec.motherId ?? null,
        spec.recordedOn ?? spec.diedOn,
        `Người Mất ${uniqueCode('d')}`,
        spec.sex === undefined ? 'MALE' : spec.sex,
        spec.dateOfBirth ?? null,
        spec.ethnicity === undefined ? '01' : spec.ethnicity,
        spec.diedOn,
        spec.place ?? 'FACILITY',
        spec.maternal ?? false,
        spec.maternal ? 'WITHIN_42_DAYS' : null,
        spec.audited ?? false,
        ageDays,
      ],
    );
  }
}
