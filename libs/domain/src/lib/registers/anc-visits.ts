import { IsoDate } from '../calendar/calendar-date';
import { daysBetween } from '../calendar/day-count';
import { GlucoseResult, Place, TestResult } from './code-lists';
import { MAX_WEEKS_FROM_LMP } from './episodes';
import { EVENT_PLACES, flagField, gaWeeksField, notesField, placeField, SOURCE_RECORD_ID_FIELD, testResultField } from './fields';
import { formatDateVi, formatNumberVi } from './problems';
import { RegisterDefinition } from './register-definition';
import { runRegister, WithPerson } from './run-register';
import { ValidationContext, ValidationResult } from './validate';

export const ANC_GA_WEEKS = { min: 1, max: 42 } as const;
export const MATERNAL_WEIGHT_KG = { min: 25, max: 200 } as const;
export const MATERNAL_HEIGHT_CM = { min: 100, max: 220 } as const;
export const SYSTOLIC_MMHG = { min: 50, max: 260 } as const;
export const DIASTOLIC_MMHG = { min: 30, max: 160 } as const;
export const FUNDAL_HEIGHT_CM = { min: 5, max: 50 } as const;
export const FETAL_HEART_RATE = { min: 50, max: 300 } as const;

export interface AncVisitRecord {
  visitDate: IsoDate;
  place: Place;
  gaWeeks: number | null;
  weightKg: number | null;
  heightCm: number | null;
  systolic: number | null;
  diastolic: number | null;
  fundalHeightCm: number | null;
  fetalHeartRate: number | null;
  tetanusDoseGiven: boolean;
  ironFolicGiven: boolean;
  urineProtein: TestResult | null;
  hbvResult: TestResult | null;
  syphilisResult: TestResult | null;
  hivResult: TestResult | null;
  glucoseResult: GlucoseResult | null;
  examiner: string | null;
  notes: string | null;
  sourceRecordId: string | null;
}

export const ANC_VISITS_REGISTER: RegisterDefinition = {
  code: 'anc-visits',
  formCode: 'A3/YTCS',
  title: { vi: 'Sổ khám thai', en: 'Antenatal care register' },
  model: 'AncVisit',
  periodField: 'visitDate',
  places: EVENT_PLACES,
  person: 'required',
  embedsPerson: true,
  episode: 'optional',
  femaleOnly: true,
  fields: [
    {
      key: 'visitDate',
      label: { vi: 'Ngày khám thai', en: 'Visit date' },
      type: 'date',
      required: true,
      help: { vi: 'Quyết định tháng báo cáo (dòng I.3).', en: 'Decides the report month (row I.3).' },
    },
    placeField(EVENT_PLACES, { vi: 'Nơi khám', en: 'Place of the visit' }),
    gaWeeksField({ vi: 'Tuổi thai', en: 'Gestational age' }, ANC_GA_WEEKS.min, ANC_GA_WEEKS.max, false, {
      vi: 'Số tuần thai tròn khi khám; khi thai kỳ có ngày kinh cuối, báo cáo tính tuổi thai từ ngày đó.',
      en: 'Completed weeks at the visit; when the episode has an LMP, reports compute the age from it.',
    }),
    {
      key: 'weightKg',
      label: { vi: 'Cân nặng của mẹ', en: 'Maternal weight' },
      type: 'decimal',
      required: false,
      scale: 1,
      min: MATERNAL_WEIGHT_KG.min,
      max: MATERNAL_WEIGHT_KG.max,
      unit: 'kg',
    },
    {
      key: 'heightCm',
      label: { vi: 'Chiều cao của mẹ', en: 'Maternal height' },
      type: 'decimal',
      required: false,
      scale: 1,
      min: MATERNAL_HEIGHT_CM.min,
      max: MATERNAL_HEIGHT_CM.max,
      unit: 'cm',
    },
    {
      key: 'systolic',
      label: { vi: 'Huyết áp tâm thu', en: 'Systolic blood pressure' },
      type: 'int',
      required: false,
      min: SYSTOLIC_MMHG.min,
      max: SYSTOLIC_MMHG.max,
      unit: 'mmHg',
      help: { vi: 'Ghi cùng huyết áp tâm trương.', en: 'Recorded with the diastolic pressure.' },
    },
    {
      key: 'diastolic',
      label: { vi: 'Huyết áp tâm trương', en: 'Diastolic blood pressure' },
      type: 'int',
      required: false,
      min: DIASTOLIC_MMHG.min,
      max: DIASTOLIC_MMHG.max,
      unit: 'mmHg',
      help: { vi: 'Nhỏ hơn huyết áp tâm thu.', en: 'Below the systolic pressure.' },
    },
    {
      key: 'fundalHeightCm',
      label: { vi: 'Chiều cao tử cung', en: 'Fundal height' },
      type: 'int',
      required: false,
      min: FUNDAL_HEIGHT_CM.min,
      max: FUNDAL_HEIGHT_CM.max,
      unit: 'cm',
    },
    {
      key: 'fetalHeartRate',
      label: { vi: 'Tim thai', en: 'Fetal heart rate' },
      type: 'int',
      required: false,
      min: FETAL_HEART_RATE.min,
      max: FETAL_HEART_RATE.max,
      unit: 'lần/phút',
    },
    flagField(
      'tetanusDoseGiven',
      { vi: 'Tiêm vắc xin uốn ván trong lần khám này', en: 'Tetanus dose given at this visit' },
      {
        vi: 'Các mũi tiêm của thai kỳ được cộng khi xét bảo vệ uốn ván lúc đẻ.',
        en: 'The doses of the episode count for tetanus protection at delivery.',
      },
    ),
    flagField('ironFolicGiven', { vi: 'Được cấp viên sắt/axit folic', en: 'Iron/folic acid given' }),
    testResultField('urineProtein', { vi: 'Xét nghiệm protein niệu', en: 'Urine protein test' }),
    testResultField('hbvResult', { vi: 'Xét nghiệm viêm gan B', en: 'Hepatitis B test' }),
    testResultField('syphilisResult', { vi: 'Xét nghiệm giang mai', en: 'Syphilis test' }),
    testResultField('hivResult', { vi: 'Xét nghiệm HIV', en: 'HIV test' }),
    testResultField('glucoseResult', { vi: 'Xét nghiệm đường huyết', en: 'Blood glucose test' }, 'GLUCOSE_RESULT'),
    { key: 'examiner', label: { vi: 'Người khám', en: 'Examiner' }, type: 'text', required: false, maxLength: 200 },
    notesField(),
    SOURCE_RECORD_ID_FIELD,
  ],
  collections: [],
};

