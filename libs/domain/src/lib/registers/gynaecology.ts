import { IsoDate } from '../calendar/calendar-date';
import { GynVisitPurpose, Place, ViaResult } from './code-lists';
import { EVENT_PLACES, flagField, notesField, placeField, SOURCE_RECORD_ID_FIELD, testResultField } from './fields';
import { RegisterDefinition } from './register-definition';
import { runRegister, WithPerson } from './run-register';
import { ValidationContext, ValidationResult } from './validate';

export interface GynaecologyVisitRecord {
  visitDate: IsoDate;
  place: Place;
  purpose: GynVisitPurpose;
  viaViliResult: ViaResult | null;
  cytologySent: boolean;
  hpvTestSent: boolean;
  treatmentGiven: boolean;
  treatments: string[];
  diagnosis: string | null;
  notes: string | null;
  sourceRecordId: string | null;
}

export const GYNAECOLOGY_REGISTER: RegisterDefinition = {
  code: 'gynaecology',
  formCode: null,
  title: { vi: 'Sổ khám phụ khoa', en: 'Gynaecology register' },
  model: 'GynaecologyVisit',
  periodField: 'visitDate',
  places: EVENT_PLACES,
  person: 'required',
  embedsPerson: true,
  episode: 'none',
  femaleOnly: true,
  fields: [
    {
      key: 'visitDate',
      label: { vi: 'Ngày khám', en: 'Visit date' },
      type: 'date',
      required: true,
      help: { vi: 'Quyết định tháng báo cáo (dòng II.1).', en: 'Decides the report month (row II.1).' },
    },
    placeField(EVENT_PLACES, { vi: 'Nơi khám', en: 'Place of the visit' }),
    { key: 'purpose', label: { vi: 'Loại khám', en: 'Purpose of the visit' }, type: 'code', codeList: 'GYN_VISIT_PURPOSE', required: true },
    {
      ...testResultField('viaViliResult', { vi: 'Kết quả VIA/VILI', en: 'VIA/VILI result' }, 'VIA_RESULT'),
      help: {
        vi: 'Để trống nếu không làm VIA/VILI (dòng II.1.1–II.1.3).',
        en: 'Leave empty when VIA/VILI was not done (rows II.1.1–II.1.3).',
      },
    },
    flagField('cytologySent', { vi: 'Lấy mẫu xét nghiệm tế bào học cổ tử cung', en: 'Cervical cytology sample sent' }),
    flagField('hpvTestSent', { vi: 'Lấy mẫu xét nghiệm HPV', en: 'HPV test sample sent' }),
    flagField(
      'treatmentGiven',
      { vi: 'Được điều trị phụ khoa', en: 'Treatment given' },
      { vi: 'Lượt khám có điều trị được tính ở dòng II.2.', en: 'Visits with a treatment count in row II.2.' },
    ),
    {
      key: 'treatments',
      label: { vi: 'Các điều trị đã thực hiện', en: 'Treatments given' },
      type: 'codes',
      catalog: 'GYN_TREATMENT',
      required: false,
      maxLength: 20,
      help: {
        vi: 'Mã các điều trị (giang mai, lậu, đốt điện/áp lạnh, LEEP, khoét chóp cổ tử cung …), cách nhau bởi dấu phẩy; chỉ ghi khi có điều trị.',
        en: 'Codes of the treatments (syphilis, gonorrhoea, cautery/cryotherapy, LEEP, conisation …), comma-separated; only with a treatment.',
      },
    },
    { key: 'diagnosis', label: { vi: 'Chẩn đoán', en: 'Diagnosis' }, type: 'text', required: false, maxLength: 500, multiline: true },
    notesField(),
    SOURCE_RECORD_ID_FIELD,
  ],
  collections: [],
};

export function validateGynaecologyVisit(input: unknown, context: ValidationContext): ValidationResult<WithPerson<GynaecologyVisitRecord>> {
  return runRegister<GynaecologyVisitRecord>(
    {
      definition: GYNAECOLOGY_REGISTER,
      rules(draft, scope) {
        if (draft.treatments.length > 0 && draft.treatmentGiven === false) {
          scope.add(
            'treatmentGiven',
            'TREATMENTS_WITHOUT_TREATMENT_GIVEN',
            'Đã ghi các điều trị nhưng "Được điều trị phụ khoa" là Không: chọn Có hoặc xóa các điều trị',
          );
        }
      },
    },
    input,
    context,
  );
}
