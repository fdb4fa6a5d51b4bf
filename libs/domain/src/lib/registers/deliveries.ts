import { IsoDate } from '../calendar/calendar-date';
import { gestationalWeeks } from '../calendar/gestation';
import { vietnamLocalDate } from '../calendar/vietnam-time';
import { AttendantKind, DeliveryMode, ObstetricComplication, Place, Sex, TestResult } from './code-lists';
import { ANTEPARTUM_COMPLICATIONS, checkComplications, complicationsCollection, ComplicationRecord } from './complications';
import { TETANUS_DOSES } from './episodes';
import {
  ethnicityField,
  EVENT_PLACES,
  FACILITY_PLACES,
  flagField,
  gaWeeksField,
  notesField,
  placeField,
  SOURCE_RECORD_ID_FIELD,
  testResultField,
} from './fields';
import { formatDateVi } from './problems';
import { CollectionDefinition, FieldDefinition, RegisterDefinition } from './register-definition';
import { RuleScope, runRegister, WithPerson } from './run-register';
import { Draft, ValidationContext, ValidationResult } from './validate';

/** Recorded GA of a delivery: the field accepts 1–45 weeks; below 22 it must have a live birth (see below). */
export const DELIVERY_GA_WEEKS = { min: 1, max: 45 } as const;
/** A pregnancy that ends before 22 weeks without a live birth is a pregnancy loss, not a delivery (report-rules §1). */
export const VIABILITY_WEEKS = 22;
export const BIRTH_WEIGHT_GRAMS = { min: 300, max: 6000 } as const;
export const MAX_BABIES = 6;
export const MAX_POSTNATAL_VISITS = 10;

export interface NewbornRecord {
  birthOrder: number;
  sex: Sex;
  liveBorn: boolean;
  weightGrams: number | null;
  asphyxia: boolean;
  eenc: boolean;
  kangarooCare: boolean;
  vitaminK1: boolean;
  hepBDoseAt: string | null;
  newbornScreening: boolean;
  ethnicityCode: string | null;
  birthCertificateNumber: string | null;
  birthCertificateBook: string | null;
}

export interface PostnatalVisitRecord {
  visitDate: IsoDate;
  notes: string | null;
}

export interface DeliveryRecord {
  /** ISO 8601 in UTC. */
  deliveredAt: string;
  /** The Vietnam local date of deliveredAt, which decides the report month. */
  deliveryDate: IsoDate;
  place: Place;
  attendantKind: AttendantKind;
  mode: DeliveryMode;
  gaWeeks: number | null;
  babies: number;
  hbvLabourResult: TestResult | null;
  syphilisLabourResult: TestResult | null;
  hivLabourResult: TestResult | null;
  hivConfirmedOn: IsoDate | null;
  arvGiven: boolean;
  tetanusDosesElsewhere: number;
  dischargedAt: string | null;
  notes: string | null;
  sourceRecordId: string | null;
  newborns: NewbornRecord[];
  postnatalVisits: PostnatalVisitRecord[];
  complications: ComplicationRecord<ObstetricComplication>[];
}

/** Care only a live-born baby receives: a stillborn row with any of them is an entry error. */
const LIVE_BIRTH_CARE = ['asphyxia', 'eenc', 'kangarooCare', 'vitaminK1', 'hepBDoseAt', 'newbornScreening'] as const;

