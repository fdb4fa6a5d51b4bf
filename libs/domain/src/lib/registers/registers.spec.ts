import { readFileSync } from 'fs';
import { resolve } from 'path';
import { IdentifierProblemCode } from '../persons/identifiers';
import { fieldOptions, inputFields, findField } from './fields';
import { PERSON_FIELDS } from './persons';
import { RECORD_PROBLEM_CODES, RecordProblem, RecordProblemCode } from './problems';
import { FieldDefinition, REGISTER_CODES, RegisterCode, RegisterDefinition } from './register-definition';
import { REGISTER_DEFINITIONS, registerDefinition, validateRecord } from './registers';
import { checkField, ValidationContext } from './validate';

const definitions = Object.values(REGISTER_DEFINITIONS);
const allFields = (definition: RegisterDefinition): FieldDefinition[] => [
  ...definition.fields,
  ...definition.collections.flatMap((collection) => collection.fields),
];

describe('register definitions', () => {
  it('has one definition per register code, under URL-safe slugs', () => {
    expect(Object.keys(REGISTER_DEFINITIONS)).toEqual(REGISTER_CODES);
    for (const code of REGISTER_CODES) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(registerDefinition(code).code).toBe(code);
    }
  });

  it('names the regulation’s form codes where known', () => {
    const formCodes = Object.fromEntries(definitions.map((d) => [d.code, d.formCode]));
    expect(formCodes).toEqual({
      episodes: null,
      'anc-visits': 'A3/YTCS',
      deliveries: 'A4/YTCS',
      abortions: 'A5.2/YTCS',
      contraception: 'A5.1/YTCS',
      gynaecology: null,
      'hpv-vaccinations': null,
      'child-exams': null,
      deaths: 'A6/YTCS',
    });
  });

  it.each(definitions.map((d) => [d.code, d] as const))('%s: the period field is a required date or date-time', (_, definition) => {
    const field = definition.fields.find((f) => f.key === definition.periodField);
    expect(field?.required).toBe(true);
    expect(['date', 'datetime']).toContain(field?.type);
  });

  it.each(definitions.map((d) => [d.code, d] as const))('%s: the place field allows exactly the register’s places', (_, definition) => {
    const place = definition.fields.find((f) => f.key === 'place');
    if (definition.places.length === 0) {
      expect(place).toBeUndefined();
      return;
    }
    expect(place?.allowedCodes).toEqual(definition.places);
    expect(fieldOptions(place as FieldDefinition).map((entry) => entry.code)).toEqual(definition.places);
    expect(definition.places).toEqual(
      definition.code === 'deaths' ? ['FACILITY', 'HOME', 'ON_THE_WAY', 'OTHER_FACILITY'] : ['FACILITY', 'HOME', 'ON_THE_WAY', 'OUTREACH'],
    );
  });

  it('marks the maternal registers female-only', () => {
    expect(definitions.filter((d) => d.femaleOnly).map((d) => d.code)).toEqual([
      'episodes',
      'anc-visits',
      'deliveries',
      'abortions',
      'gynaecology',
    ]);
  });

  const fieldCases = [
    ...definitions.flatMap((d) => allFields(d).map((f) => [`${d.code}.${f.key}`, f] as const)),
    ...PERSON_FIELDS.map((f) => [`person.${f.key}`, f] as const),
  ];

  it.each(fieldCases)('%s is completely described', (_, field) => {
    for (const text of [field.label.vi, field.label.en, field.help?.vi ?? 'x', field.help?.en ?? 'x']) {
      expect(text).toBe(text.normalize('NFC'));
      expect(text).toBe(text.trim().replace(/\s+/g, ' '));
      expect(text.length).toBeGreaterThan(0);
    }
    expect(field.label.en).toMatch(/^[\x20-\x7e]+$/);
    const sources = [field.codeList, field.catalog, field.options].filter((source) => source !== undefined);
    expect(sources).toHaveLength(field.type === 'code' || field.type === 'codes' ? 1 : 0);
    if ((field.type === 'int' || field.type === 'decimal') && !field.computed) {
      expect(field.min).toBeDefined();
      expect(field.max).toBeDefined();
    }
    if (field.type === 'decimal') expect(field.scale).toBeDefined();
    if (field.type === 'text') expect(field.maxLength).toBeDefined();
    if (field.defaultValue !== undefined) expect(field.required).toBe(false);
  });

  it.each(definitions.map((d) => [d.code, d] as const))(
    '%s: keys are unique and computed fields are left out of input forms',
    (_, definition) => {
      const keys = definition.fields.map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(inputFields(definition.fields).every((f) => !f.computed)).toBe(true);
    },
  );

  it('finds fields by path, in collections too', () => {
    const deliveries = registerDefinition('deliveries');
    expect(findField(deliveries, 'newborns[1].weightGrams')?.label.vi).toBe('Cân nặng sơ sinh');
    expect(findField(deliveries, 'mode')?.codeList).toBe('DELIVERY_MODE');
    expect(findField(deliveries, 'nothing')).toBeUndefined();
  });
});

