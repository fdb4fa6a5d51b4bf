import { Injectable } from '@nestjs/common';
import { DomainError, UserPrincipal } from '@skss/api/core';
import {
  CellValues,
  CommuneFormVersion,
  formVersionOn,
  formVersionsOver,
  monthsOf,
  parsePeriodView,
  PeriodView,
  periodViewLabel,
  UnitFormVersion,
} from '@skss/domain';
import { ReportDrillDownService } from '../drill-down/report-drill-down.service';
import { aggregatingLevel, UnitReport } from '../aggregation/unit-report';
import type { ReportLine } from '../aggregation/unit-lines';
import { UnitReportService } from '../aggregation/unit-report.service';
import { ReportExportService } from '../export/report-export.service';
import type { ExportStatus, ExportUnit } from '../export/report-export.types';
import { DraftValues } from '../reports/draft-values';
import { ReportAccess } from '../reports/report-access';
import { ReportContext, ReportKey, ReportReadingService } from '../reports/report-reading.service';
import { ReportsRepository } from '../reports/reports.repository';
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
    private readonly reports: ReportsRepository,
  ) {}

  /**
   * A report as on screen: the values as sent (or approved) while sent, the draft otherwise. The
   * commune form prints its cells; Biểu 4–8 of an aggregating unit print its aggregate lines, and
   * of a facility its own line under its row group.
   */
  async exportReport(user: UserPrincipal, key: ReportKey, format: 'xlsx' | 'csv'): Promise<ExportFile> {
    const context = await this.reading.context(user, key);
    const { facility, report, approver } = context;
    const status = statusOf(context);
    const stored = status.kind === 'draft' || !report ? null : (report.values as CellValues);
    const unit: ExportUnit = { code: facility.code, name: facility.name, parentName: approver?.name ?? null };
    const base = { unit, recipientName: approver?.name ?? null, period: { view: key.month }, status, generatedAt: new Date() };
    if (key.form === 'commune') {
      const values = stored ?? (await this.drafts.of(key.form, facility.id, key.month)) ?? {};
      return this.exports.export(
        { ...base, level: 'commune', formVersion: formVersionOn('commune', key.month) as CommuneFormVersion, values },
        format,
      );
    }
    if (aggregatingLevel(facility.kind)) {
      // What an aggregating unit sends is its aggregate, keyed line → column: printed on the lines as computed now.
      const aggregate = await this.units.report({ form: key.form, facilityId: facility.id, period: key.month });
      const lines = stored ? sentLines(aggregate.lines, stored) : aggregate.lines;
      return this.exports.export({ ...base, level: aggregate.level, formVersion: unitVersionOf(aggregate), lines }, format);
    }
    const values = stored ?? (await this.drafts.of(key.form, facility.id, key.month)) ?? {};
    const own = await this.units.ownLines({
      form: key.form,
      facilityId: facility.id,
      month: key.month,
      approverKind: approver?.kind ?? null,
      values,
    });
    return this.exports.export({ ...base, level: own.level, formVersion: own.version, lines: own.lines }, format);
  }

  /** Biểu 4–8 of an aggregating unit for a month or a longer view, in its paper layout: the lines of `aggregate`, numbers as they are. */
  async exportAggregate(
    user: UserPrincipal,
    form: UnitReport['form'],
    facilityId: number,
    query: AggregateQueryDto,
    format: 'xlsx' | 'csv',
  ): Promise<ExportFile> {
    const view = await this.readableView(user, facilityId, query.period);
    const aggregate = await this.units.report({ form, facilityId, period: query.period, level: query.level });
    const months = aggregate.period.months;
    const parent = await this.reports.approverOf(facilityId, months[months.length - 1]);
    return this.exports.export(
      {
        level: aggregate.level,
        formVersion: unitVersionOf(aggregate),
        unit: { code: aggregate.facility.code, name: aggregate.facility.name, parentName: parent?.name ?? null },
        recipientName: parent?.name ?? null,
        period: { view },
        status: { kind: 'aggregate', missingUnits: aggregate.missing.length },
        generatedAt: new Date(),
        lines: aggregate.lines,
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
    const view = await this.readableView(user, facilityId, query.period);
    const result =
      form === 'commune'
        ? await this.units.communeFormSum(facilityId, query.period)
        : await this.units.report({ form, facilityId, period: query.period, level: query.level });
    return { ...result, periodLabel: periodViewLabel(view) };
  }

  /** The period view, once the caller may read the facility in its last month (404 otherwise, as for one that does not exist). */
  private async readableView(user: UserPrincipal, facilityId: number, period: string): Promise<PeriodView> {
    const view = parsePeriodView(period);
    if (!view)
      throw new DomainError('VALIDATION_FAILED', 'Kỳ báo cáo không hợp lệ', 400, [
        { field: 'period', code: 'INVALID_PERIOD', message: 'Kỳ báo cáo không hợp lệ' },
      ]);
    const months = monthsOf(view);
    if (!(await this.access.canRead(user, facilityId, months[months.length - 1], null))) {
      throw new DomainError('FACILITY_NOT_FOUND', 'Không tìm thấy cơ sở trong phạm vi được xem', 404);
    }
    return view;
  }
}

/** Whose numbers a report's file carries: approved (also while an un-approval is asked), sent, or the draft. */
function statusOf({ report, approver }: ReportContext): ExportStatus {
  if (report?.status === 'APPROVED' || report?.status === 'UNAPPROVAL_REQUESTED')
    return { kind: 'approved', at: report.approvedAt ?? report.sentAt, by: approver?.name ?? null };
  return report?.status === 'SENT' ? { kind: 'sent', at: report.sentAt } : { kind: 'draft' };
}

/** The form version an aggregate was computed on (one per aggregate: a period spanning two regimes is refused). */
function unitVersionOf(aggregate: UnitReport): UnitFormVersion {
  const version = formVersionsOver(aggregate.form, aggregate.period.months).find((v) => v.key === aggregate.version.key);
  if (version?.layout !== 'units') throw new RangeError(`No unit form version ${aggregate.version.key}`);
  return version;
}

/**
 * The lines of an aggregate as sent: the lines the sent values hold (line → column, grey and
 * missing cells left out, so printed empty), labelled by the lines computed now.
 */
function sentLines(current: readonly ReportLine[], sent: CellValues): ReportLine[] {
  return current
    .filter((line) => line.key in sent)
    .map((line) => ({
      ...line,
      values: Object.fromEntries(Object.keys(line.values).map((column) => [column, sent[line.key][column] ?? null])),
    }));
}