const NEWBORN_FIELDS: readonly FieldDefinition[] = [
  {
    key: 'birthOrder',
    label: { vi: 'Thứ tự sinh', en: 'Birth order' },
    type: 'int',
    required: false,
    min: 1,
    max: MAX_BABIES,
    help: {
      vi: 'Trẻ thứ mấy của lần đẻ này (1, 2, … theo thứ tự ra đời); để trống là theo thứ tự dòng.',
      en: 'Which baby of this birth (1, 2, … in order of birth); empty follows the row order.',
    },
  },
  { key: 'sex', label: { vi: 'Giới tính', en: 'Sex' }, type: 'code', codeList: 'SEX', required: true },
  {
    key: 'liveBorn',
    label: { vi: 'Đẻ ra sống', en: 'Born alive' },
    type: 'boolean',
    required: true,
    help: {
      vi: 'Có: trẻ đẻ ra sống; Không: thai chết trong tử cung hoặc chết trong khi đẻ.',
      en: 'Yes: born alive; No: stillborn (died before or during birth).',
    },
  },
  {
    key: 'weightGrams',
    label: { vi: 'Cân nặng sơ sinh', en: 'Birth weight' },
    type: 'int',
    required: false,
    min: BIRTH_WEIGHT_GRAMS.min,
    max: BIRTH_WEIGHT_GRAMS.max,
    unit: 'g',
    rangeCode: 'BIRTH_WEIGHT_OUT_OF_RANGE',
    help: { vi: 'Tính bằng gam; để trống nếu không cân.', en: 'In grams; leave empty when not weighed.' },
  },
  flagField('asphyxia', { vi: 'Ngạt', en: 'Asphyxia' }),
  flagField('eenc', { vi: 'Được chăm sóc thiết yếu sớm (EENC)', en: 'Early essential newborn care (EENC)' }),
  flagField('kangarooCare', { vi: 'Được chăm sóc Kangaroo', en: 'Kangaroo mother care' }),
  flagField('vitaminK1', { vi: 'Được tiêm vitamin K1', en: 'Vitamin K1 given' }),
  {
    key: 'hepBDoseAt',
    label: { vi: 'Thời điểm tiêm vắc xin viêm gan B sơ sinh', en: 'Hepatitis B birth dose given at' },
    type: 'datetime',
    required: false,
    help: {
      vi: 'Ngày giờ tiêm (giờ Việt Nam); để trống nếu chưa tiêm. Tiêm trong 24 giờ đầu được tính ở dòng III.8.3.',
      en: 'Date and time of the dose (Vietnam time); empty when not given. Within 24 hours counts in row III.8.3.',
    },
  },
  flagField('newbornScreening', { vi: 'Được sàng lọc sơ sinh', en: 'Newborn screening done' }),
  ethnicityField(
    { vi: 'Dân tộc của trẻ', en: 'Ethnicity of the child' },
    { vi: 'Để trống thì báo cáo lấy dân tộc của mẹ.', en: 'When empty, reports use the mother’s.' },
  ),
  {
    key: 'birthCertificateNumber',
    label: { vi: 'Số giấy chứng sinh', en: 'Birth certificate number' },
    type: 'text',
    required: false,
    maxLength: 30,
    help: { vi: 'Chỉ ghi cho trẻ đẻ ra sống (dòng I.6).', en: 'Live births only (row I.6).' },
  },
  {
    key: 'birthCertificateBook',
    label: { vi: 'Quyển số giấy chứng sinh', en: 'Birth certificate book' },
    type: 'text',
    required: false,
    maxLength: 30,
  },
];

const NEWBORNS: CollectionDefinition = {
  key: 'newborns',
  model: 'Newborn',
  label: { vi: 'Trẻ sơ sinh', en: 'Newborns' },
  itemLabel: { vi: 'Trẻ sơ sinh', en: 'Newborn' },
  minItems: 1,
  maxItems: MAX_BABIES,
  fields: NEWBORN_FIELDS,
  help: {
    vi: 'Mỗi trẻ một dòng, kể cả trẻ chết lưu; sinh đôi là một lần đẻ với hai trẻ.',
    en: 'One row per baby, stillbirths included; twins are one delivery with two newborns.',
  },
};

const POSTNATAL_VISITS: CollectionDefinition = {
  key: 'postnatalVisits',
  model: 'PostnatalVisit',
  label: { vi: 'Chăm sóc sau sinh tại nhà', en: 'Postnatal home visits' },
  itemLabel: { vi: 'Lần chăm sóc sau sinh', en: 'Postnatal visit' },
  minItems: 0,
  maxItems: MAX_POSTNATAL_VISITS,
  fields: [
    {
      key: 'visitDate',
      label: { vi: 'Ngày chăm sóc sau sinh tại nhà', en: 'Home visit date' },
      type: 'date',
      required: true,
      help: {
        vi: 'Không trước ngày đẻ và ngày ra viện; trong 42 ngày đầu được tính ở dòng I.7.',
        en: 'Not before the delivery or the discharge; within 42 days counts in row I.7.',
      },
    },
    notesField(500),
  ],
};

