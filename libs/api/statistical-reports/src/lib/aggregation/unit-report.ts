import { DomainError } from '@skss/api/core';
import {
  AGGREGATED_ROWS,
  CellValues,
  columnRuleKey,
  combineMonths,
  FacilityKind,
  FormLevel,
  formVersionsOver,
  monthsOf,
  parsePeriodView,
  periodViewKey,
  reportingGroupOf,
  ReportFormCode,
  rowGroupsOf,
  UnitFormVersion,
} from '@skss/domain';
import { computeFacilityCells } from '../computation/facility-cells';
import { SqlRunner } from '../computation/sql-runner';
import { approvedKey, loadApprovedValues } from './approved-values';
import { buildLines, ReportingUnit, ReportLine, UnitFacility } from './unit-lines';
import { facilitiesOfKind, FacilityInfo, loadFacility, loadUnitTree, TreeUnit } from './unit-tree';

/** What a unit report is asked for: a form, the aggregating facility and a month or period view key. */
export interface UnitReportRequest {
  readonly form: ReportFormCode;
  readonly facilityId: number;
  /** 'YYYY-MM', or a period view key ('2025-Q3', '2025-H2', '2025-9M', '2025'). */
  readonly period: string;
  /** Default: the facility's own level (district health centre: district; SYT, CDC: province; MCH Department, NCHI: national). */
  readonly level?: FormLevel;
}

export interface UnitReportColumn {
  readonly key: string;
  readonly number: string;
  readonly label: string;
  readonly groups: readonly string[];
  readonly en: string;
  /** `I.5:total`, `F.caesarean`, or null when not collected. */
  readonly rule: string | null;
}

/** A commune whose commune report of some months of the view is not approved. */
export interface MissingReport {
  readonly facility: UnitFacility;
  readonly months: readonly string[];
}

/** Biểu 4–8 of an aggregating unit for a month or a period view. */
export interface UnitReport {
  readonly form: ReportFormCode;
  readonly version: { readonly key: string; readonly regime: string; readonly officialCode: string | null; readonly title: string };
  readonly level: FormLevel;
  readonly facility: UnitFacility;
  readonly period: { readonly key: string; readonly months: readonly string[] };
  readonly columns: readonly UnitReportColumn[];
  readonly lines: readonly ReportLine[];
  readonly missing: readonly MissingReport[];
}

const LEVEL_OF_KIND: Partial<Record<FacilityKind, FormLevel>> = {
  DISTRICT_HEALTH_CENTER: 'district',
  DEPARTMENT_OF_HEALTH: 'province',
  CDC: 'province',
  MCH_DEPARTMENT: 'national',
  NCHI: 'national',
};

const STATION_KIND: FacilityKind = 'COMMUNE_HEALTH_STATION';
const NATIONAL_ROOT_KIND: FacilityKind = 'MCH_DEPARTMENT';

const notFound = () => new DomainError('FACILITY_NOT_FOUND', 'Không tìm thấy cơ sở y tế hoạt động trong kỳ báo cáo', 404);
const badPeriod = () => new DomainError('INVALID_PERIOD', 'Kỳ báo cáo không hợp lệ (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY-9M hoặc YYYY)', 400);

/** The level at which a facility of this kind compiles Biểu 4–8 of the units below it; undefined: it does not. */
export function aggregatingLevel(kind: FacilityKind): FormLevel | undefined {
  return LEVEL_OF_KIND[kind];
}

/** The months of a period key, or a 400. */
export function periodMonths(period: string): { key: string; months: string[] } {
  const view = parsePeriodView(period);
  if (!view) throw badPeriod();
  return { key: periodViewKey(view), months: monthsOf(view) };
}

/** The facility, its level and the tree roots of the view. */
async function aggregatingUnit(db: SqlRunner, facilityId: number, level: FormLevel | undefined, months: readonly string[]) {
  const lastMonth = months[months.length - 1];
  const facility = await loadFacility(db, facilityId, months[0], lastMonth);
  if (!facility) throw notFound();
  const resolved = level ?? LEVEL_OF_KIND[facility.kind];
  if (!resolved || resolved === 'commune')
    throw new DomainError('NOT_AN_AGGREGATING_UNIT', 'Cơ sở này không tổng hợp biểu của tuyến dưới', 400);
  // National views sum the Departments of Health reporting to the MCH Department (NCHI reads the same).
  const root: FacilityInfo =
    resolved === 'national' && facility.kind !== NATIONAL_ROOT_KIND
      ? ((await facilitiesOfKind(db, NATIONAL_ROOT_KIND, lastMonth))[0] ?? facility)
      : facility;
  return { facility, level: resolved, root };
}

