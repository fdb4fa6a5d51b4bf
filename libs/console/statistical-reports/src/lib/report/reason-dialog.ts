import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { DIALOG_FRAME, FORM_FIELDS } from '@skss/console/ui';

/** The API's limit of a reason (ReasonDto). */
export const REASON_MAX_LENGTH = 1000;

export interface ReasonDialogData {
  readonly title: string;
  readonly text: string;
  readonly confirm: string;
}

/** Asks for the mandatory reason of a return or an un-approval request; answers the trimmed text, or nothing. */
@Component({
  selector: 'skss-reason-dialog',
  imports: [DIALOG_FRAME, FORM_FIELDS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()">
      <h2 mat-dialog-title>{{ data.title }}</h2>
      <mat-dialog-content>
        <p class="text">{{ data.text }}</p>
        <mat-form-field appearance="outline" class="field">
          <mat-label>{{ 'reports.reason.label' | translate }}</mat-label>
          <textarea matInput rows="4" cdkFocusInitial data-testid="reason-input" [formControl]="reason" [maxlength]="max"></textarea>
          <mat-hint align="end">{{ reason.value.length }}/{{ max }}</mat-hint>
          @if (reason.hasError('required') || reason.hasError('blank')) {
            <mat-error data-testid="reason-error">{{ 'reports.reason.required' | translate }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button type="button" matButton [mat-dialog-close]="undefined" data-testid="reason-cancel">
          {{ 'common.cancel' | translate }}
        </button>
        <button type="submit" matButton="filled" data-testid="reason-ok">{{ data.confirm }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .text {
      margin: 0 0 12px;
      max-width: 56ch;
    }
    .field {
      width: 100%;
      min-width: min(480px, 80vw);
    }
  `,
})
export class ReasonDialog {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReasonDialog, string>>(MatDialogRef);
  protected readonly max = REASON_MAX_LENGTH;
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(REASON_MAX_LENGTH), (c) => (String(c.value).trim() ? null : { blank: true })],
  });
  protected readonly form = new FormGroup({ reason: this.reason });

  protected submit(): void {
    this.reason.markAsTouched();
    if (this.reason.invalid) return;
    this.ref.close(this.reason.value.trim().normalize('NFC'));
  }
}

/** Opens the dialog; resolves to the reason, or null when cancelled. */
export async function askReason(dialog: MatDialog, data: ReasonDialogData): Promise<string | null> {
  const ref = dialog.open<ReasonDialog, ReasonDialogData, string>(ReasonDialog, { data, autoFocus: 'first-tabbable', maxWidth: '640px' });
  return (await firstValueFrom(ref.afterClosed())) ?? null;
}
