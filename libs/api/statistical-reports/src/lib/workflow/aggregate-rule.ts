import { FormFacility, includedFormOf, ReportFormCode } from '../forms/form-catalogue';
import type { Month } from '../reports/report-month';
import { APPROVED_STATUSES, RECEIVED_STATUSES, StoredStatus, visibleStatus, ReportStatus } from './report-workflow';

export interface ChildFacility extends FormFacility {
  readonly id: number;
  readonly code: string;
  readonly name: string;
}

export interface ReportState {
  readonly facilityId: number;
  readonly form: string;
  readonly status: StoredStatus;
}

export interface MissingApproval {
  readonly facility: ChildFacility;
  readonly form: ReportFormCode;
  readonly status: ReportStatus;
}

/**
 * "An upper level approves its own aggregate only once every child report it includes is
 * approved" (issue 7), enforced when the upper level sends it: the child reports that the
 * facility's `form` for the month includes and that are not approved. Empty: it may be sent.
 * Children are the facilities reporting to it that month; a child station's commune form feeds
 * every upper form, another child's report of the same form feeds that form.
 */
export function childReportsNotApproved(
  form: ReportFormCode,
  month: Month,
  children: readonly ChildFacility[],
  childReports: readonly ReportState[],
): MissingApproval[] {
  const statusOf = new Map(childReports.map((r) => [`${r.facilityId}:${r.form}`, r.status]));
  const missing: MissingApproval[] = [];
  for (const child of children) {
    const included = includedFormOf(child, form, month);
    if (!included) continue;
    const status = statusOf.get(`${child.id}:${included}`) ?? null;
    if (status === null || !APPROVED_STATUSES.includes(status))
      missing.push({ facility: child, form: included, status: visibleStatus(status, false) });
  }
  return missing;
}

/**
 * The other side of the same rule: a child report cannot be un-approved while an aggregate of
 * its approver that includes it is sent or approved. Returns those aggregates' forms.
 */
export function aggregatesIncluding(
  child: FormFacility,
  childForm: ReportFormCode,
  month: Month,
  parentReports: readonly { form: string; status: StoredStatus }[],
): string[] {
  return parentReports
    .filter((r) => RECEIVED_STATUSES.includes(r.status))
    .filter((r) => includedFormOf(child, r.form as ReportFormCode, month) === childForm)
    .map((r) => r.form);
}
