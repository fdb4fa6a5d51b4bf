import { Injectable } from '@nestjs/common';
import { DomainError, UserPrincipal } from '@skss/api/core';
import type { CellValues } from '@skss/domain';
import type {
  ApprovalChildDto,
  ApprovalsDto,
  RatesDto,
  ReportDto,
  ReportFormDto,
  ReportStateDto,
  WorklistDto,
} from '../dto/report.response.dto';
import { formsDueFor, formTitle, REPORT_FORM_CODES, ReportFormCode } from '../forms/form-catalogue';
import { APPROVED_STATUSES, openActions, RECEIVED_STATUSES, ReportAction, StoredStatus } from '../workflow/report-workflow';
import { diffCells, DraftValues, flattenCells } from './draft-values';
import { facilityNotFound, ReportAccess } from './report-access';
import { hasEnded, Month } from './report-month';
import { deadlineFor, toFacilityRef, toReportState } from './reports.mapper';
import { ReportFacility, ReportRow, ReportsRepository, ReportStateRow } from './reports.repository';

export const formNotDue = () => new DomainError('FORM_NOT_DUE', 'Cơ sở này không gửi biểu báo cáo này trong tháng', 404);
export const monthNotReported = (month: Month) =>
  new DomainError('MONTH_NOT_REPORTED', `Tháng ${month} không thuộc kỳ báo cáo nào của hệ thống (từ 04/2020)`, 404);

export interface ReportKey {
  form: ReportFormCode;
  facilityId: number;
  month: Month;
}

/** A facility's report of a form and month as the workflow finds it. */
export interface ReportContext {
  key: ReportKey;
  facility: ReportFacility;
  report: ReportRow | null;
  approver: ReportFacility | null;
}

/**
 * Reading reports: one report with its draft, its sent values and what changed since; the
 * officer's worklist; the approver's list of its children's reports with completeness and
 * timeliness.
 */
