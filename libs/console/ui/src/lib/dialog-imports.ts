import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { FieldError, FormProblems } from './field-error';
import { TranslatePipe } from './translate.pipe';

/*
 * What the console's dialogs and forms import, in the groups they are used in, so that a component lists what it
 * shows rather than the Material parts behind it: `imports: [DIALOG_FRAME, FORM_FIELDS, DAY_FIELD, FacilityPicker]`.
 */

/** A dialog's frame: title, content, actions and its buttons (one of them closing it), in the console's texts. */
export const DIALOG_FRAME = [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, TranslatePipe] as const;

/** A reactive form's text fields with label, hint and error, the API's problems on them and a progress bar while sent. */
export const FORM_FIELDS = [
  ReactiveFormsModule,
  MatFormField,
  MatLabel,
  MatHint,
  MatError,
  MatInput,
  MatProgressBar,
  FieldError,
  FormProblems,
] as const;

/** A day field (dd/MM/yyyy) with its calendar button; give the component `provideConsoleDatepickerIntl()` too. */
export const DAY_FIELD = [MatDatepicker, MatDatepickerInput, MatDatepickerToggle, MatSuffix] as const;
