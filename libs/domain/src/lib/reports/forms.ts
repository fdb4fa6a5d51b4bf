import { IsoDate } from '../calendar/calendar-date';
import { FacilityKind } from '../org/org-levels';
import { CellValues, COLUMNS_OF, COMMUNE_ROWS, CommuneRow, communeRow } from './commune-rows';
import {
  CHILD_HEALTH_COLUMNS,
  FAMILY_PLANNING_COLUMNS,
  FormColumn,
  FormRowGroup,
  GYNAECOLOGY_COLUMNS,
  MATERNAL_CARE_COLUMNS,
  OBSTETRIC_COMPLICATION_COLUMNS,
  RowKind,
  TT23_NATIONAL_GROUPS,
  TT23_PROVINCE_GROUPS,
  TT37_DISTRICT_GROUPS,
  TT37_NATIONAL_GROUPS,
  TT37_PROVINCE_GROUPS,
} from './facility-forms';
import { FACILITY_INDICATOR_COLUMN, FACILITY_INDICATORS } from './facility-indicators';
import { AggregatedRow, firstDayOfMonth, ReportMonth } from './periods';
import { REPORT_REGIME_INFO, ReportRegime } from './regimes';

/** Stable machine codes of the MCH forms, the same whatever the regime. */
export const REPORT_FORM_CODES = [
  'commune',
  'maternal-care',
  'obstetric-complications',
  'gynaecology',
  'family-planning',
  'child-health',
] as const;
export type ReportFormCode = (typeof REPORT_FORM_CODES)[number];

export function isReportFormCode(value: unknown): value is ReportFormCode {
  return typeof value === 'string' && (REPORT_FORM_CODES as readonly string[]).includes(value);
}

/** The levels a form is compiled at (and printed for). */
export type FormLevel = 'commune' | 'district' | 'province' | 'national';

export interface FormSubmission {
  /** The service a facility must offer (Facility.maternalServices / childServices) to have a row; null: none. */
  readonly service: 'maternal' | 'child' | null;
  /** Kinds whose own registers make a row (for the commune form: the form itself). */
  readonly rowsFrom: readonly FacilityKind[];
  /** Who compiles and approves the form for their area, by level. */
  readonly compiledBy: readonly { readonly level: FormLevel; readonly kinds: readonly FacilityKind[] }[];
}

interface FormVersionBase {
  /** Stable machine key of the version: `maternal-care@TT23_2025`. */
  readonly key: string;
  readonly code: ReportFormCode;
  readonly regime: ReportRegime;
  /** The first and last day of the periods it applies to (inclusive; null: open). */
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  /** The code printed on the paper form, by level ("Biểu số: 4/BCH", "Báo cáo 4"). */
  readonly officialCodes: Readonly<Partial<Record<FormLevel, string>>>;
  /** The title as printed on the form, and in English. */
  readonly title: string;
  readonly titleEn: string;
  readonly submission: FormSubmission;
  /** What is uncertain about this version or where it departs from its source. */
  readonly notes: readonly string[];
}

/** The commune form: rows are commune rows (commune-rows.ts), columns by row kind. */
export interface CommuneFormVersion extends FormVersionBase {
  readonly layout: 'commune';
  readonly rows: readonly CommuneRow[];
}

/** Biểu 4–8: one row per reporting unit under row groups, indicators as columns. */
export interface UnitFormVersion extends FormVersionBase {
  readonly layout: 'units';
  readonly columns: readonly FormColumn[];
  /** The row groups of the form at each level it is compiled at. */
  readonly views: Readonly<Partial<Record<FormLevel, readonly FormRowGroup[]>>>;
}

export type FormVersion = CommuneFormVersion | UnitFormVersion;

/** Rows of the TT 23 commune form that TT 37's Biểu 3/BCX does not have. */
export const COMMUNE_ROWS_NEW_IN_TT23: readonly string[] = ['II.2.2'];

const TT37 = REPORT_REGIME_INFO.TT37_2019;
const TT23 = REPORT_REGIME_INFO.TT23_2025;

const FACILITY_ROW_KINDS: readonly FacilityKind[] = [
  'CENTRAL_FACILITY',
  'PROVINCIAL_FACILITY',
  'CDC',
  'DISTRICT_HEALTH_CENTER',
  'DISTRICT_FACILITY',
  'PRIVATE_CLINIC',
];

