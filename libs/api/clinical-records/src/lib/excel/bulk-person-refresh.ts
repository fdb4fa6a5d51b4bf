import { FieldError, Prisma } from '@skss/api/core';
import { IsoDate, PersonRecord } from '@skss/domain';
import { changesNothing, personRefresh, refreshed, ResidenceMove, StoredPerson } from '../persons/person-refresh';
import { dayBefore } from '../shared/days';
import { SqlRunner } from './sql';

/** A stored person found for a record, and whether by an exact identifier (the refresh rule needs it). */
export interface Matched {
  id: string;
  exact: boolean;
}

/** What the records of a batch change in one stored person. */
export interface PersonChange {
  stored: StoredPerson & { residenceId: number | null };
  set: Partial<Record<string, string>>;
  /** New residences, in day order (a later one of the same day replaces an earlier). */
  moves: ResidenceMove[];
}

/** One person brought up to date, for the audit trail. */
export interface PersonUpdate {
  personId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const COLUMNS: Readonly<Record<string, string>> = {
  citizenId: 'citizen_id',
  insuranceCard: 'insurance_card',
  ethnicityCode: 'ethnicity_code',
  nationalityCode: 'nationality_code',
  occupationCode: 'occupation_code',
  phone: 'phone',
};

/** The stored persons (with their latest residence) the refresh rule compares records with. */
export async function loadStoredPersons(db: SqlRunner, ids: readonly string[]): Promise<Map<string, PersonChange['stored']>> {
  if (!ids.length) return new Map();
  const rows = await db.$queryRaw<
    {
      id: string;
      full_name: string;
      date_of_birth: string;
      sex: string;
      citizen_id: string | null;
      insurance_card: string | null;
      ethnicity_code: string | null;
      nationality_code: string | null;
      occupation_code: string | null;
      phone: string | null;
      residence_id: number | null;
      commune_code: string | null;
      address: string | null;
      valid_from: string | null;
      valid_to: string | null;
    }[]
  >(Prisma.sql`
    SELECT p.id, p.full_name, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.sex::text AS sex, p.citizen_id,
           p.insurance_card, p.ethnicity_code, p.nationality_code, p.occupation_code, p.phone, r.id AS residence_id,
           r.code AS commune_code, r.address, to_char(r.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(r.valid_to, 'YYYY-MM-DD') AS valid_to
    FROM person p
    LEFT JOIN LATERAL (
      SELECT r.id, a.code, r.address, r.valid_from, r.valid_to FROM person_residence r JOIN admin_unit a ON a.id = r.commune_id
      WHERE r.person_id = p.id ORDER BY r.valid_from DESC LIMIT 1) r ON true
    WHERE p.id = ANY(${[...new Set(ids)]}::uuid[])`);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        fullName: r.full_name,
        dateOfBirth: r.date_of_birth,
        sex: r.sex,
        citizenId: r.citizen_id,
        insuranceCard: r.insurance_card,
        ethnicityCode: r.ethnicity_code,
        nationalityCode: r.nationality_code,
        occupationCode: r.occupation_code,
        phone: r.phone,
        residenceId: r.residence_id,
        residence:
          r.residence_id !== null
            ? {
                id: r.residence_id,
                communeCode: r.commune_code as string,
                address: r.address,
                validFrom: r.valid_from as string,
                validTo: r.valid_to,
              }
            : null,
      },
    ]),
  );
}

/**
 * The refresh rule (persons/person-refresh.ts) over a batch: the records about one person are
 * applied in the order of their event days, each to her as the earlier ones left her. Answers the
 * warnings of each record and the change of each person (read-only: the preview uses it too).
 */
export async function planRefreshes(
  db: SqlRunner,
  wanted: readonly { person: PersonRecord; day: IsoDate }[],
  found: readonly (Matched | null)[],
): Promise<{ warnings: FieldError[][]; changes: Map<string, PersonChange> }> {
  const warnings: FieldError[][] = wanted.map(() => []);
  const changes = new Map<string, PersonChange>();
  const stored = await loadStoredPersons(
    db,
    found.flatMap((f) => (f ? [f.id] : [])),
  );
  const state = new Map<string, StoredPerson>(stored);
  const order = wanted.map((_, i) => i).sort((a, b) => (wanted[a].day < wanted[b].day ? -1 : wanted[a].day > wanted[b].day ? 1 : a - b));
  for (const i of order) {
    const match = found[i];
    const current = match ? state.get(match.id) : undefined;
    if (!match || !current) continue;
    const refresh = personRefresh(current, wanted[i].person, wanted[i].day, match.exact);
    warnings[i] = refresh.warnings;
    if (changesNothing(refresh)) continue;
    const change = changes.get(match.id) ?? { stored: stored.get(match.id) as PersonChange['stored'], set: {}, moves: [] };
    Object.assign(change.set, refresh.set);
    if (refresh.move) {
      const last = change.moves[change.moves.length - 1];
      if (last?.from === refresh.move.from) change.moves.pop();
      change.moves.push(refresh.move);
    }
    changes.set(match.id, change);
    state.set(match.id, refreshed(current, refresh));
  }
  return { warnings, changes };
}

