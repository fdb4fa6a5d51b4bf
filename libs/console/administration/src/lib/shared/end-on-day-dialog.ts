import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { TranslationKey, TranslationParams } from '@skss/console/i18n';
import { DAY_FIELD, DIALOG_FRAME, FORM_FIELDS, FormSubmission, Icon, provideConsoleDatepickerIntl } from '@skss/console/ui';
import { IsoDate } from '@skss/domain';
import { firstValueFrom, Observable } from 'rxjs';
import { dayControl, dayOf } from './day-field';

/**
 * What ends something of the administration from a day on (a catalog code retired, a facility closed): the texts, the
 * test hooks, the day offered, and the call that ends it.
 */
export interface EndOnDayRequest<T> {
  readonly title: TranslationKey;
  readonly intro: TranslationKey;
  readonly introParams: TranslationParams;
  readonly dayLabel: TranslationKey;
  readonly submit: TranslationKey;
  readonly day: IsoDate;
  readonly testIds: { readonly day: string; readonly submit: string; readonly error: string };
  readonly end: (day: IsoDate) => Observable<T>;
}

/**
 * The warning dialog of an ending: one day field (dd/MM/yyyy), the API's refusal on the field or in a banner, a
 * destructive button. Closes with the API's answer.
 */
@Component({
  selector: 'skss-end-on-day-dialog',
  imports: [DIALOG_FRAME, FORM_FIELDS, DAY_FIELD, Icon],
  providers: [provideConsoleDatepickerIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title class="title"><skss-icon name="error" class="warn" />{{ request.title | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (submission.submitting()) {
          <mat-progress-bar class="progress" mode="indeterminate" [attr.aria-label]="'common.saving' | translate" />
        }
        <p class="intro">{{ request.intro | translate: request.introParams }}</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="field">
          <mat-label>{{ request.dayLabel | translate }}</mat-label>
          <input
            matInput
            [matDatepicker]="picker"
            formControlName="day"
            autocomplete="off"
            inputmode="numeric"
            required
            [attr.data-testid]="request.testIds.day"
          />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          <mat-error
            ><skss-field-error
              [control]="form.controls.day"
              [messages]="{ required: 'common.required', matDatepickerParse: 'admin.day.invalid' }"
          /></mat-error>
          <mat-hint>{{ 'admin.day.hint' | translate }}</mat-hint>
        </mat-form-field>
        @if (submission.failure(); as failure) {
          @if (submission.unplaced().length || !failure.details.length) {
            <skss-form-problems [attr.data-testid]="request.testIds.error" [failure]="failure" [unplaced]="submission.unplaced()" />
          }
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button type="button" matButton mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button
          type="submit"
          matButton="filled"
          class="destructive"
          [disabled]="submission.submitting()"
          [attr.data-testid]="request.testIds.submit"
        >
          {{ (submission.submitting() ? 'common.saving' : request.submit) | translate }}
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
export class EndOnDayDialog<T> {
  private readonly ref = inject<MatDialogRef<EndOnDayDialog<T>, T>>(MatDialogRef);
  protected readonly request = inject<EndOnDayRequest<T>>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({ day: dayControl(this.request.day) });
  protected readonly submission = new FormSubmission(this.form);

  protected async submit(): Promise<void> {
    if (!this.submission.begin()) return;
    const day = dayOf(this.form.controls.day.value);
    if (this.form.invalid || !day) {
      this.form.markAllAsTouched();
      return;
    }
    await this.submission.send(
      () => firstValueFrom(this.request.end(day)),
      (answer) => this.ref.close(answer),
    );
  }
}

/** Opens the dialog; the API's answer once it has ended, undefined when cancelled. */
export function endOnDay<T>(dialog: MatDialog, request: EndOnDayRequest<T>): Promise<T | undefined> {
  const ref = dialog.open<EndOnDayDialog<T>, EndOnDayRequest<T>, T>(EndOnDayDialog, {
    data: request,
    width: '560px',
    maxWidth: '96vw',
    autoFocus: 'first-tabbable',
  });
  return firstValueFrom(ref.afterClosed());
}