const COMPILED_TT37: FormSubmission['compiledBy'] = [
  { level: 'district', kinds: ['DISTRICT_HEALTH_CENTER'] },
  { level: 'province', kinds: ['DEPARTMENT_OF_HEALTH'] },
  { level: 'national', kinds: ['MCH_DEPARTMENT', 'NCHI'] },
];
const COMPILED_TT23: FormSubmission['compiledBy'] = [
  { level: 'province', kinds: ['DEPARTMENT_OF_HEALTH'] },
  { level: 'national', kinds: ['MCH_DEPARTMENT', 'NCHI'] },
];

const TT37_COLUMNS_NOTE =
  'Cột và ô xám lấy theo Báo cáo N của TT 23/2025 (phần mềm Thống kê y tế): chưa đọc được phụ lục TT 37/2019; ' +
  'ô xám cho dòng cơ sở / dòng xã áp dụng tương tự (suy luận).';
const TT23_CODE_NOTE = 'Mã biểu theo phần mềm Thống kê y tế; Phụ lục IV TT 23/2025 có lẽ đánh số Biểu N/BCT (chưa xác minh).';

interface UnitFormSpec {
  code: Exclude<ReportFormCode, 'commune'>;
  number: number;
  title37: string;
  title23: string;
  titleEn: string;
  service: 'maternal' | 'child';
  columns: readonly FormColumn[];
  notes23?: readonly string[];
}

const UNIT_FORMS: readonly UnitFormSpec[] = [
  {
    code: 'maternal-care',
    number: 4,
    title37: 'HOẠT ĐỘNG CHĂM SÓC BÀ MẸ',
    title23: 'HOẠT ĐỘNG CHĂM SÓC BÀ MẸ',
    titleEn: 'Maternal care activities',
    service: 'maternal',
    columns: MATERNAL_CARE_COLUMNS,
  },
  {
    code: 'obstetric-complications',
    number: 5,
    title37: 'TÌNH HÌNH MẮC VÀ TỬ VONG DO TAI BIẾN SẢN KHOA',
    title23: 'TÌNH HÌNH MẮC VÀ TỬ VONG DO TAI BIẾN SẢN KHOA',
    titleEn: 'Obstetric complications: cases and deaths',
    service: 'maternal',
    columns: OBSTETRIC_COMPLICATION_COLUMNS,
  },
  {
    code: 'gynaecology',
    number: 6,
    title37: 'HOẠT ĐỘNG KHÁM, CHỮA PHỤ KHOA VÀ SÀNG LỌC UNG THƯ CỔ TỬ CUNG',
    title23: 'HOẠT ĐỘNG KHÁM, CHỮA PHỤ KHOA VÀ SÀNG LỌC UNG THƯ CỔ TỬ CUNG',
    titleEn: 'Gynaecology and cervical cancer screening',
    service: 'maternal',
    columns: GYNAECOLOGY_COLUMNS,
    notes23: ['Cột 9 giữ nhãn như nguồn ("Số được khỏi chữa CTC"); có lẽ là "khoét chóp CTC" (chưa xác minh).'],
  },
  {
    code: 'family-planning',
    number: 7,
    title37: 'HOẠT ĐỘNG KHHGĐ VÀ PHÁ THAI',
    title23: 'HOẠT ĐỘNG KHHGĐ VÀ PHÁ THAI',
    titleEn: 'Family planning and abortion',
    service: 'maternal',
    columns: FAMILY_PLANNING_COLUMNS,
    notes23: [
      'Số cột theo domain-reference §3.5; tiêu đề bảng của phần mềm đánh số 3–14 liên tiếp.',
      'Tai biến sử dụng BPTT (dòng II.4 của biểu xã) không có cột trong Báo cáo 7.',
    ],
  },
  {
    code: 'child-health',
    number: 8,
    title37: 'TÌNH HÌNH SỨC KHỎE TRẺ EM',
    title23: 'TÌNH HÌNH SỨC KHỎE TRẺ EM',
    titleEn: 'Child health',
    service: 'child',
    columns: CHILD_HEALTH_COLUMNS,
  },
];

