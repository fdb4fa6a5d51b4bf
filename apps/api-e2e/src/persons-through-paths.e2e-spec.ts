import { withDb } from './support/db';
import { request, signIn } from './support/http';
import { ImportProblem, keyedWorkbook, pastDay, uploadImport } from './support/excel';
import { accountAt, auditOf, citizenId, createPerson, Person, PERSONS, uniqueWomanName, woman } from './support/records';

/**
 * Persons through every entry path (issue 6): a delivery's live-born babies become child persons
 * linked to the mother, once, and a record about a known person (exact citizen ID) brings her phone
 * and residence up to date from the record's day, audited, with her name kept and the difference
 * reported as a warning. Recorded by a station of its own (Xã Chà Tở), so other counts stay put.
 */

jest.setTimeout(300_000);

const STATION = 'TYT.03175.2025';
let tyt = '';
let admin = '';

beforeAll(async () => {
  tyt = (await accountAt(STATION, 'TYT')).token;
  admin = await signIn('nchi.admin');
});

const iso = (date: Date) => date.toISOString().slice(0, 10);
const dayBefore = (date: Date) => iso(new Date(date.getTime() - 86_400_000));

async function childrenOf(citizen: string): Promise<{ sex: string; date_of_birth: string; linked: number; full_name: string }[]> {
  const { rows } = await withDb((db) =>
    db.query<{ sex: string; date_of_birth: string; linked: number; full_name: string }>(
      `SELECT c.sex::text, to_char(c.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, c.full_name,
              (SELECT count(*)::int FROM newborn n WHERE n.person_id = c.id) AS linked
       FROM person c JOIN person m ON m.id = c.mother_id WHERE m.citizen_id = $1 ORDER BY c.full_name`,
      [citizen],
    ),
  );
  return rows;
}

async function personRow(id: string): Promise<Person & { phone: string | null }> {
  const detail = await request<Person & { phone: string | null }>(`${PERSONS}/${id}`, { token: tyt });
  return detail.body;
}