export function validateAncVisit(input: unknown, context: ValidationContext): ValidationResult<WithPerson<AncVisitRecord>> {
  return runRegister<AncVisitRecord>(
    {
      definition: ANC_VISITS_REGISTER,
      rules(draft, scope) {
        const { visitDate, systolic, diastolic } = draft;
        if ((systolic === null) !== (diastolic === null) && !scope.has('systolic') && !scope.has('diastolic')) {
          const missing = systolic === null ? 'systolic' : 'diastolic';
          scope.add(
            missing,
            'BLOOD_PRESSURE_INCOMPLETE',
            `Huyết áp phải ghi đủ tâm thu và tâm trương (thiếu huyết áp ${missing === 'systolic' ? 'tâm thu' : 'tâm trương'})`,
          );
        }
        if (systolic !== null && diastolic !== null && systolic <= diastolic) {
          scope.add(
            'diastolic',
            'SYSTOLIC_NOT_ABOVE_DIASTOLIC',
            `Huyết áp tâm thu (${formatNumberVi(systolic)} mmHg) phải lớn hơn huyết áp tâm trương (${formatNumberVi(diastolic)} mmHg)`,
          );
        }
        const episode = scope.episode;
        if (!visitDate || !episode) return;
        if (episode.lmp) {
          if (visitDate < episode.lmp) {
            scope.add(
              'visitDate',
              'VISIT_BEFORE_LMP',
              `Ngày khám thai (${formatDateVi(visitDate)}) trước ngày đầu kỳ kinh cuối của thai kỳ (${formatDateVi(episode.lmp)})`,
            );
          } else if (daysBetween(episode.lmp, visitDate) > MAX_WEEKS_FROM_LMP * 7) {
            scope.add(
              'visitDate',
              'GA_FROM_LMP_OUT_OF_RANGE',
              `Ngày khám thai cách ngày đầu kỳ kinh cuối (${formatDateVi(episode.lmp)}) quá ${MAX_WEEKS_FROM_LMP} tuần`,
            );
          }
        }
        if (episode.closedOn && visitDate > episode.closedOn) {
          scope.add(
            'visitDate',
            'VISIT_AFTER_EPISODE_CLOSED',
            `Ngày khám thai (${formatDateVi(visitDate)}) sau ngày kết thúc thai kỳ (${formatDateVi(episode.closedOn)})`,
          );
        }
      },
    },
    input,
    context,
  );
}
