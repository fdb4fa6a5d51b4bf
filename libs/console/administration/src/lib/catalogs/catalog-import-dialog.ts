import { HttpContext, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslationKey } from '@skss/console/i18n';
import {
  DAY_FIELD,
  DayPipe,
  describeFailure,
  DIALOG_FRAME,
  FileUpload,
  FORM_FIELDS,
  I18n,
  provideConsoleDatepickerIntl,
  UploadFn,
  UploadResult,
} from '@skss/console/ui';
import { Api, CatalogDto, CatalogImportResultDto, importCatalogItems } from '@skss/contract';
import { IsoDate } from '@skss/domain';
import { catchError, throwError } from 'rxjs';
import { dayControl, dayOf } from '../shared/day-field';
import { catalogName } from './catalogs-page';
import { ImportColumn, importProblems, ImportProblem } from './import-problems';

export interface CatalogImportData {
  readonly catalog: CatalogDto;
  readonly day: IsoDate;
}

/** The API's limit on a catalog file (`CATALOG_IMPORT_LIMITS.maxFileBytes`). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const COLUMN_KEYS: Readonly<Record<ImportColumn, TranslationKey>> = {
  code: 'admin.catalogs.items.code',
  name: 'admin.catalogs.items.name',
  nameEn: 'admin.catalogs.items.nameEn',
  sortOrder: 'admin.catalogs.items.sortOrder',
};
/** The API prefixes each message with its row and column ("Dòng 7, cột “Tên”: "), which the table shows in columns. */
const LOCATION_PREFIX = /^Dòng \d+(?:, cột “[^”]*”)?: /;

/**
 * "Nhập danh mục từ tệp": an .xlsx (first sheet) or a UTF-8 .csv with the columns "Mã", "Tên" and optionally "Tên tiếng
 * Anh", "Thứ tự", taking effect from a day. All or nothing: one bad row refuses the file, and every row's problems are
 * listed by row and column. Closes with true once a file was imported. Test hooks: `import-from`, `catalog-upload-*`
 * (the upload's), `import-result`, `import-problems`, `import-problem` (`data-row`), `import-close`.
 */
@Component({
  selector: 'skss-catalog-import-dialog',
  imports: [DIALOG_FRAME, FORM_FIELDS, DAY_FIELD, DayPipe, FileUpload],
  providers: [provideConsoleDatepickerIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './catalog-import-dialog.html',
  styleUrl: './catalog-import-dialog.scss',
})
export class CatalogImportDialog {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<CatalogImportDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<CatalogImportData>(MAT_DIALOG_DATA);

  protected readonly catalogTitle = catalogName(this.data.catalog, this.i18n.language());
  protected readonly accept = ['.xlsx', '.csv'];
  protected readonly maxBytes = MAX_FILE_BYTES;
  protected readonly form = new FormGroup({ validFrom: dayControl(this.data.day) });
  private readonly validFromValue = toSignal(this.form.controls.validFrom.valueChanges, {
    initialValue: this.form.controls.validFrom.value,
  });
  protected readonly validFrom = computed(() => dayOf(this.validFromValue()));
  protected readonly result = signal<CatalogImportResultDto | null>(null);
  protected readonly problems = signal<ImportProblem[]>([]);
  private imported = false;

  /**
   * Sends the file with the day chosen when it is sent. A refusal's problems are listed here, row by row; the upload
   * shows the API's summary ("Tệp có 3/40 dòng lỗi…") without them, so that they are not listed twice.
   */
  protected readonly upload: UploadFn<CatalogImportResultDto> = (file: File, context: HttpContext) =>
    this.api.invoke(importCatalogItems, { code: this.data.catalog.code, body: { file, validFrom: this.validFrom() ?? '' } }, context).pipe(
      catchError((error: unknown) => {
        this.problems.set(importProblems(describeFailure(error, (key, params) => this.i18n.t(key, params)).details));
        return throwError(() => withoutDetails(error));
      }),
    );

  protected uploaded({ result }: UploadResult<CatalogImportResultDto>): void {
    this.imported = true;
    this.problems.set([]);
    this.result.set(result);
  }

  protected failed(): void {
    this.result.set(null);
  }

  protected columnKey(column: ImportColumn | null): TranslationKey | null {
    return column ? COLUMN_KEYS[column] : null;
  }

  protected text(problem: ImportProblem): string {
    return problem.message.replace(LOCATION_PREFIX, '');
  }

  protected close(): void {
    this.ref.close(this.imported);
  }
}

/** The same failure without its field problems. */
function withoutDetails(error: unknown): unknown {
  if (!(error instanceof HttpErrorResponse) || typeof error.error !== 'object' || error.error === null) return error;
  const { headers, status, statusText, url } = error;
  return new HttpErrorResponse({ error: { ...error.error, details: [] }, headers, status, statusText, url: url ?? undefined });
}
