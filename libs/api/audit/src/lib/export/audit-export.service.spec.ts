import ExcelJS from 'exceljs';
import type { AuditService, UserPrincipal } from '@skss/api/core';
import type { AuditEventRow, AuditEventsRepository } from '../events/audit-events.repository';
import { AuditExportService, formatVietnamDateTime } from './audit-export.service';

const principal = { kind: 'user', userId: 'u1', username: 'nchi.admin', facilityId: 1 } as unknown as UserPrincipal;

function event(id: number, overrides: Partial<AuditEventRow> = {}): AuditEventRow {
  return {
    id: BigInt(id),
    at: new Date('2026-03-07T17:30:00Z'),
    action: 'UPDATE',
    entityType: 'UserAccount',
    entityId: 'a1',
    actorUserId: null,
    actorUsername: 'nchi.admin',
    actorFacilityId: 1,
    actorClientId: null,
    ip: '10.0.0.1',
    before: null,
    after: null,
    details: null,
    ...overrides,
  } as AuditEventRow;
}

function service(rows: AuditEventRow[], recorded: unknown[]): AuditExportService {
  const repository = {
    visibleFacilities: async () => 'all',
    count: async () => rows.length,
    iterate: async function* () {
      yield rows;
    },
    facilityCodes: async () => new Map([[1, 'BYT.TTTTYTQG']]),
  } as unknown as AuditEventsRepository;
  const audit = { record: async (entry: unknown) => void recorded.push(entry) } as unknown as AuditService;
  return new AuditExportService(repository, audit);
}

describe('audit trail export', () => {
  it('writes Vietnam time as dd/MM/yyyy HH:mm:ss', () => {
    expect(formatVietnamDateTime(new Date('2026-03-07T17:30:05Z'))).toBe('08/03/2026 00:30:05');
  });

  it('is an Excel file through the shared writer, formula-looking values neutralised, and is itself recorded', async () => {
    const recorded: unknown[] = [];
    const file = await service([event(1, { actorUsername: '=cmd|calc', entityId: '@SUM(A1)' }), event(2)], recorded).export({}, principal);
    expect(file.rowCount).toBe(2);
    expect(file.fileName).toMatch(/^nhat-ky-he-thong-\d{8}-\d{4}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Nhật ký hệ thống');
    expect(sheet.getRow(2).getCell(6).value).toBe("'=cmd|calc");
    expect(sheet.getRow(2).getCell(5).value).toBe("'@SUM(A1)");
    expect(sheet.getRow(2).getCell(7).value).toBe('BYT.TTTTYTQG');
    expect(recorded).toEqual([
      expect.objectContaining({ action: 'EXPORT', entityType: 'AuditEvent', details: expect.objectContaining({ rowCount: 2 }) }),
    ]);
  });

  it('refuses more rows than one export may hold', async () => {
    const rows = { length: 50_001 } as AuditEventRow[];
    await expect(service(rows, []).export({}, principal)).rejects.toMatchObject({ code: 'EXPORT_TOO_LARGE' });
  });
});
