import { createHash } from 'node:crypto';
import { IntegrationOperation, isRegisterCode, REGISTER_CODES, REGISTER_DEFINITIONS, RegisterCode } from '@skss/domain';

/** Registers an external system may send, in the order a batch is written (episodes before the visits that join them). */
export const INBOUND_REGISTERS: readonly RegisterCode[] = REGISTER_CODES;

/** Most records in one batch; a larger batch is refused whole (413 BATCH_TOO_LARGE). */
export const MAX_BATCH_RECORDS = 1_000;
export const MAX_SOURCE_ID_LENGTH = 100;
const FACILITY_CODE = /^[A-Z0-9.]{2,40}$/;

/** A problem of one record, as answered: the field's path in the record as sent, a machine code, a Vietnamese message. */
export interface InboundProblem {
  field: string;
  code: string;
  message: string;
}

/** The envelope of one record, read: what the register's validator is given, and how to place its problems. */
export interface InboundEnvelope {
  index: number;
  register: RegisterCode;
  sourceRecordId: string;
  facilityCode: string;
  sourcePatientId: string | null;
  /** The validator's input: `data` with the record id and (for registers that carry one) the person part. */
  input: Record<string, unknown>;
  /** Deaths: fields of `input` taken from `person` (their problems are reported under `person.`). */
  fromPerson: ReadonlySet<string>;
}

export type ReadEnvelope =
  | { ok: true; envelope: InboundEnvelope }
  | { ok: false; register: string | null; sourceRecordId: string | null; problems: InboundProblem[] };