// ---- The Prisma schema is the contract: keys, column types, sizes, nullability, enum values ----

interface PrismaField {
  type: string;
  optional: boolean;
  list: boolean;
  hasDefault: boolean;
  attributes: string;
}

const schema = readFileSync(resolve(__dirname, '../../../../../prisma/schema.prisma'), 'utf8');

function prismaModel(name: string): Record<string, PrismaField> {
  const body = new RegExp(`^model ${name} \\{\\n([\\s\\S]*?)\\n\\}`, 'm').exec(schema)?.[1];
  if (!body) throw new Error(`No model ${name}`);
  const fields: Record<string, PrismaField> = {};
  for (const line of body.split('\n')) {
    const match = /^\s+(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
    if (!match || line.trim().startsWith('//') || line.trim().startsWith('@@')) continue;
    fields[match[1]] = {
      type: match[2],
      list: !!match[3],
      optional: !!match[4],
      hasDefault: match[5].includes('@default'),
      attributes: match[5],
    };
  }
  return fields;
}

function prismaEnum(name: string): string[] | null {
  const body = new RegExp(`^enum ${name} \\{\\n([\\s\\S]*?)\\n\\}`, 'm').exec(schema)?.[1];
  return body
    ? body
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^[A-Z][A-Z0-9_]*$/.test(line))
    : null;
}

function expectColumn(field: FieldDefinition, column: PrismaField | undefined, where: string): void {
  expect({ where, present: column !== undefined }).toEqual({ where, present: true });
  if (!column) return;
  const at = `${where} (${column.type}${column.optional ? '?' : ''} ${column.attributes})`;
  const expected: Record<FieldDefinition['type'], string> = {
    date: 'DateTime',
    datetime: 'DateTime',
    int: 'Int',
    decimal: 'Decimal',
    boolean: 'Boolean',
    code: column.type,
    codes: 'String',
    text: 'String',
  };
  expect([at, column.type]).toEqual([at, expected[field.type]]);
  expect([at, column.list]).toEqual([at, field.type === 'codes']);
  if (field.type === 'date') expect([at, column.attributes]).toEqual([at, expect.stringContaining('@db.Date')]);
  if (field.type === 'datetime') expect([at, column.attributes]).toEqual([at, expect.stringContaining('@db.Timestamptz')]);
  const varchar = /@db\.VarChar\((\d+)\)/.exec(column.attributes);
  if (field.type === 'text') expect([at, field.maxLength]).toEqual([at, Number(varchar?.[1])]);
  if (field.type === 'code' && varchar && field.maxLength !== undefined) expect([at, field.maxLength]).toEqual([at, Number(varchar[1])]);
  const decimal = /@db\.Decimal\((\d+), ?(\d+)\)/.exec(column.attributes);
  if (field.type === 'decimal' && decimal) {
    expect([at, field.scale]).toEqual([at, Number(decimal[2])]);
    if (field.max !== undefined) expect([at, field.max < 10 ** (Number(decimal[1]) - Number(decimal[2]))]).toEqual([at, true]);
  }
  if (field.required) expect([at, column.optional]).toEqual([at, false]);
  if (!field.computed && !column.optional && !column.hasDefault && !column.list) {
    expect([at, field.required || field.defaultValue !== undefined]).toEqual([at, true]);
  }
  if (field.type === 'boolean' && !column.optional) expect([at, field.required || field.defaultValue === false]).toEqual([at, true]);
  if (field.type === 'boolean' && column.optional) expect([at, field.defaultValue]).toEqual([at, undefined]);
  const enumValues = field.type === 'code' ? prismaEnum(column.type) : null;
  if (enumValues) {
    const codes = fieldOptions(field).map((entry) => entry.code);
    if (field.allowedCodes) expect([at, codes.every((code) => enumValues.includes(code))]).toEqual([at, true]);
    else expect([at, [...codes].sort()]).toEqual([at, [...enumValues].sort()]);
  }
}

