import { Injectable } from '@nestjs/common';
import { DomainError, Prisma, PrismaService, UserPrincipal } from '@skss/api/core';
import type { NotificationDto, NotificationListDto } from '../dto/report.response.dto';
import { formTitle, ReportFormCode } from '../forms/form-catalogue';
import { monthLabel, monthOf } from '../reports/report-month';
import { toFacilityRef } from '../reports/reports.mapper';
import type { Db } from '../reports/reports.repository';
import type { ReportAction } from '../workflow/report-workflow';

const LIST_LIMIT = 100;

export const notificationNotFound = () => new DomainError('NOTIFICATION_NOT_FOUND', 'Không tìm thấy thông báo', 404);

const include = {
  report: {
    select: {
      form: true,
      month: true,
      facility: { select: { id: true, code: true, name: true, kind: true } },
      approver: { select: { id: true, code: true, name: true, kind: true } },
    },
  },
} satisfies Prisma.NotificationInclude;
type NotificationRow = Prisma.NotificationGetPayload<{ include: typeof include }>;

/** Notices addressed to the caller: to their facility, or to them by name. */
const addressedTo = (user: UserPrincipal): Prisma.NotificationWhereInput => ({
  recipientFacilityId: user.facilityId,
  OR: [{ recipientUserId: null }, { recipientUserId: user.userId }],
});

/**
 * In-app notifications of the reports' workflow: the approver hears of sendings, recalls and
 * un-approval requests; the sender of returns (with the reason), approvals and un-approvals.
 * A notice is read for the facility once one of its officers has read it.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly prisma: PrismaService) {}

  /** Written in the transition's transaction: the notice exists exactly when the transition does. */
  async notify(
    db: Db,
    notice: { recipientFacilityId: number; kind: ReportAction; reportId: string; reason?: string | null },
  ): Promise<void> {
    await db.notification.create({
      data: {
        recipientFacilityId: notice.recipientFacilityId,
        kind: notice.kind,
        reportId: notice.reportId,
        reason: notice.reason ?? null,
      },
    });
  }

  async list(user: UserPrincipal, unreadOnly: boolean): Promise<NotificationListDto> {
    const where = addressedTo(user);
    const [rows, unread] = await Promise.all([
      this.prisma.notification.findMany({
        where: unreadOnly ? { ...where, readAt: null } : where,
        include,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: LIST_LIMIT,
      }),
      this.prisma.notification.count({ where: { ...where, readAt: null } }),
    ]);
    return { unread, items: rows.map(toNotificationDto) };
  }

  /** Marks a notice read (idempotent: the first reading time stays). */
  async markRead(user: UserPrincipal, id: string): Promise<void> {
    const { count } = await this.prisma.notification.updateMany({
      where: { id, ...addressedTo(user), readAt: null },
      data: { readAt: new Date() },
    });
    if (count === 0 && !(await this.prisma.notification.findFirst({ where: { id, ...addressedTo(user) }, select: { id: true } })))
      throw notificationNotFound();
  }
}

function toNotificationDto(row: NotificationRow): NotificationDto {
  const report = row.report;
  const form = (report?.form ?? null) as ReportFormCode | null;
  return {
    id: row.id,
    kind: row.kind,
    reportId: row.reportId,
    form,
    facility: report ? toFacilityRef(report.facility) : null,
    month: report ? monthOf(report.month) : null,
    reason: row.reason,
    message: report ? messageOf(row.kind, report, row.reason) : 'Báo cáo đã thay đổi trạng thái',
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

function messageOf(kind: ReportAction, report: NonNullable<NotificationRow['report']>, reason: string | null): string {
  const month = monthOf(report.month);
  const what = `báo cáo "${formTitle(report.form as ReportFormCode, month).vi}" tháng ${monthLabel(month)}`;
  const because = reason ? `: ${reason}` : '';
  switch (kind) {
    case 'SENT':
      return `${report.facility.name} đã gửi ${what}`;
    case 'RECALLED':
      return `${report.facility.name} đã rút lại ${what}`;
    case 'RETURNED':
      return `${report.approver.name} đã trả lại ${what}${because}`;
    case 'APPROVED':
      return `${report.approver.name} đã duyệt ${what}`;
    case 'UNAPPROVAL_REQUESTED':
      return `${report.facility.name} xin hủy duyệt ${what}${because}`;
    case 'UNAPPROVED':
      return `${report.approver.name} đã hủy duyệt ${what}; có thể rút lại để sửa và gửi lại`;
  }
}
