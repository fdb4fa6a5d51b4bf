import { ChangeDetectionStrategy, Component, effect, input, model } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { dayToLocalDate, localDateToDay } from '@skss/console/i18n';
import { provideConsoleDatepickerIntl, TranslatePipe } from '@skss/console/ui';
import { IsoDate } from '@skss/domain';

/** A date picker's value as a calendar day, or null when it is empty or not a real day. */
export function dayOf(value: Date | null | undefined): IsoDate | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? localDateToDay(value) : null;
}

/** A form control of a day typed or picked as dd/MM/yyyy (the picker's adapter parses strictly). */
export function dayControl(day: IsoDate | null, required = true): FormControl<Date | null> {
  return new FormControl<Date | null>(day ? dayToLocalDate(day) : null, { validators: required ? [requiredDay] : [] });
}

/** Required, and the date picker's own `matDatepickerParse` error covers a text that is not a day. */
function requiredDay(control: AbstractControl<Date | null>): ValidationErrors | null {
  return control.value ? null : { required: true };
}

/**
 * "Ngày hiệu lực" of a screen: the day a list is read for, typed or picked as dd/MM/yyyy. Two-way `[(day)]`; a text
 * that is not a day keeps the last valid one and says so.
 */
@Component({
  selector: 'skss-day-field',
  imports: [
    ReactiveFormsModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatSuffix,
    TranslatePipe,
  ],
  providers: [provideConsoleDatepickerIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="field" appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() ?? ('admin.day.label' | translate) }}</mat-label>
      <input
        matInput
        [matDatepicker]="picker"
        [formControl]="control"
        autocomplete="off"
        inputmode="numeric"
        [attr.data-testid]="testId()"
      />
      <mat-datepicker-toggle matIconSuffix [for]="picker" />
      <mat-datepicker #picker />
      @if (control.invalid) {
        <mat-error>{{ 'admin.day.invalid' | translate }}</mat-error>
      } @else {
        <mat-hint>{{ 'admin.day.hint' | translate }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      width: 100%;
    }
  `,
})
export class DayField {
  readonly day = model.required<IsoDate>();
  readonly label = input<string | null>(null);
  readonly testId = input<string>();

  protected readonly control = dayControl(null);

  constructor() {
    effect(() => {
      const day = this.day();
      if (dayOf(this.control.value) !== day) this.control.setValue(dayToLocalDate(day), { emitEvent: false });
    });
    this.control.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      const day = dayOf(value);
      if (day && day !== this.day()) this.day.set(day);
    });
  }
}
