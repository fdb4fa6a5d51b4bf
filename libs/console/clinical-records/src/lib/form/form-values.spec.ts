import { ANC_VISITS_REGISTER, DELIVERIES_REGISTER, validateRecord } from '@skss/domain';
import { controlKind, fieldInput, formValuesOf, FormValues, recordBody, recordInput, timeKey } from './form-values';

const field = (key: string) => {
  const found = [...DELIVERIES_REGISTER.fields, ...DELIVERIES_REGISTER.collections.flatMap((c) => c.fields)].find((f) => f.key === key);
  if (!found) throw new Error(key);
  return found;
};

const newborn = (sex: string, weight: string): FormValues => ({
  birthOrder: '',
  sex,
  liveBorn: true,
  weightGrams: weight,
  asphyxia: false,
  eenc: true,
  kangarooCare: false,
  vitaminK1: true,
  hepBDoseAt: null,
  [timeKey('hepBDoseAt')]: '',
  newbornScreening: false,
  ethnicityCode: null,
  birthCertificateNumber: '',
  birthCertificateBook: '',
});

describe('entry form values', () => {
  it('renders each field type with its control', () => {
    expect(controlKind(field('deliveredAt'))).toBe('datetime');
    expect(controlKind(field('mode'))).toBe('select');
    expect(controlKind(field('liveBorn'))).toBe('yesno');
    expect(controlKind(field('eenc'))).toBe('checkbox');
    expect(controlKind(field('weightGrams'))).toBe('number');
    expect(controlKind(field('notes'))).toBe('textarea');
  });

  it('reads a day and a time typed in Vietnam as one instant', () => {
    const at = fieldInput(field('deliveredAt'), new Date(2025, 2, 7), '23:30');
    expect(at).toBe('2025-03-07T23:30:00+07:00');
    expect(fieldInput(field('deliveredAt'), null, '')).toBeNull();
    expect(fieldInput(field('weightGrams'), ' 2950 ')).toBe('2950');
    expect(fieldInput(field('weightGrams'), '')).toBeNull();
    expect(fieldInput(field('eenc'), false)).toBe(false);
    expect(fieldInput(field('liveBorn'), null)).toBeNull();
  });

  it('builds a delivery with twins that the domain validator accepts, and sends only the entered fields', () => {
    const values: FormValues = {
      deliveredAt: new Date(2025, 2, 7),
      [timeKey('deliveredAt')]: '08:15',
      place: 'FACILITY',
      attendantKind: 'MIDWIFE',
      mode: 'VAGINAL',
      gaWeeks: '38',
      babies: '',
      hbvLabourResult: null,
      syphilisLabourResult: null,
      hivLabourResult: null,
      hivConfirmedOn: null,
      arvGiven: false,
      tetanusDosesElsewhere: '',
      dischargedAt: null,
      [timeKey('dischargedAt')]: '',
      notes: '',
      sourceRecordId: '',
      newborns: [newborn('FEMALE', '2500'), newborn('MALE', '2650')],
      postnatalVisits: [],
      complications: [],
    };
    const result = validateRecord('deliveries', recordInput(DELIVERIES_REGISTER, values), {
      today: '2025-04-01',
      person: { dateOfBirth: '1998-04-12', sex: 'FEMALE' },
    });
    expect(result.problems).toEqual([]);
    const body = recordBody(DELIVERIES_REGISTER, result.value as unknown as Record<string, unknown>);
    expect(body['deliveredAt']).toBe('2025-03-07T01:15:00.000Z');
    expect(body['babies']).toBe(2);
    expect(body).not.toHaveProperty('deliveryDate');
    expect(body).not.toHaveProperty('person');
    expect((body['newborns'] as Record<string, unknown>[]).map((b) => b['weightGrams'])).toEqual([2500, 2650]);
  });

  it('reports the domain’s problems on the paths of the form', () => {
    const result = validateRecord(
      'anc-visits',
      recordInput(ANC_VISITS_REGISTER, { visitDate: new Date(2030, 0, 1), place: null, systolic: '120', diastolic: '' }),
      { today: '2025-04-01' },
    );
    expect(result.problems.map((p) => [p.field, p.code])).toEqual(
      expect.arrayContaining([
        ['visitDate', 'DATE_IN_FUTURE'],
        ['place', 'REQUIRED'],
        ['diastolic', 'BLOOD_PRESSURE_INCOMPLETE'],
      ]),
    );
  });

  it('shows a stored record in the form, instants in Vietnam time', () => {
    const values = formValuesOf(DELIVERIES_REGISTER, {
      deliveredAt: '2025-03-06T17:30:00.000Z',
      mode: 'CAESAREAN',
      gaWeeks: 37,
      newborns: [{ sex: 'FEMALE', liveBorn: true, weightGrams: 3100, hepBDoseAt: '2025-03-07T03:00:00.000Z' }],
    });
    expect(values['deliveredAt']).toEqual(new Date(2025, 2, 7));
    expect(values[timeKey('deliveredAt')]).toBe('00:30');
    expect(values['gaWeeks']).toBe('37');
    const twins = values['newborns'] as FormValues[];
    expect(twins[0][timeKey('hepBDoseAt')]).toBe('10:00');
    expect(twins[0]['eenc']).toBe(false);
  });
});
