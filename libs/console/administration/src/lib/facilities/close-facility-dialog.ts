import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  ApiFailure,
  applyFieldErrors,
  describeFailure,
  FieldError,
  FormProblems,
  I18n,
  Icon,
  provideConsoleDatepickerIntl,
  TranslatePipe,
} from '@skss/console/ui';
import { Api, closeFacility, FacilityRecordDetailDto } from '@skss/contract';
import { todayInVietnam } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { dayControl, dayOf } from '../shared/day-field';

export interface CloseFacilityData {
  readonly facility: FacilityRecordDetailDto;
}

/**
 * "Ngừng hoạt động": the facility's last day; its reporting lines end with it and the days before keep it. A facility
 * others still report to cannot close (FACILITY_HAS_REPORTERS, listed by the API).
 */
@Component({
  selector: 'skss-close-facility-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatProgressBar,
    MatSuffix,
    FieldError,
    FormProblems,
    Icon,
    TranslatePipe,
  ],
  providers: [provideConsoleDatepickerIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title class="title"><skss-icon name="error" class="warn" />{{ 'admin.facilities.close.title' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (submitting()) {
          <mat-progress-bar class="progress" mode="indeterminate" [attr.aria-label]="'common.saving' | translate" />
        }
        <p class="intro">{{ 'admin.facilities.close.intro' | translate: { name: facility.name } }}</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="field">
          <mat-label>{{ 'admin.facilities.close.lastDay' | translate }}</mat-label>
          <input
            matInput
            [matDatepicker]="picker"
            formControlName="validTo"
            autocomplete="off"
            inputmode="numeric"
            required
            data-testid="facility-close-day"
          />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          <mat-error
            ><skss-field-error
              [control]="form.controls.validTo"
              [messages]="{ required: 'common.required', matDatepickerParse: 'admin.day.invalid' }"
          /></mat-error>
          <mat-hint>{{ 'admin.day.hint' | translate }}</mat-hint>
        </mat-form-field>
        @if (failure(); as failure) {
          @if (unplaced().length || !failure.details.length) {
            <skss-form-problems data-testid="facility-close-error" [failure]="failure" [unplaced]="unplaced()" />
          }
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button type="button" matButton mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button type="submit" matButton="filled" class="destructive" [disabled]="submitting()" data-testid="facility-close-submit">
          {{ (submitting() ? 'common.saving' : 'admin.facilities.close.submit') | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .title {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .warn {
      color: var(--mat-sys-error);
    }
    .intro {
      margin: 0 0 16px;
      max-width: 60ch;
    }
    .field {
      width: 100%;
    }
    .progress {
      margin-bottom: 8px;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class CloseFacilityDialog {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<CloseFacilityDialog, FacilityRecordDetailDto>>(MatDialogRef);
  protected readonly facility = inject<CloseFacilityData>(MAT_DIALOG_DATA).facility;

  protected readonly form = new FormGroup({ validTo: dayControl(todayInVietnam()) });
  protected readonly submitting = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly unplaced = signal<string[]>([]);

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    this.failure.set(null);
    this.unplaced.set([]);
    const validTo = dayOf(this.form.controls.validTo.value);
    if (this.form.invalid || !validTo) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    try {
      this.ref.close(await firstValueFrom(this.api.invoke(closeFacility, { code: this.facility.code, body: { validTo } })));
    } catch (error) {
      const failure = describeFailure(error, (key, params) => this.i18n.t(key, params));
      this.failure.set(failure);
      this.unplaced.set(applyFieldErrors(this.form, failure));
    } finally {
      this.submitting.set(false);
    }
  }
}
