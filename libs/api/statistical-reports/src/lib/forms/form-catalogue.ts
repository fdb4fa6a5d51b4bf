import { FacilityKind, formVersionOn, REPORT_FORM_CODES, ReportFormCode } from '@skss/domain';
import type { Month } from '../reports/report-month';

/**
 * Which monthly forms a facility sends, from the versioned form definitions of the domain
 * (forms.ts): a facility sends a form when its own registers make a row of it (for the services
 * it offers) or when it compiles the form for its area below the national level (a district
 * health centre under TT 37/2019, a Department of Health).
 */
export { REPORT_FORM_CODES };
export type { ReportFormCode };

/** What the catalogue needs to know of a facility. */
export interface FormFacility {
  readonly kind: FacilityKind;
  readonly maternalServices: boolean;
  readonly childServices: boolean;
}

/** The form's title in the version that applies to the month. */
export function formTitle(form: ReportFormCode, month: Month): { vi: string; en: string } {
  const version = formVersionOn(form, month);
  return { vi: version.title, en: version.titleEn };
}

export function formsDueFor(facility: FormFacility, month: Month): ReportFormCode[] {
  return REPORT_FORM_CODES.filter((code) => {
    const { service, rowsFrom, compiledBy } = formVersionOn(code, month).submission;
    if (compiledBy.some((c) => c.level !== 'national' && c.kinds.includes(facility.kind))) return true;
    if (!rowsFrom.includes(facility.kind)) return false;
    return service === 'maternal' ? facility.maternalServices : service === 'child' ? facility.childServices : true;
  });
}

/**
 * The form of a child facility that an upper level's form includes (report-rules §4): a commune
 * station's commune form feeds every upper form; another child's report of the same form feeds
 * that form. Null when the child sends nothing that this form includes.
 */
export function includedFormOf(child: FormFacility, form: ReportFormCode, month: Month): ReportFormCode | null {
  const due = formsDueFor(child, month);
  if (form === 'commune') return null;
  if (due.includes('commune')) return 'commune';
  return due.includes(form) ? form : null;
}
