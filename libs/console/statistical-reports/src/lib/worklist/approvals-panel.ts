import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { formatMonth } from '@skss/console/i18n';
import { ApiErrorMessage, apiErrorMessage, confirmAction, DateTimePipe, I18n, Icon, Notice, remote, TranslatePipe } from '@skss/console/ui';
import type { BulkApprovalItemDto, RatesDto, ReportStateDto } from '@skss/contract';
import { formVersionOn } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { ReportsApi } from '../data/reports-api';
import { officialCodeOf } from '../shared/form-layout';
import { ReportStatusChip } from '../shared/status-chip';

/** A percentage as the forms print it: one decimal, comma in Vietnamese; null → —. */
export function percentText(value: number | null, language: string): string {
  if (value === null) return '—';
  return `${value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}%`;
}

/**
 * The approver's list ("Duyệt báo cáo"): for the month, every facility reporting to the caller's with its completeness
 * and on-time rates and its reports; reports waiting for approval can be ticked and approved together, each with its
 * own outcome. Test hooks: `approvals-row` (`data-facility`, `data-form`, `data-status`), `approvals-select`,
 * `approvals-approve`, `approvals-outcome`.
 */
@Component({
  selector: 'skss-approvals-panel',
  imports: [
    MatButton,
    MatCheckbox,
    MatProgressBar,
    RouterLink,
    ApiErrorMessage,
    DateTimePipe,
    Notice,
    Icon,
    ReportStatusChip,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './approvals-panel.html',
  styleUrl: './approvals-panel.scss',
})
export class ApprovalsPanel {
  private readonly api = inject(ReportsApi);
  private readonly dialog = inject(MatDialog);
  protected readonly i18n = inject(I18n);

  readonly month = input.required<string>();

  protected readonly approvals = remote(
    () => this.month(),
    (month) => this.api.approvals(month),
  );
  /** Ids of the ticked reports. */
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  /** Outcomes of the last bulk approval, by report id. */
  protected readonly outcomes = signal<ReadonlyMap<string, BulkApprovalItemDto>>(new Map());
  protected readonly summary = signal<string | null>(null);
  protected readonly failure = signal<unknown>(undefined);
  protected readonly busy = signal(false);

  /** Reports that can be approved now (sent, not yet approved). */
  protected readonly pending = computed(() =>
    (this.approvals.value()?.children ?? []).flatMap((child) => child.reports).filter((r) => r.status === 'SENT' && r.id !== null),
  );
  protected readonly allSelected = computed(
    () => this.pending().length > 0 && this.pending().every((r) => this.selected().has(r.id ?? '')),
  );
  protected readonly someSelected = computed(() => this.selected().size > 0 && !this.allSelected());

  constructor() {
    // Another month: nothing ticked, no outcomes.
    effect(() => {
      this.month();
      untracked(() => {
        this.selected.set(new Set());
        this.outcomes.set(new Map());
        this.summary.set(null);
      });
    });
  }

  protected monthText(): string {
    return formatMonth(this.month());
  }

  protected formCode(report: ReportStateDto): string {
    return officialCodeOf(formVersionOn(report.form, report.month), report.facility.kind);
  }

  protected formTitle(report: ReportStateDto): string {
    const version = formVersionOn(report.form, report.month);
    return this.i18n.language() === 'vi' ? version.title : version.titleEn;
  }

  protected rates(rates: RatesDto): { completeness: string; onTime: string } {
    const language = this.i18n.language();
    return { completeness: percentText(rates.completenessPercent, language), onTime: percentText(rates.onTimePercent, language) };
  }

  protected counts(rates: RatesDto): Record<string, number> {
    return { received: rates.received, expected: rates.expected, approved: rates.approved, onTime: rates.onTime };
  }

  protected selectable(report: ReportStateDto): boolean {
    return report.status === 'SENT' && report.id !== null;
  }

  protected toggle(report: ReportStateDto, checked: boolean): void {
    if (!report.id) return;
    const id = report.id;
    this.selected.update((set) => {
      const next = new Set(set);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected toggleAll(checked: boolean): void {
    this.selected.set(new Set(checked ? this.pending().map((r) => r.id ?? '') : []));
  }

  protected outcomeText(item: BulkApprovalItemDto): string {
    return item.outcome === 'APPROVED'
      ? this.i18n.t('reports.approvals.approved')
      : this.i18n.t('reports.approvals.refused', { message: item.message ?? item.code ?? '' });
  }

  protected async approveSelected(): Promise<void> {
    const ids = [...this.selected()];
    if (ids.length === 0 || this.busy()) return;
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('reports.approvals.confirmTitle', { count: ids.length }),
      text: this.i18n.t('reports.approvals.confirmText'),
      confirm: this.i18n.t('reports.actions.APPROVED'),
    });
    if (!confirmed) return;
    this.busy.set(true);
    this.failure.set(undefined);
    try {
      const result = await firstValueFrom(this.api.approveMany(ids));
      this.outcomes.set(new Map(result.results.map((item) => [item.reportId, item])));
      this.summary.set(this.i18n.t('reports.approvals.summary', { approved: result.approved, refused: result.refused }));
      this.selected.set(new Set());
      this.approvals.reload();
    } catch (error) {
      this.failure.set(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected failureText(error: unknown): string {
    return apiErrorMessage(error, (key, params) => this.i18n.t(key, params));
  }

  protected link(report: ReportStateDto): unknown[] {
    return ['/reports', report.form, report.facility.id, report.month];
  }
}
