import { IsoDate } from '../calendar/calendar-date';
import { daysBetween } from '../calendar/day-count';
import { MaternalDeathTiming, Sex } from './code-lists';
import { DEATH_PLACES, ethnicityField, flagField, notesField, occupationField, placeField, SOURCE_RECORD_ID_FIELD } from './fields';
import { EARLIEST_DATE_OF_BIRTH, PERSON_NAME_LENGTH } from './persons';
import { formatDateVi } from './problems';
import { EventPlace, FieldDefinition, RegisterDefinition } from './register-definition';
import { runRegister } from './run-register';
import { ValidationContext, ValidationResult } from './validate';
import { VIABILITY_WEEKS } from './deliveries';

export const STILLBIRTH_GA_WEEKS = { min: 1, max: 45 } as const;

export interface DeathRecord {
  recordedOn: IsoDate;
  fullName: string;
  sex: Sex | null;
  dateOfBirth: IsoDate | null;
  ethnicityCode: string | null;
  occupationCode: string | null;
  diedOn: IsoDate;
  place: EventPlace;
  mainCause: string | null;
  causeCode: string | null;
  seenWithin30Days: boolean | null;
  attendedByHealthWorker: boolean | null;
  deathNoticeIssued: boolean | null;
  maternal: boolean;
  maternalTiming: MaternalDeathTiming | null;
  audited: boolean;
  stillbirth: boolean;
  stillbirthGaWeeks: number | null;
  /** Date of death − date of birth in days (0 on the day of birth); null for a stillbirth or an unknown birth date. */
  ageDays: number | null;
  collector: string | null;
  familyPhone: string | null;
  notes: string | null;
  sourceRecordId: string | null;
}

const yesNoUnknown = (key: string, vi: string, en: string): FieldDefinition => ({
  key,
  label: { vi, en },
  type: 'boolean',
  required: false,
  help: { vi: 'Có, Không, hoặc để trống nếu không rõ.', en: 'Yes, No, or empty when unknown.' },
});

