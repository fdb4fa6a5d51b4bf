import { deadlineLevelOf, deadlineOf, isOnTime } from '@skss/domain';
import type { FacilityKind } from '@skss/api/core';
import type { ReportFacilityDto, ReportStateDto } from '../dto/report.response.dto';
import type { ReportFormCode } from '../forms/form-catalogue';
import { StoredStatus, visibleStatus } from '../workflow/report-workflow';
import type { Month } from './report-month';
import type { ReportStateRow } from './reports.repository';

export function toFacilityRef(facility: { id: number; code: string; name: string; kind: FacilityKind }): ReportFacilityDto {
  return { id: facility.id, code: facility.code, name: facility.name, kind: facility.kind };
}

/** The last day a facility of this kind sends the month's report on time; null for the central units. */
export function deadlineFor(kind: FacilityKind, month: Month): string | null {
  const level = deadlineLevelOf(kind);
  return level ? deadlineOf(level, month) : null;
}

/**
 * A report's state for a form, facility and month: from its row when it was ever sent,
 * otherwise derived (not started, or a draft once the month has register rows).
 */
export function toReportState(
  form: ReportFormCode,
  facility: ReportFacilityDto,
  month: Month,
  report: ReportStateRow | null,
  approver: ReportFacilityDto | null,
  hasRegisterRows: boolean,
): ReportStateDto {
  const deadline = deadlineFor(facility.kind, month) ?? '';
  return {
    id: report?.id ?? null,
    form,
    facility,
    month,
    status: visibleStatus((report?.status as StoredStatus | undefined) ?? null, hasRegisterRows),
    version: report?.version ?? null,
    deadline,
    approver: report ? toFacilityRef(report.approver) : approver,
    firstSentAt: report?.firstSentAt.toISOString() ?? null,
    sentAt: report?.sentAt.toISOString() ?? null,
    approvedAt: report?.approvedAt?.toISOString() ?? null,
    onTime: report && deadline ? isOnTime(report.firstSentAt, deadline) : null,
  };
}
