import {
  firstDayOfMonth,
  lastDayOfMonth,
  monthsOf,
  parsePeriodView,
  PeriodView,
  periodViewKey,
  periodViewLabel,
  REPORT_REGIME_INFO,
  VIETNAM_UTC_OFFSET_HOURS,
} from '@skss/domain';
import { ExportPeriod, ExportStatus, ReportExportInput } from './report-export.types';

/** The texts around the table of a printed report (header, period, signatures, footer). Pure. */

export const NATIONAL_MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO_SUBTITLE = 'Độc lập - Tự do - Hạnh phúc';
export const MINISTRY = 'BỘ Y TẾ';
export const PREPARER = 'Người lập biểu';
export const PREPARER_NOTE = '(Ký, ghi rõ họ tên)';
export const HEAD_NOTE = '(Ký, đóng dấu)';
export const PLACE_AND_DATE = '…, ngày … tháng … năm …';
export const SYSTEM_NAME = 'Hệ thống thông tin SKBMTE/SKSS';

const two = (n: number) => String(n).padStart(2, '0');

export function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** dd/mm/yyyy hh:mm in Vietnam time. */
export function vietnamDateTime(at: Date): string {
  const d = new Date(at.getTime() + VIETNAM_UTC_OFFSET_HOURS * 3_600_000);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** 2025-07-31 → 31/07/2025. */
function dayText(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

export function periodViewOf(period: ExportPeriod): PeriodView {
  if (typeof period.view !== 'string') return period.view;
  const view = parsePeriodView(period.view);
  if (!view) throw new RangeError(`Not a period: ${period.view}`);
  return view;
}

/** The stable key of the period ('2025-07', '2025-Q3'). */
export function periodKey(period: ExportPeriod): string {
  return periodViewKey(periodViewOf(period));
}

/** "Báo cáo tháng 07 năm 2025"; for longer views "Kỳ báo cáo: Quý III/2025 (từ ngày 01/07/2025 đến ngày 30/09/2025)". */
export function periodLine(period: ExportPeriod): string {
  const view = periodViewOf(period);
  if (view.kind === 'month') return `Báo cáo tháng ${two(view.month)} năm ${view.year}`;
  const months = monthsOf(view);
  const label = period.label ?? periodViewLabel(view).vi;
  return `Kỳ báo cáo: ${label} (từ ngày ${dayText(firstDayOfMonth(months[0]))} đến ngày ${dayText(lastDayOfMonth(months[months.length - 1]))})`;
}

/** The form code printed at the top right ("Biểu số: 3/BCX", "Báo cáo 4 (TYT)"). */
export function officialCode(input: ReportExportInput): string {
  const code = input.formVersion.officialCodes[input.level];
  if (!code) throw new RangeError(`${input.formVersion.key} is not printed at the ${input.level} level`);
  return code;
}

/** "Ban hành kèm theo Thông tư số 37/2019/TT-BYT". */
export function circularLine(input: ReportExportInput): string {
  const name = REPORT_REGIME_INFO[input.formVersion.regime].name;
  return `Ban hành kèm theo ${name.replace(/^Thông tư (?!số)/, 'Thông tư số ')}`;
}

export function signatureTitle(input: ReportExportInput): string {
  return input.level === 'commune' ? 'Trưởng trạm y tế' : 'Thủ trưởng đơn vị';
}

export function statusText(status: ExportStatus): string {
  switch (status.kind) {
    case 'draft':
      return 'Bản nháp: số liệu tính từ sổ sách, chưa gửi';
    case 'sent':
      return `Đã gửi lúc ${vietnamDateTime(status.at)}`;
    case 'approved':
      return `Đã duyệt lúc ${vietnamDateTime(status.at)}${status.by ? ` bởi ${status.by}` : ''}`;
    case 'aggregate':
      return (
        'Tổng hợp từ sổ sách của các cơ sở và báo cáo xã đã được duyệt' +
        (status.missingUnits > 0 ? `; ${status.missingUnits} đơn vị chưa có báo cáo được duyệt (ô để trống)` : '')
      );
  }
}

export function footerLine(input: ReportExportInput): string {
  return (
    `Nguồn số liệu: ${SYSTEM_NAME} (biểu ${input.formVersion.key}). ${statusText(input.status)}. ` +
    `Xuất lúc ${vietnamDateTime(input.generatedAt)} (giờ Việt Nam).`
  );
}

/** A file name without spaces or diacritics: `commune_TYT.03160.2025_2025-07.xlsx`. */
export function exportFileName(input: ReportExportInput, extension: 'xlsx' | 'csv'): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9.-]+/g, '-');
  return `${input.formVersion.code}_${safe(input.unit.code)}_${periodKey(input.period)}.${extension}`;
}