export const DEATHS_REGISTER: RegisterDefinition = {
  code: 'deaths',
  formCode: 'A6/YTCS',
  title: { vi: 'Sổ theo dõi tử vong', en: 'Death register' },
  model: 'Death',
  periodField: 'diedOn',
  places: DEATH_PLACES,
  person: 'optional',
  embedsPerson: false,
  episode: 'none',
  femaleOnly: false,
  fields: [
    { key: 'recordedOn', label: { vi: 'Ngày ghi sổ', en: 'Date recorded' }, type: 'date', required: true },
    {
      key: 'fullName',
      label: { vi: 'Họ và tên người tử vong', en: 'Name of the deceased' },
      type: 'text',
      required: true,
      minLength: PERSON_NAME_LENGTH.min,
      maxLength: PERSON_NAME_LENGTH.max,
      help: {
        vi: 'Trẻ chưa có tên hoặc thai chết lưu ghi "Con của" và tên mẹ.',
        en: 'A child without a name, or a stillbirth, is "Con của" and the mother’s name.',
      },
    },
    { key: 'sex', label: { vi: 'Giới tính', en: 'Sex' }, type: 'code', codeList: 'SEX', required: false },
    {
      key: 'dateOfBirth',
      label: { vi: 'Ngày sinh', en: 'Date of birth' },
      type: 'date',
      required: false,
      minDate: EARLIEST_DATE_OF_BIRTH,
      help: {
        vi: 'Cần cho tử vong trẻ em: tuổi khi tử vong (ngày) quyết định các dòng III.10–III.13.',
        en: 'Needed for child deaths: the age at death in days decides rows III.10–III.13.',
      },
    },
    ethnicityField(),
    occupationField(),
    {
      key: 'diedOn',
      label: { vi: 'Ngày tử vong', en: 'Date of death' },
      type: 'date',
      required: true,
      help: { vi: 'Quyết định tháng báo cáo.', en: 'Decides the report month.' },
    },
    {
      ...placeField(DEATH_PLACES, { vi: 'Nơi tử vong', en: 'Place of death' }),
      help: {
        vi: 'Tại cơ sở ghi sổ, tại nhà, trên đường đến cơ sở y tế, hoặc tại cơ sở y tế khác (cơ sở đó báo cáo).',
        en: 'At the recording facility, at home, on the way, or at another facility (which reports it).',
      },
    },
    {
      key: 'mainCause',
      label: { vi: 'Nguyên nhân chính gây tử vong', en: 'Main cause of death' },
      type: 'text',
      required: false,
      maxLength: 500,
      multiline: true,
    },
    {
      key: 'causeCode',
      label: { vi: 'Mã nguyên nhân tử vong (ICD-10)', en: 'Cause of death code (ICD-10)' },
      type: 'text',
      format: 'icd10',
      required: false,
      maxLength: 10,
    },
    yesNoUnknown(
      'seenWithin30Days',
      'Đã khám/điều trị tại cơ sở y tế trong vòng 30 ngày trước khi tử vong',
      'Seen at a health facility in the 30 days before death',
    ),
    yesNoUnknown('attendedByHealthWorker', 'Được cán bộ y tế chăm sóc khi tử vong', 'Attended by a health worker at death'),
    yesNoUnknown('deathNoticeIssued', 'Được cấp giấy báo tử', 'Death notice issued'),
    flagField(
      'maternal',
      { vi: 'Tử vong mẹ', en: 'Maternal death' },
      {
        vi: 'Tử vong do nguyên nhân liên quan đến thai nghén, trong khi mang thai, khi đẻ hoặc trong 42 ngày sau khi kết thúc thai nghén (dòng I.10).',
        en: 'Death from a pregnancy-related cause during pregnancy, delivery or within 42 days of its end (row I.10).',
      },
    ),
    {
      key: 'maternalTiming',
      label: { vi: 'Thời điểm tử vong mẹ', en: 'Timing of the maternal death' },
      type: 'code',
      codeList: 'MATERNAL_DEATH_TIMING',
      required: false,
      help: { vi: 'Bắt buộc khi là tử vong mẹ; để trống nếu không phải.', en: 'Required for a maternal death; empty otherwise.' },
    },
    flagField(
      'audited',
      { vi: 'Đã thẩm định tử vong', en: 'Death audited' },
      { vi: 'Tử vong mẹ đã được thẩm định được tính ở dòng I.10.1.', en: 'Audited maternal deaths count in row I.10.1.' },
    ),
    flagField(
      'stillbirth',
      { vi: 'Thai chết lưu từ 22 tuần', en: 'Stillbirth at 22 weeks or more' },
      {
        vi: 'Thai nhi tử vong từ khi được 22 tuần tuổi đến khi đẻ (dòng III.9); ghi kèm tuổi thai.',
        en: 'Fetal death from 22 weeks of gestation to birth (row III.9); with the gestational age.',
      },
    ),
    {
      key: 'stillbirthGaWeeks',
      label: { vi: 'Tuổi thai khi chết lưu', en: 'Gestational age of the stillbirth' },
      type: 'int',
      required: false,
      min: STILLBIRTH_GA_WEEKS.min,
      max: STILLBIRTH_GA_WEEKS.max,
      unit: 'tuần',
      rangeCode: 'GA_OUT_OF_RANGE',
      help: { vi: 'Chỉ ghi cho thai chết lưu; từ 22 tuần.', en: 'Stillbirths only; 22 weeks or more.' },
    },
    {
      key: 'ageDays',
      label: { vi: 'Tuổi khi tử vong (ngày)', en: 'Age at death (days)' },
      type: 'int',
      required: false,
      computed: true,
      help: {
        vi: 'Ngày tử vong trừ ngày sinh; tử vong trong ngày sinh là 0.',
        en: 'Date of death minus date of birth; 0 on the day of birth.',
      },
    },
    { key: 'collector', label: { vi: 'Người thu thập thông tin', en: 'Collected by' }, type: 'text', required: false, maxLength: 200 },
    {
      key: 'familyPhone',
      label: { vi: 'Số điện thoại người nhà', en: 'Family phone number' },
      type: 'text',
      format: 'phone',
      required: false,
      maxLength: 20,
    },
    notesField(),
    SOURCE_RECORD_ID_FIELD,
  ],
  collections: [],
};

