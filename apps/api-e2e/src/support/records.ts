import { createTestUser, uniqueName, withDb } from './db';
import { request, signIn } from './http';

/**
 * Plumbing of the clinical-records tests: valid bodies of every register, persons with valid
 * identifiers, and accounts at facilities the demonstration data lacks.
 */

export const RECORDS = '/api/v1/clinical-records';
export const PERSONS = '/api/v1/persons';
export const EPISODES = '/api/v1/pregnancy-episodes';

export const REGISTERS = [
  'anc-visits',
  'deliveries',
  'abortions',
  'contraception',
  'gynaecology',
  'hpv-vaccinations',
  'child-exams',
  'deaths',
] as const;
export type Register = (typeof REGISTERS)[number];

/** The Prisma model (audit entity type) and table of each register. */
export const MODEL: Readonly<Record<Register | 'episodes', { model: string; table: string }>> = {
  'anc-visits': { model: 'AncVisit', table: 'anc_visit' },
  deliveries: { model: 'Delivery', table: 'delivery' },
  abortions: { model: 'Abortion', table: 'abortion' },
  contraception: { model: 'ContraceptionService', table: 'contraception_service' },
  gynaecology: { model: 'GynaecologyVisit', table: 'gynaecology_visit' },
  'hpv-vaccinations': { model: 'HpvVaccination', table: 'hpv_vaccination' },
  'child-exams': { model: 'ChildExam', table: 'child_exam' },
  deaths: { model: 'Death', table: 'death' },
  episodes: { model: 'PregnancyEpisode', table: 'pregnancy_episode' },
};

export interface ErrorBody {
  code: string;
  message: string;
  details?: { field: string; code: string; message: string }[];
}

export interface PersonRef {
  id: string;
  fullName: string;
  dateOfBirth: string;
  sex: string;
  maskedCitizenId: string | null;
  maskedInsuranceCard: string | null;
}

export type RecordBody = Record<string, unknown> & { id: string; register: string; person: PersonRef | null };
export interface WriteResult {
  outcome: 'created' | 'updated' | 'unchanged';
  record: RecordBody;
}

export interface Person {
  id: string;
  fullName: string;
  dateOfBirth: string;
  sex: string;
  citizenId: string | null;
  insuranceCard: string | null;
  ethnicityCode: string | null;
  motherId?: string;
  mother: { id: string; fullName: string } | null;
  children: { id: string; fullName: string; dateOfBirth: string; sex: string }[];
  residences: { commune: { code: string; name: string }; address: string | null; validFrom: string; validTo: string | null }[];
  mergedIntoId: string | null;
  facility: { code: string; name: string };
}

const letters = (n = 6) => Array.from({ length: n }, () => 'abcdeghiklmnopqrstuvxy'[Math.floor(Math.random() * 22)]).join('');

/** A name no other test uses, with Vietnamese diacritics (searchable without them). */
export const uniqueWomanName = () => `Lò Thị Mỹ ${letters()}`;

