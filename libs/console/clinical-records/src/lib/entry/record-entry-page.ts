import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { Session } from '@skss/console/auth';
import { monthOf } from '@skss/console/i18n';
import {
  ApiErrorMessage,
  ApiFailure,
  applyFieldErrors,
  describeFailure,
  FormProblems,
  I18n,
  Icon,
  provideConsoleDatepickerIntl,
  remote,
  TranslatePipe,
} from '@skss/console/ui';
import type { RecordRegister } from '@skss/contract';
import {
  CatalogName,
  CodeEntry,
  FieldDefinition,
  periodDate,
  PERSON_FIELDS,
  RecordProblem,
  registerDefinition,
  todayInVietnam,
  validateRecord,
} from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { CatalogCode, RecordsApi, RowPerson } from '../data/records-api';
import { formValuesOf, recordBody, recordInput } from '../form/form-values';
import { FormOptions, recordFormGroup, RecordFormGroup } from '../form/record-form-group';
import { enteredFields, RecordForm } from '../form/record-form';
import { PersonPicker, PickedEpisode } from '../person/person-picker';
import { confirmAction } from '@skss/console/ui';

/** The API's code for a row of a month whose report is approved. */
const PERIOD_LOCKED = 'PERIOD_LOCKED';

/** Catalogs used by a list of fields. */
function catalogsOf(fields: readonly FieldDefinition[]): CatalogCode[] {
  return [...new Set(fields.map((field) => field.catalog).filter((catalog): catalog is CatalogName => !!catalog))];
}

/**
 * Entering, editing and deleting one row of a register. The form is generated from the register's definition and
 * checked inline by the same domain validators the API runs (each field as it is typed; the rules across fields on
 * save), and the API's problems land on the same fields. Keyboard first: the first field has the focus, Tab follows
 * the paper register's order, Enter saves. A row of a month whose report is approved (409 PERIOD_LOCKED) turns
 * read-only with the API's reason. Test hooks: `record-<field>`, `record-save`, `record-delete`, `record-locked`,
 * `record-problems`, `record-facility`.
 */
@Component({
  selector: 'skss-record-entry-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatProgressBar,
    RouterLink,
    ApiErrorMessage,
    FormProblems,
    Icon,
    PersonPicker,
    RecordForm,
    TranslatePipe,
  ],
  providers: [provideConsoleDatepickerIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './record-entry-page.html',
  styleUrl: './record-entry-page.scss',
})
export class RecordEntryPage {
  private readonly records = inject(RecordsApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);

  /** Route parameters: the register, and the row's id when editing (absent for a new row). */
  readonly register = input.required<RecordRegister>();
  readonly id = input<string>();

  protected readonly definition = computed(() => registerDefinition(this.register()));
  protected readonly registerTitle = computed(() => this.i18n.label(this.definition().title));
  protected readonly canEnter = computed(() => this.session.hasPermission('records.enter'));
  protected readonly stored = remote(
    () => {
      const id = this.id();
      return id ? { register: this.register(), id } : undefined;
    },
    ({ register, id }) => this.records.get(register, id),
    { keepPrevious: false },
  );

  protected readonly catalogs = signal<Partial<Record<CatalogName, readonly CodeEntry[]>>>({});
  protected readonly options: FormOptions = {
    texts: () => ({ invalidTime: this.i18n.t('records.form.invalidTime'), timeRequired: this.i18n.t('records.form.timeRequired') }),
    catalogs: () => this.catalogs(),
  };

  /** The form, once the stored row (when editing) is here. */
  protected readonly form = computed<RecordFormGroup | null>(() => {
    const definition = this.definition();
    if (!this.id()) return recordFormGroup(definition, this.options);
    const row = this.stored.value();
    return row ? recordFormGroup(definition, this.options, formValuesOf(definition, row)) : null;
  });

