import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { Session } from '@skss/console/auth';
import { isIsoMonth, IsoMonth, monthOf } from '@skss/console/i18n';
import { ApiErrorMessage, I18n, Icon, MonthField, Notice, remote, TranslatePipe } from '@skss/console/ui';
import type { FacilityKind } from '@skss/domain';
import { formVersionOn, todayInVietnam } from '@skss/domain';
import { AggregateKey, ExportFormat, ReportsApi } from '../data/reports-api';
import {
  AGGREGATE_FORMS,
  AggregateForm,
  aggregateRows,
  AGGREGATING_KINDS,
  isAggregateForm,
  PERIOD_SPANS,
  PeriodSpan,
  periodKeyOf,
} from '../shared/aggregate-layout';
import { formLayout, headerRowsOf } from '../shared/form-layout';
import { spanKey } from '../shared/report-labels';
import { defaultReportMonth } from '../worklist/worklist-page';

interface UnitChoice {
  readonly id: number;
  readonly name: string;
  readonly kind: FacilityKind;
}

/**
 * "Báo cáo tổng hợp": Biểu 4–8 of an aggregating unit (district health centre, Department of Health, CDC, ministry)
 * for a month or the quarter, half year, nine months or year holding it — one line per reporting unit, subtotals and
 * the total as the API computes them, grey cells where a line's kind of row does not apply, communes without an
 * approved report marked; Excel and CSV with the same numbers. Query parameters: `form`, `month`, `span`, `facility`
 * (default: the user's own unit). Test hooks: `aggregate-form`, `aggregate-span`, `aggregate-unit`, `aggregate-table`,
 * `aggregate-line` (`data-line`), `aggregate-cell` (`data-column`), `aggregate-export` (`data-format`).
 */
@Component({
  selector: 'skss-aggregate-page',
  imports: [
    MatButton,
    MatFormField,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    RouterLink,
    ApiErrorMessage,
    Icon,
    MonthField,
    Notice,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './aggregate-page.html',
  styleUrl: './aggregate-page.scss',
})
export class AggregatePage {
  private readonly api = inject(ReportsApi);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  protected readonly i18n = inject(I18n);

  /** Query parameters. */
  readonly form = input<string>();
  readonly month = input<string>();
  readonly span = input<string>();
  readonly facility = input<string>();

  protected readonly forms = AGGREGATE_FORMS;
  protected readonly spans = PERIOD_SPANS;
  protected readonly spanKey = spanKey;
  protected readonly maxMonth = monthOf(todayInVietnam());
  protected readonly shownForm = computed<AggregateForm>(() => {
    const form = this.form();
    return isAggregateForm(form) ? form : 'maternal-care';
  });
  protected readonly shownMonth = computed<IsoMonth>(() => {
    const month = this.month();
    return month && isIsoMonth(month) && month <= this.maxMonth ? month : defaultReportMonth();
  });
  protected readonly shownSpan = computed<PeriodSpan>(() => {
    const span = this.span();
    return (PERIOD_SPANS as readonly string[]).includes(span ?? '') ? (span as PeriodSpan) : 'month';
  });

  /** The user's own unit (the worklist names it) and, for an approver, the aggregating units reporting to it. */
  private readonly own = remote(
    () => this.shownMonth(),
    (month) => this.api.worklist(month),
  );
  private readonly children = remote(
    () => (this.session.hasPermission('reports.approve') ? this.shownMonth() : undefined),
    (month) => this.api.approvals(month),
  );
  protected readonly units = computed<UnitChoice[]>(() => {
    const own = this.own.value()?.facility;
    const below = (this.children.value()?.children ?? [])
      .map((child) => child.facility)
      .filter((facility) => AGGREGATING_KINDS.includes(facility.kind));
    return [...(own ? [own] : []), ...below].map(({ id, name, kind }) => ({ id, name, kind }));
  });
  protected readonly unit = computed<UnitChoice | undefined>(() => {
    const wanted = Number(this.facility());
    const units = this.units();
    return units.find((u) => u.id === wanted) ?? units[0];
  });

  protected readonly key = computed<AggregateKey | undefined>(() => {
    const unit = this.unit();
    return unit ? { form: this.shownForm(), facilityId: unit.id, period: periodKeyOf(this.shownMonth(), this.shownSpan()) } : undefined;
  });
  protected readonly aggregate = remote(
    () => this.key(),
    (key) => this.api.aggregate(key),
  );

  /** The first month of the period: its form version names the headers (a period never spans two regimes). */
  private readonly firstMonth = computed(
    () => (this.aggregate.value()?.period['months'] as string[] | undefined)?.[0] ?? this.shownMonth(),
  );
  protected readonly layout = computed(() => {
    const report = this.aggregate.value();
    return report ? formLayout(report.form, this.firstMonth(), report.facility.kind as FacilityKind) : null;
  });
  protected readonly headerRows = computed(() => {
    const layout = this.layout();
    return layout ? headerRowsOf(layout) : [];
  });
  protected readonly rows = computed(() => {
    const report = this.aggregate.value();
    return report ? aggregateRows(report.form, this.firstMonth(), report.level, report.lines) : [];
  });
  protected readonly exportFailed = signal(false);

  protected formName(form: AggregateForm): string {
    const version = formVersionOn(form, this.shownMonth());
    return this.i18n.language() === 'vi' ? version.title : version.titleEn;
  }

  protected title(): string {
    const layout = this.layout();
    return layout ? this.i18n.label(layout.title) : '';
  }

  protected periodText(): string {
    const label = this.aggregate.value()?.periodLabel;
    return label ? this.i18n.label(label) : '';
  }

  protected select(change: { form?: string; month?: IsoMonth | null; span?: string; facility?: number }): void {
    const next = {
      form: change.form ?? this.shownForm(),
      month: change.month ?? this.shownMonth(),
      span: change.span ?? this.shownSpan(),
      facility: change.facility ?? this.unit()?.id ?? null,
    };
    void this.router.navigate([], { queryParams: next, queryParamsHandling: 'replace' });
  }

  protected async download(format: ExportFormat): Promise<void> {
    const key = this.key();
    if (!key) return;
    this.exportFailed.set(false);
    try {
      await this.api.downloadAggregate(key, format);
    } catch {
      this.exportFailed.set(true);
    }
  }
}
