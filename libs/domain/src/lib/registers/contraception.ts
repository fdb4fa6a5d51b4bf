import { IsoDate } from '../calendar/calendar-date';
import { AcceptorStatus, ContraceptiveComplication, ContraceptiveMethod, labelOf, Place, Sex } from './code-lists';
import { checkComplications, complicationsCollection, ComplicationRecord } from './complications';
import { EVENT_PLACES, notesField, placeField, SOURCE_RECORD_ID_FIELD } from './fields';
import { RegisterDefinition } from './register-definition';
import { runRegister, WithPerson } from './run-register';
import { ValidationContext, ValidationResult } from './validate';

export interface ContraceptionRecord {
  servedOn: IsoDate;
  place: Place;
  method: ContraceptiveMethod;
  acceptorStatus: AcceptorStatus;
  notes: string | null;
  sourceRecordId: string | null;
  complications: ComplicationRecord<ContraceptiveComplication>[];
}

/** The sex a method is for; methods not listed (condom, other modern) are for either. */
export const METHOD_SEX: Partial<Record<ContraceptiveMethod, Sex>> = {
  IUD: 'FEMALE',
  INJECTABLE: 'FEMALE',
  IMPLANT: 'FEMALE',
  PILL: 'FEMALE',
  FEMALE_STERILISATION: 'FEMALE',
  MALE_STERILISATION: 'MALE',
};

export const CONTRACEPTION_REGISTER: RegisterDefinition = {
  code: 'contraception',
  formCode: 'A5.1/YTCS',
  title: { vi: 'Sổ thực hiện các biện pháp tránh thai', en: 'Contraceptive services register' },
  model: 'ContraceptionService',
  periodField: 'servedOn',
  places: EVENT_PLACES,
  person: 'required',
  embedsPerson: true,
  episode: 'none',
  femaleOnly: false,
  fields: [
    {
      key: 'servedOn',
      label: { vi: 'Ngày thực hiện', en: 'Service date' },
      type: 'date',
      required: true,
      help: { vi: 'Quyết định tháng báo cáo (dòng II.3).', en: 'Decides the report month (row II.3).' },
    },
    placeField(EVENT_PLACES, { vi: 'Nơi thực hiện', en: 'Place of the service' }),
    {
      key: 'method',
      label: { vi: 'Biện pháp tránh thai', en: 'Contraceptive method' },
      type: 'code',
      codeList: 'CONTRACEPTIVE_METHOD',
      required: true,
      help: {
        vi: 'Triệt sản nam chỉ ghi cho nam; bao cao su và biện pháp hiện đại khác cho cả nam và nữ; các biện pháp khác chỉ cho nữ.',
        en: 'Male sterilisation for men only; condom and other modern methods for either sex; the others for women only.',
      },
    },
    {
      key: 'acceptorStatus',
      label: { vi: 'Tình trạng sử dụng', en: 'Acceptor status' },
      type: 'code',
      codeList: 'ACCEPTOR_STATUS',
      required: true,
      help: { vi: 'Người mới thực hiện được tính ở dòng II.3.', en: 'New acceptors count in row II.3.' },
    },
    notesField(),
    SOURCE_RECORD_ID_FIELD,
  ],
  collections: [complicationsCollection('CONTRACEPTIVE_COMPLICATION', 'ngày thực hiện biện pháp tránh thai')],
};

export function validateContraception(input: unknown, context: ValidationContext): ValidationResult<WithPerson<ContraceptionRecord>> {
  return runRegister<ContraceptionRecord>(
    {
      definition: CONTRACEPTION_REGISTER,
      rules(draft, scope) {
        const sex = scope.person?.sex;
        const forSex = draft.method ? METHOD_SEX[draft.method] : undefined;
        if (draft.method && sex && forSex && forSex !== sex) {
          scope.add(
            'method',
            'METHOD_NOT_FOR_SEX',
            `Biện pháp "${labelOf('CONTRACEPTIVE_METHOD', draft.method)}" chỉ dùng cho ${forSex === 'MALE' ? 'nam' : 'nữ'}, người này có giới tính ${sex === 'MALE' ? 'Nam' : 'Nữ'}`,
          );
        }
        checkComplications(
          draft.complications,
          'CONTRACEPTIVE',
          { day: draft.servedOn, label: 'ngày thực hiện biện pháp tránh thai', isAbortion: false },
          scope,
        );
      },
    },
    input,
    context,
  );
}
