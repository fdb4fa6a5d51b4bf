/** Administrative levels of Vietnam. Districts exist only before 2025-07-01. */
export const ADMIN_LEVELS = ['province', 'district', 'commune'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

/** Levels of the reporting chain (Điều 5): where a facility sits. */
export const FACILITY_LEVELS = ['central', 'province', 'district', 'commune'] as const;
export type FacilityLevel = (typeof FACILITY_LEVELS)[number];

/** Kinds of units that hold accounts and send or approve reports (Điều 5). */
export const FACILITY_KINDS = [
  'MCH_DEPARTMENT',
  'NCHI',
  'DEPARTMENT_OF_HEALTH',
  'CDC',
  'PROVINCIAL_FACILITY',
  'DISTRICT_HEALTH_CENTER',
  'DISTRICT_FACILITY',
  'COMMUNE_HEALTH_STATION',
  'CENTRAL_FACILITY',
  'PRIVATE_CLINIC',
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export interface FacilityKindInfo {
  level: FacilityLevel;
  /** Short Vietnamese abbreviation used on forms and in codes. */
  abbreviation: string;
  nameVi: string;
  nameEn: string;
}

export const FACILITY_KIND_INFO: Readonly<Record<FacilityKind, FacilityKindInfo>> = {
  MCH_DEPARTMENT: {
    level: 'central',
    abbreviation: 'VBMTE',
    nameVi: 'Vụ Sức khỏe Bà mẹ - Trẻ em',
    nameEn: 'Maternal and Child Health Department',
  },
  NCHI: {
    level: 'central',
    abbreviation: 'TTTTYTQG',
    nameVi: 'Trung tâm Thông tin y tế Quốc gia',
    nameEn: 'National Center for Health Information',
  },
  DEPARTMENT_OF_HEALTH: { level: 'province', abbreviation: 'SYT', nameVi: 'Sở Y tế', nameEn: 'Department of Health' },
  CDC: { level: 'province', abbreviation: 'CDC', nameVi: 'Trung tâm Kiểm soát bệnh tật', nameEn: 'Center for Disease Control' },
  PROVINCIAL_FACILITY: { level: 'province', abbreviation: 'CSYTT', nameVi: 'Cơ sở y tế tuyến tỉnh', nameEn: 'Provincial health facility' },
  DISTRICT_HEALTH_CENTER: { level: 'district', abbreviation: 'TTYT', nameVi: 'Trung tâm Y tế', nameEn: 'District health center' },
  DISTRICT_FACILITY: { level: 'district', abbreviation: 'CSYTH', nameVi: 'Cơ sở y tế tuyến huyện', nameEn: 'District health facility' },
  COMMUNE_HEALTH_STATION: { level: 'commune', abbreviation: 'TYT', nameVi: 'Trạm Y tế', nameEn: 'Commune health station' },
  /** A central or sector hospital located in a province; its forms go to the province like a provincial facility. */
  CENTRAL_FACILITY: {
    level: 'province',
    abbreviation: 'CSYTTW',
    nameVi: 'Cơ sở y tế Trung ương, Bộ, ngành trên địa bàn',
    nameEn: 'Central or sector facility in the province',
  },
  PRIVATE_CLINIC: { level: 'province', abbreviation: 'CSYTTN', nameVi: 'Cơ sở y tế tư nhân', nameEn: 'Private health facility' },
};

export function isAdminLevel(value: unknown): value is AdminLevel {
  return typeof value === 'string' && (ADMIN_LEVELS as readonly string[]).includes(value);
}