  protected readonly person = signal<RowPerson | null>(null);
  protected readonly episode = signal<PickedEpisode | null>(null);
  protected readonly episodeId = computed(() => {
    const id = this.stored.value()?.episodeId;
    return typeof id === 'string' ? id : null;
  });
  protected readonly facilityName = computed(() => this.stored.value()?.facility.name ?? this.session.user()?.facility.name ?? '');

  protected readonly saving = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly unplaced = signal<string[]>([]);
  protected readonly personError = signal<string | null>(null);
  protected readonly episodeError = signal<string | null>(null);
  /** The API's reason when the row's month is locked. */
  protected readonly locked = signal<string | null>(null);
  protected readonly readOnly = computed(() => !this.canEnter() || this.locked() !== null);

  constructor() {
    // Catalog lists (ethnicities, occupations…) of the register's fields and of a new person's.
    effect(() => {
      const codes = catalogsOf([...this.definition().fields, ...this.definition().collections.flatMap((c) => c.fields), ...PERSON_FIELDS]);
      untracked(() => void this.loadCatalogs(codes));
    });
    // A stored row: its person and episode; a new row: nothing chosen yet.
    effect(() => {
      const row = this.stored.value();
      untracked(() => {
        this.person.set(row?.person ?? null);
        // Until her episodes are loaded (the picker then fills the dates the rules need).
        this.episode.set(
          row && typeof row.episodeId === 'string' ? { id: row.episodeId, lmp: null, registeredOn: null, closedOn: null } : null,
        );
        this.locked.set(null);
        this.failure.set(null);
      });
    });
    effect(() => {
      const form = this.form();
      if (!form) return;
      if (this.readOnly()) form.disable({ emitEvent: false });
      else form.enable({ emitEvent: false });
    });
    // Keyboard first: the person search on a new row that needs one, else the first field.
    effect(() => {
      const form = this.form();
      if (!form) return;
      const first = enteredFields(this.definition().fields)[0]?.key;
      const target = !this.id() && this.definition().person === 'required' ? 'person-search' : `record-${first}`;
      untracked(() => this.focus(target));
    });
    // Choosing the person clears the message asking for one.
    effect(() => {
      if (this.person()) untracked(() => this.personError.set(null));
      if (this.episode()) untracked(() => this.episodeError.set(null));
    });
  }

  protected async save(): Promise<void> {
    const form = this.form();
    if (!form || this.saving() || this.readOnly()) return;
    const definition = this.definition();
    this.failure.set(null);
    this.unplaced.set([]);
    const person = this.person();
    const episode = this.episode();
    this.personError.set(definition.person === 'required' && !person ? this.i18n.t('records.person.required') : null);
    this.episodeError.set(definition.episode === 'required' && !episode ? this.i18n.t('records.episode.required') : null);

    form.markAllAsTouched();
    const input = recordInput(definition, form.getRawValue());
    const result = validateRecord(this.register(), input, {
      today: todayInVietnam(),
      person: person ? { dateOfBirth: person.dateOfBirth, sex: person.sex === 'MALE' ? 'MALE' : 'FEMALE' } : undefined,
      episode: episode ?? undefined,
      catalogs: this.catalogs(),
    });
    if (form.invalid || !result.value || this.personError() || this.episodeError()) {
      this.reject(form, this.invalid(result.problems));
      return;
    }

    const body: Record<string, unknown> = { ...recordBody(definition, result.value as unknown as Record<string, unknown>) };
    if (person) body['personId'] = person.id;
    if (definition.episode !== 'none') body['episodeId'] = episode?.id ?? null;
    // A row that came from Excel or another system keeps its source id, which names its system.
    const sourceSystem = this.stored.value()?.['sourceSystem'];
    if (body['sourceRecordId'] && typeof sourceSystem === 'string') body['sourceSystem'] = sourceSystem;
    const id = this.id();
    this.saving.set(true);
    try {
      const written = await firstValueFrom(
        id ? this.records.update(this.register(), id, body) : this.records.create(this.register(), body),
      );
      const day = periodDate(definition, written.record) ?? periodDate(definition, result.value as unknown as Record<string, unknown>);
      const key =
        written.outcome === 'created'
          ? 'records.form.created'
          : written.outcome === 'updated'
            ? 'records.form.updated'
            : 'records.form.unchanged';
      this.snackBar.open(this.i18n.t(key), this.i18n.t('common.close'), { duration: 5000 });
      await this.router.navigate(['/records', this.register()], { queryParams: day ? { month: monthOf(day) } : {} });
    } catch (error) {
      this.handle(form, error);
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(): Promise<void> {
    const id = this.id();
    const form = this.form();
    if (!id || !form || this.readOnly()) return;
    const name = this.person()?.fullName ?? (this.stored.value()?.['fullName'] as string | undefined) ?? '';
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('records.form.deleteTitle'),
      text: this.i18n.t('records.form.deleteText', { register: this.registerTitle(), name }),
      confirm: this.i18n.t('records.form.deleteConfirm'),
      destructive: true,
    });
    if (!confirmed) return;
    this.saving.set(true);
    try {
      await firstValueFrom(this.records.remove(this.register(), id));
      this.snackBar.open(this.i18n.t('records.list.deleted'), this.i18n.t('common.close'), { duration: 5000 });
      const month = this.monthOfStored();
      await this.router.navigate(['/records', this.register()], { queryParams: month ? { month } : {} });
    } catch (error) {
      this.handle(form, error);
    } finally {
      this.saving.set(false);
    }
  }

