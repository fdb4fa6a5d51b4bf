import {
  CellValues,
  columnAggregation,
  FacilityKind,
  formColumnValue,
  FormRowGroup,
  isCellApplicable,
  ReportingGroup,
  RowKind,
  UnitFormVersion,
} from '@skss/domain';

/** A facility as a line names it. */
export interface UnitFacility {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: FacilityKind;
}

/** A reporting unit of the view with its values over the view's months. */
export interface ReportingUnit {
  readonly facility: UnitFacility;
  /** 'facility': its own registers (computeFacilityCells); 'commune': its approved commune reports. */
  readonly rowKind: RowKind;
  readonly reportingGroup: ReportingGroup;
  readonly province: { readonly code: string; readonly name: string } | null;
  /** The district health centre its line went through (TT 37 province view), if any. */
  readonly district: UnitFacility | null;
  /** Its values over the months it reported (combineMonths); null when every month is missing. */
  readonly values: CellValues | null;
  /** Months whose commune report was not approved: missing, not zero. */
  readonly missingMonths: readonly string[];
  /** The last month it was in the tree is missing: its stock columns are unknown. */
  readonly stockMissing: boolean;
}

/** One line of Biểu 4–8: the total, a group's subtotal, a unit or (TT 37 province view) a district. */
export interface ReportLine {
  /** Stable key: `group:<key>`, `group:<key>@<province code>`, `unit:<facility code>`, `district:<facility code>`. */
  readonly key: string;
  readonly kind: 'group' | 'unit' | 'district';
  /** The row group it is (kind group) or is listed under. */
  readonly group: string;
  readonly number: string | null;
  readonly label: string;
  readonly facility: UnitFacility | null;
  readonly rowKind: RowKind | null;
  readonly province: { readonly code: string; readonly name: string } | null;
  /** Column key → value; null in grey and not-collected cells and for a missing unit. */
  readonly values: Record<string, number | null>;
  /** Unit lines: months without an approved report. Group and district lines: units under it with one. */
  readonly missingMonths: readonly string[];
  readonly unitsWithMissingMonths: number;
}

/** Which units a group sums (its own rule; the province of national blocks is applied by the caller). */
function isMember(group: FormRowGroup, unit: ReportingUnit): boolean {
  if (group.reportingGroup) return unit.reportingGroup === group.reportingGroup;
  switch (group.key) {
    case 'public':
      return unit.reportingGroup !== 'private';
    case 'districtLevel':
      return unit.rowKind === 'facility';
    case 'communeLevel':
      return unit.rowKind === 'commune';
    case 'provinceLevel':
      return unit.district === null;
    case 'districts':
      return unit.district !== null;
    default:
      return true;
  }
}

/** A unit's values in the form's columns: null where grey, not collected, missing or (stock) missing last month. */
export function unitLineValues(version: UnitFormVersion, unit: ReportingUnit): Record<string, number | null> {
  return Object.fromEntries(
    version.columns.map((column) => {
      if (column.greyFor.includes(unit.rowKind) || unit.values === null) return [column.key, null];
      if (unit.stockMissing && columnAggregation(column) === 'last') return [column.key, null];
      return [column.key, formColumnValue(column, unit.values)];
    }),
  );
}

/** A subtotal: the sum of its units' lines per column, null where the group's cell is grey or not collected. */
function sumLine(version: UnitFormVersion, groupKey: string, lines: readonly Record<string, number | null>[]) {
  return Object.fromEntries(
    version.columns.map((column) => {
      if (column.source.kind === 'notCollected' || !isCellApplicable(version, groupKey, column.key)) return [column.key, null];
      return [column.key, lines.reduce<number>((sum, line) => sum + (line[column.key] ?? 0), 0)];
    }),
  );
}

const byCode = (a: ReportingUnit, b: ReportingUnit) => a.facility.code.localeCompare(b.facility.code);

/**
 * The lines of a unit form at a level: per row group in the view's order, its subtotal line,
 * then, when it lists units, its units (TT 37's "Tuyến huyện": one line per district). National
 * views repeat their per-province groups once per province (by code) and list no unit.
 */
export function buildLines(version: UnitFormVersion, groups: readonly FormRowGroup[], units: readonly ReportingUnit[]): ReportLine[] {
  const unitValues = new Map(units.map((u) => [u, unitLineValues(version, u)]));
  const lines: ReportLine[] = [];
  const groupLine = (group: FormRowGroup, members: readonly ReportingUnit[], province: ReportingUnit['province']): ReportLine => ({
    key: province ? `group:${group.key}@${province.code}` : `group:${group.key}`,
    kind: 'group',
    group: group.key,
    number: group.number,
    label: province && group.key === 'province' ? province.name : group.label.vi,
    facility: null,
    rowKind: null,
    province,
    values: sumLine(
      version,
      group.key,
      members.map((m) => unitValues.get(m) ?? {}),
    ),
    missingMonths: [],
    unitsWithMissingMonths: members.filter((m) => m.missingMonths.length > 0).length,
  });

  const provinces = [...new Map(units.filter((u) => u.province).map((u) => [u.province?.code, u.province])).values()]
    .filter((p): p is NonNullable<ReportingUnit['province']> => p !== null && p !== undefined)
    .sort((a, b) => a.code.localeCompare(b.code));
  for (const group of groups.filter((g) => !g.perProvince)) {
    const members = units.filter((u) => isMember(group, u)).sort(byCode);
    lines.push(groupLine(group, members, null));
    if (!group.listsUnits) continue;
    if (group.key === 'districts') {
      const districts = [...new Map(members.map((m) => [m.district?.id, m.district])).values()]
        .filter((d): d is UnitFacility => !!d)
        .sort((a, b) => a.code.localeCompare(b.code));
      for (const district of districts) {
        const inDistrict = members.filter((m) => m.district?.id === district.id);
        lines.push({
          ...groupLine(group, inDistrict, null),
          key: `district:${district.code}`,
          kind: 'district',
          number: null,
          label: district.name,
          facility: district,
        });
      }
      continue;
    }
    for (const unit of members) {
      lines.push({
        key: `unit:${unit.facility.code}`,
        kind: 'unit',
        group: group.key,
        number: null,
        label: unit.facility.name,
        facility: unit.facility,
        rowKind: unit.rowKind,
        province: unit.province,
        values: unitValues.get(unit) ?? {},
        missingMonths: unit.missingMonths,
        unitsWithMissingMonths: unit.missingMonths.length > 0 ? 1 : 0,
      });
    }
  }
  const perProvince = groups.filter((g) => g.perProvince);
  for (const province of perProvince.length > 0 ? provinces : []) {
    const inProvince = units.filter((u) => u.province?.code === province.code);
    for (const group of perProvince) lines.push(groupLine(group, inProvince.filter((u) => isMember(group, u)).sort(byCode), province));
  }
  return lines;
}