describe('Excel import', () => {
  it('a delivery of twins creates two child persons linked to the mother; importing it again creates none more', async () => {
    const mother = uniqueWomanName();
    const citizen = citizenId(1995, 'FEMALE');
    const day = pastDay(12);
    const delivery = {
      groupKey: 'CD-TWINS',
      'person.fullName': mother,
      'person.dateOfBirth': new Date(Date.UTC(1995, 1, 2)),
      'person.sex': 'Nữ',
      'person.citizenId': citizen,
      'person.communeCode': '03175',
      deliveredAt: new Date(day.getTime() + 9.5 * 3600_000),
      place: 'Tại cơ sở ghi sổ',
      attendantKind: 'Hộ sinh',
      mode: 'Đẻ thường',
      gaWeeks: 38,
    };
    const twins = [
      { ...delivery, 'newborns.sex': 'Nam', 'newborns.liveBorn': 'Có', 'newborns.weightGrams': 2500 },
      { groupKey: 'CD-TWINS', 'newborns.sex': 'Nữ', 'newborns.liveBorn': 'Có', 'newborns.weightGrams': 2300 },
    ];
    const keys = [...new Set(twins.flatMap((row) => Object.keys(row)))];
    const first = await uploadImport(tyt, 'deliveries', await keyedWorkbook(keys, twins), 'sinh-doi.xlsx', 'mode=commit');
    expect([first.status, first.body.created, first.body.errors]).toEqual([200, 2, []]);
    const born = iso(day);
    expect(await childrenOf(citizen)).toEqual([
      { sex: 'MALE', date_of_birth: born, linked: 1, full_name: `Con thứ 1 của ${mother}` },
      { sex: 'FEMALE', date_of_birth: born, linked: 1, full_name: `Con thứ 2 của ${mother}` },
    ]);
    // The children live where the mother lives on the birth day, and are known at the station.
    const { rows } = await withDb((db) =>
      db.query<{ commune: string; known: boolean }>(
        `SELECT a.code AS commune, EXISTS (SELECT 1 FROM person_facility pf JOIN facility f ON f.id = pf.facility_id
                                            WHERE pf.person_id = c.id AND f.code = $2) AS known
         FROM person c JOIN person m ON m.id = c.mother_id JOIN person_residence r ON r.person_id = c.id JOIN admin_unit a ON a.id = r.commune_id
         WHERE m.citizen_id = $1`,
        [citizen, STATION],
      ),
    );
    expect(rows).toEqual([
      { commune: '03175', known: true },
      { commune: '03175', known: true },
    ]);

    twins[1]['newborns.weightGrams'] = 2350;
    const again = await uploadImport(tyt, 'deliveries', await keyedWorkbook(keys, twins), 'sinh-doi.xlsx', 'mode=commit');
    expect([again.status, again.body.created]).toEqual([200, 0]);
    const same = await uploadImport(tyt, 'deliveries', await keyedWorkbook(keys, twins), 'sinh-doi.xlsx', 'mode=commit');
    expect([same.status, same.body.created]).toEqual([200, 0]);
    expect((await childrenOf(citizen)).length).toBe(2);
  });

  it('a row of a known woman (same CCCD) brings her phone and commune up to date from the row’s day, audited; her name is kept, with a warning', async () => {
    const body = woman({ communeCode: '03175', address: 'Bản Chà Tở', residenceFrom: '2020-01-01', phone: '0912345678' });
    const person = await createPerson(tyt, body);
    const visitDate = pastDay(10);
    const row = {
      'person.fullName': 'Tên Gõ Nhầm',
      'person.dateOfBirth': new Date(Date.UTC(1998, 3, 12)),
      'person.sex': 'Nữ',
      'person.citizenId': body['citizenId'],
      'person.phone': '0987654321',
      'person.communeCode': '03176',
      'person.address': 'Bản Nà Bủng',
      visitDate,
      place: 'Tại cơ sở ghi sổ',
      gaWeeks: 20,
      hivResult: 'Âm tính',
    };
    const keys = Object.keys(row);
    const preview = await uploadImport(tyt, 'anc-visits', await keyedWorkbook(keys, [row]), 'cap-nhat.xlsx');
    expect([preview.status, preview.body.validRows, preview.body.errorRows]).toEqual([200, 1, 0]);
    expect(preview.body.errors.map((e: ImportProblem & { severity?: string }) => [e.field, e.code, e.severity])).toEqual([
      ['person.fullName', 'PERSON_DIFFERS', 'warning'],
    ]);
    const commit = await request<{ created: number }>(`/api/v1/clinical-records/anc-visits/imports/${preview.body.id}/commit`, {
      method: 'POST',
      token: tyt,
      body: { allOrNothing: true },
    });
    expect([commit.status, commit.body.created]).toEqual([200, 1]);

    const after = await personRow(person.id);
    expect([after.fullName, after.phone]).toEqual([body['fullName'], '0987654321']);
    expect(after.residences.map((r) => [r.commune.code, r.address, r.validFrom, r.validTo])).toEqual([
      ['03176', 'Bản Nà Bủng', iso(visitDate), null],
      ['03175', 'Bản Chà Tở', '2020-01-01', dayBefore(visitDate)],
    ]);
    const update = (await auditOf('Person', person.id)).find((event) => event.action === 'UPDATE');
    expect(update?.before).toMatchObject({ phone: '0912345678', residence: { communeCode: '03175' } });
    expect(update?.after).toMatchObject({ phone: '0987654321', residences: [{ communeCode: '03176', validFrom: iso(visitDate) }] });
    expect(update?.details).toMatchObject({ register: 'anc-visits', source: 'EXCEL' });

    // The same row again changes nothing more (no second move, no second event).
    const again = await uploadImport(tyt, 'anc-visits', await keyedWorkbook(keys, [row]), 'cap-nhat.xlsx', 'mode=commit');
    expect(again.status).toBe(200);
    expect((await personRow(person.id)).residences.length).toBe(2);
    expect((await auditOf('Person', person.id)).filter((event) => event.action === 'UPDATE').length).toBe(1);
  });
});

