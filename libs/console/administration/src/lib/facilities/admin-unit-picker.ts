import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatIconButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { adminLevelKey } from '@skss/console/i18n';
import { I18n, Icon, remote, TranslatePipe, Typeahead } from '@skss/console/ui';
import { AdminUnitDto, Api, listAdminUnits } from '@skss/contract';
import { AdminLevel, IsoDate } from '@skss/domain';
import { UnitChoice } from './facility-form';

const OPTIONS = 20;

/**
 * The administrative unit a facility is located in, found with the unit search of the org-unit browser (`listAdminUnits`:
 * name or code, diacritics optional, units in force on `at`), offering only the levels the facility's kind allows.
 * Two-way `[(value)]`. Test hooks: `[testId]` on the input, `unit-option` (`data-code`).
 */
@Component({
  selector: 'skss-admin-unit-picker',
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
    <mat-form-field class="field" appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ 'admin.facilities.adminUnit' | translate }}</mat-label>
      <input
        matInput
        type="search"
        autocomplete="off"
        spellcheck="false"
        [required]="required()"
        [formControl]="text"
        [matAutocomplete]="auto"
        [placeholder]="'admin.facilities.adminUnit.placeholder' | translate"
        [attr.data-testid]="testId()"
      />
      @if (text.value && !text.disabled) {
        <button type="button" matIconButton matSuffix [attr.aria-label]="'admin.facilities.adminUnit.clear' | translate" (click)="clear()">
          <skss-icon name="close" />
        </button>
      }
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="pick($event)">
        @if (pending()) {
          <mat-option disabled>{{ 'common.loading' | translate }}</mat-option>
        } @else {
          @for (unit of options(); track unit.code) {
            <mat-option [value]="unit" data-testid="unit-option" [attr.data-code]="unit.code">
              <span class="name">{{ unit.name }}</span>
              <span class="meta">{{ unit.code }} · {{ levelKey(unit.level) | translate }}</span>
            </mat-option>
          } @empty {
            @if (searchable()) {
              <mat-option disabled>{{ 'common.noData' | translate }}</mat-option>
            }
          }
        }
      </mat-autocomplete>
      <mat-error>{{ error() }}</mat-error>
      <mat-hint>{{ tooShort() ? ('facility.minChars' | translate) : levelsHint() }}</mat-hint>
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
export class AdminUnitPicker {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);

  readonly testId = input<string>();
  readonly required = input(false);
  /** The day the units must be in force on (the facility's first day). */
  readonly at = input.required<IsoDate>();
  /** Levels offered. */
  readonly levels = input<readonly AdminLevel[]>(['province', 'district', 'commune']);
  /** A message to show on the field (the API's, or the form's); null for none. */
  readonly error = input<string | null>(null);
  readonly value = model<UnitChoice | null>(null);

  private readonly typeahead = new Typeahead<UnitChoice>(this.value, this.error);
  protected readonly text = this.typeahead.text;
  protected readonly searchable = this.typeahead.searchable;
  protected readonly tooShort = this.typeahead.tooShort;
  protected readonly display = this.typeahead.display;
  private readonly found = remote(
    () => {
      const q = this.typeahead.settled();
      const levels = this.levels();
      return q ? { q, at: this.at(), level: levels.length === 1 ? levels[0] : undefined } : undefined;
    },
    (params) => this.api.invoke(listAdminUnits, { ...params, page: 1, pageSize: OPTIONS }),
  );
  protected readonly options = computed(() => (this.found.value()?.items ?? []).filter((unit) => this.levels().includes(unit.level)));
  protected readonly pending = computed(() => this.typeahead.pending(this.found.loading()));
  protected readonly levelsHint = computed(() =>
    this.i18n.t('admin.facilities.adminUnit.levels', {
      levels: this.levels()
        .map((level) => this.i18n.t(adminLevelKey(level)))
        .join(', '),
    }),
  );
  protected readonly levelKey = adminLevelKey;

  protected pick(event: MatAutocompleteSelectedEvent): void {
    const unit = event.option.value as AdminUnitDto;
    this.value.set({ code: unit.code, name: unit.name, level: unit.level });
  }

  protected clear(): void {
    this.typeahead.clear();
  }
}
