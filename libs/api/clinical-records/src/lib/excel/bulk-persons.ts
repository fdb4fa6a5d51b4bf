import { DomainError, FieldError, Prisma } from '@skss/api/core';
import { foldVietnamese, IsoDate, PersonRecord } from '@skss/domain';
import { applyRefreshes, planRefreshes, PersonUpdate } from './bulk-person-refresh';
import { ColumnTypes, recordset, SqlRunner } from './sql';
import { uuid7 } from './uuid7';

/** A person part of an imported record, with the day the record's event happened (residence start). */
export interface WantedPerson {
  person: PersonRecord;
  day: IsoDate;
  /** The sending system's own patient id (integration API), kept in person_source_id. */
  sourceId?: string | null;
}

export interface ResolvedPersons {
  /** The person id of each wanted person, in order. */
  ids: string[];
  created: number;
  /** Per wanted person: what differs from the stored person and was kept (persons/person-refresh.ts). */
  warnings: FieldError[][];
  /** Stored persons the records brought up to date, for the audit trail. */
  updates: PersonUpdate[];
}

const fold = (name: string) => foldVietnamese(name).slice(0, 200);
const nameKey = (person: PersonRecord) => `${fold(person.fullName)}|${person.dateOfBirth}`;

/** A stored person found for a wanted one, with the identifiers she has (to fill in the ones the row adds). */
export interface Found {
  id: string;
  citizen_id: string | null;
  insurance_card: string | null;
  /** Found by an identifier (citizen ID, insurance card, the source's patient id), not by name and date of birth. */
  exact: boolean;
}

/**
 * Rules 1 and 2 of resolvePersons(), read-only: the stored person of each wanted one, or null. Three indexed
 * statements whatever the batch size (four with source patient ids).
 */
export async function findPersons(
  db: SqlRunner,
  facilityId: number,
  people: readonly PersonRecord[],
  source?: { system: string; ids: readonly (string | null | undefined)[] },
): Promise<(Found | null)[]> {
  const found: (Found | null)[] = people.map(() => null);
  const citizenIds = [...new Set(people.map((p) => p.citizenId).filter((v): v is string => !!v))];
  const cards = [...new Set(people.map((p) => p.insuranceCard).filter((v): v is string => !!v))];
  if (citizenIds.length || cards.length) {
    const rows = await db.$queryRaw<{ citizen_id: string | null; insurance_card: string | null; id: string }[]>(Prisma.sql`
      SELECT citizen_id, insurance_card, COALESCE(merged_into_id, id) AS id FROM person
      WHERE citizen_id = ANY(${citizenIds}::text[]) OR insurance_card = ANY(${cards}::text[])`);
    const byCitizen = new Map(rows.filter((r) => r.citizen_id).map((r) => [r.citizen_id as string, r]));
    const byCard = new Map(rows.filter((r) => r.insurance_card).map((r) => [r.insurance_card as string, r]));
    people.forEach((person, i) => {
      const row = (person.citizenId && byCitizen.get(person.citizenId)) || (person.insuranceCard && byCard.get(person.insuranceCard));
      found[i] = row ? { ...row, exact: true } : null;
    });
  }
  const unmatched = source ? people.flatMap((_, i) => (found[i] === null && source.ids[i] ? [i] : [])) : [];
  if (source && unmatched.length) {
    const ids = [...new Set(unmatched.map((i) => source.ids[i] as string))];
    const rows = await db.$queryRaw<(Omit<Found, 'exact'> & { source_record_id: string })[]>(Prisma.sql`
      SELECT s.source_record_id, COALESCE(p.merged_into_id, p.id) AS id, p.citizen_id, p.insurance_card
      FROM person_source_id s JOIN person p ON p.id = s.person_id
      WHERE s.source_system = ${source.system} AND s.source_record_id = ANY(${ids}::text[])`);
    const bySource = new Map(rows.map((row) => [row.source_record_id, row]));
    for (const i of unmatched) {
      const row = bySource.get(source.ids[i] as string);
      found[i] = row ? { ...row, exact: true } : null;
    }
  }
  const open = people.map((person, i) => ({ person, i })).filter(({ i }) => found[i] === null);
  if (open.length) {
    const names = open.map(({ person }) => fold(person.fullName));
    const days = open.map(({ person }) => person.dateOfBirth);
    const known = await db.$queryRaw<(Omit<Found, 'exact'> & { key: string })[]>(Prisma.sql`
      SELECT DISTINCT ON (p.full_name_folded, p.date_of_birth)
             p.full_name_folded || '|' || to_char(p.date_of_birth, 'YYYY-MM-DD') AS key,
             COALESCE(p.merged_into_id, p.id) AS id, p.citizen_id, p.insurance_card
      FROM person p
      JOIN person_facility pf ON pf.person_id = p.id AND pf.facility_id = ${facilityId}::int
      WHERE (p.full_name_folded, p.date_of_birth) IN (SELECT * FROM unnest(${names}::text[], ${days}::date[]))
      ORDER BY p.full_name_folded, p.date_of_birth, p.created_at`);
    const byName = new Map(known.map((k) => [k.key, k]));
    for (const { person, i } of open) {
      const match = byName.get(nameKey(person));
      if (!match) continue;
      const contradicts =
        (person.citizenId && match.citizen_id && person.citizenId !== match.citizen_id) ||
        (person.insuranceCard && match.insurance_card && person.insuranceCard !== match.insurance_card);
      if (!contradicts) found[i] = { ...match, exact: false };
    }
  }
  return found;
}