describe('JSON API', () => {
  it('a delivery brings the known mother up to date and makes its live-born baby a child person, once', async () => {
    const created = await request<{ client: { clientId: string }; clientSecret: string }>('/api/v1/integration-clients', {
      method: 'POST',
      token: admin,
      body: { name: `HIS người ${Date.now().toString(36)}`, system: 'HIS', operations: ['records.push'], facilityCodes: [STATION] },
    });
    expect(created.status).toBe(201);
    const basic = `Basic ${Buffer.from(`${created.body.client.clientId}:${created.body.clientSecret}`).toString('base64')}`;
    const body = woman({ communeCode: '03175', address: 'Bản Chà Tở', residenceFrom: '2020-01-01', phone: '0912345678' });
    const mother = await createPerson(tyt, body);
    const record = {
      register: 'deliveries',
      sourceRecordId: `DEL-${Date.now().toString(36)}`,
      facilityCode: STATION,
      person: {
        citizenId: body['citizenId'],
        fullName: body['fullName'],
        dateOfBirth: '1998-04-12',
        sex: 'FEMALE',
        phone: '0977000111',
        residence: { communeCode: '03176', address: 'Bản Nà Bủng' },
      },
      data: {
        deliveredAt: '2026-03-12T08:30:00+07:00',
        place: 'FACILITY',
        attendantKind: 'MIDWIFE',
        mode: 'VAGINAL',
        gaWeeks: 39,
        newborns: [
          { sex: 'FEMALE', liveBorn: true, weightGrams: 3100 },
          { sex: 'MALE', liveBorn: false, weightGrams: 1900 },
        ],
      },
    };
    const push = () =>
      request<{ records: { outcome: string; warnings?: unknown[] }[] }>('/api/v1/integration/records', {
        method: 'POST',
        token: null,
        headers: { authorization: basic },
        body: { records: [record] },
      });
    const first = await push();
    expect([first.status, first.body.records[0].outcome, first.body.records[0].warnings]).toEqual([200, 'created', undefined]);
    const second = await push();
    expect(second.status).toBe(200);
    expect(await childrenOf(body['citizenId'] as string)).toEqual([
      { sex: 'FEMALE', date_of_birth: '2026-03-12', linked: 1, full_name: `Con thứ 1 của ${body['fullName']}` },
    ]);
    const after = await personRow(mother.id);
    expect(after.phone).toBe('0977000111');
    expect(after.residences.map((r) => [r.commune.code, r.validFrom, r.validTo])).toEqual([
      ['03176', '2026-03-12', null],
      ['03175', '2020-01-01', '2026-03-11'],
    ]);
    const events = (await auditOf('Person', mother.id)).filter((event) => event.action === 'UPDATE');
    expect(events.map((event) => event.details?.['source'])).toEqual(['API']);

    // A different name on a later record is kept as stored and answered as a warning.
    const renamed = await request<{ records: { outcome: string; warnings?: { field: string; code: string }[] }[] }>(
      '/api/v1/integration/records',
      {
        method: 'POST',
        token: null,
        headers: { authorization: basic },
        body: {
          records: [
            {
              register: 'anc-visits',
              sourceRecordId: `${record.sourceRecordId}-ANC`,
              facilityCode: STATION,
              person: { ...record.person, fullName: 'Tên Khác Hẳn' },
              data: { visitDate: '2026-03-01', place: 'FACILITY', gaWeeks: 38 },
            },
          ],
        },
      },
    );
    expect(renamed.body.records[0].warnings).toEqual([expect.objectContaining({ field: 'person.fullName', code: 'PERSON_DIFFERS' })]);
    expect((await personRow(mother.id)).fullName).toBe(body['fullName']);
  });
});
