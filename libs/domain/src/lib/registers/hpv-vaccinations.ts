import { IsoDate } from '../calendar/calendar-date';
import { ageInCompletedYears } from '../calendar/day-count';
import { Place } from './code-lists';
import { EVENT_PLACES, placeField, SOURCE_RECORD_ID_FIELD } from './fields';
import { RegisterDefinition } from './register-definition';
import { runRegister, WithPerson } from './run-register';
import { ValidationContext, ValidationResult } from './validate';

export const HPV_DOSE_NUMBER = { min: 1, max: 3 } as const;
/** No HPV vaccine is licensed before the 9th birthday. */
export const HPV_MIN_AGE_YEARS = 9;

export interface HpvVaccinationRecord {
  givenOn: IsoDate;
  place: Place;
  doseNumber: number;
  sourceRecordId: string | null;
}

export const HPV_VACCINATIONS_REGISTER: RegisterDefinition = {
  code: 'hpv-vaccinations',
  formCode: null,
  title: { vi: 'Tiêm vắc xin HPV', en: 'HPV vaccinations' },
  model: 'HpvVaccination',
  periodField: 'givenOn',
  places: EVENT_PLACES,
  person: 'required',
  embedsPerson: true,
  episode: 'none',
  femaleOnly: false,
  fields: [
    {
      key: 'givenOn',
      label: { vi: 'Ngày tiêm', en: 'Date given' },
      type: 'date',
      required: true,
      help: { vi: 'Quyết định tháng báo cáo (dòng II.2.2).', en: 'Decides the report month (row II.2.2).' },
    },
    placeField(EVENT_PLACES, { vi: 'Nơi tiêm', en: 'Place of vaccination' }),
    {
      key: 'doseNumber',
      label: { vi: 'Mũi tiêm thứ', en: 'Dose number' },
      type: 'int',
      required: true,
      min: HPV_DOSE_NUMBER.min,
      max: HPV_DOSE_NUMBER.max,
      help: { vi: 'Mũi thứ 1, 2 hoặc 3 của phác đồ.', en: 'Dose 1, 2 or 3 of the schedule.' },
    },
    SOURCE_RECORD_ID_FIELD,
  ],
  collections: [],
};

export function validateHpvVaccination(input: unknown, context: ValidationContext): ValidationResult<WithPerson<HpvVaccinationRecord>> {
  return runRegister<HpvVaccinationRecord>(
    {
      definition: HPV_VACCINATIONS_REGISTER,
      rules(draft, scope) {
        const dateOfBirth = scope.person?.dateOfBirth;
        if (
          draft.givenOn &&
          dateOfBirth &&
          draft.givenOn >= dateOfBirth &&
          ageInCompletedYears(dateOfBirth, draft.givenOn) < HPV_MIN_AGE_YEARS
        ) {
          scope.add(
            'givenOn',
            'HPV_TOO_YOUNG',
            `Vắc xin HPV chỉ tiêm từ ${HPV_MIN_AGE_YEARS} tuổi, người này chưa đủ ${HPV_MIN_AGE_YEARS} tuổi vào ngày tiêm`,
          );
        }
      },
    },
    input,
    context,
  );
}
