/**
 * FHIR R4 transaction bundles of the records sent to the Ministry's EHR repository (pure: no I/O).
 * Every resource carries an identifier in this system's namespace, so the repository can match it:
 * new resources are conditional creates (`ifNoneExist` by identifier), changed ones conditional
 * updates (`PUT Type?identifier=…`), removed ones conditional deletes. Resources refer to each other
 * by `urn:uuid:` full URLs, which the repository resolves to what the conditional create found.
 */

/** Namespace of this system's identifiers (anchors-reference §4.3). */
export const SID = 'https://skss.moh.gov.vn/fhir/sid';
export const CITIZEN_ID_SYSTEM = `${SID}/cccd`;
export const INSURANCE_CARD_SYSTEM = `${SID}/bhyt`;
export const PERSON_SYSTEM = `${SID}/person`;
export const FACILITY_SYSTEM = `${SID}/facility`;
export const recordSystem = (register: string) => `${SID}/${register}`;
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';

export interface FhirPersonInput {
  id: string;
  fullName: string;
  sex: 'FEMALE' | 'MALE' | string | null;
  dateOfBirth: string | null;
  citizenId?: string | null;
  insuranceCard?: string | null;
  phone?: string | null;
}

export interface FhirRecordInput {
  /** persons or a register code (anc-visits, deliveries, ...). */
  register: string;
  op: 'create' | 'update' | 'delete';
  recordId: string;
  /** The record's fields as the API answers them (dates 'YYYY-MM-DD'); null when deleted. */
  record: Readonly<Record<string, unknown>> | null;
  /** The person the record is about (for deaths: may be absent; the record names the deceased). */
  person: FhirPersonInput | null;
  facility: { code: string; name: string } | null;
}

type Resource = Record<string, unknown> & { resourceType: string };
export interface BundleEntry {
  fullUrl?: string;
  resource?: Resource;
  request: { method: 'POST' | 'PUT' | 'DELETE'; url: string; ifNoneExist?: string };
}
export interface TransactionBundle {
  resourceType: 'Bundle';
  type: 'transaction';
  entry: BundleEntry[];
}

const ENCOUNTER_TYPES: Readonly<Record<string, { text: string; class: 'AMB' | 'IMP' }>> = {
  'anc-visits': { text: 'Khám thai (antenatal care contact)', class: 'AMB' },
  deliveries: { text: 'Đẻ (delivery)', class: 'IMP' },
  abortions: { text: 'Phá thai (abortion)', class: 'AMB' },
  contraception: { text: 'Dịch vụ KHHGĐ (contraceptive service)', class: 'AMB' },
  gynaecology: { text: 'Khám phụ khoa (gynaecology visit)', class: 'AMB' },
  'hpv-vaccinations': { text: 'Tiêm vắc xin HPV (HPV vaccination)', class: 'AMB' },
  'child-exams': { text: 'Khám trẻ em dưới 6 tuổi (child health check)', class: 'AMB' },
  deaths: { text: 'Tử vong (death)', class: 'AMB' },
};

const DATE_FIELDS: Readonly<Record<string, string>> = {
  'anc-visits': 'visitDate',
  deliveries: 'deliveredAt',
  abortions: 'performedOn',
  contraception: 'servedOn',
  gynaecology: 'visitDate',
  'hpv-vaccinations': 'givenOn',
  'child-exams': 'examDate',
  deaths: 'diedOn',
};

/** Observations of a register: field → LOINC code, display and unit. */
const OBSERVATIONS: Readonly<Record<string, readonly { field: string; code: string; display: string; unit: string; ucum: string }[]>> = {
  'anc-visits': [
    { field: 'gaWeeks', code: '49051-6', display: 'Gestational age in weeks', unit: 'wk', ucum: 'wk' },
    { field: 'weightKg', code: '29463-7', display: 'Body weight', unit: 'kg', ucum: 'kg' },
    { field: 'systolic', code: '8480-6', display: 'Systolic blood pressure', unit: 'mmHg', ucum: 'mm[Hg]' },
    { field: 'diastolic', code: '8462-4', display: 'Diastolic blood pressure', unit: 'mmHg', ucum: 'mm[Hg]' },
    { field: 'fundalHeightCm', code: '11881-0', display: 'Uterus Fundal height by Tape measure', unit: 'cm', ucum: 'cm' },
    { field: 'fetalHeartRate', code: '55283-6', display: 'Fetal Heart rate', unit: '/min', ucum: '/min' },
  ],
  'child-exams': [
    { field: 'weightKg', code: '29463-7', display: 'Body weight', unit: 'kg', ucum: 'kg' },
    { field: 'heightCm', code: '8302-2', display: 'Body height', unit: 'cm', ucum: 'cm' },
  ],
};

