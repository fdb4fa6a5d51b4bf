import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { formatMonth } from '@skss/console/i18n';
import {
  ApiErrorMessage,
  apiErrorMessage,
  confirmAction,
  DateTimePipe,
  DayPipe,
  I18n,
  Icon,
  IconName,
  Notice,
  remote,
  TranslatePipe,
} from '@skss/console/ui';
import type { CellChangeDto, ReportAction, ReportDto } from '@skss/contract';
import { isReportFormCode, ReportFormCode } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { ReportKey, ReportsApi } from '../data/reports-api';
import type { ExportFormat } from '../data/reports-api';
import { cellLabel, formLayout } from '../shared/form-layout';
import {
  ACTION_ORDER,
  actionKey,
  ConfirmedAction,
  confirmTextKey,
  confirmTitleKey,
  doneKey,
  eventKey,
  isReasonAction,
  reasonTextKey,
  reasonTitleKey,
  TRANSITION_OF,
} from '../shared/report-labels';
import { ReportStatusChip } from '../shared/status-chip';
import { CellRowsPanel } from './cell-rows-panel';
import { askReason } from './reason-dialog';
import { DrillRequest, ReportTable } from './report-table';

const ACTION_ICONS: Readonly<Record<ReportAction, IconName>> = {
  SENT: 'send',
  RECALLED: 'undo',
  UNAPPROVAL_REQUESTED: 'reply',
  APPROVED: 'check',
  RETURNED: 'reply',
  UNAPPROVED: 'undo',
};

/** Statuses whose values are the ones sent (frozen); otherwise the draft computed from the registers is shown. */
const FROZEN = new Set<ReportDto['status']>(['SENT', 'APPROVED', 'UNAPPROVAL_REQUESTED']);

/**
 * One report: its header as on the form (official code, title, unit, period) with status, deadline and approver; the
 * reason of a return or of an un-approval request; the transitions open to the caller (the API says which); Excel and
 * CSV export; the table as on paper with the cells changed since sending; the drill-down of a cell to its register
 * rows; the history of its transitions. Test hooks: `report-status` (`data-status`), `report-action`
 * (`data-action`), `report-returned`, `report-unapproval`, `report-changes`, `report-history` / `report-event`
 * (`data-action`), `report-export` (`data-format`).
 */
@Component({
  selector: 'skss-report-page',
  imports: [
    MatButton,
    MatProgressBar,
    RouterLink,
    ApiErrorMessage,
    CellRowsPanel,
    DateTimePipe,
    DayPipe,
    Icon,
    Notice,
    ReportStatusChip,
    ReportTable,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-page.html',
  styleUrl: './report-page.scss',
})
export class ReportPage {
  private readonly api = inject(ReportsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);

  /** Route parameters. */
  readonly form = input.required<string>();
  readonly facilityId = input.required<string>();
  readonly month = input.required<string>();

  protected readonly key = computed<ReportKey | undefined>(() => {
    const form = this.form();
    return isReportFormCode(form)
      ? { form: form as ReportFormCode, facilityId: Number(this.facilityId()), month: this.month() }
      : undefined;
  });
  protected readonly report = remote(
    () => this.key(),
    (key) => this.api.get(key),
  );
  protected readonly layout = computed(() => {
    const report = this.report.value();
    return report ? formLayout(report.form, report.month, report.facility.kind) : null;
  });
  protected readonly frozen = computed(() => {
    const report = this.report.value();
    return !!report && FROZEN.has(report.status) && report.sent !== null;
  });
  protected readonly values = computed(() => {
    const report = this.report.value();
    if (!report) return null;
    return this.frozen() ? report.sent : (report.draft ?? report.sent);
  });
  protected readonly actions = computed(() => {
    const open = this.report.value()?.actions ?? [];
    return ACTION_ORDER.filter((action) => open.includes(action));
  });
  protected readonly monthText = computed(() => formatMonth(this.month()));
  protected readonly busy = signal<ReportAction | null>(null);
  protected readonly failure = signal<unknown>(undefined);
  protected readonly exportFailed = signal(false);
  protected readonly drill = signal<DrillRequest | null>(null);

  protected readonly actionKey = actionKey;
  protected readonly eventKey = eventKey;
  protected readonly actionIcons = ACTION_ICONS;

  protected title(report: ReportDto): string {
    const layout = this.layout();
    return layout ? this.i18n.label(layout.title) : report.form;
  }

  protected tableCaption(): string {
    return this.i18n.t('reports.report.table', { form: this.layout()?.officialCode ?? '' });
  }

  protected async act(action: ReportAction): Promise<void> {
    const report = this.report.value();
    const key = this.key();
    if (!report || !key || this.busy()) return;
    const params = {
      approver: report.approver?.name ?? this.i18n.t('reports.report.noApprover'),
      facility: report.facility.name,
      month: this.monthText(),
    };
    let reason: string | undefined;
    if (isReasonAction(action)) {
      const given = await askReason(this.dialog, {
        title: this.i18n.t(reasonTitleKey(action)),
        text: this.i18n.t(reasonTextKey(action), params),
        confirm: this.i18n.t(actionKey(action)),
      });
      if (given === null) return;
      reason = given;
    } else {
      const confirmed = await confirmAction(this.dialog, {
        title: this.i18n.t(confirmTitleKey(action as ConfirmedAction)),
        text: this.i18n.t(confirmTextKey(action as ConfirmedAction), params),
        confirm: this.i18n.t(actionKey(action)),
      });
      if (!confirmed) return;
    }
    this.busy.set(action);
    this.failure.set(undefined);
    try {
      await firstValueFrom(this.api.transition(key, TRANSITION_OF[action], reason));
      this.snackBar.open(this.i18n.t(doneKey(action)), undefined, { duration: 4000 });
    } catch (error) {
      this.failure.set(error);
    } finally {
      this.busy.set(null);
      this.report.reload();
    }
  }

  protected async download(format: ExportFormat): Promise<void> {
    const key = this.key();
    if (!key) return;
    this.exportFailed.set(false);
    try {
      await this.api.download(key, format);
    } catch {
      this.exportFailed.set(true);
    }
  }

  protected failureText(error: unknown): string {
    return apiErrorMessage(error, (key, params) => this.i18n.t(key, params));
  }

  protected changeLabel(change: CellChangeDto): string {
    return this.i18n.label(cellLabel(change.row, change.column));
  }

  protected openDrill(request: DrillRequest): void {
    this.drill.set(request);
  }
}
