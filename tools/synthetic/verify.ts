import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client, types } from 'pg';
import {
  CodeEntry,
  EpisodeFacts,
  FieldDefinition,
  PersonFacts,
  RecordProblem,
  REGISTER_DEFINITIONS,
  RegisterCode,
  validateRecord,
  ValidationContext,
} from '@skss/domain';

/**
 * Runs the domain's register validators (the ones direct entry, Excel import and the API call) on a
 * sample of generated rows: each row is read back from the database into the validator's input
 * shape, with its person, episode, newborns, postnatal visits and complications.
 */
export interface SampleVerification {
  checked: Record<RegisterCode, number>;
  invalid: { register: RegisterCode; id: string; problems: RecordProblem[] }[];
  /** Child exams whose stored z-scores differ from what the validator computes. */
  zScoreMismatches: number;
}

const TABLE_OF: Record<RegisterCode, string> = {
  episodes: 'pregnancy_episode',
  'anc-visits': 'anc_visit',
  deliveries: 'delivery',
  abortions: 'abortion',
  contraception: 'contraception_service',
  gynaecology: 'gynaecology_visit',
  'hpv-vaccinations': 'hpv_vaccination',
  'child-exams': 'child_exam',
  deaths: 'death',
};

/** Where the column name is not the snake case of the key. */
const COLUMN_OVERRIDES: Record<string, string> = { seenWithin30Days: 'seen_within_30_days' };

const column = (key: string) => COLUMN_OVERRIDES[key] ?? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const ROOT = resolve(__dirname, '../..');

function catalog(file: string): CodeEntry[] {
  const data = JSON.parse(readFileSync(resolve(ROOT, 'prisma/seed/data/catalogs', file), 'utf8')) as {
    items: { code: string; name: string; nameEn?: string }[];
  };
  return data.items.map((item) => ({ code: item.code, vi: item.name, en: item.nameEn ?? item.name }));
}

type Row = Record<string, unknown>;

function input(fields: readonly FieldDefinition[], row: Row): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.computed) continue;
    const value = row[column(field.key)];
    if (value === null || value === undefined) continue;
    result[field.key] = field.type === 'decimal' || field.type === 'int' ? Number(value) : value;
  }
  return result;
}

export async function verifySample(databaseUrl: string, today: string, perRegister = 300): Promise<SampleVerification> {
  // Dates and times as text, as the API receives them (not JS Dates in the local zone).
  const client = new Client({
    connectionString: databaseUrl,
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => {
        if (oid === 1082) return (value: string) => value;
        if (oid === 1184) return (value: string) => new Date(value).toISOString();
        return types.getTypeParser(oid, format);
      },
    },
  });
  await client.connect();
  const catalogs = { ETHNICITY: catalog('ethnicities.json'), OCCUPATION: catalog('occupations.json') };
  const result: SampleVerification = {
    checked: {} as Record<RegisterCode, number>,
    invalid: [],
    zScoreMismatches: 0,
  };
  try {
    for (const code of Object.keys(TABLE_OF) as RegisterCode[]) {
      const definition = REGISTER_DEFINITIONS[code];
      const table = TABLE_OF[code];
      const rows = (await client.query<Row>(`SELECT * FROM ${table} ORDER BY md5(id::text) LIMIT $1`, [perRegister])).rows;
      result.checked[code] = rows.length;
      if (rows.length === 0) continue;
      const ids = rows.map((row) => row['id'] as string);
      const persons = await byId(
        client,
        `SELECT id, date_of_birth, sex FROM person WHERE id = ANY($1::uuid[])`,
        rows.map((row) => row['person_id']),
      );
      const episodes = await byId(
        client,
        `SELECT id, lmp, registered_on, closed_on FROM pregnancy_episode WHERE id = ANY($1::uuid[])`,
        rows.map((row) => row['episode_id']),
      );
      const children = await collections(client, table, ids);
      for (const row of rows) {
        const record = input(definition.fields, row);
        for (const collection of definition.collections) {
          record[collection.key] = (children[collection.key]?.get(row['id'] as string) ?? []).map((item) => input(collection.fields, item));
        }
        const person = persons.get(row['person_id'] as string);
        const episode = episodes.get(row['episode_id'] as string);
        const context: ValidationContext = {
          today,
          catalogs,
          ...(person ? { person: { dateOfBirth: person['date_of_birth'], sex: person['sex'] } as PersonFacts } : {}),
          ...(episode
            ? { episode: { lmp: episode['lmp'], registeredOn: episode['registered_on'], closedOn: episode['closed_on'] } as EpisodeFacts }
            : {}),
        };
        const outcome = validateRecord(code, record, context);
        if (outcome.problems.length > 0) result.invalid.push({ register: code, id: row['id'] as string, problems: outcome.problems });
        if (code === 'child-exams' && outcome.value) {
          const value = outcome.value as unknown as Record<string, unknown>;
          const stored = ['weightForAgeZ', 'heightForAgeZ', 'weightForHeightZ'].map((k) => row[column(k)]);
          const computed = ['weightForAgeZ', 'heightForAgeZ', 'weightForHeightZ'].map((k) => value[k]);
          const same = stored.every((s, i) => (s === null ? computed[i] === null : Number(s) === computed[i]));
          const statuses = JSON.stringify(row['nutritional_status']) === JSON.stringify(value['nutritionalStatus']);
          if (!same || !statuses) result.zScoreMismatches++;
        }
      }
    }
  } finally {
    await client.end();
  }
  return result;
}

async function byId(client: Client, sql: string, ids: unknown[]): Promise<Map<string, Row>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows = (await client.query<Row>(sql, [wanted])).rows;
  return new Map(rows.map((row) => [row['id'] as string, row]));
}

/** Newborns, postnatal visits and complications of the sampled rows, grouped by their parent. */
async function collections(client: Client, table: string, ids: string[]): Promise<Record<string, Map<string, Row[]>>> {
  const group = (rows: Row[], key: string) => {
    const map = new Map<string, Row[]>();
    for (const row of rows) map.set(row[key] as string, [...(map.get(row[key] as string) ?? []), row]);
    return map;
  };
  const link = { delivery: 'delivery_id', abortion: 'abortion_id', contraception_service: 'contraception_id' }[table];
  const result: Record<string, Map<string, Row[]>> = {};
  if (link) {
    const rows = (await client.query<Row>(`SELECT * FROM complication WHERE ${link} = ANY($1::uuid[]) ORDER BY onset_on, id`, [ids])).rows;
    result['complications'] = group(rows, link);
  }
  if (table === 'delivery') {
    const newborns = (await client.query<Row>(`SELECT * FROM newborn WHERE delivery_id = ANY($1::uuid[]) ORDER BY birth_order`, [ids]))
      .rows;
    const visits = (
      await client.query<Row>(`SELECT * FROM postnatal_visit WHERE delivery_id = ANY($1::uuid[]) ORDER BY visit_date, id`, [ids])
    ).rows;
    result['newborns'] = group(newborns, 'delivery_id');
    result['postnatalVisits'] = group(visits, 'delivery_id');
  }
  return result;
}