/** The operations that allow sending a register's records: deaths also come from the health statistics software. */
export function operationsFor(register: RegisterCode): readonly IntegrationOperation[] {
  return register === 'deaths' ? ['records.push', 'deaths.push'] : ['records.push'];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (object: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

/** Person fields a death row records itself (the deceased need not be a known person). */
const DEATH_PERSON_FIELDS = ['fullName', 'dateOfBirth', 'sex', 'ethnicityCode', 'occupationCode'] as const;

/** Keys `data` may hold for a register: its entered fields and its lists (computed fields are the server's). */
function dataKeys(register: RegisterCode): ReadonlySet<string> {
  const definition = REGISTER_DEFINITIONS[register];
  return new Set([
    ...definition.fields.filter((field) => !field.computed && field.key !== 'sourceRecordId').map((field) => field.key),
    ...definition.collections.map((collection) => collection.key),
  ]);
}
const DATA_KEYS = new Map(INBOUND_REGISTERS.map((code) => [code, dataKeys(code)]));

function requiredText(
  record: Record<string, unknown>,
  key: string,
  label: string,
  maxLength: number,
  problems: InboundProblem[],
): string | null {
  const raw = own(record, key);
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    problems.push({ field: key, code: 'REQUIRED', message: `${label} không được để trống` });
    return null;
  }
  if (typeof raw !== 'string') {
    problems.push({ field: key, code: 'INVALID_FORMAT', message: `${label} phải là chuỗi ký tự` });
    return null;
  }
  const value = raw.trim();
  if (value.length > maxLength) {
    problems.push({ field: key, code: 'TOO_LONG', message: `${label} không được dài quá ${maxLength} ký tự` });
    return null;
  }
  return value;
}

/**
 * Reads one record of a batch: the envelope (register, source record id, facility, person) is
 * checked here; the register's fields are left to its domain validator. Unknown keys of `data`
 * are refused (UNKNOWN_FIELD), so that a misspelt field is not silently dropped.
 */
export function readEnvelope(raw: unknown, index: number): ReadEnvelope {
  if (!isObject(raw)) {
    return {
      ok: false,
      register: null,
      sourceRecordId: null,
      problems: [{ field: '', code: 'NOT_AN_OBJECT', message: 'Bản ghi phải là một đối tượng JSON' }],
    };
  }
  const problems: InboundProblem[] = [];
  const registerRaw = own(raw, 'register');
  const register = isRegisterCode(registerRaw) ? registerRaw : null;
  if (!register) {
    problems.push({
      field: 'register',
      code: registerRaw === undefined || registerRaw === null ? 'REQUIRED' : 'UNKNOWN_REGISTER',
      message: `Sổ phải là một trong: ${INBOUND_REGISTERS.join(', ')}`,
    });
  }
  const sourceRecordId = requiredText(raw, 'sourceRecordId', 'Mã bản ghi ở hệ thống nguồn', MAX_SOURCE_ID_LENGTH, problems);
  const facilityCode = requiredText(raw, 'facilityCode', 'Mã cơ sở ghi sổ', 40, problems);
  if (facilityCode && !FACILITY_CODE.test(facilityCode)) {
    problems.push({ field: 'facilityCode', code: 'INVALID_FORMAT', message: `Mã cơ sở "${facilityCode}" không đúng dạng` });
  }

  const data = own(raw, 'data');
  if (data !== undefined && !isObject(data)) {
    problems.push({ field: 'data', code: 'NOT_AN_OBJECT', message: 'Dữ liệu của bản ghi (data) phải là một đối tượng JSON' });
  }
  const fields = isObject(data) ? data : {};
  if (register) {
    const allowed = DATA_KEYS.get(register) as ReadonlySet<string>;
    for (const key of Object.keys(fields)) {
      if (!allowed.has(key)) {
        problems.push({ field: `data.${key}`, code: 'UNKNOWN_FIELD', message: `Sổ ${register} không có trường "${key}"` });
      }
    }
  }

  const personRaw = own(raw, 'person');
  let sourcePatientId: string | null = null;
  let person: Record<string, unknown> | null = null;
  if (personRaw !== undefined && personRaw !== null) {
    if (!isObject(personRaw)) {
      problems.push({ field: 'person', code: 'NOT_AN_OBJECT', message: 'Thông tin người (person) phải là một đối tượng JSON' });
    } else {
      const patient = own(personRaw, 'sourcePatientId');
      if (patient !== undefined && patient !== null) {
        if (typeof patient !== 'string' || patient.trim() === '' || patient.trim().length > MAX_SOURCE_ID_LENGTH) {
          problems.push({
            field: 'person.sourcePatientId',
            code: 'INVALID_FORMAT',
            message: `Mã người bệnh ở hệ thống nguồn phải là chuỗi từ 1 đến ${MAX_SOURCE_ID_LENGTH} ký tự`,
          });
        } else sourcePatientId = patient.trim();
      }
      const residence = own(personRaw, 'residence');
      if (residence !== undefined && residence !== null && !isObject(residence)) {
        problems.push({ field: 'person.residence', code: 'NOT_AN_OBJECT', message: 'Nơi cư trú (residence) phải là một đối tượng JSON' });
      }
      const place = isObject(residence) ? residence : {};
      person = {
        fullName: own(personRaw, 'fullName'),
        dateOfBirth: own(personRaw, 'dateOfBirth'),
        sex: own(personRaw, 'sex'),
        citizenId: own(personRaw, 'citizenId'),
        insuranceCard: own(personRaw, 'insuranceCard'),
        ethnicityCode: own(personRaw, 'ethnicityCode'),
        occupationCode: own(personRaw, 'occupationCode'),
        nationalityCode: own(personRaw, 'nationalityCode'),
        phone: own(personRaw, 'phone'),
        communeCode: own(place, 'communeCode'),
        address: own(place, 'address'),
      };
    }
  }
  const definition = register ? REGISTER_DEFINITIONS[register] : null;
  if (definition?.embedsPerson && !person && !problems.some((p) => p.field === 'person')) {
    problems.push({ field: 'person', code: 'REQUIRED', message: 'Phải ghi thông tin người (person) của bản ghi' });
  }

  if (!register || !sourceRecordId || !facilityCode || problems.length) {
    return { ok: false, register: register ?? (typeof registerRaw === 'string' ? registerRaw : null), sourceRecordId, problems };
  }
  const input: Record<string, unknown> = { ...fields, sourceRecordId };
  const fromPerson = new Set<string>();
  if (definition?.embedsPerson) input['person'] = person;
  else if (person && register === 'deaths') {
    for (const key of DEATH_PERSON_FIELDS) {
      if (input[key] === undefined && person[key] !== undefined) {
        input[key] = person[key];
        fromPerson.add(key);
      }
    }
  }
  return { ok: true, envelope: { index, register, sourceRecordId, facilityCode, sourcePatientId, input, fromPerson } };
}

/** A validator's field path ('visitDate', 'person.communeCode', 'newborns[0].weightGrams') as a path of the record sent. */
export function fieldOfRecord(field: string, fromPerson: ReadonlySet<string>): string {
  if (field === 'sourceRecordId') return field;
  if (field === '') return 'data';
  if (field === 'person.communeCode') return 'person.residence.communeCode';
  if (field === 'person.address') return 'person.residence.address';
  if (field.startsWith('person.') || field === 'person') return field;
  const top = field.split(/[.[]/)[0];
  return fromPerson.has(top) ? `person.${field}` : `data.${field}`;
}

/** JSON with object keys sorted at every level: the same request gives the same text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The fingerprint of a request stored with its Idempotency-Key: SHA-256 (hex) of its canonical JSON. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
