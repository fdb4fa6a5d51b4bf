import { ChangeDetectionStrategy, Component, computed, effect, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { dayToLocalDate, localDateToDay } from '@skss/console/i18n';
import { TranslatePipe } from '@skss/console/ui';
import { addDays, IsoDate, REFORM_DATE } from '@skss/domain';

/** The last day of the 63 provinces and of districts. */
export const BEFORE_REFORM: IsoDate = addDays(REFORM_DATE, -1);

/** "Ngày hiệu lực": the day the whole screen is read for, typed or picked as dd/MM/yyyy, with quick choices. */
@Component({
  selector: 'skss-org-date-bar',
  imports: [
    ReactiveFormsModule,
    MatButton,
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
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './org-date-bar.html',
  styleUrl: './org-date-bar.scss',
})
export class OrgDateBar {
  readonly day = input.required<IsoDate>();
  readonly today = input.required<IsoDate>();
  readonly dayChange = output<IsoDate>();

  protected readonly beforeReform = BEFORE_REFORM;
  protected readonly afterReform = REFORM_DATE;
  protected readonly isBeforeReform = computed(() => this.day() < REFORM_DATE);
  protected readonly control = new FormControl<Date | null>(null);

  constructor() {
    effect(() => {
      const day = this.day();
      const shown = this.control.value;
      if (!shown || !this.isValidDate(shown) || localDateToDay(shown) !== day) {
        this.control.setValue(dayToLocalDate(day), { emitEvent: false });
      }
    });
    this.control.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      if (value && this.isValidDate(value) && localDateToDay(value) !== this.day()) this.dayChange.emit(localDateToDay(value));
    });
  }

  protected choose(day: IsoDate): void {
    if (day !== this.day()) this.dayChange.emit(day);
    else this.control.setValue(dayToLocalDate(day), { emitEvent: false });
  }

  private isValidDate(value: Date): boolean {
    return !Number.isNaN(value.getTime());
  }
}
