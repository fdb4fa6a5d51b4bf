import { ChangeDetectionStrategy, Component, computed, effect, input, model } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatIconButton } from '@angular/material/button';
import { MAT_DATE_FORMATS } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { addMonths, dayToLocalDate, IsoMonth, localDateToDay, monthOf } from '@skss/console/i18n';
import { MONTH_YEAR_FORMATS } from './date-adapter';
import { Icon } from './icon';
import { provideConsoleDatepickerIntl } from './intl';
import { TranslatePipe } from './translate.pipe';

const monthStart = (month: IsoMonth | null): Date | null => (month ? dayToLocalDate(`${month}-01`) : null);

/**
 * A month (the period of a register or a monthly report), typed MM/yyyy, chosen in a year-and-month calendar, or stepped
 * with the previous / next buttons. Two-way `[(value)]` as 'YYYY-MM'; `min` and `max` bound it (both inclusive).
 */
@Component({
  selector: 'skss-month-field',
  imports: [
    ReactiveFormsModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatError,
    MatFormField,
    MatHint,
    MatIconButton,
    MatInput,
    MatLabel,
    MatSuffix,
    Icon,
    TranslatePipe,
  ],
  providers: [{ provide: MAT_DATE_FORMATS, useValue: MONTH_YEAR_FORMATS }, provideConsoleDatepickerIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      matIconButton
      class="step"
      [disabled]="!canStep(-1)"
      [attr.aria-label]="'period.previous' | translate"
      (click)="step(-1)"
    >
      <skss-icon name="chevron_left" />
    </button>
    <mat-form-field class="field" appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() ?? ('period.month' | translate) }}</mat-label>
      <input
        matInput
        autocomplete="off"
        inputmode="numeric"
        [formControl]="control"
        [matDatepicker]="picker"
        [min]="minDate()"
        [max]="maxDate()"
        [attr.data-testid]="testId()"
      />
      <mat-datepicker-toggle matIconSuffix [for]="picker" />
      <mat-datepicker #picker startView="multi-year" (monthSelected)="choose($event, picker)" />
      @if (control.invalid) {
        <mat-error>{{ 'period.invalid' | translate }}</mat-error>
      } @else {
        <mat-hint>{{ 'period.hint' | translate }}</mat-hint>
      }
    </mat-form-field>
    <button
      type="button"
      matIconButton
      class="step"
      [disabled]="!canStep(1)"
      [attr.aria-label]="'period.next' | translate"
      (click)="step(1)"
    >
      <skss-icon name="chevron_right" />
    </button>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: flex-start;
      gap: 2px;
    }
    .field {
      width: 10.5rem;
    }
    .step {
      margin-top: 4px;
    }
  `,
})
export class MonthField {
  readonly value = model<IsoMonth | null>(null);
  readonly min = input<IsoMonth | null>(null);
  readonly max = input<IsoMonth | null>(null);
  readonly label = input<string | null>(null);
  readonly testId = input<string>();

  protected readonly control = new FormControl<Date | null>(null);
  protected readonly minDate = computed(() => monthStart(this.min()));
  protected readonly maxDate = computed(() => monthStart(this.max()));

  constructor() {
    effect(() => {
      const month = this.value();
      const shown = this.control.value;
      if (!shown || month !== monthOf(localDateToDay(shown))) this.control.setValue(monthStart(month), { emitEvent: false });
    });
    this.control.valueChanges.pipe(takeUntilDestroyed()).subscribe((date) => {
      if (date && !Number.isNaN(date.getTime()) && this.control.valid) this.value.set(monthOf(localDateToDay(date)));
    });
  }

  protected canStep(count: number): boolean {
    const month = this.value();
    if (!month) return false;
    const next = addMonths(month, count);
    const min = this.min();
    const max = this.max();
    return (!min || next >= min) && (!max || next <= max);
  }

  protected step(count: number): void {
    const month = this.value();
    if (month && this.canStep(count)) this.value.set(addMonths(month, count));
  }

  protected choose(date: Date, picker: MatDatepicker<Date>): void {
    this.control.setValue(date);
    picker.close();
  }
}