/** The unit form version over the months (one regime), or a 400. */
function unitVersion(form: ReportFormCode, months: readonly string[]): UnitFormVersion {
  const versions = formVersionsOver(form, months);
  if (versions.length > 1) throw new DomainError('PERIOD_SPANS_REGIMES', 'Kỳ báo cáo trải qua hai thông tư: xem từng phần của kỳ', 400);
  const version = versions[0];
  if (version.layout !== 'units') throw new DomainError('NOT_A_UNIT_FORM', 'Biểu này không tổng hợp theo đơn vị', 400);
  return version;
}

interface UnitMonths {
  unit: TreeUnit;
  rowKind: 'facility' | 'commune';
  /** month → values (null: missing) for the months it was in the tree. */
  months: Map<string, CellValues | null>;
}

/** Whether a facility's own registers make a row of the form (its kind and the service the form needs). */
function makesFacilityRow(version: UnitFormVersion, unit: TreeUnit): boolean {
  const { rowsFrom, service } = version.submission;
  if (!rowsFrom.includes(unit.kind)) return false;
  return service === 'maternal' ? unit.maternalServices : service === 'child' ? unit.childServices : true;
}

const asFacility = (u: { id: number; code: string; name: string; kind: FacilityKind }): UnitFacility => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
});

/**
 * Reads the units of the view month by month over the tree of each month, their values (facility
 * rows from their registers, commune rows from their approved commune reports) and combines each
 * unit's months (flows add up, stock rows take the last month).
 */
async function reportingUnits(
  db: SqlRunner,
  rootId: number,
  months: readonly string[],
  makesRow: (unit: TreeUnit) => boolean,
): Promise<ReportingUnit[]> {
  const trees = await Promise.all(months.map((month) => loadUnitTree(db, rootId, month)));
  const byId = new Map<number, UnitMonths>();
  const treeById = new Map<number, TreeUnit>();
  for (const tree of trees) for (const unit of tree) treeById.set(unit.id, unit);
  const stations = [...treeById.values()].filter((u) => u.kind === STATION_KIND && u.id !== rootId).map((u) => u.id);
  const approved = await loadApprovedValues(db, 'commune', stations, months);
  for (const [index, month] of months.entries()) {
    const tree = trees[index];
    const facilities = tree.filter((u) => u.kind !== STATION_KIND && makesRow(u));
    const cells = await computeFacilityCells(
      db,
      facilities.map((u) => u.id),
      month,
    );
    for (const unit of tree) {
      const isStation = unit.kind === STATION_KIND && unit.id !== rootId;
      if (!isStation && !cells.has(unit.id)) continue;
      const entry = byId.get(unit.id) ?? { unit, rowKind: isStation ? 'commune' : 'facility', months: new Map() };
      entry.unit = unit;
      entry.months.set(month, isStation ? (approved.get(approvedKey(unit.id, month)) ?? null) : (cells.get(unit.id) ?? null));
      byId.set(unit.id, entry);
    }
  }
  return [...byId.values()].map(({ unit, rowKind, months: unitMonths }) => {
    const present = [...unitMonths.values()].filter((v): v is CellValues => v !== null);
    const missingMonths = [...unitMonths.entries()].filter(([, v]) => v === null).map(([m]) => m);
    const lastMonth = [...unitMonths.keys()].pop();
    const district = unit.districtId === null ? null : (treeById.get(unit.districtId) ?? null);
    return {
      facility: asFacility(unit),
      rowKind,
      reportingGroup: reportingGroupOf(unit),
      province: unit.province ? { code: unit.province.code, name: unit.province.name } : null,
      district: district ? asFacility(district) : null,
      values: present.length === 0 ? null : combineMonths(present, AGGREGATED_ROWS),
      missingMonths,
      stockMissing: lastMonth !== undefined && unitMonths.get(lastMonth) === null,
    };
  });
}

/**
 * Biểu 4–8 (forms maternal-care … child-health) of an aggregating unit for a month or a period
 * view (report-rules §4–5, docs/report-forms.md §2): one line per reporting unit — each facility's
 * own registers and each commune's approved commune report — under the version's row groups with
 * their subtotals and the total, over the org tree of each month; the communes whose report is not
 * approved are missing (null) and listed in `missing`.
 */