  protected backLink(): { month?: string } {
    const month = this.monthOfStored();
    return month ? { month } : {};
  }

  private monthOfStored(): string | null {
    const row = this.stored.value();
    const day = row ? periodDate(this.definition(), row) : null;
    return day ? monthOf(day) : null;
  }

  private invalid(problems: readonly RecordProblem[]): ApiFailure {
    return { code: 'VALIDATION_FAILED', message: this.i18n.t('records.form.invalid'), details: problems };
  }

  private handle(form: RecordFormGroup, error: unknown): void {
    const failure = describeFailure(error, (key, params) => this.i18n.t(key, params));
    if (failure.code === PERIOD_LOCKED) {
      this.locked.set(failure.message);
      return;
    }
    this.reject(form, failure);
  }

  /** Shows a failure: each problem on its field (the person and the episode beside their pickers), the rest above. */
  private reject(form: RecordFormGroup, failure: ApiFailure): void {
    const others = failure.details.filter((d) => !['personId', 'person', 'episodeId'].includes(d.field) && !d.field.startsWith('person.'));
    const personProblem = failure.details.find((d) => d.field === 'personId' || d.field === 'person' || d.field.startsWith('person.'));
    const episodeProblem = failure.details.find((d) => d.field === 'episodeId');
    if (personProblem) this.personError.set(personProblem.message);
    if (episodeProblem) this.episodeError.set(episodeProblem.message);
    this.unplaced.set(applyFieldErrors(form, { ...failure, details: others }));
    this.failure.set(failure);
    // The keyboard goes to the first field to correct.
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        const target =
          (this.personError() && root.querySelector<HTMLElement>('[data-testid="person-search"]')) ||
          (this.episodeError() && root.querySelector<HTMLElement>('[data-testid="episode-select"]')) ||
          root.querySelector<HTMLElement>('form.record .ng-invalid[data-testid], form.record .ng-invalid [data-testid]');
        target?.focus();
      },
      { injector: this.injector },
    );
  }

  private async loadCatalogs(codes: readonly CatalogCode[]): Promise<void> {
    const loaded: Partial<Record<CatalogName, readonly CodeEntry[]>> = {};
    await Promise.all(
      codes.map(async (code) => {
        try {
          loaded[code] = await firstValueFrom(this.records.catalog(code));
        } catch {
          // Without the list, the code is typed and checked by its shape.
        }
      }),
    );
    this.catalogs.set(loaded);
  }

  private focus(testId: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}
