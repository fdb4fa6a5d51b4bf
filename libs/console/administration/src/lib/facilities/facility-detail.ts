import { ComponentType } from '@angular/cdk/portal';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Session } from '@skss/console/auth';
import { ApiErrorMessage, DayPipe, I18n, Icon, Notice, remote, TranslatePipe } from '@skss/console/ui';
import {
  Api,
  closeFacility,
  FacilityRecordDetailDto,
  getFacilityRecord,
  getFacilityReportingChain,
  ReportingLineDto,
} from '@skss/contract';
import { IsoDate, isValidOn, todayInVietnam } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { DayField } from '../shared/day-field';
import { endOnDay } from '../shared/end-on-day-dialog';
import { isAdministeredKind } from './facility-form';
import { FacilityFormData, FacilityFormDialog } from './facility-form-dialog';
import { FacilityLabels } from './facility-labels';
import { ReportsToData, ReportsToDialog, ReportsToResult } from './reports-to-dialog';

/**
 * The selected facility: its attributes, every reporting line it has had (with the one in force today marked), and the
 * reporting chain that results on a chosen day (the facility, then each unit that checks its reports, up to the top).
 * With `facilities.manage`: edit, change the reporting line from a day, close. The seeded central agencies and closed
 * facilities are read-only. Test hooks: `facility-detail` (`data-code`), `facility-edit`, `facility-reports-to`,
 * `facility-close`, `reporting-line` (`data-code`), `reporting-chain`, `chain-step` (`data-code`), `chain-day`.
 */
@Component({
  selector: 'skss-facility-detail',
  imports: [MatButton, MatIconButton, MatProgressBar, ApiErrorMessage, DayField, DayPipe, Icon, Notice, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './facility-detail.html',
  styleUrl: './facility-detail.scss',
})
export class FacilityDetail {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly session = inject(Session);
  private readonly i18n = inject(I18n);
  protected readonly labels = inject(FacilityLabels);

  readonly code = input.required<string>();
  /** The facility changed: the list should be read again. */
  readonly changed = output<void>();
  readonly closed = output<void>();

  protected readonly today = todayInVietnam();
  protected readonly facility = remote(
    () => this.code(),
    (code) => this.api.invoke(getFacilityRecord, { code }),
  );
  /** The day the chain is shown for: today, or the first day of a line just set; back to today for another facility. */
  protected readonly chainDay = linkedSignal<string, IsoDate>({ source: this.code, computation: () => this.today });
  protected readonly chain = remote(
    () => ({ code: this.code(), at: this.chainDay() }),
    (params) => this.api.invoke(getFacilityReportingChain, params),
    { keepPrevious: false },
  );
  protected readonly canManage = computed(() => {
    const facility = this.facility.value();
    return this.session.hasPermission('facilities.manage') && !!facility && isAdministeredKind(facility.kind);
  });
  protected readonly open = computed(() => {
    const facility = this.facility.value();
    return !!facility && (!facility.validTo || facility.validTo >= this.today);
  });
  /** Newest line first: the one that matters most is on top. */
  protected readonly lines = computed(() => [...(this.facility.value()?.reportingLines ?? [])].reverse());

  protected inForce(line: ReportingLineDto): boolean {
    return isValidOn(line, this.today);
  }

  protected async edit(facility: FacilityRecordDetailDto): Promise<void> {
    const saved = await this.openDialog<FacilityFormDialog, FacilityFormData, FacilityRecordDetailDto>(FacilityFormDialog, {
      mode: 'edit',
      facility,
    });
    if (saved) this.done('admin.facilities.saved');
  }

  protected async changeReportsTo(facility: FacilityRecordDetailDto): Promise<void> {
    const result = await this.openDialog<ReportsToDialog, ReportsToData, ReportsToResult>(ReportsToDialog, { facility });
    if (!result) return;
    this.chainDay.set(result.validFrom);
    this.done('admin.facilities.reportsTo.saved');
  }

  /**
   * "Ngừng hoạt động": the facility's last day; its reporting lines end with it. A facility others still report to
   * cannot close (FACILITY_HAS_REPORTERS, listed by the API).
   */
  protected async close(facility: FacilityRecordDetailDto): Promise<void> {
    const closed = await endOnDay(this.dialog, {
      title: 'admin.facilities.close.title',
      intro: 'admin.facilities.close.intro',
      introParams: { name: facility.name },
      dayLabel: 'admin.facilities.close.lastDay',
      submit: 'admin.facilities.close.submit',
      day: todayInVietnam(),
      testIds: { day: 'facility-close-day', submit: 'facility-close-submit', error: 'facility-close-error' },
      end: (validTo) => this.api.invoke(closeFacility, { code: facility.code, body: { validTo } }),
    });
    if (closed) this.done('admin.facilities.close.saved');
  }

  private done(message: 'admin.facilities.saved' | 'admin.facilities.reportsTo.saved' | 'admin.facilities.close.saved'): void {
    this.facility.reload();
    this.chain.reload();
    this.changed.emit();
    this.snackBar.open(this.i18n.t(message), undefined, { duration: 4000 });
  }

  private openDialog<C, D, R>(component: ComponentType<C>, data: D): Promise<R | undefined> {
    const ref = this.dialog.open<C, D, R>(component, { data, width: '720px', maxWidth: '96vw', autoFocus: 'first-tabbable' });
    return firstValueFrom(ref.afterClosed());
  }
}
