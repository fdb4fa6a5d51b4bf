import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditService, DomainError, FieldError } from '@skss/api/core';
import { CatalogsRepository } from './catalogs.repository';
import { catalogNotFound } from './catalogs.service';
import { CatalogImportResultDto } from './dto/catalog.response.dto';
import { readTable } from './import/catalog-file';
import { CatalogColumn, COLUMN_LABELS, mapColumns, RowProblem, validateRows } from './import/catalog-rows';
import { planImport } from './import/item-changes';

/** The file as the controller received it. */
export interface UploadedCatalogFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** Problems listed in an answer; the message says how many there are in all. */
const MAX_PROBLEMS_LISTED = 500;
const FILE_NAME_LENGTH = 255;

/**
 * Imports a catalog's items from an .xlsx or a .csv, all or nothing: every row is validated and
 * planned first, and a single problem refuses the file with every row's problems listed (row
 * number, column, code, Vietnamese message). An accepted file is applied in one transaction with
 * one audit event for the batch beside the row changes' own.
 */
@Injectable()
export class CatalogImportService {
  constructor(
    private readonly catalogs: CatalogsRepository,
    private readonly audit: AuditService,
  ) {}

  async importItems(catalogCode: string, validFrom: string, file: UploadedCatalogFile | undefined): Promise<CatalogImportResultDto> {
    if (!file) {
      const message = 'Chưa chọn tệp để nhập (trường “file”)';
      throw new DomainError('IMPORT_FILE_MISSING', message, 400, [{ field: 'file', code: 'IMPORT_FILE_MISSING', message }]);
    }
    if (!(await this.catalogs.findCatalog(catalogCode))) throw catalogNotFound(catalogCode);
    const fileName = file.originalname.slice(0, FILE_NAME_LENGTH);
    const table = await readTable(fileName, file.buffer);
    const columns = mapColumns(table.header);
    const missing = (['code', 'name'] as CatalogColumn[]).filter((column) => columns[column] === undefined);
    if (missing.length) {
      const names = missing.map((column) => `“${COLUMN_LABELS[column]}”`).join(', ');
      const message = `Dòng tiêu đề thiếu cột ${names} (các cột nhận được: “Mã”, “Tên”, “Tên tiếng Anh”, “Thứ tự”)`;
      throw new DomainError(
        'IMPORT_COLUMNS_MISSING',
        message,
        400,
        missing.map((column) => ({
          field: `columns.${column}`,
          code: 'IMPORT_COLUMN_MISSING',
          message: `Thiếu cột “${COLUMN_LABELS[column]}”`,
        })),
      );
    }
    const { rows, problems } = validateRows(table, columns);
    if (problems.length) throw invalidFile(problems, table.rows.length);

    return this.catalogs.transaction(async (db) => {
      const catalog = await this.catalogs.findCatalog(catalogCode, db);
      if (!catalog) throw catalogNotFound(catalogCode);
      await this.catalogs.lock(catalogCode, db);
      const existing = await this.catalogs.findAllVersions(catalogCode, db);
      const plan = planImport(existing, rows, validFrom, {
        fixed: catalog.fixed,
        nextSortOrder: await this.catalogs.nextSortOrder(catalogCode, db),
      });
      if (plan.problems.length) throw invalidFile(plan.problems, table.rows.length);
      await this.catalogs.apply(catalogCode, plan.changes, db);
      const result: CatalogImportResultDto = {
        catalogCode,
        validFrom,
        fileName,
        rows: rows.length,
        created: plan.created,
        relabelled: plan.relabelled,
        unchanged: plan.unchanged,
      };
      await this.audit.record({
        action: 'UPDATE',
        entityType: 'Catalog',
        entityId: catalogCode,
        details: {
          operation: 'import',
          ...result,
          fileSize: file.size,
          fileSha256: createHash('sha256').update(file.buffer).digest('hex'),
        },
      });
      return result;
    });
  }
}

function invalidFile(problems: RowProblem[], rowCount: number): DomainError {
  const rowsWithProblems = new Set(problems.map((p) => p.row)).size;
  const details: FieldError[] = problems.slice(0, MAX_PROBLEMS_LISTED).map((p) => ({
    field: `rows.${p.row}${p.column ? `.${p.column}` : ''}`,
    code: p.code,
    message: p.message,
  }));
  const listed =
    problems.length > MAX_PROBLEMS_LISTED ? ` (liệt kê ${MAX_PROBLEMS_LISTED} lỗi đầu tiên trên tổng số ${problems.length})` : '';
  return new DomainError(
    'IMPORT_INVALID',
    `Tệp có ${rowsWithProblems}/${rowCount} dòng lỗi; không dòng nào được nhập${listed}`,
    400,
    details,
  );
}
