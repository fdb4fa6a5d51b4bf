import { buildRecordBundle, CITIZEN_ID_SYSTEM, PERSON_SYSTEM, recordSystem, transactionSummary } from './fhir-bundle';

const person = {
  id: '0195a1b2-0000-7000-8000-000000000001',
  fullName: 'Lò Thị Mai',
  sex: 'FEMALE',
  dateOfBirth: '1998-04-02',
  citizenId: '011198000123',
};
const facility = { code: 'TYT.03127.2025', name: 'Trạm Y tế Phường Điện Biên Phủ' };
const visitId = '0195a1b2-0000-7000-8000-0000000000aa';

describe('FHIR R4 transaction bundle of a record', () => {
  const bundle = buildRecordBundle({
    register: 'anc-visits',
    op: 'create',
    recordId: visitId,
    record: { visitDate: '2025-03-12', gaWeeks: 11, weightKg: 52.5, systolic: 110, diastolic: 70, fundalHeightCm: null },
    person,
    facility,
  });

  it('is a transaction whose new resources are conditional creates by identifier', () => {
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('transaction');
    const [patient, encounter] = bundle.entry;
    expect(patient.request).toEqual({
      method: 'POST',
      url: 'Patient',
      ifNoneExist: `identifier=${encodeURIComponent(`${PERSON_SYSTEM}|${person.id}`)}`,
    });
    expect(patient.resource?.['identifier']).toEqual([
      { system: PERSON_SYSTEM, value: person.id },
      { system: CITIZEN_ID_SYSTEM, value: '011198000123' },
    ]);
    expect(patient.resource).toMatchObject({
      resourceType: 'Patient',
      gender: 'female',
      birthDate: '1998-04-02',
      name: [{ text: 'Lò Thị Mai' }],
    });
    expect(encounter.request).toEqual({
      method: 'POST',
      url: 'Encounter',
      ifNoneExist: `identifier=${encodeURIComponent(`${recordSystem('anc-visits')}|${visitId}`)}`,
    });
    for (const entry of bundle.entry) {
      expect(entry.request.method).toBe('POST');
      expect(entry.request.ifNoneExist).toMatch(/^identifier=/);
      const [system, value] = decodeURIComponent(entry.request.ifNoneExist?.slice('identifier='.length) ?? '').split('|');
      expect(entry.resource?.['identifier']).toContainEqual({ system, value });
    }
  });

  it('links the encounter and its observations to the patient by their urn:uuid full URLs', () => {
    const [patient, encounter, ...observations] = bundle.entry;
    expect(patient.fullUrl).toBe(`urn:uuid:${person.id}`);
    expect(encounter.resource).toMatchObject({
      status: 'finished',
      class: { code: 'AMB' },
      subject: { reference: patient.fullUrl },
      period: { start: '2025-03-12' },
      serviceProvider: { identifier: { value: 'TYT.03127.2025' } },
    });
    // Empty fields make no observation: gestational age, weight, systolic and diastolic pressure.
    expect(observations.map((o) => (o.resource?.['code'] as { coding: { code: string }[] }).coding[0].code)).toEqual([
      '49051-6',
      '29463-7',
      '8480-6',
      '8462-4',
    ]);
    expect(observations[1].resource).toMatchObject({
      subject: { reference: patient.fullUrl },
      encounter: { reference: encounter.fullUrl },
      valueQuantity: { value: 52.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    });
  });

  it('updates a changed record by conditional update, but still only creates a missing patient', () => {
    const changed = buildRecordBundle({
      register: 'deliveries',
      op: 'update',
      recordId: visitId,
      record: { deliveredAt: '2025-03-12T02:00:00.000Z', mode: 'CAESAREAN' },
      person,
      facility,
    });
    expect(changed.entry.map((e) => `${e.request.method} ${e.request.url.split('?')[0]}`)).toEqual([
      'POST Patient',
      'PUT Encounter',
      'PUT Procedure',
    ]);
    expect(changed.entry[1].resource).toMatchObject({ class: { code: 'IMP' } });
  });

  it('records a death on the Patient, with the cause as ICD-10, also for a deceased who is no known person', () => {
    const death = buildRecordBundle({
      register: 'deaths',
      op: 'create',
      recordId: visitId,
      record: { fullName: 'Lò Văn Pọm', sex: 'MALE', diedOn: '2025-06-03', causeCode: 'P22.0', mainCause: 'Suy hô hấp' },
      person: null,
      facility,
    });
    expect(death.entry[0].resource).toMatchObject({
      resourceType: 'Patient',
      deceasedDateTime: '2025-06-03',
      gender: 'male',
      identifier: [{ system: PERSON_SYSTEM, value: visitId }],
    });
    expect(death.entry[2].resource).toMatchObject({ valueCodeableConcept: { coding: [{ code: 'P22.0' }], text: 'Suy hô hấp' } });
  });

  it('removes a deleted record by conditional deletes and keeps the transaction-response statuses', () => {
    const gone = buildRecordBundle({ register: 'anc-visits', op: 'delete', recordId: visitId, record: null, person: null, facility: null });
    expect(gone.entry.map((e) => e.request.method)).toEqual(['DELETE', 'DELETE']);
    expect(
      transactionSummary({
        resourceType: 'Bundle',
        type: 'transaction-response',
        entry: [{ response: { status: '201 Created' } }, { response: { status: '200 OK' } }],
      }),
    ).toEqual({
      entries: 2,
      statuses: { '201 Created': 1, '200 OK': 1 },
    });
  });
});