/** Registers whose record is a procedure: the field naming what was done. */
const PROCEDURES: Readonly<Record<string, string>> = { deliveries: 'mode', abortions: 'method', contraception: 'method' };

const identifier = (system: string, value: string) => ({ system, value });
const query = (system: string, value: string) => `identifier=${encodeURIComponent(`${system}|${value}`)}`;

/** Conditional create of a new resource, conditional update of a changed one. */
function write(type: string, system: string, value: string, op: FhirRecordInput['op'], resource: Resource, fullUrl: string): BundleEntry {
  return op === 'create'
    ? { fullUrl, resource, request: { method: 'POST', url: type, ifNoneExist: query(system, value) } }
    : { fullUrl, resource, request: { method: 'PUT', url: `${type}?${query(system, value)}` } };
}

export function patientResource(person: FhirPersonInput, deceased?: string | null): Resource {
  return {
    resourceType: 'Patient',
    identifier: [
      identifier(PERSON_SYSTEM, person.id),
      ...(person.citizenId ? [identifier(CITIZEN_ID_SYSTEM, person.citizenId)] : []),
      ...(person.insuranceCard ? [identifier(INSURANCE_CARD_SYSTEM, person.insuranceCard)] : []),
    ],
    name: [{ text: person.fullName }],
    ...(person.sex ? { gender: person.sex === 'FEMALE' ? 'female' : person.sex === 'MALE' ? 'male' : 'unknown' } : {}),
    ...(person.dateOfBirth ? { birthDate: person.dateOfBirth } : {}),
    ...(person.phone ? { telecom: [{ system: 'phone', value: person.phone }] } : {}),
    ...(deceased ? { deceasedDateTime: deceased } : {}),
  };
}