/**
 * Finds or creates the persons of a batch of imported records, set-based (a few statements per
 * batch, whatever its size), with the rules of the register API's PersonWriter:
 * 1. an exact citizen-ID match, else insurance-card match, else (with `sourceSystem`) the sending
 *    system's patient id, anywhere (beyond scope, on purpose: the same woman must not be entered
 *    twice), following a merge to the surviving person;
 * 2. else a person already known at the importing facility with the same folded name and date of
 *    birth whose identifiers do not contradict the row's (this is what makes a re-import of rows
 *    without identifiers find the persons the first import created); identifiers the row adds are
 *    filled in;
 * 3. else a new person (one per identity within the batch), with her residence from the event's
 *    day when the row names a commune.
 * Every person of the batch becomes known at the facility (person_facility), which is what makes
 * her visible to it.
 */
export async function resolvePersons(
  db: SqlRunner,
  types: ColumnTypes,
  facilityId: number,
  wanted: readonly WantedPerson[],
  sourceSystem?: string,
  /** What findPersons() answered for `wanted` earlier in the same transaction, to save its statements. */
  known?: readonly (Found | null)[],
): Promise<ResolvedPersons> {
  const found =
    known ??
    (await findPersons(
      db,
      facilityId,
      wanted.map((w) => w.person),
      sourceSystem ? { system: sourceSystem, ids: wanted.map((w) => w.sourceId) } : undefined,
    ));
  const ids: (string | null)[] = found.map((f) => f?.id ?? null);

  // Stored persons brought up to date by the records (the refresh rule; identifiers once per batch).
  const communeOn = await communeLookup(
    db,
    wanted.flatMap(({ person }) => (person.communeCode ? [person.communeCode] : [])),
  );
  const { warnings, changes } = await planRefreshes(db, wanted, found);
  const updates = await applyRefreshes(db, changes, communeOn, new Set());

  // New persons: one per identity of the batch.
  const created = new Map<string, { id: string; person: PersonRecord; day: IsoDate }>();
  wanted.forEach(({ person, day }, i) => {
    if (ids[i] !== null) return;
    const identity = person.citizenId ?? person.insuranceCard ?? nameKey(person);
    const existing = created.get(identity) ?? { id: uuid7(), person, day };
    created.set(identity, existing);
    ids[i] = existing.id;
  });
  if (created.size) {
    const rows = [...created.values()].map(({ id, person }) => ({
      id,
      full_name: person.fullName,
      full_name_folded: fold(person.fullName),
      date_of_birth: person.dateOfBirth,
      sex: person.sex,
      citizen_id: person.citizenId,
      insurance_card: person.insuranceCard,
      ethnicity_code: person.ethnicityCode,
      occupation_code: person.occupationCode,
      nationality_code: person.nationalityCode,
      phone: person.phone,
    }));
    const columns = Object.keys(rows[0]);
    const inserted = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
      INSERT INTO person (${Prisma.raw(columns.join(', '))}, facility_id, created_at, updated_at)
      SELECT ${Prisma.raw(columns.map((c) => `r.${c}`).join(', '))}, ${facilityId}::int, now(), now()
      FROM ${recordset(types, 'person', columns, rows)}
      ON CONFLICT DO NOTHING
      RETURNING id`);
    if (inserted.length !== rows.length) {
      throw new DomainError('IMPORT_CONFLICT', 'Một người trong tệp vừa được ghi bởi thao tác khác cùng lúc: hãy ghi lại lần nữa', 409);
    }
    const residents = [...created.values()].filter(({ person }) => person.communeCode);
    if (residents.length) {
      const rows = residents.flatMap(({ id, person, day }) => {
        const commune = communeOn(person.communeCode as string, day);
        return commune === undefined ? [] : [{ id, commune, address: person.address, day }];
      });
      await db.$executeRaw(Prisma.sql`
        INSERT INTO person_residence (person_id, commune_id, address, valid_from)
        SELECT * FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.commune)}::int[], ${rows.map((r) => r.address)}::text[], ${rows.map((r) => r.day)}::date[])`);
    }
  }

  const all = [...new Set(ids as string[])];
  await db.$executeRaw(Prisma.sql`
    INSERT INTO person_facility (person_id, facility_id)
    SELECT unnest(${all}::uuid[]), ${facilityId}::int
    ON CONFLICT DO NOTHING`);
  const links = sourceSystem ? wanted.flatMap((w, i) => (w.sourceId ? [{ source: w.sourceId, person: ids[i] as string }] : [])) : [];
  if (links.length) {
    // A patient id already linked keeps its person (a merge moves the link; see person-merge.service.ts).
    await db.$executeRaw(Prisma.sql`
      INSERT INTO person_source_id (source_system, source_record_id, person_id)
      SELECT ${sourceSystem}, s, p FROM unnest(${links.map((l) => l.source)}::text[], ${links.map((l) => l.person)}::uuid[]) AS u(s, p)
      ON CONFLICT DO NOTHING`);
  }
  return { ids: ids as string[], created: created.size, warnings, updates };
}

/** The commune version a code names on a day (else its nearest version), looked up once per code. */
async function communeLookup(db: SqlRunner, codes: readonly string[]): Promise<(code: string, day: IsoDate) => number | undefined> {
  const unique = [...new Set(codes)];
  const versions = unique.length
    ? await db.$queryRaw<{ id: number; code: string; valid_from: string | null; valid_to: string | null }[]>(Prisma.sql`
        SELECT id, code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
        FROM admin_unit WHERE level = 'commune' AND code = ANY(${unique}::text[])
        ORDER BY code, valid_from DESC NULLS LAST`)
    : [];
  return (code, day) => {
    const candidates = versions.filter((v) => v.code === code);
    return (candidates.find((v) => (!v.valid_from || v.valid_from <= day) && (!v.valid_to || v.valid_to >= day)) ?? candidates[0])?.id;
  };
}

/** The commune codes among `codes` that name no commune (in any version). */
export async function unknownCommunes(db: SqlRunner, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const known = await db.$queryRaw<{ code: string }[]>(Prisma.sql`
    SELECT DISTINCT code FROM admin_unit WHERE level = 'commune' AND code = ANY(${[...codes]}::text[])`);
  const found = new Set(known.map((k) => k.code));
  return new Set(codes.filter((code) => !found.has(code)));
}
