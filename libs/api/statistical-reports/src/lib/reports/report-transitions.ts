import { Injectable } from '@nestjs/common';
import { DomainError, Prisma, UserPrincipal } from '@skss/api/core';
import { NotificationsService } from '../notifications/notifications.service';
import { canTransition, ReportAction, REPORT_STATUS_LABELS, StoredStatus, TRANSITIONS, visibleStatus } from '../workflow/report-workflow';
import type { ReportContext } from './report-reading.service';
import { Db, ReportRow, ReportsRepository } from './reports.repository';

export const transitionNotAllowed = (action: ReportAction, status: StoredStatus | null) =>
  new DomainError(
    'TRANSITION_NOT_ALLOWED',
    `Không thể ${ACTION_VERBS[action]} báo cáo ở trạng thái "${REPORT_STATUS_LABELS[visibleStatus(status, true)]}"`,
    409,
  );
export const reportChanged = () => new DomainError('REPORT_CHANGED', 'Báo cáo vừa được người khác thay đổi; hãy tải lại và thử lại', 409);

const ACTION_VERBS: Readonly<Record<ReportAction, string>> = {
  SENT: 'gửi',
  RECALLED: 'rút lại',
  RETURNED: 'trả lại',
  APPROVED: 'duyệt',
  UNAPPROVAL_REQUESTED: 'xin hủy duyệt',
  UNAPPROVED: 'hủy duyệt',
};

export interface TransitionRequest {
  action: ReportAction;
  actor: UserPrincipal;
  reason?: string | null;
  /** Extra columns the transition sets (values and approver when sent, approval time). */
  data?: Omit<Prisma.StatisticalReportUncheckedUpdateManyInput, 'version' | 'status'>;
  /** Values of a sending, kept on its event. */
  values?: Prisma.InputJsonValue;
  /** Side effects in the same transaction (register locks). */
  effects?: (db: Db, report: ReportRow) => Promise<void>;
}

/**
 * Applies a transition to an existing report in one transaction: the conditional update on
 * (status, version) — of two concurrent transitions exactly one applies, the other gets 409
 * REPORT_CHANGED — the event, its side effects and the notification of the other side.
 */
@Injectable()
export class ReportTransitions {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  assertAllowed(action: ReportAction, report: ReportRow | null): void {
    const status = (report?.status as StoredStatus | undefined) ?? null;
    if (!canTransition(action, status)) throw transitionNotAllowed(action, status);
  }

  async apply(report: ReportRow, request: TransitionRequest, at = new Date()): Promise<void> {
    this.assertAllowed(request.action, report);
    const to = TRANSITIONS[request.action].to;
    await this.reports.transaction(async (db) => {
      const applied = await this.reports.transition(
        db,
        report.id,
        { status: report.status as StoredStatus, version: report.version },
        { ...request.data, status: to },
      );
      if (!applied) throw reportChanged();
      await this.record(db, report.id, request, at);
      await request.effects?.(db, report);
      await this.notifications.notify(db, {
        recipientFacilityId: recipientOf(
          request.action,
          report.facilityId,
          (request.data?.approverId as number | undefined) ?? report.approverId,
        ),
        kind: request.action,
        reportId: report.id,
        reason: request.reason,
      });
    });
  }

  /** The first sending of a report: creates its row (a concurrent first sending loses with 409). */
  async createSent(
    context: ReportContext,
    approverId: number,
    request: TransitionRequest & { values: Prisma.InputJsonValue },
    at = new Date(),
  ) {
    try {
      await this.reports.transaction(async (db) => {
        const created = await this.reports.insertSent(db, {
          form: context.key.form,
          facilityId: context.facility.id,
          month: context.key.month,
          approverId,
          values: request.values,
          at,
        });
        await this.record(db, created.id, request, at);
        await this.notifications.notify(db, { recipientFacilityId: approverId, kind: 'SENT', reportId: created.id });
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw reportChanged();
      throw error;
    }
  }

  private record(db: Db, reportId: string, request: TransitionRequest, at: Date): Promise<void> {
    return this.reports.addEvent(
      db,
      reportId,
      {
        action: request.action,
        actorUserId: request.actor.userId,
        actorUsername: request.actor.username,
        actorFacilityId: request.actor.facilityId,
        reason: request.reason ?? null,
        values: request.values,
      },
      at,
    );
  }
}

/** Who hears of a transition: the approver of the sender's moves, the sender of the approver's. */
function recipientOf(action: ReportAction, facilityId: number, approverId: number): number {
  return TRANSITIONS[action].role === 'sender' ? approverId : facilityId;
}
