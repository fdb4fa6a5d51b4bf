import { HttpResponse } from '@angular/common/http';
import { DOCUMENT, inject, Injectable } from '@angular/core';
import {
  AggregateReportDto,
  Api,
  exportAggregateReportCsv,
  exportAggregateReportXlsx,
  getAggregateReport,
  UnitReportFormCode,
  ApprovalsDto,
  approveReport,
  exportReportCsv,
  exportReportXlsx,
  getReportCellRows,
  ReportCellRowsDto,
  ReportFormCode,
  approveReports,
  BulkApprovalResultDto,
  getReport,
  getReportApprovals,
  getReportWorklist,
  listReportNotifications,
  markReportNotificationRead,
  NotificationListDto,
  recallReport,
  ReportDto,
  ReportStateDto,
  requestReportUnapproval,
  returnReport,
  sendReport,
  unapproveReport,
  WorklistDto,
} from '@skss/contract';
import { firstValueFrom, Observable } from 'rxjs';

/** A report: its form, the reporting facility and the month (YYYY-MM). */
export interface ReportKey {
  form: ReportFormCode;
  facilityId: number;
  month: string;
}

export type ExportFormat = 'xlsx' | 'csv';

/** Biểu 4–8 of an aggregating unit over a period (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY-9M, YYYY). */
export interface AggregateKey {
  form: UnitReportFormCode;
  facilityId: number;
  period: string;
}

/** A transition the screens offer, by the path segment of its operation. */
export type ReportTransition = 'send' | 'recall' | 'request-unapproval' | 'approve' | 'return' | 'unapprove';

/** The file name a download announces (`attachment; filename="…"`), or null. */
export function fileNameOf(disposition: string | null): string | null {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return match ? decodeURIComponent(match[1]) : null;
}

/** The report screens' calls, all through the generated client (`@skss/contract`). */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly api = inject(Api);
  private readonly document = inject(DOCUMENT);

  worklist(month: string): Observable<WorklistDto> {
    return this.api.invoke(getReportWorklist, { month });
  }

  approvals(month: string): Observable<ApprovalsDto> {
    return this.api.invoke(getReportApprovals, { month });
  }

  approveMany(reportIds: readonly string[]): Observable<BulkApprovalResultDto> {
    return this.api.invoke(approveReports, { body: { reportIds: [...reportIds] } });
  }

  get(key: ReportKey): Observable<ReportDto> {
    return this.api.invoke(getReport, key);
  }

  /** One transition; `reason` for a return and an un-approval request (mandatory there), optional for un-approving. */
  transition(key: ReportKey, transition: ReportTransition, reason?: string): Observable<ReportStateDto> {
    switch (transition) {
      case 'send':
        return this.api.invoke(sendReport, key);
      case 'recall':
        return this.api.invoke(recallReport, key);
      case 'approve':
        return this.api.invoke(approveReport, key);
      case 'return':
        return this.api.invoke(returnReport, { ...key, body: { reason: reason ?? '' } });
      case 'request-unapproval':
        return this.api.invoke(requestReportUnapproval, { ...key, body: { reason: reason ?? '' } });
      case 'unapprove':
        return this.api.invoke(unapproveReport, { ...key, body: reason ? { reason } : {} });
    }
  }

  notifications(): Observable<NotificationListDto> {
    return this.api.invoke(listReportNotifications, {});
  }

  markRead(id: string): Observable<void> {
    return this.api.invoke(markReportNotificationRead, { id });
  }

  cellRows(key: ReportKey, row: string, column: string): Observable<ReportCellRowsDto> {
    return this.api.invoke(getReportCellRows, { ...key, row, column });
  }

  /** Downloads the report as Excel or CSV under the name the API gives it. */
  async download(key: ReportKey, format: ExportFormat): Promise<void> {
    const operation = format === 'xlsx' ? exportReportXlsx : exportReportCsv;
    const response = await firstValueFrom(this.api.invoke$Response(operation, key));
    this.save(response, `bao-cao-${key.form}-${key.month}.${format}`);
  }

  aggregate(key: AggregateKey): Observable<AggregateReportDto> {
    return this.api.invoke(getAggregateReport, key);
  }

  /** Downloads Biểu 4–8 of an aggregating unit as Excel or CSV, with the same numbers as `aggregate`. */
  async downloadAggregate(key: AggregateKey, format: ExportFormat): Promise<void> {
    const operation = format === 'xlsx' ? exportAggregateReportXlsx : exportAggregateReportCsv;
    const response = await firstValueFrom(this.api.invoke$Response(operation, key));
    this.save(response, `tong-hop-${key.form}-${key.period}.${format}`);
  }

  private save(response: HttpResponse<Blob>, fallback: string): void {
    const name = fileNameOf(response.headers.get('content-disposition')) ?? fallback;
    const blob = response.body;
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
