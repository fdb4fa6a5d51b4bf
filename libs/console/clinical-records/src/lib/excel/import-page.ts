import { HttpContext } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  ApiErrorMessage,
  ApiFailure,
  confirmAction,
  DateTimePipe,
  describeFailure,
  FileUpload,
  FormProblems,
  I18n,
  Icon,
  Notice,
  remote,
  TranslatePipe,
  UploadFn,
  UploadResult,
  withBlobErrorBody,
} from '@skss/console/ui';
import type { RecordRegister } from '@skss/contract';
import { registerDefinition } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { ExcelApi, ImportDetail } from '../data/excel-api';

/** The API's upload limit (20 MB): larger files are refused before anything is sent. */
const MAX_BYTES = 20 * 1024 * 1024;
const HISTORY_PAGE = 10;

/**
 * "Nhập từ Excel" for one register: download the template; upload a filled file, which the API checks row by row
 * without writing anything; see the problems per row and cell; then write the valid rows, or none while any row is
 * wrong when "all or nothing" is ticked, or discard the import ("Hủy bản nhập": nothing written, the file deleted). Rows
 * imported before are updated, not duplicated. Below, the register's import history with each import's result file.
 * Test hooks: `import-template`, `import-upload-input`, `import-summary`, `import-error` (`data-row`, `data-column`),
 * `import-all-or-nothing`, `import-commit`, `import-discard`, `import-committed`, `import-discarded`,
 * `import-history-row`, `import-result`.
 */
@Component({
  selector: 'skss-import-page',
  imports: [
    FormsModule,
    MatButton,
    MatCheckbox,
    MatProgressBar,
    RouterLink,
    ApiErrorMessage,
    DateTimePipe,
    FileUpload,
    FormProblems,
    Icon,
    Notice,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
})
export class ImportPage {
  private readonly excel = inject(ExcelApi);
  private readonly i18n = inject(I18n);
  private readonly dialog = inject(MatDialog);

  /** Route parameter: the register. */
  readonly register = input.required<RecordRegister>();

  protected readonly registerTitle = computed(() => this.i18n.label(registerDefinition(this.register()).title));
  protected readonly maxBytes = MAX_BYTES;
  /** The import on screen: the one just uploaded, or one opened from the history. */
  protected readonly current = signal<ImportDetail | null>(null);
  protected readonly allOrNothing = signal(false);
  protected readonly committing = signal(false);
  protected readonly discarding = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly downloading = signal(false);
  protected readonly historyPage = signal(1);
  protected readonly history = remote(
    () => ({ register: this.register(), page: this.historyPage() }),
    ({ register, page }) => this.excel.history(register, page, HISTORY_PAGE),
  );

  protected readonly upload: UploadFn<ImportDetail> = (file: File, context: HttpContext) =>
    this.excel.preview(this.register(), file, context);
  /** Why the commit button is off: nothing valid, or errors with "all or nothing". */
  protected readonly blocked = computed(() => {
    const current = this.current();
    if (!current || current.status !== 'PREVIEWED') return true;
    return current.validRows === 0 || (this.allOrNothing() && current.errorRows > 0);
  });
  protected readonly skipped = computed(() => {
    const current = this.current();
    return current ? current.totalRows - current.created - current.updated : 0;
  });

  protected previewed(result: UploadResult<ImportDetail>): void {
    this.failure.set(null);
    this.current.set(result.result);
    this.history.reload();
  }

  protected async open(id: string): Promise<void> {
    this.failure.set(null);
    try {
      this.current.set(await firstValueFrom(this.excel.get(this.register(), id)));
    } catch (error) {
      this.failure.set(describeFailure(error, (key, params) => this.i18n.t(key, params)));
    }
  }

  protected async commit(): Promise<void> {
    const current = this.current();
    if (!current || this.committing() || this.blocked()) return;
    this.committing.set(true);
    this.failure.set(null);
    try {
      this.current.set(await firstValueFrom(this.excel.commit(this.register(), current.id, this.allOrNothing())));
      this.history.reload();
    } catch (error) {
      this.failure.set(describeFailure(error, (key, params) => this.i18n.t(key, params)));
    } finally {
      this.committing.set(false);
    }
  }

  /** After a confirmation: the previewed import is dropped, nothing of it is written. */
  protected async discard(): Promise<void> {
    const current = this.current();
    if (!current || current.status !== 'PREVIEWED' || this.committing() || this.discarding()) return;
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('records.excel.discardTitle'),
      text: this.i18n.t('records.excel.discardText', { file: current.fileName }),
      confirm: this.i18n.t('records.excel.discardConfirm'),
      destructive: true,
    });
    if (!confirmed) return;
    this.discarding.set(true);
    this.failure.set(null);
    try {
      this.current.set(await firstValueFrom(this.excel.discard(this.register(), current.id)));
      this.history.reload();
    } catch (error) {
      this.failure.set(describeFailure(error, (key, params) => this.i18n.t(key, params)));
    } finally {
      this.discarding.set(false);
    }
  }

  protected template(): Promise<void> {
    return this.download(() => this.excel.downloadTemplate(this.register()));
  }

  protected result(id: string): Promise<void> {
    return this.download(() => this.excel.downloadResult(this.register(), id));
  }

  protected cell(error: { row: number; column: string | null }): string {
    return error.column ? `${error.column}${error.row}` : '—';
  }

  protected statusKey(status: ImportDetail['status']) {
    return `records.excel.status.${status}` as const;
  }

  protected page(step: number): void {
    this.historyPage.update((page) => Math.max(1, page + step));
  }

  private async download(run: () => Promise<void>): Promise<void> {
    if (this.downloading()) return;
    this.downloading.set(true);
    this.failure.set(null);
    try {
      await run();
    } catch (error) {
      this.failure.set(describeFailure(await withBlobErrorBody(error), (key, params) => this.i18n.t(key, params)));
    } finally {
      this.downloading.set(false);
    }
  }
}
