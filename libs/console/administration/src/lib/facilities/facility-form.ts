import type { AdministeredFacilityKind, CreateFacilityDto, FacilityOwnership, FacilityRecordDto, UpdateFacilityDto } from '@skss/contract';
import { AdminLevel, defaultOwnership, FacilityKind, ownershipConflicts, SEEDED_ONLY_KINDS, UNIT_LEVELS_OF_KIND } from '@skss/domain';

/**
 * Kinds an administrator gives a facility, hospitals and clinics first (what administration adds beyond the generated
 * pilot set), then the public-health units. The seeded central agencies (MCH Department, NCHI) are not among them.
 */
export const ADMINISTERED_KINDS = [
  'CENTRAL_FACILITY',
  'PROVINCIAL_FACILITY',
  'DISTRICT_FACILITY',
  'PRIVATE_CLINIC',
  'DEPARTMENT_OF_HEALTH',
  'CDC',
  'DISTRICT_HEALTH_CENTER',
  'COMMUNE_HEALTH_STATION',
] as const satisfies readonly AdministeredFacilityKind[];

/** The API's format of facility codes (BV.SANNHI.11, CSYTTN.11.001). */
export const FACILITY_CODE_PATTERN = /^[A-Z0-9][A-Z0-9.]{1,39}$/;
export const FACILITY_NAME_MAX_LENGTH = 250;
export const ADDRESS_MAX_LENGTH = 300;

export function isAdministeredKind(kind: FacilityKind): kind is AdministeredFacilityKind {
  return !SEEDED_ONLY_KINDS.includes(kind);
}

/** The administrative unit a facility is located in, as the form holds it. */
export interface UnitChoice {
  readonly code: string;
  readonly name: string;
  readonly level: AdminLevel;
}

/** The values of the facility form once valid. */
export interface FacilityFormValue {
  readonly code: string;
  readonly name: string;
  readonly kind: AdministeredFacilityKind;
  readonly ownership: FacilityOwnership;
  readonly maternalServices: boolean;
  readonly childServices: boolean;
  readonly address: string;
  /** Mã cơ sở KCB BHYT, empty when the facility has none. */
  readonly kcbCode: string;
  readonly adminUnit: UnitChoice;
  readonly validFrom: string;
  readonly reportsToCode: string | null;
}

/** Upper case, no spaces: codes are typed quickly ("bv.sannhi.11"). */
export const normaliseCode = (text: string): string => text.replace(/\s+/g, '').toUpperCase();

const text = (value: string): string => value.normalize('NFC').trim().replace(/\s+/g, ' ');

/** Digits only as typed: spaces dropped ("11 001"). */
export const normaliseKcbCode = (value: string): string => value.replace(/\s+/g, '');

/** The body of `createFacility`: texts in NFC and trimmed, an empty address left out. */
export function createBody(value: FacilityFormValue): CreateFacilityDto {
  const address = text(value.address);
  const kcbCode = normaliseKcbCode(value.kcbCode);
  return {
    code: normaliseCode(value.code),
    name: text(value.name),
    kind: value.kind,
    ownership: value.ownership,
    maternalServices: value.maternalServices,
    childServices: value.childServices,
    ...(address ? { address } : {}),
    ...(kcbCode ? { kcbCode } : {}),
    adminUnitCode: value.adminUnit.code,
    validFrom: value.validFrom,
    ...(value.reportsToCode ? { reportsToCode: value.reportsToCode } : {}),
  };
}

/**
 * The body of `updateFacility`: only what differs from the facility as loaded (the API changes only the fields sent);
 * a cleared address or KCB code is sent as null. Null when nothing changed.
 */
export function updateBody(
  current: FacilityRecordDto,
  value: Omit<FacilityFormValue, 'code' | 'validFrom' | 'reportsToCode'>,
): UpdateFacilityDto | null {
  const body: UpdateFacilityDto = {};
  const name = text(value.name);
  const address = text(value.address);
  const kcbCode = normaliseKcbCode(value.kcbCode);
  if (name !== current.name) body.name = name;
  if (value.kind !== current.kind) body.kind = value.kind;
  if (value.ownership !== current.ownership) body.ownership = value.ownership;
  if (value.maternalServices !== current.maternalServices) body.maternalServices = value.maternalServices;
  if (value.childServices !== current.childServices) body.childServices = value.childServices;
  if ((address || null) !== current.address) body.address = address || null;
  if ((kcbCode || null) !== current.kcbCode) body.kcbCode = kcbCode || null;
  if (value.adminUnit.code !== current.adminUnit?.code) body.adminUnitCode = value.adminUnit.code;
  return Object.keys(body).length ? body : null;
}

/** The ownership to propose when the kind changes and the user has not chosen one: private for a private clinic. */
export function proposedOwnership(kind: FacilityKind): FacilityOwnership {
  return defaultOwnership(kind);
}

/** Whether the chosen ownership contradicts the kind (a public private clinic, a private CDC). */
export function ownershipProblem(kind: FacilityKind | null, ownership: FacilityOwnership | null): boolean {
  return !!kind && !!ownership && ownershipConflicts(kind, ownership);
}

/** The levels of administrative unit a facility of this kind may be located in (a CDC in a province…). */
export function unitLevelsOf(kind: FacilityKind | null): readonly AdminLevel[] {
  return kind ? UNIT_LEVELS_OF_KIND[kind] : ['province', 'district', 'commune'];
}

/** Whether a unit may hold a facility of a kind (the API refuses the others with FACILITY_LOCATION_LEVEL). */
export function unitFits(kind: FacilityKind | null, unit: UnitChoice | null): boolean {
  return !unit || unitLevelsOf(kind).includes(unit.level);
}