@Injectable()
export class ReportReadingService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly access: ReportAccess,
    private readonly drafts: DraftValues,
  ) {}

  /** The forms with their titles in the version of the month. */
  forms(month: Month): ReportFormDto[] {
    assertReportedMonth(month);
    return REPORT_FORM_CODES.map((code) => {
      const title = formTitle(code, month);
      return { code, nameVi: title.vi, nameEn: title.en, computed: this.drafts.computable(code) };
    });
  }

  /** The facility, its report and approver, if the caller may read them (404 otherwise, as for a facility that does not exist). */
  async context(user: UserPrincipal, key: ReportKey): Promise<ReportContext> {
    assertReportedMonth(key.month);
    const facility = await this.reports.facilityInMonth(key.facilityId, key.month);
    if (!facility) throw facilityNotFound();
    const report = await this.reports.findReport(key.form, key.facilityId, key.month);
    const approver = await this.reports.approverOf(key.facilityId, key.month);
    const approverId = report?.approverId ?? approver?.id ?? null;
    if (!(await this.access.canRead(user, facility.id, key.month, approverId))) throw facilityNotFound();
    if (!report && !formsDueFor(facility, key.month).includes(key.form)) throw formNotDue();
    return { key, facility, report, approver };
  }

  async get(user: UserPrincipal, key: ReportKey): Promise<ReportDto> {
    const { facility, report, approver } = await this.context(user, key);
    const [draft, events, withRows] = await Promise.all([
      this.drafts.of(key.form, facility.id, key.month),
      report ? this.reports.eventsOf(report.id) : Promise.resolve([]),
      report ? Promise.resolve(new Set<number>()) : this.reports.withRegisterRows([facility.id], key.month),
    ]);
    const state = toReportState(
      key.form,
      toFacilityRef(facility),
      key.month,
      report,
      approver && toFacilityRef(approver),
      withRows.has(facility.id),
    );
    const sent = report ? flattenCells(report.values as CellValues) : null;
    const current = draft ? flattenCells(draft) : null;
    const changes = sent && current ? diffCells(sent, current) : [];
    const stored = (report?.status as StoredStatus | undefined) ?? null;
    const lastReason = (action: ReportAction) => [...events].reverse().find((e) => e.action === action)?.reason ?? null;
    const codes = await this.reports.facilityCodes([...new Set(events.map((e) => e.actorFacilityId))]);
    const roles = this.access.rolesOf(user, facility.id, report?.approverId ?? approver?.id ?? null);
    return {
      ...state,
      draft: current,
      sent,
      changedSinceSent: changes.length > 0,
      changes,
      returnReason: stored === 'RETURNED' ? lastReason('RETURNED') : null,
      unapprovalReason: stored === 'UNAPPROVAL_REQUESTED' ? lastReason('UNAPPROVAL_REQUESTED') : null,
      actions: openActions(stored, roles).filter((action) => action !== 'SENT' || hasEnded(key.month)),
      events: events.map((e) => ({
        action: e.action,
        at: e.at.toISOString(),
        actorUsername: e.actorUsername,
        actorFacilityCode: codes.get(e.actorFacilityId)?.code ?? null,
        reason: e.reason,
      })),
    };
  }

  /** "My reports": every form the caller's facility sends for the month, with its status and deadline. */
  async worklist(user: UserPrincipal, month: Month): Promise<WorklistDto> {
    assertReportedMonth(month);
    const facility = await this.reports.facilityInMonth(user.facilityId, month);
    if (!facility) throw facilityNotFound();
    const [reports, approver, withRows] = await Promise.all([
      this.reports.reportsOf([facility.id], month),
      this.reports.approverOf(facility.id, month),
      this.reports.withRegisterRows([facility.id], month),
    ]);
    const ref = toFacilityRef(facility);
    const approverRef = approver && toFacilityRef(approver);
    return {
      month,
      facility: ref,
      items: formsDueFor(facility, month).map((form) =>
        toReportState(form, ref, month, reports.find((r) => r.form === form) ?? null, approverRef, withRows.has(facility.id)),
      ),
    };
  }

  /** The reports of the facilities that report to the caller's in the month, with completeness and on-time rates. */
  async approvals(user: UserPrincipal, month: Month): Promise<ApprovalsDto> {
    assertReportedMonth(month);
    const facility = await this.reports.facilityInMonth(user.facilityId, month);
    if (!facility) throw facilityNotFound();
    const children = await this.reports.childrenOf(facility.id, month);
    const ids = children.map((c) => c.id);
    const [reports, withRows] = await Promise.all([this.reports.reportsOf(ids, month), this.reports.withRegisterRows(ids, month)]);
    const me = toFacilityRef(facility);
    const rows: ApprovalChildDto[] = children.map((child) => {
      const ref = toFacilityRef(child);
      const own = reports.filter((r) => r.facilityId === child.id);
      const states = formsDueFor(child, month).map((form) =>
        toReportState(form, ref, month, own.find((r) => r.form === form) ?? null, me, withRows.has(child.id)),
      );
      return { facility: ref, rates: ratesOf(states, own), reports: states };
    });
    return {
      month,
      facility: me,
      rates: ratesOf(
        rows.flatMap((r) => r.reports),
        reports,
      ),
      children: rows,
    };
  }
}

/** Completeness (received / due) and timeliness (first sent by the deadline / due) of a set of due reports. */
export function ratesOf(states: readonly ReportStateDto[], rows: readonly ReportStateRow[]): RatesDto {
  const stored = new Map(rows.map((r) => [r.id, r.status as StoredStatus]));
  const statusOf = (s: ReportStateDto) => (s.id ? (stored.get(s.id) ?? null) : null);
  const received = states.filter((s) => {
    const status = statusOf(s);
    return status !== null && RECEIVED_STATUSES.includes(status);
  });
  const approved = states.filter((s) => {
    const status = statusOf(s);
    return status !== null && APPROVED_STATUSES.includes(status);
  }).length;
  const onTime = received.filter((s) => s.onTime === true).length;
  const percent = (n: number) => (states.length === 0 ? null : Math.round((n / states.length) * 1000) / 10);
  return {
    expected: states.length,
    received: received.length,
    approved,
    onTime,
    completenessPercent: percent(received.length),
    onTimePercent: percent(onTime),
  };
}

/** Months before the first reporting regime the system knows have no deadline and no reports. */
function assertReportedMonth(month: Month): void {
  try {
    deadlineFor('COMMUNE_HEALTH_STATION', month);
  } catch {
    throw monthNotReported(month);
  }
}
