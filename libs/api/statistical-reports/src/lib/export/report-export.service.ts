import { Injectable } from '@nestjs/common';
import { XLSX_CONTENT_TYPE } from '@skss/api/core';
import { exportFileName } from './paper-text';
import { buildReportCsv, CSV_CONTENT_TYPE } from './report-csv';
import { ReportExportInput } from './report-export.types';
import { reportTable } from './report-table';
import { buildReportXlsx } from './report-xlsx';

/** An exported file as a controller sends it. */
export interface ReportExportFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/**
 * A report in its official paper layout as an Excel workbook, and as CSV (README "Export"). Pure:
 * it writes what it is given (the caller reads the report, checks access and picks the values:
 * draft, sent or approved); both files are written from the same printed table, so they carry the
 * same numbers as the screen.
 */
@Injectable()
export class ReportExportService {
  toXlsx(input: ReportExportInput): Promise<Buffer> {
    return buildReportXlsx(input, reportTable(input));
  }

  /** UTF-8 text starting with a BOM; send it as `text/csv; charset=utf-8`. */
  toCsv(input: ReportExportInput): string {
    return buildReportCsv(input, reportTable(input));
  }

  async export(input: ReportExportInput, format: 'xlsx' | 'csv'): Promise<ReportExportFile> {
    return format === 'xlsx'
      ? { fileName: exportFileName(input, 'xlsx'), contentType: XLSX_CONTENT_TYPE, content: await this.toXlsx(input) }
      : { fileName: exportFileName(input, 'csv'), contentType: CSV_CONTENT_TYPE, content: Buffer.from(this.toCsv(input), 'utf8') };
  }
}
