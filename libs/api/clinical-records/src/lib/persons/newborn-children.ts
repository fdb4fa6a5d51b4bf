import { Prisma } from '@skss/api/core';
import { IsoDate } from '@skss/domain';
import { ColumnTypes, SqlRunner, typeOf } from '../excel/sql';
import { uuid7 } from '../excel/uuid7';
import { foldName } from './person-writer';

/** What the child person of a live-born newborn is made of. */
export interface NewbornFacts {
  motherName: string;
  motherEthnicityCode: string | null;
  motherNationalityCode: string | null;
  birthOrder: number;
  /** Babies of the delivery, live-born or not. */
  babies: number;
  sex: 'MALE' | 'FEMALE';
  ethnicityCode: string | null;
  /** The delivery's local date. */
  born: IsoDate;
}

/**
 * The child person of a live-born newborn, the same for every entry path: a provisional name
 * ("Con của …", "Con thứ 2 của …" for twins) until the family names her, born on the delivery's
 * local date, the newborn's ethnicity or else the mother's, the mother's nationality; linked to the
 * mother and living where the mother lives on that day (set by the caller).
 */
export function newbornChild(facts: NewbornFacts) {
  const fullName = (facts.babies > 1 ? `Con thứ ${facts.birthOrder} của ${facts.motherName}` : `Con của ${facts.motherName}`).slice(0, 200);
  return {
    fullName,
    dateOfBirth: facts.born,
    sex: facts.sex,
    ethnicityCode: facts.ethnicityCode ?? facts.motherEthnicityCode,
    nationalityCode: facts.motherNationalityCode,
  };
}

/**
 * Set-based counterpart of the register API's newborn linking, for the bulk path (Excel, JSON API,
 * national XML): each live-born newborn of the facility's deliveries with these source record ids
 * (written or left unchanged by the batch) without a person gets her child person
 * (newbornChild()), known at the facility, with the mother's residence on the birth day. A newborn
 * already linked keeps her child, so a re-import or a resend creates none. Answers the children created.
 */
export async function linkNewbornChildren(
  db: SqlRunner,
  types: ColumnTypes,
  facilityId: number,
  deliveries: { system: string; keys: readonly string[] },
): Promise<number> {
  if (!deliveries.keys.length) return 0;
  const pending = await db.$queryRaw<
    {
      newborn_id: string;
      birth_order: number;
      sex: 'MALE' | 'FEMALE';
      ethnicity_code: string | null;
      babies: number;
      born: string;
      mother_id: string;
      mother_name: string;
      mother_ethnicity: string | null;
      mother_nationality: string | null;
      commune_id: number | null;
      address: string | null;
    }[]
  >(Prisma.sql`
    SELECT n.id AS newborn_id, n.birth_order, n.sex::text AS sex, n.ethnicity_code,
           (SELECT count(*)::int FROM newborn x WHERE x.delivery_id = d.id) AS babies,
           to_char(d.delivery_date, 'YYYY-MM-DD') AS born, m.id AS mother_id, m.full_name AS mother_name,
           m.ethnicity_code AS mother_ethnicity, m.nationality_code AS mother_nationality, r.commune_id, r.address
    FROM newborn n
    JOIN delivery d ON d.id = n.delivery_id
    JOIN person m ON m.id = d.person_id
    LEFT JOIN LATERAL (
      SELECT r.commune_id, r.address FROM person_residence r
      WHERE r.person_id = m.id AND r.valid_from <= d.delivery_date AND (r.valid_to IS NULL OR r.valid_to >= d.delivery_date)
      ORDER BY r.valid_from DESC LIMIT 1) r ON true
    WHERE d.facility_id = ${facilityId}::int AND d.source_system = ${deliveries.system}
      AND d.source_record_id = ANY(${[...deliveries.keys]}::text[]) AND n.live_born AND n.person_id IS NULL
    FOR UPDATE OF n`);
  if (!pending.length) return 0;
  const children = pending.map((n) => ({
    id: uuid7(),
    n,
    child: newbornChild({
      motherName: n.mother_name,
      motherEthnicityCode: n.mother_ethnicity,
      motherNationalityCode: n.mother_nationality,
      birthOrder: n.birth_order,
      babies: n.babies,
      sex: n.sex,
      ethnicityCode: n.ethnicity_code,
      born: n.born,
    }),
  }));
  const column = <T>(pick: (c: (typeof children)[number]) => T) => children.map(pick);
  await db.$executeRaw(Prisma.sql`
    INSERT INTO person (id, full_name, full_name_folded, date_of_birth, sex, ethnicity_code, nationality_code, mother_id, facility_id, created_at, updated_at)
    SELECT u.id, u.name, u.folded, u.born, u.sex::${typeOf(types, 'person', 'sex')}, u.ethnicity, u.nationality, u.mother, ${facilityId}::int, now(), now()
    FROM unnest(${column((c) => c.id)}::uuid[], ${column((c) => c.child.fullName)}::text[], ${column((c) => foldName(c.child.fullName))}::text[],
                ${column((c) => c.child.dateOfBirth)}::date[], ${column((c) => c.child.sex)}::text[], ${column((c) => c.child.ethnicityCode)}::text[],
                ${column((c) => c.child.nationalityCode)}::text[], ${column((c) => c.n.mother_id)}::uuid[])
         AS u(id, name, folded, born, sex, ethnicity, nationality, mother)`);
  await db.$executeRaw(Prisma.sql`
    INSERT INTO person_facility (person_id, facility_id) SELECT unnest(${column((c) => c.id)}::uuid[]), ${facilityId}::int ON CONFLICT DO NOTHING`);
  const residents = children.filter((c) => c.n.commune_id !== null);
  if (residents.length) {
    await db.$executeRaw(Prisma.sql`
      INSERT INTO person_residence (person_id, commune_id, address, valid_from)
      SELECT * FROM unnest(${residents.map((c) => c.id)}::uuid[], ${residents.map((c) => c.n.commune_id)}::int[],
                           ${residents.map((c) => c.n.address)}::text[], ${residents.map((c) => c.child.dateOfBirth)}::date[])`);
  }
  await db.$executeRaw(Prisma.sql`
    UPDATE newborn n SET person_id = u.person FROM unnest(${column((c) => c.n.newborn_id)}::uuid[], ${column((c) => c.id)}::uuid[]) AS u(id, person)
    WHERE n.id = u.id`);
  return children.length;
}