const unitVersions = (spec: UnitFormSpec): UnitFormVersion[] => [
  {
    key: `${spec.code}@TT37_2019`,
    code: spec.code,
    regime: 'TT37_2019',
    validFrom: TT37.validFrom,
    validTo: TT37.validTo,
    officialCodes: { district: `Biểu số: ${spec.number}/BCH`, province: `Biểu số: ${spec.number}/BCT` },
    title: spec.title37,
    titleEn: spec.titleEn,
    submission: { service: spec.service, rowsFrom: FACILITY_ROW_KINDS, compiledBy: COMPILED_TT37 },
    notes: [TT37_COLUMNS_NOTE],
    layout: 'units',
    columns: spec.columns,
    views: { district: TT37_DISTRICT_GROUPS, province: TT37_PROVINCE_GROUPS, national: TT37_NATIONAL_GROUPS },
  },
  {
    key: `${spec.code}@TT23_2025`,
    code: spec.code,
    regime: 'TT23_2025',
    validFrom: TT23.validFrom,
    validTo: TT23.validTo,
    officialCodes: { province: `Báo cáo ${spec.number}`, national: `Báo cáo ${spec.number}` },
    title: spec.title23,
    titleEn: spec.titleEn,
    submission: { service: spec.service, rowsFrom: FACILITY_ROW_KINDS, compiledBy: COMPILED_TT23 },
    notes: [TT23_CODE_NOTE, ...(spec.notes23 ?? [])],
    layout: 'units',
    columns: spec.columns,
    views: { province: TT23_PROVINCE_GROUPS, national: TT23_NATIONAL_GROUPS },
  },
];

const COMMUNE_SUBMISSION: FormSubmission = {
  service: null,
  rowsFrom: ['COMMUNE_HEALTH_STATION'],
  compiledBy: [{ level: 'commune', kinds: ['COMMUNE_HEALTH_STATION'] }],
};

export const FORM_VERSIONS: readonly FormVersion[] = [
  {
    key: 'commune@TT37_2019',
    code: 'commune',
    regime: 'TT37_2019',
    validFrom: TT37.validFrom,
    validTo: TT37.validTo,
    officialCodes: { commune: 'Biểu số: 3/BCX' },
    title: 'Hoạt động chăm sóc bà mẹ và trẻ em',
    titleEn: 'Maternal and child health activities',
    submission: COMMUNE_SUBMISSION,
    notes: [
      'Dòng theo các dòng chung với Báo cáo 4 (TYT) (report-rules.md); dòng II.2.2 (tiêm vắc xin HPV) chỉ có từ TT 23/2025. ' +
        'Chưa đọc được phụ lục TT 37/2019 để so các dòng khác.',
    ],
    layout: 'commune',
    rows: COMMUNE_ROWS.filter((r) => !COMMUNE_ROWS_NEW_IN_TT23.includes(r.key)),
  },
  {
    key: 'commune@TT23_2025',
    code: 'commune',
    regime: 'TT23_2025',
    validFrom: TT23.validFrom,
    validTo: TT23.validTo,
    officialCodes: { commune: 'Báo cáo 4 (TYT)' },
    title: 'Hoạt động chăm sóc sức khỏe bà mẹ và trẻ em',
    titleEn: 'Maternal and child health activities (commune station)',
    submission: COMMUNE_SUBMISSION,
    notes: ['Phần mềm Thống kê y tế in tên "Báo cáo hoạt động chăm sóc sức khỏe bà mẹ và trẻ em (TYT)".'],
    layout: 'commune',
    rows: COMMUNE_ROWS,
  },
  ...UNIT_FORMS.flatMap(unitVersions),
];

const BY_KEY = new Map(FORM_VERSIONS.map((v) => [v.key, v]));

export function formVersion(key: string): FormVersion | undefined {
  return BY_KEY.get(key);
}

export function formVersionsOf(code: ReportFormCode): FormVersion[] {
  return FORM_VERSIONS.filter((v) => v.code === code);
}

/** The version of a form that applies to a report month. Throws for a month no version covers. */
export function formVersionOn(code: ReportFormCode, month: ReportMonth): FormVersion {
  const day = firstDayOfMonth(month);
  const version = FORM_VERSIONS.find((v) => v.code === code && v.validFrom <= day && (v.validTo === null || day <= v.validTo));
  if (!version) throw new RangeError(`No version of the form ${code} for ${month}`);
  return version;
}

