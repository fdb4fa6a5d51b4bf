import {
  addDays,
  FACILITY_KIND_INFO,
  FacilityKind,
  foldVietnamese,
  intersectPeriods,
  IsoDate,
  REFORM_DATE,
  reportingSegments,
  ReportingRule,
  ValidityPeriod,
} from '@skss/domain';

/**
 * Pure planning of the org-hierarchy reference data: which unit versions, lineage links,
 * facilities and reporting lines exist. The writer (seed.ts) only stores the plan.
 */

export type Level = 'province' | 'district' | 'commune';

export interface UnitRow {
  level: Level;
  code: string;
  name: string;
  type: string;
  parent_code: string;
}

export interface LineageRow {
  level: Level;
  new_code: string;
  old_code: string;
  kind: 'full' | 'partial';
}

export interface PilotConfig {
  provincesBeforeReform: string[];
  central: { code: string; kind: FacilityKind; name: string }[];
}

export interface UnitVersion extends ValidityPeriod {
  key: string;
  code: string;
  level: Level;
  name: string;
  nameFolded: string;
  type: string;
  parentKey: string | null;
}

export interface LineagePlan {
  predecessorKey: string;
  successorKey: string;
  kind: 'full' | 'partial';
}

export interface FacilityPlan extends ValidityPeriod {
  code: string;
  name: string;
  nameFolded: string;
  kind: FacilityKind;
  adminUnitKey: string | null;
}

export interface ReportingLinePlan extends ValidityPeriod {
  facilityCode: string;
  reportsToCode: string;
}

export interface OrgSeedPlan {
  units: UnitVersion[];
  lineage: LineagePlan[];
  /** Lineage rows naming a pre-reform code that the pre-reform list does not have. */
  unmatchedLineage: LineageRow[];
  facilities: FacilityPlan[];
  lines: ReportingLinePlan[];
}

const LAST_DAY_BEFORE_REFORM = addDays(REFORM_DATE, -1);

export const unitKey = (level: Level, code: string, validFrom: IsoDate | null) => `${level}:${code}@${validFrom ?? 'origin'}`;

export function planOrgSeed(
  before: UnitRow[],
  after: UnitRow[],
  lineageRows: LineageRow[],
  pilot: PilotConfig,
  rules: ReportingRule[],
): OrgSeedPlan {
  const beforeByCode = new Map(before.map((u) => [u.code, u]));
  const afterByCode = new Map(after.map((u) => [u.code, u]));
  const continuous = continuousProvinces(before, after, lineageRows);
  const isContinuous = (level: Level, code: string) => level === 'province' && continuous.has(code);
  const oldKey = (level: Level, code: string) => unitKey(level, code, null);
  const newKey = (level: Level, code: string) => unitKey(level, code, isContinuous(level, code) ? null : REFORM_DATE);

  const units: UnitVersion[] = [];
  for (const u of before) {
    const parent = u.parent_code ? beforeByCode.get(u.parent_code) : undefined;
    units.push({
      ...describe(u),
      key: oldKey(u.level, u.code),
      parentKey: parent ? oldKey(parent.level, parent.code) : null,
      validFrom: null,
      validTo: isContinuous(u.level, u.code) ? null : LAST_DAY_BEFORE_REFORM,
    });
  }
  for (const u of after) {
    if (isContinuous(u.level, u.code)) continue;
    const parent = u.parent_code ? afterByCode.get(u.parent_code) : undefined;
    units.push({
      ...describe(u),
      key: newKey(u.level, u.code),
      parentKey: parent ? newKey(parent.level, parent.code) : null,
      validFrom: REFORM_DATE,
      validTo: null,
    });
  }

  const lineage: LineagePlan[] = [];
  const unmatchedLineage: LineageRow[] = [];
  for (const row of lineageRows) {
    if (beforeByCode.get(row.old_code)?.level !== row.level) {
      unmatchedLineage.push(row);
      continue;
    }
    if (isContinuous(row.level, row.new_code) && row.old_code === row.new_code) continue;
    lineage.push({ predecessorKey: oldKey(row.level, row.old_code), successorKey: newKey(row.level, row.new_code), kind: row.kind });
  }

  const unitsByKey = new Map(units.map((u) => [u.key, u]));
  const facilities = planFacilities(before, lineageRows, pilot, unitsByKey, oldKey, newKey);
  const lines = planReportingLines(facilities, rules, unitsByKey);
  return { units, lineage, unmatchedLineage, facilities, lines };
}

function describe(u: UnitRow) {
  const name = u.name.normalize('NFC');
  return { code: u.code, level: u.level, name, nameFolded: foldVietnamese(name), type: u.type.normalize('NFC') };
}

