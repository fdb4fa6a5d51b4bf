import { IsoDate } from '../calendar/calendar-date';
import { ageInCompletedYears, daysBetween } from '../calendar/day-count';
import { growthAssessment, IMPLAUSIBLE_Z } from '../growth/growth-assessment';
import { NUTRITIONAL_STATUS, NutritionalStatus } from '../growth/nutritional-status';
import { Place } from './code-lists';
import { EVENT_PLACES, notesField, placeField, SOURCE_RECORD_ID_FIELD } from './fields';
import { formatNumberVi } from './problems';
import { FieldDefinition, RegisterDefinition } from './register-definition';
import { RuleScope, runRegister, WithPerson } from './run-register';
import { Draft, ValidationContext, ValidationResult } from './validate';

/** The register is for children under 6: age in completed years at the exam below this. */
export const CHILD_EXAM_MAX_AGE_YEARS = 6;
export const CHILD_WEIGHT_KG = { min: 0.5, max: 60 } as const;
export const CHILD_HEIGHT_CM = { min: 35, max: 150 } as const;

export interface ChildExamRecord {
  examDate: IsoDate;
  place: Place;
  weightKg: number | null;
  heightCm: number | null;
  measuredLying: boolean | null;
  /** Days from birth to the exam; null only when the validator was not told the date of birth. */
  ageDays: number | null;
  /** WHO Child Growth Standards z-scores (0–60 months), two decimals; null when not computable. */
  weightForAgeZ: number | null;
  heightForAgeZ: number | null;
  weightForHeightZ: number | null;
  nutritionalStatus: NutritionalStatus[];
  notes: string | null;
  sourceRecordId: string | null;
}

const computedZ = (key: string, vi: string, en: string): FieldDefinition => ({
  key,
  label: { vi, en },
  type: 'decimal',
  required: false,
  scale: 2,
  computed: true,
  help: { vi: 'Tính theo Chuẩn tăng trưởng trẻ em của WHO (0–60 tháng).', en: 'WHO Child Growth Standards (0–60 months).' },
});

export const CHILD_EXAMS_REGISTER: RegisterDefinition = {
  code: 'child-exams',
  formCode: null,
  title: { vi: 'Sổ khám trẻ em định kỳ dưới 6 tuổi', en: 'Periodic examinations of children under 6' },
  model: 'ChildExam',
  periodField: 'examDate',
  places: EVENT_PLACES,
  person: 'required',
  embedsPerson: true,
  episode: 'none',
  femaleOnly: false,
  fields: [
    { key: 'examDate', label: { vi: 'Ngày khám', en: 'Exam date' }, type: 'date', required: true },
    placeField(EVENT_PLACES, { vi: 'Nơi khám', en: 'Place of the exam' }),
    {
      key: 'weightKg',
      label: { vi: 'Cân nặng', en: 'Weight' },
      type: 'decimal',
      required: false,
      scale: 2,
      min: CHILD_WEIGHT_KG.min,
      max: CHILD_WEIGHT_KG.max,
      unit: 'kg',
      help: { vi: 'Ghi ít nhất cân nặng hoặc chiều cao.', en: 'Record at least the weight or the height.' },
    },
    {
      key: 'heightCm',
      label: { vi: 'Chiều dài/chiều cao', en: 'Length/height' },
      type: 'decimal',
      required: false,
      scale: 1,
      min: CHILD_HEIGHT_CM.min,
      max: CHILD_HEIGHT_CM.max,
      unit: 'cm',
    },
    {
      key: 'measuredLying',
      label: { vi: 'Đo nằm', en: 'Measured lying' },
      type: 'boolean',
      required: false,
      help: {
        vi: 'Có: đo chiều dài nằm (trẻ dưới 2 tuổi); Không: đo chiều cao đứng. Để trống là theo tuổi.',
        en: 'Yes: recumbent length (under 2 years); No: standing height. Empty follows the age.',
      },
    },
    {
      key: 'ageDays',
      label: { vi: 'Tuổi (ngày)', en: 'Age (days)' },
      type: 'int',
      required: false,
      computed: true,
      help: { vi: 'Số ngày từ ngày sinh đến ngày khám.', en: 'Days from birth to the exam.' },
    },
    computedZ('weightForAgeZ', 'Z-score cân nặng theo tuổi', 'Weight-for-age z-score'),
    computedZ('heightForAgeZ', 'Z-score chiều cao theo tuổi', 'Length/height-for-age z-score'),
    computedZ('weightForHeightZ', 'Z-score cân nặng theo chiều cao', 'Weight-for-length/height z-score'),
    {
      key: 'nutritionalStatus',
      label: { vi: 'Tình trạng dinh dưỡng', en: 'Nutritional status' },
      type: 'codes',
      options: NUTRITIONAL_STATUS,
      required: false,
      computed: true,
      help: { vi: 'Phân loại theo Chuẩn tăng trưởng trẻ em của WHO.', en: 'Classified by the WHO Child Growth Standards.' },
    },
    notesField(),
    SOURCE_RECORD_ID_FIELD,
  ],
  collections: [],
};

