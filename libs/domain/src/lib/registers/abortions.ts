import { IsoDate } from '../calendar/calendar-date';
import { gestationalWeeks } from '../calendar/gestation';
import { AbortionMethod, ObstetricComplication, Place } from './code-lists';
import { checkComplications, complicationsCollection, ComplicationRecord } from './complications';
import { EVENT_PLACES, gaWeeksField, notesField, placeField, SOURCE_RECORD_ID_FIELD } from './fields';
import { formatDateVi } from './problems';
import { RegisterDefinition } from './register-definition';
import { runRegister, WithPerson } from './run-register';
import { ValidationContext, ValidationResult } from './validate';

/** QĐ 4750 XML7 TUOI_THAI: 1 ≤ weeks ≤ 42, ectopic and molar pregnancies included. */
export const ABORTION_GA_WEEKS = { min: 1, max: 42 } as const;

export interface AbortionRecord {
  performedOn: IsoDate;
  place: Place;
  gaWeeks: number;
  method: AbortionMethod;
  notes: string | null;
  sourceRecordId: string | null;
  complications: ComplicationRecord<ObstetricComplication>[];
}

export const ABORTIONS_REGISTER: RegisterDefinition = {
  code: 'abortions',
  formCode: 'A5.2/YTCS',
  title: { vi: 'Sổ phá thai', en: 'Abortion register' },
  model: 'Abortion',
  periodField: 'performedOn',
  places: EVENT_PLACES,
  person: 'required',
  embedsPerson: true,
  episode: 'optional',
  femaleOnly: true,
  fields: [
    {
      key: 'performedOn',
      label: { vi: 'Ngày phá thai', en: 'Date of the abortion' },
      type: 'date',
      required: true,
      help: { vi: 'Quyết định tháng báo cáo (dòng II.5).', en: 'Decides the report month (row II.5).' },
    },
    placeField(EVENT_PLACES, { vi: 'Nơi phá thai', en: 'Place of the abortion' }),
    gaWeeksField({ vi: 'Tuổi thai', en: 'Gestational age' }, ABORTION_GA_WEEKS.min, ABORTION_GA_WEEKS.max, true, {
      vi: 'Số tuần thai tròn, từ 1 đến 42 (QĐ 4750/QĐ-BYT); đến 7 tuần được tính ở dòng II.5.1.',
      en: 'Completed weeks, 1 to 42 (Decision 4750/QĐ-BYT); up to 7 weeks counts in row II.5.1.',
    }),
    { key: 'method', label: { vi: 'Phương pháp phá thai', en: 'Method' }, type: 'code', codeList: 'ABORTION_METHOD', required: true },
    notesField(),
    SOURCE_RECORD_ID_FIELD,
  ],
  collections: [complicationsCollection('OBSTETRIC_COMPLICATION', 'ngày phá thai')],
};

export function validateAbortion(input: unknown, context: ValidationContext): ValidationResult<WithPerson<AbortionRecord>> {
  return runRegister<AbortionRecord>(
    {
      definition: ABORTIONS_REGISTER,
      rules(draft, scope) {
        const { performedOn } = draft;
        const lmp = scope.episode?.lmp;
        if (performedOn && lmp) {
          if (performedOn < lmp) {
            scope.add(
              'performedOn',
              'ABORTION_BEFORE_LMP',
              `Ngày phá thai (${formatDateVi(performedOn)}) trước ngày đầu kỳ kinh cuối (${formatDateVi(lmp)})`,
            );
          } else {
            const weeks = gestationalWeeks(lmp, performedOn);
            if (weeks < ABORTION_GA_WEEKS.min || weeks > ABORTION_GA_WEEKS.max) {
              scope.add(
                'performedOn',
                'GA_FROM_LMP_OUT_OF_RANGE',
                `Tuổi thai tính từ ngày đầu kỳ kinh cuối (${formatDateVi(lmp)}) là ${weeks} tuần, phải từ ${ABORTION_GA_WEEKS.min} đến ${ABORTION_GA_WEEKS.max} tuần`,
              );
            }
          }
        }
        checkComplications(draft.complications, 'OBSTETRIC', { day: performedOn, label: 'ngày phá thai', isAbortion: true }, scope);
      },
    },
    input,
    context,
  );
}