/** Provinces the reform left whole: same code and name, and their only predecessor is themselves. */
function continuousProvinces(before: UnitRow[], after: UnitRow[], lineageRows: LineageRow[]): Set<string> {
  const oldNames = new Map(before.filter((u) => u.level === 'province').map((u) => [u.code, u.name]));
  const sources = new Map<string, LineageRow[]>();
  const destinations = new Map<string, number>();
  for (const row of lineageRows.filter((r) => r.level === 'province')) {
    sources.set(row.new_code, [...(sources.get(row.new_code) ?? []), row]);
    destinations.set(row.old_code, (destinations.get(row.old_code) ?? 0) + 1);
  }
  const result = new Set<string>();
  for (const u of after.filter((a) => a.level === 'province')) {
    const from = sources.get(u.code) ?? [];
    const self = from.length === 1 && from[0].old_code === u.code && from[0].kind === 'full';
    if (self && oldNames.get(u.code) === u.name && destinations.get(u.code) === 1) result.add(u.code);
  }
  return result;
}

function planFacilities(
  before: UnitRow[],
  lineageRows: LineageRow[],
  pilot: PilotConfig,
  unitsByKey: Map<string, UnitVersion>,
  oldKey: (level: Level, code: string) => string,
  newKey: (level: Level, code: string) => string,
): FacilityPlan[] {
  const facilities = new Map<string, FacilityPlan>();
  const add = (kind: FacilityKind, unit: UnitVersion, name = `${FACILITY_KIND_INFO[kind].nameVi} ${unit.name}`) => {
    const code = [FACILITY_KIND_INFO[kind].abbreviation, unit.code, unit.validFrom?.slice(0, 4)].filter(Boolean).join('.');
    const nfc = name.normalize('NFC');
    facilities.set(code, {
      code,
      name: nfc,
      nameFolded: foldVietnamese(nfc),
      kind,
      adminUnitKey: unit.key,
      validFrom: unit.validFrom,
      validTo: unit.validTo,
    });
  };
  const unit = (key: string) => {
    const found = unitsByKey.get(key);
    if (!found) throw new Error(`Seed data names a unit that does not exist: ${key}`);
    return found;
  };

  for (const c of pilot.central) {
    const name = c.name.normalize('NFC');
    facilities.set(c.code, {
      code: c.code,
      name,
      nameFolded: foldVietnamese(name),
      kind: c.kind,
      adminUnitKey: null,
      validFrom: null,
      validTo: null,
    });
  }

  // Before the reform: the pilot provinces, their districts and communes.
  const pilotProvinces = new Set(pilot.provincesBeforeReform);
  const byCode = new Map(before.map((u) => [u.code, u]));
  const provinceOf = (u: UnitRow): string => (u.level === 'province' ? u.code : provinceOf(byCode.get(u.parent_code) as UnitRow));
  const pilotCommunes = new Set<string>();
  for (const u of before.filter((b) => pilotProvinces.has(provinceOf(b)))) {
    const version = unit(oldKey(u.level, u.code));
    if (u.level === 'province') {
      add('DEPARTMENT_OF_HEALTH', version);
      add('CDC', version);
    } else if (u.level === 'district') {
      add('DISTRICT_HEALTH_CENTER', version);
    } else {
      add('COMMUNE_HEALTH_STATION', version);
      pilotCommunes.add(u.code);
    }
  }

  // From the reform: every new commune formed (fully or partly) from a pilot commune, and its province.
  const newCommunes = new Set(lineageRows.filter((r) => r.level === 'commune' && pilotCommunes.has(r.old_code)).map((r) => r.new_code));
  for (const code of [...newCommunes].sort()) {
    const commune = unit(newKey('commune', code));
    const province = unit(commune.parentKey as string);
    add('COMMUNE_HEALTH_STATION', commune);
    add('DEPARTMENT_OF_HEALTH', province);
    add('CDC', province);
  }
  return [...facilities.values()];
}

function planReportingLines(facilities: FacilityPlan[], rules: ReportingRule[], unitsByKey: Map<string, UnitVersion>): ReportingLinePlan[] {
  const byKindAndUnit = new Map<string, FacilityPlan[]>();
  for (const f of facilities) {
    const k = `${f.kind}|${f.adminUnitKey ?? 'central'}`;
    byKindAndUnit.set(k, [...(byKindAndUnit.get(k) ?? []), f]);
  }
  const ancestorAt = (unitKeyValue: string | null, level: Level): UnitVersion | undefined => {
    let current = unitKeyValue ? unitsByKey.get(unitKeyValue) : undefined;
    while (current && current.level !== level) current = current.parentKey ? unitsByKey.get(current.parentKey) : undefined;
    return current;
  };

  const lines: ReportingLinePlan[] = [];
  for (const facility of facilities) {
    for (const { rule, period } of reportingSegments(rules, facility.kind, facility)) {
      const scope = rule.withinLevel ? ancestorAt(facility.adminUnitKey, rule.withinLevel)?.key : 'central';
      const candidates = scope ? (byKindAndUnit.get(`${rule.reportsToKind}|${scope}`) ?? []) : [];
      const matches = candidates.map((target) => ({ target, overlap: intersectPeriods(period, target) })).filter((m) => m.overlap);
      if (matches.length === 0) {
        throw new Error(
          `No ${rule.reportsToKind} for ${facility.code} from ${period.validFrom ?? 'the start'}: check reporting-rules.json`,
        );
      }
      for (const { target, overlap } of matches)
        lines.push({ facilityCode: facility.code, reportsToCode: target.code, ...(overlap as ValidityPeriod) });
    }
  }
  return lines;
}
