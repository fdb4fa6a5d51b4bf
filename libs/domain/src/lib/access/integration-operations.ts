/**
 * External systems the regulation connects (Điều 3, 11-14). Mirrors the database enum
 * `external_system`; the console and the API read the labels from here.
 */
export const EXTERNAL_SYSTEMS = ['HIS', 'YTCS', 'E_HANDBOOK', 'HEALTH_STATISTICS', 'EHR_REPOSITORY'] as const;
export type ExternalSystem = (typeof EXTERNAL_SYSTEMS)[number];

export const EXTERNAL_SYSTEM_LABELS: Readonly<Record<ExternalSystem, { vi: string; en: string }>> = {
  HIS: { vi: 'Hệ thống thông tin bệnh viện (HIS)', en: 'Hospital information system (HIS)' },
  YTCS: { vi: 'Phần mềm Y tế cơ sở', en: 'Commune health software (YTCS)' },
  E_HANDBOOK: { vi: 'Sổ theo dõi sức khỏe Bà mẹ và Trẻ em điện tử', en: 'Electronic Mother and Child Health Handbook' },
  HEALTH_STATISTICS: { vi: 'Phần mềm Thống kê y tế', en: 'Health statistics software' },
  EHR_REPOSITORY: { vi: 'Kho dữ liệu Hồ sơ sức khỏe điện tử', en: 'Electronic health record repository' },
};

/**
 * What an integration account may do through the API (Điều 11-14). An account holds a set of
 * these; routes for external systems name the one they need.
 */
export const INTEGRATION_OPERATIONS = ['records.push', 'deaths.push', 'reports.pull', 'handbook.read'] as const;
export type IntegrationOperation = (typeof INTEGRATION_OPERATIONS)[number];

export const INTEGRATION_OPERATION_LABELS: Readonly<Record<IntegrationOperation, { vi: string; en: string }>> = {
  'records.push': { vi: 'Gửi dữ liệu khám bệnh, chữa bệnh (YTCS, HIS)', en: 'Send clinical records (YTCS, HIS)' },
  'deaths.push': { vi: 'Gửi dữ liệu tử vong mẹ, trẻ em (Thống kê y tế)', en: 'Send maternal and child death data (health statistics)' },
  'reports.pull': { vi: 'Lấy số liệu báo cáo thống kê', en: 'Read statistical report figures' },
  'handbook.read': { vi: 'Đọc kết quả cho Sổ theo dõi sức khỏe điện tử', en: 'Read results for the electronic handbook' },
};

export function isIntegrationOperation(value: unknown): value is IntegrationOperation {
  return typeof value === 'string' && (INTEGRATION_OPERATIONS as readonly string[]).includes(value);
}