let serial = Math.floor(Math.random() * 1e5);
/** A citizen ID that agrees with the birth year and sex (province of registration Điện Biên, 011). */
export function citizenId(birthYear: number, sex: 'FEMALE' | 'MALE', province = '11'): string {
  const centurySex = (birthYear >= 2000 ? 2 : 0) + (sex === 'FEMALE' ? 1 : 0);
  serial = (serial + 7919) % 1e6;
  return `0${province}${centurySex}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

/** A woman's person part, living in Phường Điện Biên Phủ (03127). */
export function woman(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fullName: uniqueWomanName(),
    dateOfBirth: '1998-04-12',
    sex: 'FEMALE',
    citizenId: citizenId(1998, 'FEMALE'),
    ethnicityCode: '03',
    communeCode: '03127',
    address: 'Bản Him Lam 2',
    phone: '0912345678',
    ...overrides,
  };
}

export async function createPerson(token: string, body: Record<string, unknown>): Promise<Person> {
  const { status, body: answer } = await request<{ person: Person } & ErrorBody>(PERSONS, { method: 'POST', token, body });
  if (status !== 201 && status !== 200) throw new Error(`Person not created: ${status} ${JSON.stringify(answer)}`);
  return answer.person;
}

/** A valid body of each register for a person (deaths: a child's death, optionally of a known person). */
export const BODIES: Readonly<Record<Register, (personId: string) => Record<string, unknown>>> = {
  'anc-visits': (personId) => ({
    personId,
    visitDate: '2026-03-10',
    place: 'FACILITY',
    gaWeeks: 20,
    weightKg: 52.5,
    systolic: 110,
    diastolic: 70,
    tetanusDoseGiven: true,
    ironFolicGiven: true,
    urineProtein: 'NEGATIVE',
    hbvResult: 'NEGATIVE',
    syphilisResult: 'NEGATIVE',
    hivResult: 'NEGATIVE',
    glucoseResult: 'NORMAL',
    examiner: 'Hộ sinh Lò Thị Hoa',
    notes: 'Khám thai định kỳ',
  }),
  deliveries: (personId) => ({
    personId,
    deliveredAt: '2026-03-12T08:30:00+07:00',
    place: 'FACILITY',
    attendantKind: 'MIDWIFE',
    mode: 'VAGINAL',
    gaWeeks: 39,
    hbvLabourResult: 'NEGATIVE',
    dischargedAt: '2026-03-14T09:00:00+07:00',
    newborns: [{ sex: 'FEMALE', liveBorn: true, weightGrams: 3100, eenc: true, vitaminK1: true, hepBDoseAt: '2026-03-12T10:00:00+07:00' }],
    postnatalVisits: [{ visitDate: '2026-03-16', notes: 'Mẹ và bé khỏe' }],
    complications: [{ kind: 'HAEMORRHAGE', onsetOn: '2026-03-12', outcome: 'RECOVERED' }],
  }),
  abortions: (personId) => ({
    personId,
    performedOn: '2026-03-10',
    place: 'FACILITY',
    gaWeeks: 6,
    method: 'MEDICAL',
    complications: [{ kind: 'ABORTION_COMPLICATION', onsetOn: '2026-03-11', outcome: 'RECOVERED' }],
  }),
  contraception: (personId) => ({
    personId,
    servedOn: '2026-03-10',
    place: 'FACILITY',
    method: 'IUD',
    acceptorStatus: 'NEW',
    complications: [{ kind: 'BLEEDING', onsetOn: '2026-03-12', outcome: 'RECOVERED' }],
  }),
  gynaecology: (personId) => ({
    personId,
    visitDate: '2026-03-10',
    place: 'FACILITY',
    purpose: 'SCREENING',
    viaViliResult: 'NEGATIVE',
    cytologySent: true,
    hpvTestSent: false,
    treatmentGiven: false,
  }),
  'hpv-vaccinations': (personId) => ({ personId, givenOn: '2026-03-10', place: 'OUTREACH', doseNumber: 1 }),
  'child-exams': (personId) => ({ personId, examDate: '2026-03-10', place: 'FACILITY', weightKg: 9.5, heightCm: 75, measuredLying: true }),
  deaths: (personId) => ({
    personId,
    recordedOn: '2026-03-11',
    diedOn: '2026-03-05',
    place: 'HOME',
    mainCause: 'Viêm phổi',
    causeCode: 'J18.9',
    attendedByHealthWorker: false,
  }),
};

/** The person each register's body is about: a woman, a girl of 13 (HPV), a child of one year (exams, deaths). */
export const SUBJECT: Readonly<Record<Register, () => Record<string, unknown>>> = {
  'anc-visits': () => woman(),
  deliveries: () => woman(),
  abortions: () => woman(),
  contraception: () => woman(),
  gynaecology: () => woman(),
  'hpv-vaccinations': () => woman({ dateOfBirth: '2013-02-02', citizenId: citizenId(2013, 'FEMALE') }),
  'child-exams': () => woman({ fullName: `Lò Văn Bé ${letters()}`, sex: 'MALE', dateOfBirth: '2025-03-01', citizenId: null, phone: null }),
  deaths: () => woman({ fullName: `Lò Văn Bé ${letters()}`, sex: 'MALE', dateOfBirth: '2026-03-01', citizenId: null, phone: null }),
};

/** A change each register's update makes (PUT replaces the whole row). */
export const CHANGE: Readonly<Record<Register, Record<string, unknown>>> = {
  'anc-visits': { notes: 'Đã sửa: hẹn khám lại sau 4 tuần', systolic: 120 },
  deliveries: { attendantKind: 'DOCTOR' },
  abortions: { method: 'MANUAL_VACUUM' },
  contraception: { acceptorStatus: 'CONTINUING' },
  gynaecology: { viaViliResult: 'SUSPICIOUS', treatmentGiven: true },
  'hpv-vaccinations': { doseNumber: 2 },
  'child-exams': { weightKg: 9.8 },
  deaths: { causeCode: 'J15.9' },
};

export async function createRecord(register: Register | 'episodes', token: string, body: Record<string, unknown>): Promise<RecordBody> {
  const path = register === 'episodes' ? EPISODES : `${RECORDS}/${register}`;
  const { status, body: answer } = await request<WriteResult & ErrorBody>(path, { method: 'POST', token, body });
  if (status !== 201) throw new Error(`${register} not created: ${status} ${JSON.stringify(answer)}`);
  return answer.record;
}

/** A new account of a role at a facility (the demonstration data has none at district health centres or old stations). */
export async function accountAt(facility: string, role: string): Promise<{ id: string; username: string; token: string }> {
  const username = uniqueName(`records.${role.toLowerCase()}`);
  const password = 'Sổ-Sách#2026!kq';
  const id = await createTestUser({ username, facility, role, password });
  return { id, username, token: await signIn(username, password) };
}

export interface AuditRow {
  action: string;
  entity_type: string;
  entity_id: string;
  actor_username: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  details: Record<string, unknown> | null;
}

export async function auditOf(entityType: string, entityId: string): Promise<AuditRow[]> {
  const { rows } = await withDb((db) =>
    db.query<AuditRow>(
      `SELECT action, entity_type, entity_id, actor_username, before, after, details FROM audit_event
       WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
      [entityType, entityId],
    ),
  );
  return rows;
}