export const DELIVERIES_REGISTER: RegisterDefinition = {
  code: 'deliveries',
  formCode: 'A4/YTCS',
  title: { vi: 'Sổ đẻ', en: 'Delivery register' },
  model: 'Delivery',
  periodField: 'deliveredAt',
  places: EVENT_PLACES,
  person: 'required',
  embedsPerson: true,
  episode: 'optional',
  femaleOnly: true,
  fields: [
    {
      key: 'deliveredAt',
      label: { vi: 'Thời điểm đẻ', en: 'Date and time of delivery' },
      type: 'datetime',
      required: true,
      help: {
        vi: 'Ngày giờ đẻ theo giờ Việt Nam; ngày đẻ theo giờ Việt Nam quyết định tháng báo cáo.',
        en: 'Vietnam time; the local date decides the report month.',
      },
    },
    {
      key: 'deliveryDate',
      label: { vi: 'Ngày đẻ', en: 'Delivery date' },
      type: 'date',
      required: false,
      computed: true,
      help: { vi: 'Ngày theo giờ Việt Nam của thời điểm đẻ.', en: 'The Vietnam local date of the delivery time.' },
    },
    placeField(EVENT_PLACES, { vi: 'Nơi đẻ', en: 'Place of delivery' }),
    { key: 'attendantKind', label: { vi: 'Người đỡ đẻ', en: 'Birth attendant' }, type: 'code', codeList: 'ATTENDANT_KIND', required: true },
    {
      key: 'mode',
      label: { vi: 'Cách đẻ', en: 'Mode of delivery' },
      type: 'code',
      codeList: 'DELIVERY_MODE',
      required: true,
      help: { vi: 'Đẻ can thiệp và mổ lấy thai chỉ ở cơ sở y tế.', en: 'Instrumental and caesarean births happen at a facility only.' },
    },
    gaWeeksField({ vi: 'Tuổi thai khi đẻ', en: 'Gestational age at delivery' }, DELIVERY_GA_WEEKS.min, DELIVERY_GA_WEEKS.max, false, {
      vi: 'Số tuần thai tròn; dưới 22 tuần mà không có trẻ đẻ ra sống là sảy thai, không ghi sổ đẻ. Dưới 37 tuần là đẻ non.',
      en: 'Completed weeks; below 22 weeks without a live birth is a pregnancy loss, not a delivery. Below 37 is preterm.',
    }),
    {
      key: 'babies',
      label: { vi: 'Số con trong lần đẻ', en: 'Number of babies' },
      type: 'int',
      required: false,
      min: 1,
      max: MAX_BABIES,
      help: {
        vi: 'Bằng số trẻ sơ sinh đã ghi (kể cả trẻ chết lưu); để trống thì lấy số trẻ đã ghi.',
        en: 'Equal to the newborns recorded (stillbirths included); empty takes their number.',
      },
    },
    testResultField('hbvLabourResult', { vi: 'Xét nghiệm viêm gan B khi chuyển dạ', en: 'Hepatitis B test in labour' }),
    testResultField('syphilisLabourResult', { vi: 'Xét nghiệm giang mai khi chuyển dạ', en: 'Syphilis test in labour' }),
    testResultField('hivLabourResult', { vi: 'Xét nghiệm HIV khi chuyển dạ', en: 'HIV test in labour' }),
    {
      key: 'hivConfirmedOn',
      label: { vi: 'Ngày khẳng định nhiễm HIV', en: 'Date HIV infection was confirmed' },
      type: 'date',
      required: false,
      help: {
        vi: 'Chỉ ghi khi mẹ có kết quả khẳng định nhiễm HIV (trước hoặc trong lần có thai này).',
        en: 'Only when the mother’s HIV infection is confirmed (before or during this pregnancy).',
      },
    },
    flagField('arvGiven', { vi: 'Mẹ nhiễm HIV được điều trị ARV', en: 'HIV-positive mother on ARV' }),
    {
      key: 'tetanusDosesElsewhere',
      label: { vi: 'Số mũi uốn ván tiêm ở nơi khác trong lần có thai này', en: 'Tetanus doses of this pregnancy given elsewhere' },
      type: 'int',
      required: false,
      defaultValue: 0,
      min: TETANUS_DOSES.min,
      max: TETANUS_DOSES.max,
      unit: 'mũi',
      help: {
        vi: 'Các mũi không ghi trong sổ khám thai của thai kỳ này; để trống là 0.',
        en: 'Doses not recorded as antenatal visits of this episode; empty is 0.',
      },
    },
    {
      key: 'dischargedAt',
      label: { vi: 'Thời điểm ra viện', en: 'Date and time of discharge' },
      type: 'datetime',
      required: false,
      help: {
        vi: 'Ngày giờ mẹ rời cơ sở y tế (giờ Việt Nam); để trống nếu đẻ ngoài cơ sở y tế.',
        en: 'When the mother left the facility (Vietnam time); empty for a birth outside a facility.',
      },
    },
    notesField(),
    SOURCE_RECORD_ID_FIELD,
  ],
  collections: [NEWBORNS, POSTNATAL_VISITS, complicationsCollection('OBSTETRIC_COMPLICATION', 'ngày đẻ')],
};

