import { ABORTIONS_REGISTER, AbortionRecord, validateAbortion } from './abortions';
import { ANC_VISITS_REGISTER, AncVisitRecord, validateAncVisit } from './anc-visits';
import { CHILD_EXAMS_REGISTER, ChildExamRecord, validateChildExam } from './child-exams';
import { CONTRACEPTION_REGISTER, ContraceptionRecord, validateContraception } from './contraception';
import { DEATHS_REGISTER, DeathRecord, validateDeath } from './deaths';
import { DELIVERIES_REGISTER, DeliveryRecord, validateDelivery } from './deliveries';
import { EPISODES_REGISTER, EpisodeRecord, validateEpisode } from './episodes';
import { GYNAECOLOGY_REGISTER, GynaecologyVisitRecord, validateGynaecologyVisit } from './gynaecology';
import { HPV_VACCINATIONS_REGISTER, HpvVaccinationRecord, validateHpvVaccination } from './hpv-vaccinations';
import { RegisterCode, RegisterDefinition } from './register-definition';
import { WithPerson } from './run-register';
import { ValidationContext, ValidationResult } from './validate';

export const REGISTER_DEFINITIONS: Readonly<Record<RegisterCode, RegisterDefinition>> = {
  episodes: EPISODES_REGISTER,
  'anc-visits': ANC_VISITS_REGISTER,
  deliveries: DELIVERIES_REGISTER,
  abortions: ABORTIONS_REGISTER,
  contraception: CONTRACEPTION_REGISTER,
  gynaecology: GYNAECOLOGY_REGISTER,
  'hpv-vaccinations': HPV_VACCINATIONS_REGISTER,
  'child-exams': CHILD_EXAMS_REGISTER,
  deaths: DEATHS_REGISTER,
};

/** The normalised record of each register. */
export interface RegisterRecords {
  episodes: EpisodeRecord;
  'anc-visits': AncVisitRecord;
  deliveries: DeliveryRecord;
  abortions: AbortionRecord;
  contraception: ContraceptionRecord;
  gynaecology: GynaecologyVisitRecord;
  'hpv-vaccinations': HpvVaccinationRecord;
  'child-exams': ChildExamRecord;
  deaths: DeathRecord;
}

export type RegisterValidator<C extends RegisterCode> = (
  input: unknown,
  context: ValidationContext,
) => ValidationResult<WithPerson<RegisterRecords[C]>>;

export const REGISTER_VALIDATORS: { readonly [C in RegisterCode]: RegisterValidator<C> } = {
  episodes: validateEpisode,
  'anc-visits': validateAncVisit,
  deliveries: validateDelivery,
  abortions: validateAbortion,
  contraception: validateContraception,
  gynaecology: validateGynaecologyVisit,
  'hpv-vaccinations': validateHpvVaccination,
  'child-exams': validateChildExam,
  deaths: validateDeath,
};

export function registerDefinition(code: RegisterCode): RegisterDefinition {
  return REGISTER_DEFINITIONS[code];
}

/**
 * The one validator of a register, by its code: what direct entry, Excel import and the integration
 * API all call. `input` is the JSON-like body (dates 'YYYY-MM-DD', times ISO 8601), optionally with
 * the person part under `person`.
 */
export function validateRecord<C extends RegisterCode>(
  code: C,
  input: unknown,
  context: ValidationContext,
): ValidationResult<WithPerson<RegisterRecords[C]>> {
  const validator: RegisterValidator<C> = REGISTER_VALIDATORS[code];
  return validator(input, context);
}
