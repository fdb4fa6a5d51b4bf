import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { Session } from '@skss/console/auth';
import { addMonths, formatMonth, isIsoMonth, IsoMonth, monthOf } from '@skss/console/i18n';
import { ApiErrorMessage, DateTimePipe, DayPipe, I18n, MonthField, Notice, remote, TranslatePipe } from '@skss/console/ui';
import type { ReportStateDto } from '@skss/contract';
import { formVersionOn, todayInVietnam } from '@skss/domain';
import { ReportsApi } from '../data/reports-api';
import { AGGREGATING_KINDS } from '../shared/aggregate-layout';
import { officialCodeOf } from '../shared/form-layout';
import { ReportStatusChip } from '../shared/status-chip';
import { ApprovalsPanel } from './approvals-panel';
import { NotificationsPanel } from './notifications-panel';

export type WorklistTab = 'mine' | 'approvals';

/** The month a report is usually worked on: the one that just ended. */
export function defaultReportMonth(): IsoMonth {
  return addMonths(monthOf(todayInVietnam()), -1);
}

/**
 * "Báo cáo thống kê": the month (the last ended month by default, or `?month=`), the notifications of the caller's
 * facility, and two tabs: the forms the facility sends that month with status and deadline ("my reports"), and for an
 * approver (`reports.approve`) the reports of the facilities reporting to it with completeness and on-time rates and
 * bulk approval (`?tab=approvals`); an aggregating unit links to its Biểu 4–8 by unit. Test hooks: `reports-month`,
 * `worklist-row` (`data-form`), `reports-tab`, `reports-aggregates`.
 */
@Component({
  selector: 'skss-worklist-page',
  imports: [
    MatButton,
    MatProgressBar,
    MatTabLink,
    MatTabNav,
    MatTabNavPanel,
    RouterLink,
    ApiErrorMessage,
    ApprovalsPanel,
    DateTimePipe,
    DayPipe,
    MonthField,
    Notice,
    NotificationsPanel,
    ReportStatusChip,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './worklist-page.html',
  styleUrl: './worklist-page.scss',
})
export class WorklistPage {
  private readonly api = inject(ReportsApi);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  protected readonly i18n = inject(I18n);

  /** `?month=YYYY-MM`. */
  readonly month = input<string>();
  /** `?tab=approvals`: the approver's list. */
  readonly tab = input<string>();

  protected readonly maxMonth = monthOf(todayInVietnam());
  protected readonly shownMonth = computed<IsoMonth>(() => {
    const month = this.month();
    return month && isIsoMonth(month) && month <= this.maxMonth ? month : defaultReportMonth();
  });
  protected readonly canApprove = computed(() => this.session.hasPermission('reports.approve'));
  protected readonly shownTab = computed<WorklistTab>(() => (this.tab() === 'approvals' && this.canApprove() ? 'approvals' : 'mine'));

  protected readonly worklist = remote(
    () => (this.shownTab() === 'mine' ? this.shownMonth() : undefined),
    (month) => this.api.worklist(month),
  );

  protected readonly monthText = computed(() => formatMonth(this.shownMonth()));
  /** An aggregating unit (district health centre, Department of Health, CDC, ministry) also reads Biểu 4–8 by unit. */
  protected readonly aggregates = computed(() => {
    const facility = this.worklist.value()?.facility;
    return !!facility && AGGREGATING_KINDS.includes(facility.kind);
  });

  protected setMonth(month: IsoMonth | null): void {
    if (!month || month === this.shownMonth()) return;
    void this.router.navigate([], { queryParams: { month, tab: this.tab() ?? null }, queryParamsHandling: 'replace' });
  }

  protected formCode(item: ReportStateDto): string {
    return officialCodeOf(formVersionOn(item.form, item.month), item.facility.kind);
  }

  protected formTitle(item: ReportStateDto): string {
    const version = formVersionOn(item.form, item.month);
    return this.i18n.language() === 'vi' ? version.title : version.titleEn;
  }

  protected late(item: ReportStateDto): boolean {
    return item.onTime === false || (item.onTime === null && todayInVietnam() > item.deadline);
  }

  protected link(item: ReportStateDto): unknown[] {
    return ['/reports', item.form, item.facility.id, item.month];
  }
}
