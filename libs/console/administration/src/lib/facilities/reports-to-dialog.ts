import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import {
  DAY_FIELD,
  DIALOG_FRAME,
  FacilityOption,
  FacilityPicker,
  fieldMessage,
  FORM_FIELDS,
  FormSubmission,
  I18n,
  provideConsoleDatepickerIntl,
} from '@skss/console/ui';
import { Api, FacilityRecordDetailDto, setFacilityReportsTo } from '@skss/contract';
import { IsoDate, todayInVietnam } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { dayControl, dayOf } from '../shared/day-field';

export interface ReportsToData {
  readonly facility: FacilityRecordDetailDto;
}

/** The facility after the change, and the day the new line starts (the panel shows the chain on that day). */
export interface ReportsToResult {
  readonly facility: FacilityRecordDetailDto;
  readonly validFrom: IsoDate;
}

/**
 * "Đổi tuyến báo cáo": who checks the facility's reports from a day. The line in force then ends the day before; the
 * days before keep their line. A change that would make the facility check its own reports is refused by the API
 * (REPORTING_CYCLE), shown on the field.
 */
@Component({
  selector: 'skss-reports-to-dialog',
  imports: [DIALOG_FRAME, FORM_FIELDS, DAY_FIELD, FacilityPicker],
  providers: [provideConsoleDatepickerIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'admin.facilities.reportsTo.title' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (submission.submitting()) {
          <mat-progress-bar class="progress" mode="indeterminate" [attr.aria-label]="'common.saving' | translate" />
        }
        <p class="intro">{{ 'admin.facilities.reportsTo.intro' | translate: { name: facility.name } }}</p>
        <p class="current">
          {{ 'admin.facilities.reportsTo.current' | translate }}
          <strong>{{
            facility.reportsTo
              ? facility.reportsTo.name + ' (' + facility.reportsTo.code + ')'
              : ('admin.facilities.reportsTo.none' | translate)
          }}</strong>
        </p>
        <div class="fields">
          <skss-facility-picker
            testId="reports-to-facility"
            [label]="'admin.facilities.reportsTo.new' | translate"
            [required]="true"
            [value]="reportsTo()"
            [error]="reportsToError()"
            (valueChange)="pick($event)"
          />
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'admin.facilities.reportsTo.from' | translate }}</mat-label>
            <input
              matInput
              [matDatepicker]="picker"
              formControlName="validFrom"
              autocomplete="off"
              inputmode="numeric"
              required
              data-testid="reports-to-from"
            />
            <mat-datepicker-toggle matIconSuffix [for]="picker" />
            <mat-datepicker #picker />
            <mat-error
              ><skss-field-error
                [control]="form.controls.validFrom"
                [messages]="{ required: 'common.required', matDatepickerParse: 'admin.day.invalid' }"
            /></mat-error>
            <mat-hint>{{ 'admin.facilities.reportsTo.fromHint' | translate }}</mat-hint>
          </mat-form-field>
        </div>
        @if (submission.failure(); as failure) {
          @if (submission.unplaced().length || !failure.details.length) {
            <skss-form-problems data-testid="reports-to-error" [failure]="failure" [unplaced]="submission.unplaced()" />
          }
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button type="button" matButton mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button type="submit" matButton="filled" [disabled]="submission.submitting()" data-testid="reports-to-submit">
          {{ (submission.submitting() ? 'common.saving' : 'admin.facilities.reportsTo.submit') | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .intro,
    .current {
      margin: 0 0 12px;
      max-width: 60ch;
    }
    .intro {
      color: var(--mat-sys-on-surface-variant);
    }
    .fields {
      display: grid;
      gap: 16px;
      min-width: min(480px, 80vw);
    }
    .progress {
      margin-bottom: 8px;
    }
  `,
})
export class ReportsToDialog {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<ReportsToDialog, ReportsToResult>>(MatDialogRef);
  protected readonly facility = inject<ReportsToData>(MAT_DIALOG_DATA).facility;

  protected readonly form = new FormGroup({ validFrom: dayControl(laterOf(todayInVietnam(), this.facility.validFrom)) });
  protected readonly reportsTo = signal<FacilityOption | null>(null);
  protected readonly submitted = signal(false);
  protected readonly submission = new FormSubmission(this.form, { shownElsewhere: ['reportsToCode'] });
  /** The API's problem with the chosen facility, until another one is chosen. */
  private readonly reportsToProblem = signal<string | null>(null);
  protected readonly reportsToError = computed(() => {
    if (this.submitted() && !this.reportsTo()) return this.i18n.t('admin.facilities.reportsTo.required');
    return this.reportsToProblem();
  });

  protected pick(facility: FacilityOption | null): void {
    this.reportsTo.set(facility);
    this.reportsToProblem.set(null);
  }

  protected async submit(): Promise<void> {
    if (!this.submission.begin()) return;
    this.submitted.set(true);
    const reportsTo = this.reportsTo();
    const validFrom = dayOf(this.form.controls.validFrom.value);
    if (this.form.invalid || !reportsTo || !validFrom) {
      this.form.markAllAsTouched();
      return;
    }
    await this.submission.send(
      () =>
        firstValueFrom(
          this.api.invoke(setFacilityReportsTo, { code: this.facility.code, body: { reportsToCode: reportsTo.code, validFrom } }),
        ),
      (facility) => this.ref.close({ facility, validFrom }),
      (failure) => this.reportsToProblem.set(fieldMessage(failure, 'reportsToCode')),
    );
  }
}

const laterOf = (a: IsoDate, b: IsoDate | null): IsoDate => (b && b > a ? b : a);
