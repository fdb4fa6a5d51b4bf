import { Injectable } from '@nestjs/common';
import { DomainError, UserPrincipal } from '@skss/api/core';
import { CellValues, CommuneFormVersion, formVersionOn, periodViewLabel, parsePeriodView, monthsOf } from '@skss/domain';
import { ReportDrillDownService } from '../drill-down/report-drill-down.service';
import { UnitReport } from '../aggregation/unit-report';
import { UnitReportService } from '../aggregation/unit-report.service';
import { ReportExportService } from '../export/report-export.service';
import type { ExportStatus } from '../export/report-export.types';
import { DraftValues } from '../reports/draft-values';
import { ReportAccess } from '../reports/report-access';
import { ReportKey, ReportReadingService } from '../reports/report-reading.service';
import { AggregateQueryDto, ReportCellRowsDto } from './report-outputs.dto';

/** Register tables as the registers' API and console name them (drill-down links). */
const REGISTER_OF_TABLE: Readonly<Record<string, string>> = {
  anc_visit: 'anc-visits',
  delivery: 'deliveries',
  abortion: 'abortions',
  contraception_service: 'contraception',
  gynaecology_visit: 'gynaecology',
  hpv_vaccination: 'hpv-vaccinations',
  child_exam: 'child-exams',
  death: 'deaths',
  pregnancy_episode: 'episodes',
};

export interface ExportFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

const notExportable = () =>
  new DomainError(
    'FORM_NOT_EXPORTABLE',
    'Biểu này của cơ sở được xuất từ báo cáo tổng hợp của đơn vị (theo kỳ), không theo từng tháng',
    400,
  );

/**
 * What a report is read as besides the screen: the official paper layout (Excel, CSV), the
 * register rows behind a cell, and the aggregate of the units below a district, province or the
 * ministry. Access is the report's: who may read the report may read these.
 */
@Injectable()
export class ReportOutputsService {
  constructor(
    private readonly reading: ReportReadingService,
    private readonly access: ReportAccess,
    private readonly drafts: DraftValues,
    private readonly exports: ReportExportService,
    private readonly drillDown: ReportDrillDownService,
    private readonly units: UnitReportService,
  ) {}

  /** The commune form as on screen: the values as sent (or approved) while sent, the draft otherwise. */
  async exportReport(user: UserPrincipal, key: ReportKey, format: 'xlsx' | 'csv'): Promise<ExportFile> {
    if (key.form !== 'commune') throw notExportable();
    const { facility, report, approver } = await this.reading.context(user, key);
    const status: ExportStatus =
      report?.status === 'APPROVED' || report?.status === 'UNAPPROVAL_REQUESTED'
        ? { kind: 'approved', at: report.approvedAt ?? report.sentAt, by: approver?.name ?? null }
        : report?.status === 'SENT'
          ? { kind: 'sent', at: report.sentAt }
          : { kind: 'draft' };
    const values =
      status.kind === 'draft' || !report ? ((await this.drafts.of(key.form, facility.id, key.month)) ?? {}) : (report.values as CellValues);
    return this.exports.export(
      {
        level: 'commune',
        formVersion: formVersionOn('commune', key.month) as CommuneFormVersion,
        unit: { code: facility.code, name: facility.name, parentName: approver?.name ?? null },
        recipientName: approver?.name ?? null,
        period: { view: key.month },
        status,
        generatedAt: new Date(),
        values,
      },
      format,
    );
  }

  /** The register rows behind a cell of a station's commune form, as far as the caller may see them. */
  async cellRows(user: UserPrincipal, key: ReportKey, row: string, column: string): Promise<ReportCellRowsDto> {
    if (key.form !== 'commune') throw new DomainError('UNKNOWN_CELL', 'Chỉ xem được dòng sổ sách của các ô biểu xã', 400);
    await this.reading.context(user, key);
    const rows = await this.drillDown.rowsBehind({ stationId: key.facilityId, month: key.month, row, column });
    return {
      cell: `${row}:${column}`,
      value: rows.value,
      total: rows.rows.length,
      items: rows.rows.map((r) => ({
        register: REGISTER_OF_TABLE[r.register] ?? null,
        table: r.register,
        id: r.id,
        day: r.date,
        column: r.column,
        count: r.count,
        personName: r.person?.fullName ?? null,
        facility: { code: r.facility.code, name: r.facility.name },
      })),
      notVisibleRows: rows.notVisible.rows,
      notVisibleCount: rows.notVisible.count,
    };
  }

  /** Biểu 4–8 (or the commune form summed for a district) of an aggregating facility for a month or a longer view. */
  async aggregate(user: UserPrincipal, form: UnitReport['form'], facilityId: number, query: AggregateQueryDto): Promise<unknown> {
    const view = parsePeriodView(query.period);
    if (!view)
      throw new DomainError('VALIDATION_FAILED', 'Kỳ báo cáo không hợp lệ', 400, [
        { field: 'period', code: 'INVALID_PERIOD', message: 'Kỳ báo cáo không hợp lệ' },
      ]);
    const months = monthsOf(view);
    const last = months[months.length - 1];
    if (!(await this.access.canRead(user, facilityId, last, null))) {
      throw new DomainError('FACILITY_NOT_FOUND', 'Không tìm thấy cơ sở trong phạm vi được xem', 404);
    }
    const result =
      form === 'commune'
        ? await this.units.communeFormSum(facilityId, query.period)
        : await this.units.report({ form, facilityId, period: query.period, level: query.level });
    return { ...result, periodLabel: periodViewLabel(view) };
  }
}
