import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, PrismaService, UserPrincipal, writeXlsx, XlsxCell, XlsxColumn } from '@skss/api/core';
import {
  CatalogName,
  CodeEntry,
  FieldDefinition,
  fieldOptions,
  foldVietnamese,
  insuranceCardFacts,
  normaliseCitizenId,
  normaliseInsuranceCard,
  RegisterCode,
} from '@skss/domain';
import type { Writable } from 'node:stream';
import { monthRange } from '../shared/days';
import { maskCitizenId, maskInsuranceCard, maskPhone } from '../shared/masking';
import { RecordsContext } from '../shared/records-context';
import { ExcelColumn, excelLayout, ExcelLayout, GROUP_KEY } from './excel-layout';
import { columnFormat, columnWidth, NO, YES } from './excel-template';
import { RegisterImportService } from './register-import.service';
import { SqlTable } from './sql-tables';

/** Most register rows one export may hold; more must be narrowed with the filters (month, facility). */
export const EXPORT_ROW_LIMIT = 100_000;
const PAGE = 1_000;
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The filters of the register list, which the export shares. */
export interface RegisterExportFilter {
  month?: string;
  facilityCode?: string;
  q?: string;
  personId?: string;
}

export interface PreparedExport {
  register: RegisterCode;
  fileName: string;
  rowCount: number;
  write(output: Writable): Promise<number>;
}

/** Identifiers shown in full only to holders of 'data.export'; everyone else gets them masked as in lists. */
const MASKS: Readonly<Record<string, (value: string | null) => string | null>> = {
  'person.citizenId': maskCitizenId,
  'person.insuranceCard': maskInsuranceCard,
  'person.phone': maskPhone,
  familyPhone: maskPhone,
};

type Row = Record<string, unknown> & { id: string };
interface Delegate {
  count(args: object): Promise<number>;
  findMany(args: object): Promise<Row[]>;
}

/**
 * Export of a register view to Excel: the rows the list shows for the same filters (scoped by the
 * Prisma mechanism to what the caller may see), in the template's columns, streamed page by page;
 * every text cell is neutralised by the shared writer, identifiers are masked unless the caller
 * holds 'data.export', and the export is audited (EXPORT) before the first byte is sent.
 */
@Injectable()
export class RegisterExportService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly records: RecordsContext,
    private readonly imports: RegisterImportService,
  ) {}

  async prepare(register: RegisterCode, filter: RegisterExportFilter, user: UserPrincipal): Promise<PreparedExport> {
    const layout = excelLayout(register);
    const table = this.imports.table(register);
    const delegate = (this.prisma as unknown as Record<string, Delegate>)[table.delegate];
    const where = this.where(table, filter);
    const rowCount = await delegate.count({ where });
    if (rowCount > EXPORT_ROW_LIMIT) {
      throw new DomainError(
        'EXPORT_TOO_LARGE',
        `Có ${rowCount.toLocaleString('vi-VN')} bản ghi, vượt quá giới hạn ${EXPORT_ROW_LIMIT.toLocaleString('vi-VN')} bản ghi mỗi lần xuất: hãy chọn tháng hoặc cơ sở`,
        400,
      );
    }
    const full = user.permissions.has('data.export');
    await this.audit.record({
      action: 'EXPORT',
      entityType: table.model,
      details: { format: 'xlsx', register, filters: withoutEmpty(filter), rowCount, identifiers: full ? 'full' : 'masked' },
    });
    const catalogs = (await this.records.catalogs()) ?? {};
    const include: Record<string, unknown> = { facility: { select: { code: true } } };
    if (layout.definition.embedsPerson) {
      include['person'] = {
        include: { residences: { orderBy: { validFrom: 'desc' }, take: 1, include: { commune: { select: { code: true } } } } },
      };
    }
    for (const child of table.children) include[child.key] = { orderBy: child.orderBy };
    const columns = exportColumns(layout);
    const orderBy = [{ [table.monthKey]: 'asc' }, { id: 'asc' }];

    async function* rows(): AsyncGenerator<XlsxCell[]> {
      let cursor: string | null = null;
      for (;;) {
        const page: Row[] = await delegate.findMany({
          where,
          include,
          orderBy,
          take: PAGE,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        });
        for (const record of page) yield* recordRows(layout, record, catalogs, full);
        if (page.length < PAGE) return;
        cursor = page[page.length - 1].id;
      }
    }

    const stamp = new Date(Date.now() + VIETNAM_OFFSET_MS).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    return {
      register,
      rowCount,
      fileName: `${register}${filter.month ? `-${filter.month}` : ''}-${stamp}.xlsx`,
      write: (output) => writeXlsx(output, [{ name: layout.definition.title.vi, columns, rows: rows() }]),
    };
  }

  /** The register list's filters (RegisterRecordsService.list), so the export holds exactly the rows the list shows. */
  private where(table: SqlTable, filter: RegisterExportFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [];
    if (filter.month) and.push({ [table.monthKey]: monthRange(filter.month) });
    if (filter.facilityCode) and.push({ facility: { code: filter.facilityCode } });
    if (filter.personId) and.push({ personId: filter.personId });
    const q = filter.q?.trim();
    if (q) {
      const compact = normaliseCitizenId(q);
      const card = normaliseInsuranceCard(q);
      const person = /^\d{12}$/.test(compact)
        ? { citizenId: compact }
        : insuranceCardFacts(card)
          ? { insuranceCard: card }
          : { fullNameFolded: { contains: foldVietnamese(q) } };
      and.push(table.records.ownName ? { OR: [{ person }, { fullName: { contains: q, mode: 'insensitive' } }] } : { person });
    }
    return { AND: and };
  }
}

