import { AdminLevel, FacilityKind } from './org-levels';

/**
 * The administrative level a facility of each kind is located in: a commune station in its
 * commune, a Department of Health or CDC in its province, a district health centre in its
 * district; hospitals and clinics at any level. Central agencies (MCH Department, NCHI) have no
 * location and are not created through administration.
 */
export const UNIT_LEVELS_OF_KIND: Readonly<Record<FacilityKind, readonly AdminLevel[]>> = {
  MCH_DEPARTMENT: [],
  NCHI: [],
  DEPARTMENT_OF_HEALTH: ['province'],
  CDC: ['province'],
  PROVINCIAL_FACILITY: ['province', 'district', 'commune'],
  DISTRICT_HEALTH_CENTER: ['district'],
  DISTRICT_FACILITY: ['province', 'district', 'commune'],
  COMMUNE_HEALTH_STATION: ['commune'],
  CENTRAL_FACILITY: ['province', 'district', 'commune'],
  PRIVATE_CLINIC: ['province', 'district', 'commune'],
};

/** The kinds whose facilities are seeded only: their accounts see the whole country. */
export const SEEDED_ONLY_KINDS: readonly FacilityKind[] = ['MCH_DEPARTMENT', 'NCHI'];

export function isLocatedAtAllowedLevel(kind: FacilityKind, level: AdminLevel): boolean {
  return UNIT_LEVELS_OF_KIND[kind].includes(level);
}
