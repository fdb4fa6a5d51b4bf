import type { FacilityKind } from '../org/org-levels';
import type { Permission } from './permissions';

export interface DefaultRole {
  code: string;
  nameVi: string;
  nameEn: string;
  permissions: Permission[];
}

const ENTER_AND_REPORT: Permission[] = [
  'org.read',
  'records.read',
  'records.enter',
  'reports.read',
  'reports.create',
  'reports.send',
  'monitoring.read',
];

/**
 * The default role of each kind of facility, from the regulation's table of what each level
 * does (Điều 5). Administrators may adjust roles; these are the seeded starting points.
 */
export const DEFAULT_ROLES: Readonly<Record<FacilityKind, DefaultRole>> = {
  MCH_DEPARTMENT: {
    code: 'VU_BMTE',
    nameVi: 'Vụ Sức khỏe Bà mẹ - Trẻ em',
    nameEn: 'MCH Department',
    permissions: [
      'org.read',
      'users.read',
      'audit.read',
      'monitoring.read',
      'records.read',
      'reports.read',
      'reports.approve',
      'data.export',
    ],
  },
  NCHI: {
    code: 'NCHI_ADMIN',
    nameVi: 'Quản trị hệ thống (Trung tâm Thông tin y tế Quốc gia)',
    nameEn: 'System administration (NCHI)',
    permissions: [
      'org.read',
      'users.read',
      'users.manage',
      'roles.manage',
      'integration.manage',
      'audit.read',
      'monitoring.read',
      'catalogs.manage',
      'facilities.manage',
      'reports.read',
    ],
  },
  DEPARTMENT_OF_HEALTH: {
    code: 'SO_Y_TE',
    nameVi: 'Sở Y tế',
    nameEn: 'Department of Health',
    permissions: ['org.read', 'users.read', 'monitoring.read', 'records.read', 'reports.read', 'reports.approve', 'data.export'],
  },
  CDC: {
    code: 'CDC',
    nameVi: 'Trung tâm Kiểm soát bệnh tật',
    nameEn: 'Center for Disease Control',
    permissions: [...ENTER_AND_REPORT, 'reports.approve', 'data.export'],
  },
  PROVINCIAL_FACILITY: {
    code: 'CSYT_TINH',
    nameVi: 'Cơ sở y tế tuyến tỉnh',
    nameEn: 'Provincial facility',
    permissions: [...ENTER_AND_REPORT, 'data.export'],
  },
  DISTRICT_HEALTH_CENTER: {
    code: 'TTYT',
    nameVi: 'Trung tâm Y tế',
    nameEn: 'District health center',
    permissions: [...ENTER_AND_REPORT, 'reports.approve', 'data.export'],
  },
  DISTRICT_FACILITY: {
    code: 'CSYT_HUYEN',
    nameVi: 'Cơ sở y tế tuyến huyện',
    nameEn: 'District facility',
    permissions: ENTER_AND_REPORT,
  },
  CENTRAL_FACILITY: {
    code: 'CSYT_TW',
    nameVi: 'Cơ sở y tế Trung ương, Bộ, ngành',
    nameEn: 'Central or sector facility',
    permissions: [...ENTER_AND_REPORT, 'data.export'],
  },
  PRIVATE_CLINIC: {
    code: 'CSYT_TN',
    nameVi: 'Cơ sở y tế tư nhân',
    nameEn: 'Private health facility',
    permissions: ENTER_AND_REPORT,
  },
  COMMUNE_HEALTH_STATION: {
    code: 'TYT',
    nameVi: 'Trạm Y tế',
    nameEn: 'Commune health station',
    permissions: ENTER_AND_REPORT,
  },
};