describe('the Prisma schema contract', () => {
  it.each(definitions.map((d) => [d.code, d] as const))('%s matches its models', (_, definition) => {
    const model = prismaModel(definition.model);
    for (const field of definition.fields) expectColumn(field, model[field.key], `${definition.model}.${field.key}`);
    for (const collection of definition.collections) {
      expect(model[collection.key]).toMatchObject({ type: collection.model, list: true });
      const items = prismaModel(collection.model);
      for (const field of collection.fields) expectColumn(field, items[field.key], `${collection.model}.${field.key}`);
    }
  });

  it('has the register’s other required columns supplied by the server (ids, facility, person, source)', () => {
    for (const definition of definitions) {
      const model = prismaModel(definition.model);
      const keys = new Set(definition.fields.map((f) => f.key));
      const missing = Object.entries(model)
        .filter(([key, column]) => !keys.has(key) && !column.optional && !column.hasDefault && !column.list && !/^[A-Z]/.test(column.type))
        .map(([key]) => key);
      expect([definition.code, missing.filter((key) => !['facilityId', 'personId', 'deliveryId'].includes(key))]).toEqual([
        definition.code,
        [],
      ]);
    }
  });

  it('matches the person part to Person and PersonResidence', () => {
    const person = { ...prismaModel('PersonResidence'), ...prismaModel('Person') };
    for (const field of PERSON_FIELDS.filter((f) => f.key !== 'communeCode')) expectColumn(field, person[field.key], `Person.${field.key}`);
    expect(prismaModel('PersonResidence')['communeId']).toBeDefined();
  });
});

// ---- One example per machine code: adding a code without an example does not compile ----

const today = '2025-06-30';
const woman: ValidationContext = { today, person: { dateOfBirth: '1995-01-01', sex: 'FEMALE' } };
const man: ValidationContext = { today, person: { dateOfBirth: '1995-01-01', sex: 'MALE' } };
const withLmp = (lmp: string, closedOn: string | null = null): ValidationContext => ({
  ...woman,
  episode: { lmp, registeredOn: lmp, closedOn },
});
const anc = { visitDate: '2025-06-01', place: 'FACILITY' };
const baby = { sex: 'FEMALE', liveBorn: true };
const delivery = {
  deliveredAt: '2025-06-01T08:00:00+07:00',
  place: 'FACILITY',
  attendantKind: 'MIDWIFE',
  mode: 'VAGINAL',
  newborns: [baby],
};
const abortion = { performedOn: '2025-06-01', place: 'FACILITY', gaWeeks: 8, method: 'MEDICAL' };
const death = { recordedOn: '2025-06-05', fullName: 'Lò Văn Pọm', diedOn: '2025-06-03', place: 'HOME' };
const exam = { examDate: '2025-06-01', place: 'FACILITY' };
const text = (extra: Partial<FieldDefinition>): FieldDefinition => ({
  key: 'x',
  label: { vi: 'X', en: 'X' },
  type: 'text',
  required: false,
  ...extra,
});
const run = <C extends RegisterCode>(code: C, input: unknown, context: ValidationContext = woman) =>
  validateRecord(code, input, context).problems;