export function validateChildExam(input: unknown, context: ValidationContext): ValidationResult<WithPerson<ChildExamRecord>> {
  return runRegister<ChildExamRecord>({ definition: CHILD_EXAMS_REGISTER, rules: childExamRules }, input, context);
}

function childExamRules(draft: Draft<ChildExamRecord>, scope: RuleScope): void {
  const { examDate, weightKg, heightCm } = draft;
  if (weightKg === null && heightCm === null && !scope.has('weightKg') && !scope.has('heightCm')) {
    scope.add('weightKg', 'NO_MEASUREMENT', 'Phải ghi ít nhất cân nặng hoặc chiều dài/chiều cao của trẻ');
  }
  const dateOfBirth = scope.person?.dateOfBirth;
  if (!examDate || !dateOfBirth || examDate < dateOfBirth) return;
  draft.ageDays = daysBetween(dateOfBirth, examDate);
  const years = ageInCompletedYears(dateOfBirth, examDate);
  if (years >= CHILD_EXAM_MAX_AGE_YEARS) {
    scope.add(
      'examDate',
      'CHILD_TOO_OLD',
      `Sổ khám trẻ em chỉ ghi trẻ dưới ${CHILD_EXAM_MAX_AGE_YEARS} tuổi; trẻ đã ${years} tuổi vào ngày khám`,
    );
    return;
  }
  const sex = scope.person?.sex;
  if (!sex || (weightKg === null && heightCm === null)) return;
  const growth = growthAssessment({ sex, dateOfBirth, measuredOn: examDate, weightKg, heightCm, measuredLying: draft.measuredLying });
  draft.weightForAgeZ = round2(growth.weightForAge);
  draft.heightForAgeZ = round2(growth.lengthHeightForAge);
  draft.weightForHeightZ = round2(growth.weightForLengthHeight);
  draft.nutritionalStatus = growth.statuses;
  const implausible = (z: number | null, limits: { below: number; above: number }, field: string, what: string) => {
    if (z === null || (z >= limits.below && z <= limits.above) || scope.has(field)) return;
    scope.add(
      field,
      'IMPLAUSIBLE_MEASUREMENT',
      `Số đo không hợp lý: z-score ${what} là ${formatNumberVi(round2(z) ?? z)}, ngoài khoảng ${formatNumberVi(limits.below)} đến ${formatNumberVi(limits.above)} theo chuẩn WHO; kiểm tra lại cân nặng, chiều cao và ngày sinh`,
    );
  };
  implausible(growth.weightForAge, IMPLAUSIBLE_Z.weightForAge, 'weightKg', 'cân nặng theo tuổi');
  implausible(growth.lengthHeightForAge, IMPLAUSIBLE_Z.lengthHeightForAge, 'heightCm', 'chiều cao theo tuổi');
  implausible(growth.weightForLengthHeight, IMPLAUSIBLE_Z.weightForLengthHeight, 'weightKg', 'cân nặng theo chiều cao');
}

function round2(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