export function validateDelivery(input: unknown, context: ValidationContext): ValidationResult<WithPerson<DeliveryRecord>> {
  return runRegister<DeliveryRecord>({ definition: DELIVERIES_REGISTER, rules: deliveryRules }, input, context);
}

function deliveryRules(draft: Draft<DeliveryRecord>, scope: RuleScope): void {
  const { deliveredAt, dischargedAt, newborns } = draft;
  const deliveryDate = deliveredAt ? vietnamLocalDate(deliveredAt) : null;
  draft.deliveryDate = deliveryDate;

  if (draft.babies === null && !scope.has('babies') && newborns.length > 0) draft.babies = newborns.length;
  else if (draft.babies !== null && newborns.length > 0 && draft.babies !== newborns.length) {
    scope.add('babies', 'BABIES_MISMATCH', `Số con trong lần đẻ (${draft.babies}) khác số trẻ sơ sinh đã ghi (${newborns.length})`);
  }
  checkNewborns(newborns, deliveredAt, scope);

  if (deliveredAt && dischargedAt && dischargedAt < deliveredAt) {
    scope.add('dischargedAt', 'DISCHARGE_BEFORE_DELIVERY', 'Thời điểm ra viện phải sau thời điểm đẻ');
  }
  if (draft.mode && draft.mode !== 'VAGINAL' && draft.place && !FACILITY_PLACES.includes(draft.place)) {
    const mode = draft.mode === 'CAESAREAN' ? 'Mổ lấy thai' : 'Đẻ can thiệp (forceps, giác hút)';
    scope.add('mode', 'MODE_REQUIRES_FACILITY', `${mode} chỉ thực hiện tại cơ sở y tế: kiểm tra lại Nơi đẻ hoặc Cách đẻ`);
  }

  const lmp = scope.episode?.lmp ?? null;
  let gaWeeks = draft.gaWeeks;
  let gaField = 'gaWeeks';
  if (lmp && deliveryDate) {
    if (deliveryDate < lmp) {
      scope.add(
        'deliveredAt',
        'DELIVERY_BEFORE_LMP',
        `Ngày đẻ (${formatDateVi(deliveryDate)}) trước ngày đầu kỳ kinh cuối (${formatDateVi(lmp)})`,
      );
      gaWeeks = null;
    } else {
      // Report-rules §1: the GA from the LMP, when known, prevails over the recorded one.
      gaWeeks = gestationalWeeks(lmp, deliveryDate);
      gaField = 'deliveredAt';
      if (gaWeeks > DELIVERY_GA_WEEKS.max) {
        scope.add(
          'deliveredAt',
          'GA_FROM_LMP_OUT_OF_RANGE',
          `Ngày đẻ cách ngày đầu kỳ kinh cuối (${formatDateVi(lmp)}) ${gaWeeks} tuần, quá ${DELIVERY_GA_WEEKS.max} tuần`,
        );
      }
    }
  }
  const outcomesKnown = newborns.length > 0 && newborns.every((newborn) => newborn.liveBorn !== null);
  if (gaWeeks !== null && gaWeeks < VIABILITY_WEEKS && outcomesKnown && !newborns.some((newborn) => newborn.liveBorn)) {
    scope.add(
      gaField,
      'DELIVERY_BEFORE_22_WEEKS',
      `Thai ${gaWeeks} tuần, dưới ${VIABILITY_WEEKS} tuần, không có trẻ đẻ ra sống: đây là sảy thai/thai chết lưu, không ghi sổ đẻ (kết thúc thai kỳ với hình thức "Thai kết thúc trước 22 tuần")`,
    );
  }

  const dischargeDate = dischargedAt ? vietnamLocalDate(dischargedAt) : null;
  draft.postnatalVisits.forEach((visit, index) => {
    if (!visit.visitDate) return;
    const at = `postnatalVisits[${index}].visitDate`;
    const prefix = `Lần chăm sóc sau sinh thứ ${index + 1}: Ngày chăm sóc (${formatDateVi(visit.visitDate)})`;
    if (deliveryDate && visit.visitDate < deliveryDate) {
      scope.add(at, 'POSTNATAL_BEFORE_DELIVERY', `${prefix} trước ngày đẻ (${formatDateVi(deliveryDate)})`);
    } else if (dischargeDate && visit.visitDate < dischargeDate) {
      scope.add(at, 'POSTNATAL_BEFORE_DISCHARGE', `${prefix} trước ngày ra viện (${formatDateVi(dischargeDate)})`);
    }
  });
  checkComplications(
    draft.complications,
    'OBSTETRIC',
    { day: deliveryDate, label: 'ngày đẻ', isAbortion: false, antepartum: ANTEPARTUM_COMPLICATIONS },
    scope,
  );
}