const EXAMPLES: Record<RecordProblemCode, () => RecordProblem[]> = {
  NOT_AN_OBJECT: () => run('anc-visits', []),
  NOT_A_LIST: () => run('deliveries', { ...delivery, newborns: baby }),
  REQUIRED: () => run('anc-visits', {}),
  NOT_A_DATE: () => run('anc-visits', { ...anc, visitDate: '2025-02-30' }),
  NOT_A_DATETIME: () => run('deliveries', { ...delivery, deliveredAt: 'sáng nay' }),
  NOT_AN_INTEGER: () => run('anc-visits', { ...anc, gaWeeks: 12.5 }),
  NOT_A_NUMBER: () => run('anc-visits', { ...anc, weightKg: 'năm mươi' }),
  NOT_A_BOOLEAN: () => run('anc-visits', { ...anc, ironFolicGiven: 'hai viên' }),
  NOT_TEXT: () => run('anc-visits', { ...anc, notes: { text: 'x' } }),
  NOT_IN_LIST: () => run('anc-visits', { ...anc, hivResult: 'UNKNOWN' }),
  PLACE_NOT_ALLOWED: () => run('anc-visits', { ...anc, place: 'OTHER_FACILITY' }),
  INVALID_FORMAT: () => run('deaths', { ...death, causeCode: '123' }),
  INVALID_CHARACTERS: () => run('anc-visits', { ...anc, examiner: 'Hoa\u0007' }),
  TOO_SHORT: () => run('deaths', { ...death, fullName: 'P' }),
  TOO_LONG: () => run('anc-visits', { ...anc, examiner: 'x'.repeat(201) }),
  TOO_FEW_ITEMS: () => run('deliveries', { ...delivery, newborns: [] }),
  TOO_MANY_ITEMS: () => run('deliveries', { ...delivery, postnatalVisits: Array(11).fill({ visitDate: '2025-06-02' }) }),
  DATE_IN_FUTURE: () => run('anc-visits', { ...anc, visitDate: '2025-07-01' }),
  DATE_TOO_EARLY: () => run('deaths', { ...death, dateOfBirth: '1899-01-01' }),
  BEFORE_DATE_OF_BIRTH: () => run('anc-visits', { ...anc, visitDate: '1994-12-31' }),
  OUT_OF_RANGE: () => run('anc-visits', { ...anc, weightKg: 250 }),
  GA_OUT_OF_RANGE: () => run('abortions', { ...abortion, gaWeeks: 43 }),
  GA_FROM_LMP_OUT_OF_RANGE: () => run('anc-visits', anc, withLmp('2024-07-01')),
  BIRTH_WEIGHT_OUT_OF_RANGE: () => run('deliveries', { ...delivery, newborns: [{ ...baby, weightGrams: 250 }] }),
  PERSON_NOT_FEMALE: () => run('gynaecology', { ...anc, purpose: 'CURATIVE' }, man),
  REGISTERED_BEFORE_LMP: () => run('episodes', { registeredOn: '2025-05-01', lmp: '2025-05-02' }),
  CLOSED_BEFORE_LMP: () =>
    run('episodes', { registeredOn: '2025-05-01', lmp: '2025-03-01', closure: 'PREGNANCY_LOSS', closedOn: '2025-02-28' }),
  CLOSED_BEFORE_REGISTRATION: () => run('episodes', { registeredOn: '2025-05-01', closure: 'MOVED_AWAY', closedOn: '2025-04-30' }),
  EXPECTED_DATE_OUT_OF_RANGE: () => run('episodes', { registeredOn: '2025-05-01', lmp: '2025-03-01', expectedOn: '2026-03-01' }),
  PARITY_NOT_BELOW_GRAVIDITY: () => run('episodes', { registeredOn: '2025-05-01', gravidity: 1, parity: 1 }),
  VISIT_BEFORE_LMP: () => run('anc-visits', anc, withLmp('2025-06-02')),
  VISIT_AFTER_EPISODE_CLOSED: () => run('anc-visits', anc, withLmp('2025-01-01', '2025-05-31')),
  BLOOD_PRESSURE_INCOMPLETE: () => run('anc-visits', { ...anc, systolic: 120 }),
  SYSTOLIC_NOT_ABOVE_DIASTOLIC: () => run('anc-visits', { ...anc, systolic: 80, diastolic: 90 }),
  DELIVERY_BEFORE_LMP: () => run('deliveries', delivery, withLmp('2025-06-02')),
  DELIVERY_BEFORE_22_WEEKS: () => run('deliveries', { ...delivery, gaWeeks: 20, newborns: [{ ...baby, liveBorn: false }] }),
  DISCHARGE_BEFORE_DELIVERY: () => run('deliveries', { ...delivery, dischargedAt: '2025-06-01T07:00:00+07:00' }),
  MODE_REQUIRES_FACILITY: () => run('deliveries', { ...delivery, place: 'HOME', mode: 'CAESAREAN' }),
  BABIES_MISMATCH: () => run('deliveries', { ...delivery, babies: 2 }),
  BIRTH_ORDER_OUT_OF_RANGE: () => run('deliveries', { ...delivery, newborns: [{ ...baby, birthOrder: 2 }] }),
  BIRTH_ORDER_DUPLICATE: () => run('deliveries', { ...delivery, newborns: [baby, { ...baby, birthOrder: 1 }] }),
  HEP_B_BEFORE_BIRTH: () => run('deliveries', { ...delivery, newborns: [{ ...baby, hepBDoseAt: '2025-06-01T07:00:00+07:00' }] }),
  STILLBORN_CARE_NOT_ALLOWED: () =>
    run('deliveries', { ...delivery, gaWeeks: 30, newborns: [{ ...baby, liveBorn: false, vitaminK1: true }] }),
  BIRTH_CERTIFICATE_FOR_STILLBORN: () =>
    run('deliveries', { ...delivery, gaWeeks: 30, newborns: [{ ...baby, liveBorn: false, birthCertificateNumber: '1' }] }),
  POSTNATAL_BEFORE_DELIVERY: () => run('deliveries', { ...delivery, postnatalVisits: [{ visitDate: '2025-05-31' }] }),
  POSTNATAL_BEFORE_DISCHARGE: () =>
    run('deliveries', { ...delivery, dischargedAt: '2025-06-03 08:00', postnatalVisits: [{ visitDate: '2025-06-02' }] }),
  COMPLICATION_BEFORE_EVENT: () =>
    run('abortions', { ...abortion, complications: [{ kind: 'INFECTION', onsetOn: '2025-05-31', outcome: 'RECOVERED' }] }),
  COMPLICATION_KIND_NOT_ALLOWED: () =>
    run('deliveries', { ...delivery, complications: [{ kind: 'ABORTION_COMPLICATION', onsetOn: '2025-06-01', outcome: 'RECOVERED' }] }),
  ABORTION_BEFORE_LMP: () => run('abortions', abortion, withLmp('2025-06-02')),
  METHOD_NOT_FOR_SEX: () => run('contraception', { servedOn: '2025-06-01', place: 'HOME', method: 'PILL', acceptorStatus: 'NEW' }, man),
  TREATMENTS_WITHOUT_TREATMENT_GIVEN: () => run('gynaecology', { ...anc, purpose: 'CURATIVE', treatments: ['SYPHILIS'] }),
  HPV_TOO_YOUNG: () =>
    run(
      'hpv-vaccinations',
      { givenOn: '2025-06-01', place: 'OUTREACH', doseNumber: 1 },
      { today, person: { dateOfBirth: '2017-01-01', sex: 'FEMALE' } },
    ),
  CHILD_TOO_OLD: () => run('child-exams', { ...exam, weightKg: 20 }, { today, person: { dateOfBirth: '2019-01-01', sex: 'MALE' } }),
  NO_MEASUREMENT: () => run('child-exams', exam),
  IMPLAUSIBLE_MEASUREMENT: () =>
    run('child-exams', { ...exam, weightKg: 40 }, { today, person: { dateOfBirth: '2024-06-01', sex: 'MALE' } }),
  RECORDED_BEFORE_DEATH: () => run('deaths', { ...death, recordedOn: '2025-06-01' }),
  MATERNAL_DEATH_NOT_FEMALE: () => run('deaths', { ...death, sex: 'MALE', maternal: true, maternalTiming: 'WITHIN_42_DAYS' }),
  MATERNAL_TIMING_NOT_MATERNAL: () => run('deaths', { ...death, maternalTiming: 'WITHIN_42_DAYS' }),
  STILLBIRTH_UNDER_22_WEEKS: () => run('deaths', { ...death, stillbirth: true, stillbirthGaWeeks: 20 }),
  STILLBIRTH_GA_NOT_STILLBIRTH: () => run('deaths', { ...death, stillbirthGaWeeks: 30 }),
  STILLBIRTH_AND_MATERNAL: () =>
    run('deaths', { ...death, sex: 'FEMALE', maternal: true, maternalTiming: 'DURING_DELIVERY', stillbirth: true, stillbirthGaWeeks: 30 }),
  CCCD_FORMAT: () =>
    run('anc-visits', { ...anc, person: { fullName: 'Lò Thị Mai', dateOfBirth: '1995-01-01', sex: 'FEMALE', citizenId: '123' } }),
  CCCD_PROVINCE: () => checkField(text({ format: 'citizenId' }), '999195000123', woman).problems,
  CCCD_BIRTH_MISMATCH: () =>
    run('anc-visits', { ...anc, person: { fullName: 'Lò Thị Mai', dateOfBirth: '1996-01-01', sex: 'FEMALE', citizenId: '011195000123' } }),
  CCCD_SEX_MISMATCH: () =>
    run('child-exams', {
      ...exam,
      weightKg: 9,
      person: { fullName: 'Lò Văn A', dateOfBirth: '2024-06-01', sex: 'MALE', citizenId: '011324000123' },
    }),
  INSURANCE_CARD_FORMAT: () => checkField(text({ format: 'insuranceCard' }), 'GD4', woman).problems,
  INSURANCE_CARD_BENEFIT_LEVEL: () => checkField(text({ format: 'insuranceCard' }), 'GD7011234567890', woman).problems,
  INSURANCE_CARD_PROVINCE: () => checkField(text({ format: 'insuranceCard' }), 'GD4001234567890', woman).problems,
  PHONE_FORMAT: () => run('deaths', { ...death, familyPhone: '113' }),
};