export async function computeUnitReport(db: SqlRunner, request: UnitReportRequest): Promise<UnitReport> {
  const period = periodMonths(request.period);
  const version = unitVersion(request.form, period.months);
  const { facility, level, root } = await aggregatingUnit(db, request.facilityId, request.level, period.months);
  const groups = rowGroupsOf(version, level);
  if (!groups) throw new DomainError('FORM_NOT_AT_LEVEL', 'Biểu này không lập ở cấp này trong kỳ báo cáo', 400);
  const units = await reportingUnits(db, root.id, period.months, (u) => makesFacilityRow(version, u));
  const lines = buildLines(version, groups, units);
  return {
    form: request.form,
    version: { key: version.key, regime: version.regime, officialCode: version.officialCodes[level] ?? null, title: version.title },
    level,
    facility: asFacility(facility),
    period,
    columns: version.columns.map((c) => ({
      key: c.key,
      number: c.number,
      label: c.label,
      groups: c.groups,
      en: c.en,
      rule: columnRuleKey(c.source),
    })),
    lines,
    missing: units
      .filter((u) => u.missingMonths.length > 0)
      .sort((a, b) => a.facility.code.localeCompare(b.facility.code))
      .map((u) => ({ facility: u.facility, months: u.missingMonths })),
  };
}

/** The commune form summed over the stations of an aggregating unit (a TT 37 district health centre). */
export interface CommuneFormSum {
  readonly facility: UnitFacility;
  readonly period: { readonly key: string; readonly months: readonly string[] };
  readonly stations: readonly {
    readonly facility: UnitFacility;
    readonly values: CellValues | null;
    readonly missingMonths: readonly string[];
  }[];
  /** The sum of the stations' approved values (missing months count as nothing; see `missing`). */
  readonly total: CellValues;
  readonly missing: readonly MissingReport[];
}

/**
 * The commune form (row keys and column keys of report-rules.md) summed over the approved commune
 * reports of the stations reporting to a facility in each month of the view, e.g. a district
 * health centre under TT 37/2019.
 */
export async function computeCommuneFormSum(db: SqlRunner, facilityId: number, periodKey: string): Promise<CommuneFormSum> {
  const period = periodMonths(periodKey);
  const facility = await loadFacility(db, facilityId, period.months[0], period.months[period.months.length - 1]);
  if (!facility) throw notFound();
  const units = (await reportingUnits(db, facilityId, period.months, () => false)).filter((u) => u.rowKind === 'commune');
  units.sort((a, b) => a.facility.code.localeCompare(b.facility.code));
  const total = combineMonths(
    units.map((u) => u.values ?? {}),
    [],
  );
  return {
    facility: asFacility(facility),
    period,
    stations: units.map((u) => ({ facility: u.facility, values: u.values, missingMonths: u.missingMonths })),
    total,
    missing: units.filter((u) => u.missingMonths.length > 0).map((u) => ({ facility: u.facility, months: u.missingMonths })),
  };
}

const UPPER_LEVELS: readonly FormLevel[] = ['district', 'province', 'national'];

/** What a facility's own report of Biểu 4–8 is printed from: its form version, level and lines. */
export interface OwnUnitLines {
  readonly version: UnitFormVersion;
  readonly level: FormLevel;
  readonly lines: readonly ReportLine[];
}

/**
 * A facility's own report of Biểu 4–8 (a hospital's month, from its registers or as sent): the
 * form at the level its approver compiles it (the lowest level the version is compiled at when the
 * approver compiles none), with the facility's line under its row group and the subtotals it
 * makes. The same line builder as the aggregate, so its numbers read as they will upstream.
 */
export async function computeOwnUnitLines(
  db: SqlRunner,
  request: { form: ReportFormCode; facilityId: number; month: string; approverKind: FacilityKind | null; values: CellValues },
): Promise<OwnUnitLines> {
  const version = unitVersion(request.form, [request.month]);
  const facility = await loadFacility(db, request.facilityId, request.month, request.month);
  if (!facility) throw notFound();
  const compiled = UPPER_LEVELS.filter((level) => rowGroupsOf(version, level));
  const wanted = request.approverKind ? LEVEL_OF_KIND[request.approverKind] : undefined;
  const level = wanted && compiled.includes(wanted) ? wanted : compiled[0];
  const groups = level ? rowGroupsOf(version, level) : undefined;
  if (!level || !groups) throw new DomainError('FORM_NOT_AT_LEVEL', 'Biểu này không lập ở cấp nào trong kỳ báo cáo', 400);
  const unit: ReportingUnit = {
    facility: asFacility(facility),
    rowKind: 'facility',
    reportingGroup: reportingGroupOf(facility),
    province: null,
    district: null,
    values: request.values,
    missingMonths: [],
    stockMissing: false,
  };
  return { version, level, lines: buildLines(version, groups, [unit]) };
}
