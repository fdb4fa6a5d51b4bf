import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { AbstractControl, FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { I18n, TranslatePipe } from '@skss/console/ui';
import { CodeEntry, FieldDefinition } from '@skss/domain';
import { controlKind, ControlValue, timeKey } from './form-values';
import { controlMessage, RecordFormGroup } from './record-form-group';

/**
 * One field of a register, rendered from its definition: text, number (typed as Vietnamese readers write it, "52,5"),
 * day (date picker, dd/MM/yyyy), day and time, a code list, several codes, a flag or a yes/no. The label and help come
 * from the definition; the error is the domain validator's (or the API's) message for the field.
 * Test hooks: `[testId]` on the input (`-time` on the time box), `<testId>-error`.
 */
@Component({
  selector: 'skss-record-field',
  imports: [
    ReactiveFormsModule,
    MatCheckbox,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatSuffix,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.wide]': 'wide()', '[class.double]': "kind() === 'datetime'", '[class.flag]': "kind() === 'checkbox'" },
  templateUrl: './record-field.html',
  styleUrl: './record-field.scss',
})
export class RecordField {
  private readonly i18n = inject(I18n);

  readonly field = input.required<FieldDefinition>();
  /** The group that holds the field's control(s). */
  readonly group = input.required<RecordFormGroup>();
  /** The choices of a code field (the list, or the catalog's entries). */
  readonly options = input<readonly CodeEntry[]>([]);
  readonly testId = input.required<string>();

  protected readonly kind = computed(() => {
    const kind = controlKind(this.field());
    // A catalog not loaded (yet) is typed as its code, which the validator checks by shape.
    return (kind === 'select' || kind === 'multiselect') && this.options().length === 0 ? 'text' : kind;
  });
  protected readonly wide = computed(() => this.kind() === 'textarea' || this.kind() === 'multiselect');
  protected readonly control = computed(() => this.group().get(this.field().key) as FormControl<ControlValue>);
  protected readonly timeControl = computed(() => this.group().get(timeKey(this.field().key)) as FormControl<string> | null);
  /** The label, with the unit of a number ("Cân nặng của mẹ (kg)"): a suffix would cover long labels. */
  protected readonly label = computed(() => {
    const field = this.field();
    const label = this.i18n.label(field.label);
    return field.unit ? `${label} (${field.unit})` : label;
  });
  protected readonly help = computed(() => {
    const help = this.field().help;
    return help ? this.i18n.label(help) : '';
  });
  protected readonly optionLabel = (entry: CodeEntry) => (this.i18n.language() === 'vi' ? entry.vi : entry.en);

  /** Controls are not signals: their events bump this so that the messages follow. */
  private readonly changes = signal(0);
  protected readonly message = computed(() => {
    this.changes();
    return controlMessage(this.control());
  });
  protected readonly timeMessage = computed(() => {
    this.changes();
    return controlMessage(this.timeControl());
  });

  constructor() {
    effect((onCleanup) => {
      const controls: AbstractControl[] = [this.control(), this.timeControl()].filter((c): c is FormControl => c !== null);
      const subscriptions = controls.map((control) => control.events.subscribe(() => this.changes.update((n) => n + 1)));
      onCleanup(() => subscriptions.forEach((s) => s.unsubscribe()));
    });
  }
}