/** The distinct versions of a form over several months, in month order (a 2025 year view spans two). */
export function formVersionsOver(code: ReportFormCode, months: readonly ReportMonth[]): FormVersion[] {
  const versions: FormVersion[] = [];
  for (const month of months) {
    const version = formVersionOn(code, month);
    if (!versions.includes(version)) versions.push(version);
  }
  return versions;
}

/** The forms whose rows a facility fills from its own registers for a month. */
export function formsOfFacility(
  facility: { kind: FacilityKind; maternalServices: boolean; childServices: boolean },
  month: ReportMonth,
): FormVersion[] {
  return REPORT_FORM_CODES.map((code) => formVersionOn(code, month)).filter((v) => {
    const { service, rowsFrom } = v.submission;
    if (!rowsFrom.includes(facility.kind)) return false;
    if (service === 'maternal') return facility.maternalServices;
    if (service === 'child') return facility.childServices;
    return true;
  });
}

/** The row groups of a unit form at a level, or undefined when it is not compiled there. */
export function rowGroupsOf(version: UnitFormVersion, level: FormLevel): readonly FormRowGroup[] | undefined {
  return version.views[level];
}

/**
 * Whether a cell of a form exists (is not grey). For Biểu 4–8: `rowGroup` is a row-group key of
 * any of the version's views (TT 23 province: 'total', 'public', 'central', 'provincial',
 * 'commune', 'private'; TT 37 district: 'total', 'districtLevel', 'communeLevel'), or a row kind
 * 'facility' / 'commune'; a subtotal line is applicable where any of the rows it sums is. For the
 * commune form: `rowGroup` is a commune row key and `columnKey` one of its column keys.
 */
export function isCellApplicable(version: FormVersion, rowGroup: string, columnKey: string): boolean {
  if (version.layout === 'commune') {
    const row = version.rows.find((r) => r.key === rowGroup);
    return row !== undefined && COLUMNS_OF[row.columns].includes(columnKey);
  }
  const column = version.columns.find((c) => c.key === columnKey);
  if (!column) return false;
  const kinds = rowKindsOf(version, rowGroup);
  if (!kinds) throw new RangeError(`No row group ${rowGroup} in ${version.key}`);
  return kinds.some((kind) => !column.greyFor.includes(kind));
}

function rowKindsOf(version: UnitFormVersion, rowGroup: string): readonly RowKind[] | undefined {
  if (rowGroup === 'facility' || rowGroup === 'commune') {
    // A row kind, unless a view names a group so (TT 23's 'commune' group lists communes: same answer).
    return [rowGroup];
  }
  for (const groups of Object.values(version.views)) {
    const found = groups?.find((g) => g.key === rowGroup);
    if (found) return found.rowKinds;
  }
  return undefined;
}

/** Every row of the cell values a unit's month carries: the commune rows and the facility indicators. */
export const AGGREGATED_ROWS: readonly AggregatedRow[] = [...COMMUNE_ROWS, ...FACILITY_INDICATORS];

/** How a column sums over months: as its commune row (stock rows take the last month), otherwise as a flow. */
export function columnAggregation(column: FormColumn): AggregatedRow['aggregation'] {
  return column.source.kind === 'commune' ? (communeRow(column.source.row)?.aggregation ?? 'sum') : 'sum';
}

/**
 * A unit's value in a column, read from its cell values (commune cells and facility indicators):
 * null when the column is not collected; 0 when the cell is absent.
 */
export function formColumnValue(column: FormColumn, values: CellValues): number | null {
  switch (column.source.kind) {
    case 'commune':
      return values[column.source.row]?.[column.source.column] ?? 0;
    case 'facility':
      return values[column.source.indicator]?.[FACILITY_INDICATOR_COLUMN] ?? 0;
    case 'notCollected':
      return null;
  }
}

/** A unit row of Biểu 4–8: column key → value, null in grey and not-collected cells. */
export function formRowValues(version: UnitFormVersion, rowKind: RowKind, values: CellValues): Record<string, number | null> {
  return Object.fromEntries(version.columns.map((c) => [c.key, c.greyFor.includes(rowKind) ? null : formColumnValue(c, values)] as const));
}
