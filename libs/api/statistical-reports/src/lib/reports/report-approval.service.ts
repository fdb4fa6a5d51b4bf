import { Injectable } from '@nestjs/common';
import { DomainError, UserPrincipal } from '@skss/api/core';
import { announceApprovedReport } from '@skss/api/integration';
import type { CellValues } from '@skss/domain';
import type { BulkApprovalItemDto, BulkApprovalResultDto, ReportStateDto } from '../dto/report.response.dto';
import type { ReportFormCode } from '../forms/form-catalogue';
import { aggregatesIncluding } from '../workflow/aggregate-rule';
import type { StoredStatus } from '../workflow/report-workflow';
import { ReportAccess, reportNotFound } from './report-access';
import { monthOf } from './report-month';
import { ReportKey, ReportReadingService } from './report-reading.service';
import { ReportTransitions } from './report-transitions';
import { toFacilityRef, toReportState } from './reports.mapper';
import { ReportRow, ReportsRepository } from './reports.repository';

export const notApprover = () =>
  new DomainError(
    'NOT_APPROVER',
    'Chỉ đơn vị nhận báo cáo (tuyến trên trực tiếp trong tháng báo cáo) mới được duyệt, trả lại hoặc hủy duyệt',
    403,
  );

/**
 * The approver's side of the workflow: approve (locks the sender's registers of the month),
 * return with a reason, un-approve after the sender asked (reopens them), and approve a list.
 */
@Injectable()
export class ReportApprovalService {
  constructor(
    private readonly reading: ReportReadingService,
    private readonly reports: ReportsRepository,
    private readonly access: ReportAccess,
    private readonly transitions: ReportTransitions,
  ) {}

  async approve(user: UserPrincipal, key: ReportKey): Promise<ReportStateDto> {
    return this.approveReport(user, await this.approverReport(user, key));
  }

  async return(user: UserPrincipal, key: ReportKey, reason: string): Promise<ReportStateDto> {
    const report = await this.approverReport(user, key);
    await this.transitions.apply(report, { action: 'RETURNED', actor: user, reason });
    return this.stateOf(report.id);
  }

  async unapprove(user: UserPrincipal, key: ReportKey, reason: string | undefined): Promise<ReportStateDto> {
    const report = await this.approverReport(user, key);
    this.transitions.assertAllowed('UNAPPROVED', report);
    await this.assertNotInAggregate(report);
    await this.transitions.apply(report, {
      action: 'UNAPPROVED',
      actor: user,
      reason: reason ?? null,
      data: { approvedAt: null },
      effects: (db) => this.reports.unlockRegistersUnlessApproved(db, report.facilityId, key.month),
    });
    return this.stateOf(report.id);
  }

  /** Approves each report on its own, in the order given: one refusal does not stop the others. */
  async approveMany(user: UserPrincipal, ids: readonly string[]): Promise<BulkApprovalResultDto> {
    const results: BulkApprovalItemDto[] = [];
    for (const id of ids) {
      try {
        const report = await this.reports.findReportById(id);
        if (!report || !(await this.access.canRead(user, report.facilityId, monthOf(report.month), report.approverId)))
          throw reportNotFound();
        if (report.approverId !== user.facilityId) throw notApprover();
        const state = await this.approveReport(user, report);
        results.push({ reportId: id, outcome: 'APPROVED', status: 200, code: null, message: null, report: state });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ reportId: id, outcome: 'REFUSED', status: error.status, code: error.code, message: error.message, report: null });
      }
    }
    const approved = results.filter((r) => r.outcome === 'APPROVED').length;
    return { approved, refused: results.length - approved, results };
  }

  private async approveReport(user: UserPrincipal, report: ReportRow): Promise<ReportStateDto> {
    const month = monthOf(report.month);
    const now = new Date();
    await this.transitions.apply(
      report,
      {
        action: 'APPROVED',
        actor: user,
        data: { approvedAt: now },
        // The sender's registers of the month close, and the approved values are announced to the
        // health statistics software (DHIS2) through the outbox, in the approval's own transaction.
        effects: async (db) => {
          await this.reports.lockRegisters(db, report.facilityId, month, `đơn vị duyệt ${report.approver.code}`);
          await announceApprovedReport(db, {
            id: report.id,
            form: report.form,
            facilityId: report.facilityId,
            month: report.month,
            values: report.values as CellValues,
          });
        },
      },
      now,
    );
    return this.stateOf(report.id);
  }

  /** The report the caller approves (403 NOT_APPROVER when the caller may read it but is not its approver, 404 beyond). */
  private async approverReport(user: UserPrincipal, key: ReportKey): Promise<ReportRow> {
    const { report } = await this.reading.context(user, key);
    if (!report) throw reportNotFound();
    if (report.approverId !== user.facilityId) throw notApprover();
    return report;
  }

  /** The aggregate rule's other side: not while an aggregate of the approver that includes the report is sent. */
  private async assertNotInAggregate(report: ReportRow): Promise<void> {
    const month = monthOf(report.month);
    const [child, parentReports] = await Promise.all([
      this.reports.facilityInMonth(report.facilityId, month),
      this.reports.reportsOf([report.approverId], month),
    ]);
    if (!child) return;
    const forms = aggregatesIncluding(
      child,
      report.form as ReportFormCode,
      month,
      parentReports.map((r) => ({ form: r.form, status: r.status as StoredStatus })),
    );
    if (forms.length > 0)
      throw new DomainError(
        'AGGREGATE_ALREADY_SENT',
        'Báo cáo tổng hợp của đơn vị duyệt có chứa báo cáo này đã được gửi: hãy rút lại báo cáo tổng hợp trước khi hủy duyệt',
        409,
      );
  }

  private async stateOf(id: string): Promise<ReportStateDto> {
    const report = await this.reports.findReportById(id);
    if (!report) throw reportNotFound();
    return toReportState(report.form as ReportFormCode, toFacilityRef(report.facility), monthOf(report.month), report, null, true);
  }
}
