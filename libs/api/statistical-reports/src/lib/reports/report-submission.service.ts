import { Injectable } from '@nestjs/common';
import { DomainError, Prisma, UserPrincipal } from '@skss/api/core';
import type { ReportStateDto } from '../dto/report.response.dto';
import { childReportsNotApproved } from '../workflow/aggregate-rule';
import type { StoredStatus } from '../workflow/report-workflow';
import { DraftValues } from './draft-values';
import { reportNotFound } from './report-access';
import { monthLabel, hasEnded } from './report-month';
import { ReportContext, ReportKey, ReportReadingService } from './report-reading.service';
import { ReportTransitions } from './report-transitions';
import { toFacilityRef, toReportState } from './reports.mapper';
import { ReportsRepository } from './reports.repository';

export const notOwnFacility = () =>
  new DomainError('NOT_OWN_FACILITY', 'Chỉ cán bộ của cơ sở lập báo cáo mới được gửi, rút lại hoặc xin hủy duyệt báo cáo', 403);
const periodNotEnded = (month: string) =>
  new DomainError('PERIOD_NOT_ENDED', `Tháng ${monthLabel(month)} chưa kết thúc: chưa thể gửi báo cáo`, 409);
const noApprover = () => new DomainError('NO_APPROVER', 'Cơ sở chưa có đơn vị nhận báo cáo (tuyến báo cáo) trong tháng này', 409);

/**
 * The sender's side of the workflow: send (the values are frozen as a snapshot), recall a sent
 * report not yet approved, ask for un-approval of an approved one.
 */
@Injectable()
export class ReportSubmissionService {
  constructor(
    private readonly reading: ReportReadingService,
    private readonly reports: ReportsRepository,
    private readonly drafts: DraftValues,
    private readonly transitions: ReportTransitions,
  ) {}

  async send(user: UserPrincipal, key: ReportKey): Promise<ReportStateDto> {
    const context = await this.senderContext(user, key);
    this.transitions.assertAllowed('SENT', context.report);
    if (!hasEnded(key.month)) throw periodNotEnded(key.month);
    const approver = await this.reports.approverOf(key.facilityId, key.month);
    if (!approver) throw noApprover();
    await this.assertChildrenApproved(context);
    const values = ((await this.drafts.of(key.form, key.facilityId, key.month, { fresh: true })) ?? {}) as Prisma.InputJsonValue;
    const now = new Date();
    const request = { action: 'SENT' as const, actor: user, values };
    if (context.report) {
      await this.transitions.apply(
        context.report,
        { ...request, data: { values, sentAt: now, approverId: approver.id, approvedAt: null } },
        now,
      );
    } else {
      await this.transitions.createSent(context, approver.id, request, now);
    }
    return this.state(user, key);
  }

  async recall(user: UserPrincipal, key: ReportKey): Promise<ReportStateDto> {
    const { report } = await this.senderContext(user, key);
    if (!report) throw reportNotFound();
    await this.transitions.apply(report, { action: 'RECALLED', actor: user });
    return this.state(user, key);
  }

  async requestUnapproval(user: UserPrincipal, key: ReportKey, reason: string): Promise<ReportStateDto> {
    const { report } = await this.senderContext(user, key);
    if (!report) throw reportNotFound();
    await this.transitions.apply(report, { action: 'UNAPPROVAL_REQUESTED', actor: user, reason });
    return this.state(user, key);
  }

  /** The report of the caller's own facility (403 for another facility the caller may read, 404 beyond). */
  private async senderContext(user: UserPrincipal, key: ReportKey): Promise<ReportContext> {
    const context = await this.reading.context(user, key);
    if (user.facilityId !== key.facilityId) throw notOwnFacility();
    return context;
  }

  /** The aggregate rule (workflow/aggregate-rule.ts): 409 CHILD_REPORTS_NOT_APPROVED, listing them. */
  private async assertChildrenApproved(context: ReportContext): Promise<void> {
    const children = await this.reports.childrenOf(context.facility.id, context.key.month);
    if (children.length === 0) return;
    const childReports = await this.reports.reportsOf(
      children.map((c) => c.id),
      context.key.month,
    );
    const missing = childReportsNotApproved(
      context.key.form,
      context.key.month,
      children,
      childReports.map((r) => ({ facilityId: r.facilityId, form: r.form, status: r.status as StoredStatus })),
    );
    if (missing.length === 0) return;
    throw new DomainError(
      'CHILD_REPORTS_NOT_APPROVED',
      `Còn ${missing.length} báo cáo của đơn vị cấp dưới chưa được duyệt: chưa thể gửi báo cáo tổng hợp`,
      409,
      missing.slice(0, 100).map((m) => ({ field: m.facility.code, code: m.status, message: `${m.facility.name}: ${m.form}` })),
    );
  }

  private async state(user: UserPrincipal, key: ReportKey): Promise<ReportStateDto> {
    const { facility, report, approver } = await this.reading.context(user, key);
    return toReportState(key.form, toFacilityRef(facility), key.month, report, approver && toFacilityRef(approver), true);
  }
}
