import { DELIVERIES_REGISTER, validateDelivery } from './deliveries';
import { periodDate } from './run-register';
import { ValidationContext } from './validate';

const context: ValidationContext = {
  today: '2025-06-30',
  person: { dateOfBirth: '2000-05-20', sex: 'FEMALE' },
  episode: { lmp: '2024-09-01', registeredOn: '2024-10-15', closedOn: null },
};
const baby = { sex: 'FEMALE', liveBorn: true, weightGrams: 3100 };
const delivery = {
  deliveredAt: '2025-06-01T08:00:00+07:00',
  place: 'FACILITY',
  attendantKind: 'MIDWIFE',
  mode: 'VAGINAL',
  newborns: [baby],
};
const problems = (input: object, ctx = context) => validateDelivery(input, ctx).problems.map((p) => `${p.field}:${p.code}`);

describe('deliveries', () => {
  it('accepts a delivery, derives its local date and fills the defaults', () => {
    const { value, problems } = validateDelivery(delivery, context);
    expect(problems).toEqual([]);
    expect(value).toEqual({
      deliveredAt: '2025-06-01T01:00:00.000Z',
      deliveryDate: '2025-06-01',
      place: 'FACILITY',
      attendantKind: 'MIDWIFE',
      mode: 'VAGINAL',
      gaWeeks: null,
      babies: 1,
      hbvLabourResult: null,
      syphilisLabourResult: null,
      hivLabourResult: null,
      hivConfirmedOn: null,
      arvGiven: false,
      tetanusDosesElsewhere: 0,
      dischargedAt: null,
      notes: null,
      sourceRecordId: null,
      newborns: [
        {
          birthOrder: 1,
          sex: 'FEMALE',
          liveBorn: true,
          weightGrams: 3100,
          asphyxia: false,
          eenc: false,
          kangarooCare: false,
          vitaminK1: false,
          hepBDoseAt: null,
          newbornScreening: false,
          ethnicityCode: null,
          birthCertificateNumber: null,
          birthCertificateBook: null,
        },
      ],
      postnatalVisits: [],
      complications: [],
    });
  });

  it('dates the delivery by its Vietnam local date', () => {
    const late = validateDelivery({ ...delivery, deliveredAt: '2025-01-31T16:30:00Z' }, context).value;
    expect(late?.deliveryDate).toBe('2025-01-31');
    const early = validateDelivery({ ...delivery, deliveredAt: '2025-01-31T17:10:00Z' }, context).value;
    expect(early?.deliveryDate).toBe('2025-02-01');
    expect(periodDate(DELIVERIES_REGISTER, early as object as Record<string, unknown>)).toBe('2025-02-01');
  });

  it('requires the time, place, attendant, mode and at least one newborn', () => {
    expect(problems({})).toEqual([
      'deliveredAt:REQUIRED',
      'place:REQUIRED',
      'attendantKind:REQUIRED',
      'mode:REQUIRED',
      'newborns:TOO_FEW_ITEMS',
    ]);
  });

  it('refuses a delivery in the future (Vietnam time)', () => {
    expect(problems({ ...delivery, deliveredAt: '2025-07-01T00:30:00+07:00' })).toEqual(['deliveredAt:DATE_IN_FUTURE']);
    expect(problems({ ...delivery, deliveredAt: '2025-06-30T16:59:00Z' })).toEqual([]);
  });

  it('refuses a delivery before the LMP', () => {
    const ctx = { ...context, episode: { lmp: '2025-06-02', registeredOn: '2025-06-02', closedOn: null } };
    expect(problems(delivery, ctx)).toEqual(['deliveredAt:DELIVERY_BEFORE_LMP']);
  });

  it('allows a delivery registered on an episode afterwards (no order with the registration)', () => {
    const ctx = { ...context, episode: { lmp: '2024-09-01', registeredOn: '2025-06-05', closedOn: null } };
    expect(problems(delivery, ctx)).toEqual([]);
  });

  it('keeps the recorded GA 1–45 weeks and the GA from the LMP within 45 weeks', () => {
    const noLmp = { ...context, episode: undefined };
    expect(problems({ ...delivery, gaWeeks: 46 }, noLmp)).toEqual(['gaWeeks:GA_OUT_OF_RANGE']);
    expect(problems({ ...delivery, gaWeeks: 0 }, noLmp)).toEqual(['gaWeeks:GA_OUT_OF_RANGE']);
    expect(problems({ ...delivery, gaWeeks: 39 }, noLmp)).toEqual([]);
    const longAgo = { ...context, episode: { lmp: '2024-07-01', registeredOn: '2024-08-01', closedOn: null } };
    expect(problems(delivery, longAgo)).toEqual(['deliveredAt:GA_FROM_LMP_OUT_OF_RANGE']);
  });

  it('calls a birth before 22 weeks without a live birth a pregnancy loss (DELIVERY_BEFORE_22_WEEKS)', () => {
    const noLmp = { ...context, episode: undefined };
    const stillborn = { sex: 'MALE', liveBorn: false };
    expect(problems({ ...delivery, gaWeeks: 21, newborns: [stillborn] }, noLmp)).toEqual(['gaWeeks:DELIVERY_BEFORE_22_WEEKS']);
    expect(problems({ ...delivery, gaWeeks: 22, newborns: [stillborn] }, noLmp)).toEqual([]);
    expect(problems({ ...delivery, gaWeeks: 21, newborns: [stillborn, { ...baby, birthOrder: 2 }] }, noLmp)).toEqual([]);
    // The GA from the LMP prevails over the recorded one: 2025-01-01 to 2025-06-01 is 21 weeks.
    const lmp = { ...context, episode: { lmp: '2025-01-01', registeredOn: '2025-02-01', closedOn: null } };
    expect(problems({ ...delivery, gaWeeks: 30, newborns: [stillborn] }, lmp)).toEqual(['deliveredAt:DELIVERY_BEFORE_22_WEEKS']);
  });

  it('needs the number of babies to match the newborns', () => {
    const twins = [baby, { ...baby, sex: 'MALE' }];
    expect(validateDelivery({ ...delivery, newborns: twins }, context).value?.babies).toBe(2);
    expect(problems({ ...delivery, babies: 2, newborns: twins })).toEqual([]);
    expect(problems({ ...delivery, babies: 1, newborns: twins })).toEqual(['babies:BABIES_MISMATCH']);
    expect(problems({ ...delivery, babies: 7 })).toEqual(['babies:OUT_OF_RANGE']);
    expect(problems({ ...delivery, newborns: Array(7).fill(baby) })).toEqual(['newborns:TOO_MANY_ITEMS']);
  });

  it('numbers the babies 1..n, uniquely, following the rows when not given', () => {
    const twins = validateDelivery({ ...delivery, newborns: [baby, baby] }, context).value;
    expect(twins?.newborns.map((n) => n.birthOrder)).toEqual([1, 2]);
    expect(
      problems({
        ...delivery,
        newborns: [
          { ...baby, birthOrder: 2 },
          { ...baby, birthOrder: 1 },
        ],
      }),
    ).toEqual([]);
    expect(
      problems({
        ...delivery,
        newborns: [
          { ...baby, birthOrder: 1 },
          { ...baby, birthOrder: 1 },
        ],
      }),
    ).toEqual(['newborns[1].birthOrder:BIRTH_ORDER_DUPLICATE']);
    expect(problems({ ...delivery, newborns: [{ ...baby, birthOrder: 2 }] })).toEqual(['newborns[0].birthOrder:BIRTH_ORDER_OUT_OF_RANGE']);
    expect(problems({ ...delivery, newborns: [{ ...baby, birthOrder: 0 }] })).toEqual(['newborns[0].birthOrder:OUT_OF_RANGE']);
  });

  it('requires each newborn’s sex and outcome', () => {
    expect(problems({ ...delivery, newborns: [{}] })).toEqual(['newborns[0].sex:REQUIRED', 'newborns[0].liveBorn:REQUIRED']);
    expect(problems({ ...delivery, newborns: ['twin'] })).toEqual(['newborns[0]:NOT_AN_OBJECT']);
  });

  it('keeps birth weight 300–6,000 g', () => {
    const weighs = (weightGrams: unknown) => problems({ ...delivery, newborns: [{ ...baby, weightGrams }] });
    expect(weighs(299)).toEqual(['newborns[0].weightGrams:BIRTH_WEIGHT_OUT_OF_RANGE']);
    expect(weighs(6001)).toEqual(['newborns[0].weightGrams:BIRTH_WEIGHT_OUT_OF_RANGE']);
    expect(weighs('3,2')).toEqual(['newborns[0].weightGrams:NOT_AN_INTEGER']);
    expect(weighs(300)).toEqual([]);
    expect(weighs(6000)).toEqual([]);
    const [problem] = validateDelivery({ ...delivery, newborns: [baby, { ...baby, weightGrams: 6500 }] }, context).problems;
    expect(problem).toEqual({
      field: 'newborns[1].weightGrams',
      code: 'BIRTH_WEIGHT_OUT_OF_RANGE',
      message: 'Trẻ sơ sinh thứ 2: Cân nặng sơ sinh phải từ 300 đến 6.000 g',
    });
  });

  it('gives a stillborn baby no live-birth care and no birth certificate', () => {
    const stillborn = {
      sex: 'MALE',
      liveBorn: 'Không',
      weightGrams: 2100,
      eenc: true,
      kangarooCare: true,
      vitaminK1: true,
      hepBDoseAt: '2025-06-01T09:00:00+07:00',
      asphyxia: true,
      newbornScreening: true,
      birthCertificateNumber: '123',
      birthCertificateBook: '01',
    };
    expect(problems({ ...delivery, gaWeeks: 38, newborns: [baby, stillborn] })).toEqual([
      'newborns[1].asphyxia:STILLBORN_CARE_NOT_ALLOWED',
      'newborns[1].eenc:STILLBORN_CARE_NOT_ALLOWED',
      'newborns[1].kangarooCare:STILLBORN_CARE_NOT_ALLOWED',
      'newborns[1].vitaminK1:STILLBORN_CARE_NOT_ALLOWED',
      'newborns[1].hepBDoseAt:STILLBORN_CARE_NOT_ALLOWED',
      'newborns[1].newbornScreening:STILLBORN_CARE_NOT_ALLOWED',
      'newborns[1].birthCertificateNumber:BIRTH_CERTIFICATE_FOR_STILLBORN',
      'newborns[1].birthCertificateBook:BIRTH_CERTIFICATE_FOR_STILLBORN',
    ]);
    expect(
      problems({ ...delivery, newborns: [{ ...baby, eenc: true, birthCertificateNumber: '123', birthCertificateBook: '01' }] }),
    ).toEqual([]);
  });

  it('refuses a hepatitis B dose before the birth, compared as instants', () => {
    const dose = (hepBDoseAt: string) => problems({ ...delivery, newborns: [{ ...baby, hepBDoseAt }] });
    expect(dose('2025-06-01T07:59:00+07:00')).toEqual(['newborns[0].hepBDoseAt:HEP_B_BEFORE_BIRTH']);
    expect(dose('2025-06-01T01:00:00Z')).toEqual([]);
    expect(dose('2025-06-01 20:00')).toEqual([]);
    expect(dose('2025-07-01 08:00')).toEqual(['newborns[0].hepBDoseAt:DATE_IN_FUTURE']);
  });

  it('refuses a discharge before the delivery', () => {
    expect(problems({ ...delivery, dischargedAt: '2025-06-01T07:00:00+07:00' })).toEqual(['dischargedAt:DISCHARGE_BEFORE_DELIVERY']);
    expect(problems({ ...delivery, dischargedAt: '2025-06-03 10:00' })).toEqual([]);
    expect(problems({ ...delivery, dischargedAt: '2025-07-03 10:00' })).toEqual(['dischargedAt:DATE_IN_FUTURE']);
  });

  it('allows caesarean and instrumental births only at a facility', () => {
    expect(problems({ ...delivery, place: 'HOME', mode: 'CAESAREAN' })).toEqual(['mode:MODE_REQUIRES_FACILITY']);
    expect(problems({ ...delivery, place: 'ON_THE_WAY', mode: 'INSTRUMENTAL' })).toEqual(['mode:MODE_REQUIRES_FACILITY']);
    expect(problems({ ...delivery, place: 'HOME', mode: 'VAGINAL' })).toEqual([]);
    expect(problems({ ...delivery, place: 'FACILITY', mode: 'Mổ lấy thai' })).toEqual([]);
    expect(problems({ ...delivery, place: 'OTHER_FACILITY' })).toEqual(['place:PLACE_NOT_ALLOWED']);
  });

  it('takes the attendant and the labour tests from their lists', () => {
    expect(problems({ ...delivery, attendantKind: 'Cô đỡ thôn bản' })).toEqual([]);
    expect(problems({ ...delivery, attendantKind: 'MIDWIFE_NURSE' })).toEqual(['attendantKind:NOT_IN_LIST']);
    expect(problems({ ...delivery, hivLabourResult: 'SUSPICIOUS' })).toEqual(['hivLabourResult:NOT_IN_LIST']);
  });

  it('refuses an HIV confirmation dated after today, and keeps tetanus doses 0–10', () => {
    expect(problems({ ...delivery, hivConfirmedOn: '2025-07-01' })).toEqual(['hivConfirmedOn:DATE_IN_FUTURE']);
    expect(problems({ ...delivery, hivConfirmedOn: '2025-06-30', arvGiven: true })).toEqual([]);
    expect(problems({ ...delivery, tetanusDosesElsewhere: 11 })).toEqual(['tetanusDosesElsewhere:OUT_OF_RANGE']);
  });

  it('keeps the certificate and note lengths of the columns', () => {
    expect(problems({ ...delivery, newborns: [{ ...baby, birthCertificateNumber: 'x'.repeat(31) }] })).toEqual([
      'newborns[0].birthCertificateNumber:TOO_LONG',
    ]);
    expect(problems({ ...delivery, notes: 'x'.repeat(1001) })).toEqual(['notes:TOO_LONG']);
  });

  it('dates postnatal home visits on or after the delivery and the discharge', () => {
    const visits = (postnatalVisits: object[], extra: object = {}) => problems({ ...delivery, ...extra, postnatalVisits });
    expect(visits([{ visitDate: '2025-06-01' }, { visitDate: '2025-06-10', notes: 'Mẹ khỏe' }])).toEqual([]);
    expect(visits([{ visitDate: '2025-05-31' }])).toEqual(['postnatalVisits[0].visitDate:POSTNATAL_BEFORE_DELIVERY']);
    expect(visits([{ visitDate: '2025-06-02' }], { dischargedAt: '2025-06-03T09:00:00+07:00' })).toEqual([
      'postnatalVisits[0].visitDate:POSTNATAL_BEFORE_DISCHARGE',
    ]);
    expect(visits([{}])).toEqual(['postnatalVisits[0].visitDate:REQUIRED']);
    expect(visits([{ visitDate: '2025-06-10', notes: 'x'.repeat(501) }])).toEqual(['postnatalVisits[0].notes:TOO_LONG']);
  });

  it('records obstetric complications from the onset of the delivery, never an abortion complication', () => {
    const complication = { kind: 'HAEMORRHAGE', onsetOn: '2025-06-01', outcome: 'REFERRED' };
    const result = validateDelivery({ ...delivery, complications: [complication] }, context);
    expect(result.value?.complications).toEqual([{ ...complication, category: 'OBSTETRIC' }]);
    const complicate = (extra: object) => problems({ ...delivery, complications: [{ ...complication, ...extra }] });
    // Antepartum haemorrhage and eclampsia begin before the birth, within the pregnancy; puerperal infection and neonatal tetanus follow it.
    expect(complicate({ onsetOn: '2025-05-31' })).toEqual([]);
    expect(complicate({ kind: 'ECLAMPSIA', onsetOn: '2024-08-11' })).toEqual([]);
    expect(complicate({ kind: 'ECLAMPSIA', onsetOn: '2024-08-10' })).toEqual(['complications[0].onsetOn:COMPLICATION_BEFORE_EVENT']);
    expect(complicate({ kind: 'INFECTION', onsetOn: '2025-05-31' })).toEqual(['complications[0].onsetOn:COMPLICATION_BEFORE_EVENT']);
    expect(complicate({ kind: 'NEONATAL_TETANUS', onsetOn: '2025-05-31' })).toEqual(['complications[0].onsetOn:COMPLICATION_BEFORE_EVENT']);
    expect(complicate({ kind: 'ABORTION_COMPLICATION' })).toEqual(['complications[0].kind:COMPLICATION_KIND_NOT_ALLOWED']);
    expect(complicate({ kind: 'UTERINE_PERFORATION' })).toEqual(['complications[0].kind:NOT_IN_LIST']);
    expect(complicate({ outcome: 'HEALED' })).toEqual(['complications[0].outcome:NOT_IN_LIST']);
    expect(complicate({ onsetOn: '2025-07-01' })).toEqual(['complications[0].onsetOn:DATE_IN_FUTURE']);
    expect(complicate({ kind: 'Băng huyết', outcome: 'Tử vong' })).toEqual([]);
  });

  it('is kept for women only, not before their birth', () => {
    expect(problems(delivery, { ...context, person: { dateOfBirth: '2000-05-20', sex: 'MALE' } })).toEqual([
      'person.sex:PERSON_NOT_FEMALE',
    ]);
    expect(problems(delivery, { ...context, person: { dateOfBirth: '2025-06-02', sex: 'FEMALE' } })).toEqual([
      'deliveredAt:BEFORE_DATE_OF_BIRTH',
    ]);
  });
});
