import { HttpErrorResponse } from '@angular/common/http';
import { AfterViewInit, ChangeDetectionStrategy, Component, ElementRef, inject, input, output, viewChild } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { apiErrorMessage, DayPipe, I18n, Icon, Notice, remote, TranslatePipe } from '@skss/console/ui';
import type { RecordRegister, ReportCellRowDto } from '@skss/contract';
import { registerDefinition } from '@skss/domain';
import { ReportKey, ReportsApi } from '../data/reports-api';
import type { DrillRequest } from './report-table';

/**
 * Drill-down: the register rows behind a cell of the draft, each linking to its row in the registers. Opened from a
 * number of the table; takes the focus, Escape or the close button give it back. Test hooks: `drill-panel`,
 * `drill-row` (`data-register`, `data-id`).
 */
@Component({
  selector: 'skss-cell-rows-panel',
  imports: [MatIconButton, MatProgressBar, RouterLink, DayPipe, Icon, Notice, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'closed.emit()' },
  templateUrl: './cell-rows-panel.html',
  styleUrl: './cell-rows-panel.scss',
})
export class CellRowsPanel implements AfterViewInit {
  private readonly api = inject(ReportsApi);
  private readonly i18n = inject(I18n);

  readonly key = input.required<ReportKey>();
  readonly request = input.required<DrillRequest>();
  readonly closed = output<void>();

  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly rows = remote(
    () => ({ key: this.key(), request: this.request() }),
    ({ key, request }) => this.api.cellRows(key, request.row, request.column),
    { keepPrevious: false },
  );

  ngAfterViewInit(): void {
    this.heading().nativeElement.focus();
  }

  protected registerTitle(row: ReportCellRowDto): string {
    if (row.register) return this.i18n.label(registerDefinition(row.register as RecordRegister).title);
    return this.i18n.t(row.table === 'complication' ? 'reports.drill.complication' : 'reports.drill.postnatal');
  }

  /** A missing operation (404 without the API's message) says the rows cannot be shown yet. */
  protected errorText(error: unknown): string {
    if (error instanceof HttpErrorResponse && error.status === 404) return this.i18n.t('reports.drill.unavailable');
    return apiErrorMessage(error, (key, params) => this.i18n.t(key, params));
  }
}
