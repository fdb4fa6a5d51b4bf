import { CollectionDefinition, FieldDefinition, RegisterCode, registerDefinition, RegisterDefinition } from '@skss/domain';
import { dayFromDb, dayToDb } from '../shared/days';

/** The registers served under /clinical-records/{register} (pregnancy episodes have their own path). */
export const RECORD_REGISTERS = [
  'anc-visits',
  'deliveries',
  'abortions',
  'contraception',
  'gynaecology',
  'hpv-vaccinations',
  'child-exams',
  'deaths',
] as const satisfies readonly RegisterCode[];
export type RecordRegister = (typeof RECORD_REGISTERS)[number];

/** A nested list stored in a table of its own (a delivery's newborns, postnatal visits, complications). */
export interface CollectionTable {
  readonly definition: CollectionDefinition;
  readonly model: 'Newborn' | 'PostnatalVisit' | 'Complication';
  readonly delegate: 'newborn' | 'postnatalVisit' | 'complication';
  /** The column pointing at the owning row. */
  readonly parentColumn: 'deliveryId' | 'abortionId' | 'contraceptionId';
  readonly orderBy: readonly object[];
  /** Items kept across updates by this key (newborns by birth order, so their person links survive); others are replaced. */
  readonly matchBy?: 'birthOrder';
}

/** How one register is stored: the table behind the domain's definition. */
export interface RegisterTable {
  readonly code: RegisterCode;
  readonly definition: RegisterDefinition;
  readonly delegate: string;
  /** The date column that decides the report month (for deliveries, the local date of deliveredAt). */
  readonly dateColumn: string;
  readonly collections: readonly CollectionTable[];
  /** The episode closure recording a row of this register implies. */
  readonly closes?: 'DELIVERY' | 'ABORTION';
  readonly hasEpisode: boolean;
  /** Deaths: the deceased child's mother may be linked. */
  readonly hasMother: boolean;
  /** The row records the person's name itself (deaths, whose deceased may not be a known person). */
  readonly ownName: boolean;
}

const collection = (definition: RegisterDefinition, key: string): CollectionDefinition => {
  const found = definition.collections.find((c) => c.key === key);
  if (!found) throw new Error(`Register ${definition.code} has no collection ${key}`);
  return found;
};

function table(
  code: RegisterCode,
  delegate: string,
  dateColumn: string,
  extra: Partial<Pick<RegisterTable, 'closes' | 'hasMother' | 'ownName'>> & {
    collections?: (d: RegisterDefinition) => CollectionTable[];
  } = {},
): RegisterTable {
  const definition = registerDefinition(code);
  return {
    code,
    definition,
    delegate,
    dateColumn,
    collections: extra.collections?.(definition) ?? [],
    closes: extra.closes,
    hasEpisode: definition.episode !== 'none',
    hasMother: extra.hasMother ?? false,
    ownName: extra.ownName ?? false,
  };
}

const complications = (parentColumn: CollectionTable['parentColumn']) => (d: RegisterDefinition) => [
  {
    definition: collection(d, 'complications'),
    model: 'Complication',
    delegate: 'complication',
    parentColumn,
    orderBy: [{ onsetOn: 'asc' }, { id: 'asc' }],
  } satisfies CollectionTable,
];

export const EPISODES_TABLE = table('episodes', 'pregnancyEpisode', 'registeredOn');

export const REGISTER_TABLES: Readonly<Record<RecordRegister, RegisterTable>> = {
  'anc-visits': table('anc-visits', 'ancVisit', 'visitDate'),
  deliveries: table('deliveries', 'delivery', 'deliveryDate', {
    closes: 'DELIVERY',
    collections: (d) => [
      {
        definition: collection(d, 'newborns'),
        model: 'Newborn',
        delegate: 'newborn',
        parentColumn: 'deliveryId',
        orderBy: [{ birthOrder: 'asc' }],
        matchBy: 'birthOrder',
      },
      {
        definition: collection(d, 'postnatalVisits'),
        model: 'PostnatalVisit',
        delegate: 'postnatalVisit',
        parentColumn: 'deliveryId',
        orderBy: [{ visitDate: 'asc' }, { id: 'asc' }],
      },
      ...complications('deliveryId')(d),
    ],
  }),
  abortions: table('abortions', 'abortion', 'performedOn', { closes: 'ABORTION', collections: complications('abortionId') }),
  contraception: table('contraception', 'contraceptionService', 'servedOn', { collections: complications('contraceptionId') }),
  gynaecology: table('gynaecology', 'gynaecologyVisit', 'visitDate'),
  'hpv-vaccinations': table('hpv-vaccinations', 'hpvVaccination', 'givenOn'),
  'child-exams': table('child-exams', 'childExam', 'examDate'),
  deaths: table('deaths', 'death', 'diedOn', { hasMother: true, ownName: true }),
};

export function isRecordRegister(value: unknown): value is RecordRegister {
  return typeof value === 'string' && (RECORD_REGISTERS as readonly string[]).includes(value);
}

// ---- Values between the validators' normalised records and the columns ----

/** A normalised value (dates 'YYYY-MM-DD', instants ISO 8601 UTC) as its column stores it. */
export function toColumn(field: FieldDefinition, value: unknown): unknown {
  if (value === null || value === undefined) return field.type === 'codes' ? [] : null;
  if (field.type === 'date') return dayToDb(value as string);
  if (field.type === 'datetime') return new Date(value as string);
  return value;
}

/** A column value back in the validators' representation (what the API answers). */
export function fromColumn(field: FieldDefinition, value: unknown): unknown {
  if (value === null || value === undefined) return field.type === 'codes' ? [] : null;
  if (field.type === 'date') return dayFromDb(value as Date);
  if (field.type === 'datetime') return (value as Date).toISOString();
  if (field.type === 'decimal') return Number(value);
  return value;
}

/** The columns of a record's own fields (computed ones included: the validators derive them). */
export function columnsOf(fields: readonly FieldDefinition[], value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field.key, toColumn(field, value[field.key])]));
}

/** The fields of a stored row in the API's representation. */
export function fieldsOf(fields: readonly FieldDefinition[], row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field.key, fromColumn(field, row[field.key])]));
}
