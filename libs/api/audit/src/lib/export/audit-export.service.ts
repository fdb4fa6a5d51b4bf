import { Injectable } from '@nestjs/common';
import { AuditService, buildXlsx, DomainError, UserPrincipal, XlsxCell, XlsxColumn } from '@skss/api/core';
import { AuditEventFilterDto } from '../dto/audit-query.dto';
import { actorFacilityIds } from '../events/audit-events.mapper';
import { AuditEventRow, AuditEventsRepository } from '../events/audit-events.repository';
import { toAuditFilter } from '../events/audit-filter';

/** Most rows one export may hold; more must be narrowed with the filters. */
export const EXPORT_ROW_LIMIT = 50_000;

const COLUMNS: XlsxColumn[] = [
  { header: 'Mã sự kiện', width: 11 },
  { header: 'Thời điểm', width: 20 },
  { header: 'Thao tác', width: 18 },
  { header: 'Loại đối tượng', width: 22 },
  { header: 'Mã đối tượng', width: 38 },
  { header: 'Tài khoản thực hiện', width: 20 },
  { header: 'Đơn vị', width: 18 },
  { header: 'Hệ thống tích hợp', width: 24 },
  { header: 'Địa chỉ IP', width: 16 },
  { header: 'Trước thay đổi', width: 50 },
  { header: 'Sau thay đổi', width: 50 },
  { header: 'Chi tiết', width: 40 },
];

const VIETNAM_OFFSET_MS = 7 * 3600_000;
const two = (n: number) => String(n).padStart(2, '0');

/** dd/MM/yyyy HH:mm:ss in Vietnam time (Asia/Ho_Chi_Minh, UTC+7 all year). */
export function formatVietnamDateTime(at: Date): string {
  const d = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return (
    `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  );
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

export interface AuditExportFile {
  fileName: string;
  content: Buffer;
  rowCount: number;
}

/** The audit trail as an Excel workbook, for inspections (Điều 17.5); exporting is itself recorded. */
@Injectable()
export class AuditExportService {
  constructor(
    private readonly events: AuditEventsRepository,
    private readonly audit: AuditService,
  ) {}

  async export(query: AuditEventFilterDto, principal: UserPrincipal): Promise<AuditExportFile> {
    const filter = await toAuditFilter(query, principal, this.events);
    const total = await this.events.count(filter);
    if (total > EXPORT_ROW_LIMIT) {
      throw new DomainError(
        'EXPORT_TOO_LARGE',
        `Có ${total.toLocaleString('vi-VN')} sự kiện, vượt quá giới hạn ${EXPORT_ROW_LIMIT.toLocaleString('vi-VN')} dòng mỗi lần xuất: ` +
          'hãy thu hẹp bộ lọc (khoảng thời gian, thao tác, tài khoản, đơn vị)',
        400,
      );
    }
    let rowCount = 0;
    const events = this.events;
    async function* rows(): AsyncGenerator<XlsxCell[]> {
      for await (const batch of events.iterate(filter, EXPORT_ROW_LIMIT)) {
        const codes = await events.facilityCodes(actorFacilityIds(batch));
        for (const row of batch) {
          rowCount++;
          yield toCells(row, codes);
        }
      }
    }
    const content = await buildXlsx('Nhật ký hệ thống', COLUMNS, rows());
    await this.audit.record({
      action: 'EXPORT',
      entityType: 'AuditEvent',
      details: { format: 'xlsx', filters: withoutEmpty(query), rowCount },
    });
    const stamp = formatVietnamDateTime(new Date()).replace(/^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d):\d\d$/, '$3$2$1-$4$5');
    return { fileName: `nhat-ky-he-thong-${stamp}.xlsx`, content, rowCount };
  }
}

function toCells(row: AuditEventRow, facilityCodes: ReadonlyMap<number, string>): XlsxCell[] {
  return [
    row.id.toString(),
    formatVietnamDateTime(row.at),
    row.action,
    row.entityType,
    row.entityId,
    row.actorUsername,
    row.actorFacilityId !== null ? (facilityCodes.get(row.actorFacilityId) ?? String(row.actorFacilityId)) : null,
    row.actorClientId,
    row.ip,
    json(row.before),
    json(row.after),
    json(row.details),
  ];
}

function withoutEmpty(query: AuditEventFilterDto): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>;
}