export async function countRows(table: string, where: string, params: unknown[]): Promise<number> {
  const { rows } = await withDb((db) => db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params));
  return rows[0].n;
}

/** Closes a facility-month as the reports work will when it approves a report. */
export async function lockMonth(facilityCode: string, month: string, reason: string): Promise<void> {
  await withDb((db) =>
    db.query(
      `INSERT INTO register_period_lock (facility_id, month, reason) SELECT id, $2::date, $3 FROM facility WHERE code = $1
       ON CONFLICT DO NOTHING`,
      [facilityCode, `${month}-01`, reason],
    ),
  );
}

export async function unlockMonth(facilityCode: string, month: string): Promise<void> {
  await withDb((db) =>
    db.query(`DELETE FROM register_period_lock WHERE month = $2::date AND facility_id = (SELECT id FROM facility WHERE code = $1)`, [
      facilityCode,
      `${month}-01`,
    ]),
  );
}

/** A register row's or person's database row, to prove a refused write changed nothing. */
export async function rowOf(table: string, id: string): Promise<unknown> {
  const { rows } = await withDb((db) => db.query(`SELECT * FROM ${table} WHERE id = $1`, [id]));
  return rows[0] ?? null;
}

/** Targets of the access matrix, created through the API by the station that owns them. */
export const matrixTargets = {
  async person(token: string, overrides: Record<string, unknown> = {}): Promise<string> {
    return (await createPerson(token, woman(overrides))).id;
  },
  async record(token: string, overrides: Record<string, unknown> = {}): Promise<RecordBody> {
    const person = await createPerson(token, woman(overrides));
    return createRecord('anc-visits', token, BODIES['anc-visits'](person.id));
  },
  async episode(token: string): Promise<RecordBody> {
    const person = await createPerson(token, woman());
    return createRecord('episodes', token, { personId: person.id, registeredOn: '2026-02-01', lmp: '2025-12-20' });
  },
  /** Two probable duplicates (same name, birth date and commune). */
  async duplicates(token: string): Promise<[string, string]> {
    const name = uniqueWomanName();
    const a = await createPerson(token, woman({ fullName: name, citizenId: null }));
    const b = await createPerson(token, woman({ fullName: name, citizenId: null }));
    return [a.id, b.id];
  },
  async merged(token: string): Promise<{ survivorId: string; mergeId: string; duplicateId: string }> {
    const [survivorId, duplicateId] = await matrixTargets.duplicates(token);
    const { status, body } = await request<{ merge: { id: string } }>(`${PERSONS}/${survivorId}/merges`, {
      method: 'POST',
      token,
      body: { duplicateId },
    });
    if (status !== 201) throw new Error(`Merge failed: ${status} ${JSON.stringify(body)}`);
    return { survivorId, duplicateId, mergeId: body.merge.id };
  },
};

/** How many episodes or ANC visits a person with this citizen ID has (a refused create must add none). */
export async function rowsOfCitizen(table: 'pregnancy_episode' | 'anc_visit' | 'person', id: string): Promise<number> {
  const sql =
    table === 'person'
      ? 'SELECT count(*)::int AS n FROM person WHERE citizen_id = $1'
      : `SELECT count(*)::int AS n FROM ${table} t JOIN person p ON p.id = t.person_id WHERE p.citizen_id = $1`;
  const { rows } = await withDb((db) => db.query<{ n: number }>(sql, [id]));
  return rows[0].n;
}
