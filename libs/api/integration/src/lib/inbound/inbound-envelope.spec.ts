import { canonicalJson, fieldOfRecord, readEnvelope, requestHash } from './inbound-envelope';

const person = {
  fullName: 'Lò Thị Hoa',
  dateOfBirth: '1998-04-12',
  sex: 'FEMALE',
  residence: { communeCode: '03127', address: 'Bản Him Lam' },
};

describe('readEnvelope', () => {
  it("gives the register's validator the data, the record id and the person part (residence flattened)", () => {
    const read = readEnvelope(
      {
        register: 'anc-visits',
        sourceRecordId: ' HIS-1 ',
        facilityCode: 'TYT.03127.2025',
        person: { ...person, sourcePatientId: 'BN-7' },
        data: { visitDate: '2026-03-10' },
      },
      4,
    );
    expect(read.ok && read.envelope).toMatchObject({
      index: 4,
      register: 'anc-visits',
      sourceRecordId: 'HIS-1',
      sourcePatientId: 'BN-7',
      input: {
        visitDate: '2026-03-10',
        sourceRecordId: 'HIS-1',
        person: { fullName: 'Lò Thị Hoa', communeCode: '03127', address: 'Bản Him Lam' },
      },
    });
  });

  it('refuses what the envelope gets wrong, with the field of the record as sent', () => {
    const read = readEnvelope({ register: 'x', facilityCode: 'tyt 1', data: { visitDate: '2026-03-10' } }, 0);
    expect(read.ok ? [] : read.problems.map((p) => [p.field, p.code])).toEqual([
      ['register', 'UNKNOWN_REGISTER'],
      ['sourceRecordId', 'REQUIRED'],
      ['facilityCode', 'INVALID_FORMAT'],
    ]);
    const typo = readEnvelope(
      { register: 'anc-visits', sourceRecordId: 'A', facilityCode: 'TYT.1', person, data: { weightKgs: 5, ageDays: 3 } },
      0,
    );
    expect(typo.ok ? [] : typo.problems.map((p) => p.field)).toEqual(['data.weightKgs', 'data.ageDays']);
    expect(readEnvelope({ register: 'anc-visits', sourceRecordId: 'A', facilityCode: 'TYT.1', data: {} }, 0)).toMatchObject({
      ok: false,
      problems: [{ field: 'person', code: 'REQUIRED' }],
    });
  });

  it("fills a death's own name, birth date and sex from person, and reports their problems there", () => {
    const read = readEnvelope(
      {
        register: 'deaths',
        sourceRecordId: 'D',
        facilityCode: 'TYT.1',
        person: { fullName: 'Con của Lò Thị Mai', sex: 'MALE' },
        data: { diedOn: '2026-03-05' },
      },
      0,
    );
    if (!read.ok) throw new Error('not read');
    expect(read.envelope.input).toMatchObject({ fullName: 'Con của Lò Thị Mai', sex: 'MALE', diedOn: '2026-03-05' });
    expect(read.envelope.input['person']).toBeUndefined();
    expect(fieldOfRecord('fullName', read.envelope.fromPerson)).toBe('person.fullName');
    expect(fieldOfRecord('diedOn', read.envelope.fromPerson)).toBe('data.diedOn');
  });
});

describe('fieldOfRecord', () => {
  it('places validator paths in the record as sent', () => {
    const none = new Set<string>();
    expect(
      ['visitDate', 'newborns[0].weightGrams', 'person.citizenId', 'person.communeCode', 'sourceRecordId', ''].map((f) =>
        fieldOfRecord(f, none),
      ),
    ).toEqual([
      'data.visitDate',
      'data.newborns[0].weightGrams',
      'person.citizenId',
      'person.residence.communeCode',
      'sourceRecordId',
      'data',
    ]);
  });
});

describe('requestHash', () => {
  it('is the same whatever the key order, and differs with any value', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: 3 }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":3,"d":2}]}');
    expect(requestHash({ records: [{ a: 1, b: 2 }] })).toBe(requestHash({ records: [{ b: 2, a: 1 }] }));
    expect(requestHash({ records: [{ a: 1 }] })).not.toBe(requestHash({ records: [{ a: 2 }] }));
  });
});
