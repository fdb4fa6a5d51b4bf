import { IsoDate } from '../calendar/calendar-date';

/**
 * The statistical reporting regimes the forms belong to. Forms, periods and deadlines are data
 * dated by regime (domain-reference-2 §0.1): TT 23/2025 itself expires on 01/03/2027 and its
 * successor will be one more entry here, not a change of code.
 */
export const REPORT_REGIMES = ['TT37_2019', 'TT23_2025'] as const;
export type ReportRegime = (typeof REPORT_REGIMES)[number];

export interface ReportRegimeInfo {
  readonly regime: ReportRegime;
  readonly name: string;
  readonly title: string;
  /** First and last day of the reporting periods it governs (inclusive; null: open). */
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly note: string;
}

export const REPORT_REGIME_INFO: Readonly<Record<ReportRegime, ReportRegimeInfo>> = {
  TT37_2019: {
    regime: 'TT37_2019',
    name: 'Thông tư 37/2019/TT-BYT',
    title: 'Quy định chế độ báo cáo thống kê ngành y tế',
    validFrom: '2020-04-01',
    validTo: '2025-06-30',
    note: 'Biểu mẫu tuyến xã (BCX), huyện (BCH), tỉnh (BCT). Hết áp dụng cho kỳ báo cáo từ 07/2025 (lựa chọn: điều khoản bãi bỏ chưa xác minh).',
  },
  TT23_2025: {
    regime: 'TT23_2025',
    name: 'Thông tư 23/2025/TT-BYT',
    title: 'Quy định về chế độ báo cáo thống kê ngành y tế',
    validFrom: '2025-07-01',
    validTo: null,
    note: 'Hiệu lực từ 01/07/2025, tự hết hiệu lực 01/03/2027 (Điều 7 khoản 2); để mở cho đến khi có thông tư thay thế.',
  },
};