/** The transaction bundle announcing one changed person or register record. */
export function buildRecordBundle(input: FhirRecordInput): TransactionBundle {
  if (input.op === 'delete') return { resourceType: 'Bundle', type: 'transaction', entry: deletions(input) };
  const record = input.record ?? {};
  if (input.register === 'persons') {
    if (!input.person) throw new Error('A person bundle needs the person');
    return {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [write('Patient', PERSON_SYSTEM, input.person.id, 'update', patientResource(input.person), `urn:uuid:${input.person.id}`)],
    };
  }
  const entry: BundleEntry[] = [];
  const deathDate = input.register === 'deaths' ? (record['diedOn'] as string | undefined) : undefined;
  // The deceased of a death row may be no known person: the row's own name, keyed by the row.
  const person: FhirPersonInput =
    input.person ??
    ({
      id: input.recordId,
      fullName: String(record['fullName'] ?? ''),
      sex: (record['sex'] as string | null) ?? null,
      dateOfBirth: (record['dateOfBirth'] as string | null) ?? null,
    } satisfies FhirPersonInput);
  const patientUrl = `urn:uuid:${person.id}`;
  // Patients are created when missing, never overwritten by a record (the person's own changes update them);
  // a death updates its Patient, to record the death.
  entry.push(
    deathDate
      ? write('Patient', PERSON_SYSTEM, person.id, 'update', patientResource(person, deathDate), patientUrl)
      : write('Patient', PERSON_SYSTEM, person.id, 'create', patientResource(person), patientUrl),
  );
  const system = recordSystem(input.register);
  const encounterUrl = `urn:uuid:${input.recordId}`;
  const when = record[DATE_FIELDS[input.register] ?? ''] as string | undefined;
  const type = ENCOUNTER_TYPES[input.register] ?? { text: input.register, class: 'AMB' as const };
  entry.push(
    write(
      'Encounter',
      system,
      input.recordId,
      input.op,
      {
        resourceType: 'Encounter',
        identifier: [identifier(system, input.recordId)],
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: type.class },
        type: [{ text: type.text }],
        subject: { reference: patientUrl },
        ...(when ? { period: { start: when } } : {}),
        ...(input.facility
          ? { serviceProvider: { identifier: identifier(FACILITY_SYSTEM, input.facility.code), display: input.facility.name } }
          : {}),
      },
      encounterUrl,
    ),
  );
  const base = { subject: { reference: patientUrl }, encounter: { reference: encounterUrl }, ...(when ? { effectiveDateTime: when } : {}) };
  for (const o of OBSERVATIONS[input.register] ?? []) {
    const value = record[o.field];
    if (value === null || value === undefined) continue;
    const id = `${input.recordId}/${o.code}`;
    entry.push(
      write(
        'Observation',
        system,
        id,
        input.op,
        {
          resourceType: 'Observation',
          identifier: [identifier(system, id)],
          status: 'final',
          code: { coding: [{ system: LOINC, code: o.code, display: o.display }] },
          ...base,
          valueQuantity: { value: Number(value), unit: o.unit, system: UCUM, code: o.ucum },
        },
        `urn:uuid:${input.recordId}-${o.code}`,
      ),
    );
  }
  const procedureField = PROCEDURES[input.register];
  if (procedureField && record[procedureField]) {
    const id = `${input.recordId}/procedure`;
    entry.push(
      write(
        'Procedure',
        system,
        id,
        input.op,
        {
          resourceType: 'Procedure',
          identifier: [identifier(system, id)],
          status: 'completed',
          code: { coding: [{ system: `${SID}/code/${input.register}-${procedureField}`, code: String(record[procedureField]) }] },
          subject: { reference: patientUrl },
          encounter: { reference: encounterUrl },
          ...(when ? { performedDateTime: when } : {}),
        },
        `urn:uuid:${input.recordId}-procedure`,
      ),
    );
  }
  if (input.register === 'deaths' && (record['causeCode'] || record['mainCause'])) {
    const id = `${input.recordId}/cause`;
    entry.push(
      write(
        'Observation',
        system,
        id,
        input.op,
        {
          resourceType: 'Observation',
          identifier: [identifier(system, id)],
          status: 'final',
          code: { coding: [{ system: LOINC, code: '79378-6', display: 'Cause of death' }] },
          ...base,
          valueCodeableConcept: {
            ...(record['causeCode'] ? { coding: [{ system: ICD10, code: String(record['causeCode']) }] } : {}),
            ...(record['mainCause'] ? { text: String(record['mainCause']) } : {}),
          },
        },
        `urn:uuid:${input.recordId}-cause`,
      ),
    );
  }
  return { resourceType: 'Bundle', type: 'transaction', entry };
}

/** A removed record: its encounter and what hangs on it, by identifier (the Patient stays). */
function deletions(input: FhirRecordInput): BundleEntry[] {
  if (input.register === 'persons') return [{ request: { method: 'DELETE', url: `Patient?${query(PERSON_SYSTEM, input.recordId)}` } }];
  const system = recordSystem(input.register);
  const chained = `encounter.identifier=${encodeURIComponent(`${system}|${input.recordId}`)}`;
  return [
    { request: { method: 'DELETE', url: `Observation?${chained}` } },
    ...(PROCEDURES[input.register] ? [{ request: { method: 'DELETE' as const, url: `Procedure?${chained}` } }] : []),
    { request: { method: 'DELETE', url: `Encounter?${query(system, input.recordId)}` } },
  ];
}

/** The statuses of a transaction-response bundle (what is stored with the item). */
export function transactionSummary(answer: unknown): { entries: number; statuses: Record<string, number> } | undefined {
  if (!answer || typeof answer !== 'object' || (answer as { resourceType?: string }).resourceType !== 'Bundle') return undefined;
  const statuses: Record<string, number> = {};
  const entries = ((answer as { entry?: { response?: { status?: string } }[] }).entry ?? []).map((e) => e.response?.status ?? '?');
  for (const status of entries) statuses[status] = (statuses[status] ?? 0) + 1;
  return { entries: entries.length, statuses };
}