describe('machine codes', () => {
  it.each(RECORD_PROBLEM_CODES.map((code) => [code]))('%s has an example that produces it with a Vietnamese message', (code) => {
    const problems = EXAMPLES[code]();
    const problem = problems.find((p) => p.code === code);
    expect({ code, problems }).toEqual({ code, problems: expect.arrayContaining([expect.objectContaining({ code })]) });
    expect(problem?.message).toBe(problem?.message.normalize('NFC'));
    expect(problem?.message).not.toMatch(/\.$|undefined|null|NaN|\[object/);
  });

  it('are unique UPPER_SNAKE codes and include every identifier code', () => {
    expect(new Set(RECORD_PROBLEM_CODES).size).toBe(RECORD_PROBLEM_CODES.length);
    for (const code of RECORD_PROBLEM_CODES) expect(code).toMatch(/^[A-Z]+(_[A-Z0-9]+)*$/);
    // Compile-time: an identifier code missing from the list fails the type check here.
    const identifierCodes: RecordProblemCode[] = [] as IdentifierProblemCode[];
    expect(identifierCodes).toEqual([]);
  });
});

describe('validateRecord', () => {
  it.each(REGISTER_CODES.map((code) => [code]))('dispatches %s to its validator', (code) => {
    const problems = validateRecord(code, {}, woman).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.code === 'REQUIRED' || p.code === 'TOO_FEW_ITEMS' || p.code === 'NO_MEASUREMENT')).toBe(true);
    expect(validateRecord(code, 'x', woman).problems.map((p) => p.code)).toEqual(['NOT_AN_OBJECT']);
  });

  it('returns the value only without problems', () => {
    expect(validateRecord('anc-visits', anc, woman)).toMatchObject({ value: { visitDate: '2025-06-01' }, problems: [] });
    expect(validateRecord('anc-visits', { ...anc, weightKg: 1 }, woman).value).toBeNull();
  });

  it('throws on a context without a valid today', () => {
    expect(() => validateRecord('anc-visits', anc, { today: '2025-02-30' })).toThrow(RangeError);
  });

  it('drops fields it does not know', () => {
    expect(validateRecord('anc-visits', { ...anc, facilityId: 3, hack: 1 }, woman).value).not.toHaveProperty('hack');
  });
});
