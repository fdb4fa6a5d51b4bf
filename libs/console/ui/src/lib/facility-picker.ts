import { ChangeDetectionStrategy, Component, computed, effect, inject, input, model, output } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatIconButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { facilityKindName } from '@skss/console/i18n';
import { FacilityKind } from '@skss/domain';
import { FacilityLookup, FacilityOption } from './facility-lookup';
import { I18n } from './i18n.service';
import { Icon } from './icon';
import { remote } from './remote';
import { TranslatePipe } from './translate.pipe';
import { Typeahead } from './typeahead';

const OPTIONS = 20;

/**
 * A facility chosen by typing part of its name or code, diacritics optional ("tyt muong nhe"), among the facilities
 * the user may see. Two-way `[(value)]`; `(picked)` also fires on each choice, and `clearOnPick` empties the box
 * afterwards (to add several facilities to a list). Test hooks: `[testId]` on the input, `facility-option` (`data-code`).
 */
@Component({
  selector: 'skss-facility-picker',
  imports: [
    ReactiveFormsModule,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatError,
    MatFormField,
    MatHint,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatSuffix,
    Icon,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="field" appearance="outline" [subscriptSizing]="subscriptSizing()">
      <mat-label>{{ label() ?? ('facility.label' | translate) }}</mat-label>
      <input
        matInput
        type="search"
        autocomplete="off"
        spellcheck="false"
        [required]="required()"
        [formControl]="text"
        [matAutocomplete]="auto"
        [placeholder]="'facility.placeholder' | translate"
        [attr.data-testid]="testId()"
      />
      @if (text.value && !text.disabled) {
        <button type="button" matIconButton matSuffix [attr.aria-label]="'facility.clear' | translate" (click)="clear()">
          <skss-icon name="close" />
        </button>
      }
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="pick($event)">
        @if (pending()) {
          <mat-option disabled>{{ 'common.loading' | translate }}</mat-option>
        } @else {
          @for (facility of options.value() ?? []; track facility.code) {
            <mat-option [value]="facility" data-testid="facility-option" [attr.data-code]="facility.code">
              <span class="name">{{ facility.name }}</span>
              <span class="meta">{{ facility.code }} · {{ kindName(facility.kind) }}</span>
            </mat-option>
          } @empty {
            @if (searchable()) {
              <mat-option disabled>{{ 'common.noData' | translate }}</mat-option>
            }
          }
        }
      </mat-autocomplete>
      <mat-error>{{ error() }}</mat-error>
      <mat-hint>{{ tooShort() ? ('facility.minChars' | translate) : (hint() ?? '') }}</mat-hint>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      width: 100%;
    }
    .name {
      display: block;
    }
    .meta {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class FacilityPicker {
  private readonly lookup = inject(FacilityLookup);
  private readonly i18n = inject(I18n);

  /** Default "Cơ sở y tế". */
  readonly label = input<string | null>(null);
  readonly testId = input<string>();
  readonly required = input(false);
  readonly disabled = input(false);
  readonly hint = input<string | null>(null);
  /** A message to show on the field (the API's, or "Chọn đơn vị"); null for none. */
  readonly error = input<string | null>(null);
  readonly clearOnPick = input(false);
  readonly subscriptSizing = input<'fixed' | 'dynamic'>('dynamic');
  readonly value = model<FacilityOption | null>(null);
  readonly picked = output<FacilityOption>();

  private readonly typeahead = new Typeahead<FacilityOption>(this.value, this.error);
  protected readonly text = this.typeahead.text;
  protected readonly searchable = this.typeahead.searchable;
  protected readonly tooShort = this.typeahead.tooShort;
  protected readonly display = this.typeahead.display;
  protected readonly options = remote(
    () => this.typeahead.settled() || undefined,
    (q) => this.lookup.search(q, OPTIONS),
  );
  protected readonly pending = computed(() => this.typeahead.pending(this.options.loading()));

  constructor() {
    effect(() => (this.disabled() ? this.text.disable({ emitEvent: false }) : this.text.enable({ emitEvent: false })));
  }

  protected kindName(kind: FacilityKind): string {
    return facilityKindName(kind, this.i18n.language());
  }

  protected pick(event: MatAutocompleteSelectedEvent): void {
    const facility = event.option.value as FacilityOption;
    const option: FacilityOption = { code: facility.code, name: facility.name, kind: facility.kind, level: facility.level };
    this.picked.emit(option);
    if (this.clearOnPick()) {
      this.text.setValue('');
    } else {
      this.value.set(option);
    }
  }

  protected clear(): void {
    this.typeahead.clear();
  }
}
