import { FacilityKind } from './org-levels';

/** Who owns a facility. Mirrors the database enum `facility_ownership`. */
export const FACILITY_OWNERSHIPS = ['PUBLIC', 'PRIVATE'] as const;
export type FacilityOwnership = (typeof FACILITY_OWNERSHIPS)[number];

export const FACILITY_OWNERSHIP_LABELS: Readonly<Record<FacilityOwnership, { vi: string; en: string }>> = {
  PUBLIC: { vi: 'Công lập', en: 'Public' },
  PRIVATE: { vi: 'Tư nhân', en: 'Private' },
};

/**
 * The row groups of the provincial forms of TT 23/2025 (Báo cáo 4–8, province view): A "Y tế công"
 * with I "Cấp TW, Y tế ngành", II "Cấp tỉnh", III "Cấp xã", and B "Y tế tư nhân". The national view
 * sums a province in the same four lines.
 */
export const REPORTING_GROUPS = ['central', 'provincial', 'commune', 'private'] as const;
export type ReportingGroup = (typeof REPORTING_GROUPS)[number];

export const REPORTING_GROUP_LABELS: Readonly<Record<ReportingGroup, { vi: string; en: string }>> = {
  central: { vi: 'Cấp Trung ương, Y tế ngành', en: 'Central and sector facilities' },
  provincial: { vi: 'Cấp tỉnh', en: 'Provincial facilities' },
  commune: { vi: 'Cấp xã', en: 'Communes' },
  private: { vi: 'Y tế tư nhân', en: 'Private facilities' },
};

const GROUP_OF_PUBLIC_KIND: Readonly<Record<FacilityKind, ReportingGroup>> = {
  MCH_DEPARTMENT: 'central',
  NCHI: 'central',
  CENTRAL_FACILITY: 'central',
  DEPARTMENT_OF_HEALTH: 'provincial',
  CDC: 'provincial',
  PROVINCIAL_FACILITY: 'provincial',
  // Before the 2025 reform district units reported through the province; since then the district
  // health centres became regional centres of the province (Cấp tỉnh on the TT 23 forms).
  DISTRICT_HEALTH_CENTER: 'provincial',
  DISTRICT_FACILITY: 'provincial',
  COMMUNE_HEALTH_STATION: 'commune',
  PRIVATE_CLINIC: 'private',
};

/** The row group of a facility on the provincial forms: private ownership first, then its kind. */
export function reportingGroupOf(facility: { kind: FacilityKind; ownership: FacilityOwnership }): ReportingGroup {
  return facility.ownership === 'PRIVATE' ? 'private' : GROUP_OF_PUBLIC_KIND[facility.kind];
}

/** Kinds that are state agencies or public-service units by definition: never privately owned. */
export const PUBLIC_ONLY_KINDS: readonly FacilityKind[] = [
  'MCH_DEPARTMENT',
  'NCHI',
  'DEPARTMENT_OF_HEALTH',
  'CDC',
  'DISTRICT_HEALTH_CENTER',
  'COMMUNE_HEALTH_STATION',
  'CENTRAL_FACILITY',
];

/** The ownership a kind takes when none is given. */
export function defaultOwnership(kind: FacilityKind): FacilityOwnership {
  return kind === 'PRIVATE_CLINIC' ? 'PRIVATE' : 'PUBLIC';
}

/** Whether a kind and an ownership contradict each other (a public private clinic, a private CDC). */
export function ownershipConflicts(kind: FacilityKind, ownership: FacilityOwnership): boolean {
  if (kind === 'PRIVATE_CLINIC') return ownership !== 'PRIVATE';
  return ownership === 'PRIVATE' && PUBLIC_ONLY_KINDS.includes(kind);
}