/** The template's columns (without the hidden keys), after the facility that recorded each row. */
function exportColumns(layout: ExcelLayout): XlsxColumn[] {
  return [
    { header: 'Cơ sở ghi sổ', width: 18 },
    ...layout.columns.map((column) => ({
      header: column.key === GROUP_KEY ? 'Mã bản ghi' : column.header.replace(/ \*$/, ''),
      width: column.key === GROUP_KEY ? 38 : columnWidth(column),
      numFmt: columnFormat(column.field) === '@' ? undefined : columnFormat(column.field),
    })),
    { header: 'Nguồn dữ liệu', width: 14 },
  ];
}

const SOURCE_LABELS: Readonly<Record<string, string>> = { ENTRY: 'Nhập trực tiếp', EXCEL: 'Tệp Excel', API: 'Phần mềm khác (API)' };

/** One sheet row per record, or per item for registers flattened by items (a delivery's newborns). */
function* recordRows(
  layout: ExcelLayout,
  record: Row,
  catalogs: Partial<Record<CatalogName, readonly CodeEntry[]>>,
  full: boolean,
): Generator<XlsxCell[]> {
  const items = layout.itemCollection ? ((record[layout.itemCollection.key] as Record<string, unknown>[] | undefined) ?? []) : [];
  const count = Math.max(1, items.length);
  const person = record['person'] as
    | (Record<string, unknown> & { residences?: { address: string | null; commune: { code: string } }[] })
    | null
    | undefined;
  for (let i = 0; i < count; i++) {
    const cells: XlsxCell[] = [(record['facility'] as { code?: string } | undefined)?.code ?? null];
    for (const column of layout.columns) {
      cells.push(cellOf(column, raw(column, record, person, items[i]), catalogs, full));
    }
    cells.push(SOURCE_LABELS[String(record['source'])] ?? String(record['source'] ?? ''));
    yield cells;
  }
}

function raw(
  column: ExcelColumn,
  record: Row,
  person: (Record<string, unknown> & { residences?: { address: string | null; commune: { code: string } }[] }) | null | undefined,
  item: Record<string, unknown> | undefined,
): unknown {
  const key = column.field.key;
  switch (column.role) {
    case 'group':
      return record.id;
    case 'person': {
      if (!person) return null;
      const residence = person.residences?.[0];
      if (key === 'communeCode') return residence?.commune.code ?? null;
      if (key === 'address') return residence?.address ?? null;
      return person[key];
    }
    case 'item':
      return item?.[key];
    case 'slot': {
      const list = (record[column.collection ?? ''] as Record<string, unknown>[] | undefined) ?? [];
      return list[column.slot ?? 0]?.[key];
    }
    default:
      return record[key];
  }
}

function cellOf(
  column: ExcelColumn,
  value: unknown,
  catalogs: Partial<Record<CatalogName, readonly CodeEntry[]>>,
  full: boolean,
): XlsxCell {
  if (value === null || value === undefined) return null;
  const field: FieldDefinition = column.field;
  const mask = full ? undefined : MASKS[column.key];
  if (mask) return mask(String(value));
  switch (field.type) {
    case 'date':
      return value instanceof Date ? value : String(value);
    case 'datetime':
      // Shown as Vietnam wall-clock time: the cell has no time zone.
      return value instanceof Date ? new Date(value.getTime() + VIETNAM_OFFSET_MS) : String(value);
    case 'int':
    case 'decimal':
      return typeof value === 'number' ? value : Number(String(value));
    case 'boolean':
      return value ? YES : NO;
    case 'code':
    case 'codes': {
      const options = fieldOptions(field, catalogs);
      const label = (code: unknown) => options.find((option) => option.code === code)?.vi ?? String(code);
      return Array.isArray(value) ? value.map(label).join(', ') : label(value);
    }
    default:
      return String(value);
  }
}

function withoutEmpty(filter: RegisterExportFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>;
}
