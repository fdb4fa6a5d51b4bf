import type { CellValues, CommuneFormVersion, FormLevel, PeriodView, ReportMonth, RowKind, UnitFormVersion } from '@skss/domain';

/** The unit a report is of, as the paper header names it. */
export interface ExportUnit {
  /** Stable code (machine-readable sheet and CSV). */
  readonly code: string;
  /** "Trạm Y tế xã Mường Nhé", "Sở Y tế tỉnh Điện Biên". */
  readonly name: string;
  /** The unit above it, printed above its name ("Sở Y tế tỉnh Điện Biên"); absent: "Bộ Y tế". */
  readonly parentName?: string | null;
}

export interface ExportPeriod {
  /** A month ('2025-07') or a longer view (quarter, half year, nine months, year). */
  readonly view: ReportMonth | PeriodView;
  /** The period as the screen names it ("Tháng 07/2025", "Quý III/2025"); default periodViewLabel. */
  readonly label?: string;
}

/** Whose numbers these are: the draft computed from the registers, or the values as sent or approved. */
export type ExportStatus =
  | { readonly kind: 'draft' }
  | { readonly kind: 'sent'; readonly at: Date }
  | { readonly kind: 'approved'; readonly at: Date; readonly by?: string | null }
  /** Biểu 4–8 of an aggregating unit read for a period: facility rows from their registers, commune rows from approved reports. */
  | { readonly kind: 'aggregate'; readonly missingUnits: number };

interface ExportBase {
  /** The level the form is printed for (its official code and signature title depend on it). */
  readonly level: FormLevel;
  readonly unit: ExportUnit;
  /** "Đơn vị nhận báo cáo"; absent: a dotted line to fill in by hand. */
  readonly recipientName?: string | null;
  readonly period: ExportPeriod;
  readonly status: ExportStatus;
  readonly generatedAt: Date;
}

/** The commune form (Biểu 3/BCX, Báo cáo 4 (TYT)): one unit's cell values. */
export interface CommuneExportInput extends ExportBase {
  readonly formVersion: CommuneFormVersion;
  /** Row key → column key → value; rows the version does not print are ignored, missing cells print empty. */
  readonly values: CellValues;
}

/** A unit row of Biểu 4–8. */
export interface ExportUnitRow {
  /** The row group listing it: a leaf group of the version's view at the level ('central', 'commune', 'districtLevel', 'provinceCommune' …). */
  readonly group: string;
  readonly code: string;
  readonly name: string;
  /** Facility or commune row: decides its grey cells. Absent: the group's row kinds (a district's total row). */
  readonly kind?: RowKind;
  /** The province block it belongs to (national views only). */
  readonly province?: { readonly code: string; readonly name: string };
  /** The unit's cell values: commune cells and facility indicators (formColumnValue reads them). */
  readonly values: CellValues;
}

/** Biểu 4–8: the unit rows; subtotals and the total are computed from them. */
export interface UnitsExportInput extends ExportBase {
  readonly formVersion: UnitFormVersion;
  readonly rows: readonly ExportUnitRow[];
}

/** A line of Biểu 4–8 as the aggregation computed it (aggregation/unit-lines ReportLine has this shape). */
export interface ExportAggregateLine {
  readonly key: string;
  readonly kind: 'group' | 'unit' | 'district';
  /** The row group it is (kind group) or is listed under. */
  readonly group: string;
  readonly number: string | null;
  readonly label: string;
  /** Unit lines: facility or commune row (decides its grey cells). */
  readonly rowKind: RowKind | null;
  /** Column key → value; null where grey, not collected or missing (printed empty, not zero). */
  readonly values: Readonly<Record<string, number | null>>;
}

/**
 * Biểu 4–8 with its lines already computed (subtotals and total included): printed as given, so
 * the file carries exactly the numbers of the aggregate the API answers as JSON.
 */
export interface AggregateExportInput extends ExportBase {
  readonly formVersion: UnitFormVersion;
  readonly lines: readonly ExportAggregateLine[];
}

export type ReportExportInput = CommuneExportInput | UnitsExportInput | AggregateExportInput;

export function isCommuneExport(input: ReportExportInput): input is CommuneExportInput {
  return input.formVersion.layout === 'commune';
}

export function isAggregateExport(input: ReportExportInput): input is AggregateExportInput {
  return 'lines' in input;
}