/**
 * Writes the planned changes set-based: the person columns, then her residences (the latest one
 * ends the day before the first move, or is corrected when it starts that day; each new one ends
 * the day before the next). `communeOn` gives the commune version of a code on a day. An identifier
 * another person of the batch claims first is left out. Answers what changed, for the audit trail.
 */
export async function applyRefreshes(
  db: SqlRunner,
  changes: ReadonlyMap<string, PersonChange>,
  communeOn: (code: string, day: IsoDate) => number | undefined,
  taken: Set<string>,
): Promise<PersonUpdate[]> {
  const updates: PersonUpdate[] = [];
  const people: Record<string, string | null>[] = [];
  const closes: { id: number; to: IsoDate }[] = [];
  const corrects: { id: number; commune: number; address: string | null; to: IsoDate | null }[] = [];
  const inserts: { person: string; commune: number; address: string | null; from: IsoDate; to: IsoDate | null }[] = [];
  for (const [personId, change] of changes) {
    const set = { ...change.set };
    for (const key of ['citizenId', 'insuranceCard']) {
      const value = set[key];
      if (value && taken.has(value)) delete set[key];
      else if (value) taken.add(value);
    }
    const moves = change.moves.filter((move) => communeOn(move.communeCode, move.from) !== undefined);
    if (!Object.keys(set).length && !moves.length) continue;
    if (Object.keys(set).length)
      people.push({ id: personId, ...Object.fromEntries(Object.entries(set).map(([k, v]) => [COLUMNS[k], v ?? null])) });
    const latest = change.stored.residence;
    moves.forEach((move, index) => {
      const commune = communeOn(move.communeCode, move.from) as number;
      const to = index + 1 < moves.length ? dayBefore(moves[index + 1].from) : null;
      if (index === 0 && latest && latest.validTo === null) {
        // Starting the same day as her latest residence: a correction of it, not a move.
        if (latest.validFrom === move.from) {
          corrects.push({ id: latest.id, commune, address: move.address, to });
          return;
        }
        closes.push({ id: latest.id, to: dayBefore(move.from) });
      }
      inserts.push({ person: personId, commune, address: move.address, from: move.from, to });
    });
    const before: Record<string, unknown> = Object.fromEntries(
      Object.keys(set).map((k) => [k, change.stored[k as keyof StoredPerson] ?? null]),
    );
    const after: Record<string, unknown> = { ...set };
    if (moves.length) {
      before['residence'] = latest
        ? { communeCode: latest.communeCode, address: latest.address, validFrom: latest.validFrom, validTo: latest.validTo }
        : null;
      after['residences'] = moves.map((m) => ({ communeCode: m.communeCode, address: m.address, validFrom: m.from }));
    }
    updates.push({ personId, before, after });
  }
  if (people.length) {
    const list = (column: string) => people.map((p) => p[column] ?? null);
    await db.$executeRaw(Prisma.sql`
      UPDATE person p SET
        citizen_id = COALESCE(u.citizen_id, p.citizen_id), insurance_card = COALESCE(u.insurance_card, p.insurance_card),
        ethnicity_code = COALESCE(u.ethnicity_code, p.ethnicity_code), nationality_code = COALESCE(u.nationality_code, p.nationality_code),
        occupation_code = COALESCE(u.occupation_code, p.occupation_code), phone = COALESCE(u.phone, p.phone), updated_at = now()
      FROM unnest(${list('id')}::uuid[], ${list('citizen_id')}::text[], ${list('insurance_card')}::text[], ${list('ethnicity_code')}::text[],
                  ${list('nationality_code')}::text[], ${list('occupation_code')}::text[], ${list('phone')}::text[])
           AS u(id, citizen_id, insurance_card, ethnicity_code, nationality_code, occupation_code, phone)
      WHERE p.id = u.id`);
  }
  if (closes.length) {
    await db.$executeRaw(Prisma.sql`
      UPDATE person_residence r SET valid_to = u.day
      FROM unnest(${closes.map((c) => c.id)}::int[], ${closes.map((c) => c.to)}::date[]) AS u(id, day) WHERE r.id = u.id`);
  }
  if (corrects.length) {
    await db.$executeRaw(Prisma.sql`
      UPDATE person_residence r SET commune_id = u.commune, address = u.address, valid_to = u.day
      FROM unnest(${corrects.map((c) => c.id)}::int[], ${corrects.map((c) => c.commune)}::int[], ${corrects.map((c) => c.address)}::text[],
                  ${corrects.map((c) => c.to)}::date[]) AS u(id, commune, address, day)
      WHERE r.id = u.id`);
  }
  if (inserts.length) {
    await db.$executeRaw(Prisma.sql`
      INSERT INTO person_residence (person_id, commune_id, address, valid_from, valid_to)
      SELECT * FROM unnest(${inserts.map((i) => i.person)}::uuid[], ${inserts.map((i) => i.commune)}::int[], ${inserts.map((i) => i.address)}::text[],
                           ${inserts.map((i) => i.from)}::date[], ${inserts.map((i) => i.to)}::date[])`);
  }
  return updates;
}