function checkNewborns(newborns: Draft<NewbornRecord>[], deliveredAt: string | null, scope: RuleScope): void {
  const seen = new Set<number>();
  newborns.forEach((newborn, index) => {
    const at = `newborns[${index}]`;
    const prefix = `Trẻ sơ sinh thứ ${index + 1}: `;
    if (newborn.birthOrder === null && !scope.has(`${at}.birthOrder`)) newborn.birthOrder = index + 1;
    if (newborn.birthOrder !== null) {
      if (newborn.birthOrder > newborns.length) {
        scope.add(
          `${at}.birthOrder`,
          'BIRTH_ORDER_OUT_OF_RANGE',
          `${prefix}Thứ tự sinh phải từ 1 đến ${newborns.length} (số trẻ của lần đẻ)`,
        );
      } else if (seen.has(newborn.birthOrder)) {
        scope.add(`${at}.birthOrder`, 'BIRTH_ORDER_DUPLICATE', `${prefix}Thứ tự sinh ${newborn.birthOrder} đã ghi cho trẻ khác`);
      }
      seen.add(newborn.birthOrder);
    }
    if (newborn.liveBorn === false) {
      for (const key of LIVE_BIRTH_CARE) {
        if (newborn[key]) {
          const label = NEWBORN_FIELDS.find((field) => field.key === key)?.label.vi;
          scope.add(`${at}.${key}`, 'STILLBORN_CARE_NOT_ALLOWED', `${prefix}trẻ chết lưu không thể có "${label}"`);
        }
      }
      for (const key of ['birthCertificateNumber', 'birthCertificateBook'] as const) {
        if (newborn[key]) {
          scope.add(`${at}.${key}`, 'BIRTH_CERTIFICATE_FOR_STILLBORN', `${prefix}giấy chứng sinh chỉ cấp cho trẻ đẻ ra sống`);
        }
      }
    }
    if (newborn.hepBDoseAt && deliveredAt && newborn.hepBDoseAt < deliveredAt) {
      scope.add(`${at}.hepBDoseAt`, 'HEP_B_BEFORE_BIRTH', `${prefix}Thời điểm tiêm vắc xin viêm gan B trước thời điểm đẻ`);
    }
  });
}