export function validateDeath(input: unknown, context: ValidationContext): ValidationResult<DeathRecord> {
  return runRegister<DeathRecord>(
    {
      definition: DEATHS_REGISTER,
      // The row records the deceased's sex and birth date itself; a linked person fills the gaps.
      personFacts: (draft, linked) => ({
        dateOfBirth: draft.dateOfBirth ?? linked?.dateOfBirth ?? null,
        sex: draft.sex ?? linked?.sex ?? null,
      }),
      rules(draft, scope) {
        const { recordedOn, diedOn, maternal, maternalTiming, stillbirth, stillbirthGaWeeks } = draft;
        if (recordedOn && diedOn && recordedOn < diedOn) {
          scope.add(
            'recordedOn',
            'RECORDED_BEFORE_DEATH',
            `Ngày ghi sổ (${formatDateVi(recordedOn)}) trước ngày tử vong (${formatDateVi(diedOn)})`,
          );
        }
        const sex = scope.person?.sex ?? null;
        if (maternal) {
          if (sex === 'MALE') {
            scope.add('maternal', 'MATERNAL_DEATH_NOT_FEMALE', 'Tử vong mẹ chỉ ghi cho phụ nữ, người tử vong có giới tính Nam');
          } else if (sex === null && !scope.has('sex')) {
            scope.add('sex', 'REQUIRED', 'Giới tính không được để trống khi là tử vong mẹ');
          }
          if (maternalTiming === null && !scope.has('maternalTiming')) {
            scope.add('maternalTiming', 'REQUIRED', 'Thời điểm tử vong mẹ không được để trống khi là tử vong mẹ');
          }
          if (stillbirth) {
            scope.add(
              'stillbirth',
              'STILLBIRTH_AND_MATERNAL',
              'Một dòng không thể vừa là tử vong mẹ vừa là thai chết lưu: ghi mẹ và thai nhi thành hai dòng',
            );
          }
        } else if (maternalTiming !== null && maternal === false) {
          scope.add('maternalTiming', 'MATERNAL_TIMING_NOT_MATERNAL', 'Chỉ ghi thời điểm tử vong mẹ khi là tử vong mẹ');
        }
        if (stillbirth) {
          if (stillbirthGaWeeks === null && !scope.has('stillbirthGaWeeks')) {
            scope.add('stillbirthGaWeeks', 'REQUIRED', 'Tuổi thai khi chết lưu không được để trống khi là thai chết lưu');
          } else if (stillbirthGaWeeks !== null && stillbirthGaWeeks < VIABILITY_WEEKS) {
            scope.add(
              'stillbirthGaWeeks',
              'STILLBIRTH_UNDER_22_WEEKS',
              `Thai chết lưu ở sổ tử vong phải từ ${VIABILITY_WEEKS} tuần (đang ghi ${stillbirthGaWeeks} tuần); dưới ${VIABILITY_WEEKS} tuần là sảy thai`,
            );
          }
        } else if (stillbirthGaWeeks !== null && stillbirth === false) {
          scope.add('stillbirthGaWeeks', 'STILLBIRTH_GA_NOT_STILLBIRTH', 'Chỉ ghi tuổi thai khi chết lưu cho thai chết lưu');
        }
        const dateOfBirth = scope.person?.dateOfBirth;
        if (!stillbirth && diedOn && dateOfBirth && diedOn >= dateOfBirth) draft.ageDays = daysBetween(dateOfBirth, diedOn);
      },
    },
    input,
    context,
  );
}
