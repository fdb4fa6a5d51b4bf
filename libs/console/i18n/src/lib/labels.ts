import { AdminLevel, FACILITY_KIND_INFO, FacilityKind } from '@skss/domain';
import type { TranslationKey } from './scopes';
import { Language } from './translate';

const ADMIN_LEVEL_KEYS: Readonly<Record<AdminLevel, TranslationKey>> = {
  province: 'level.province',
  district: 'level.district',
  commune: 'level.commune',
};

/** The key of an administrative level's label: Tỉnh, Huyện, Xã. */
export function adminLevelKey(level: AdminLevel): TranslationKey {
  return ADMIN_LEVEL_KEYS[level];
}

/** The name of a facility kind (Trạm Y tế, Trung tâm Kiểm soát bệnh tật…) as the regulation gives it. */
export function facilityKindName(kind: FacilityKind, language: Language): string {
  const info = FACILITY_KIND_INFO[kind];
  return language === 'vi' ? info.nameVi : info.nameEn;
}
