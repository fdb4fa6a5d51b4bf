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
  model,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { formatDay } from '@skss/console/i18n';
import { ApiFailure, applyFieldErrors, describeFailure, FormProblems, I18n, Icon, Notice, remote, TranslatePipe } from '@skss/console/ui';
import { CatalogName, CodeEntry, foldVietnamese, PERSON_FIELDS, todayInVietnam, validatePerson, validateRecord } from '@skss/domain';
import { debounceTime, distinctUntilChanged, firstValueFrom } from 'rxjs';
import { PersonMatch, RecordsApi, RegisterRow, RowPerson } from '../data/records-api';
import { FormShape, recordBody, recordInput } from '../form/form-values';
import { FormOptions, recordFormGroup, RecordFormGroup } from '../form/record-form-group';
import { RecordForm } from '../form/record-form';
import { EPISODE_FORM } from './episode-form';

const MIN_QUERY = 2;
const DEBOUNCE_MS = 300;

const PERSON_FORM: FormShape = { fields: PERSON_FIELDS, collections: [] };

/** The pregnancy episode a row belongs to, as the validators need it. */
export interface PickedEpisode {
  readonly id: string;
  readonly lmp: string | null;
  readonly registeredOn: string | null;
  readonly closedOn: string | null;
}

export function episodeOf(row: RegisterRow): PickedEpisode {
  const day = (key: string) => (typeof row[key] === 'string' ? (row[key] as string) : null);
  return { id: row.id, lmp: day('lmp'), registeredOn: day('registeredOn'), closedOn: day('closedOn') };
}

/**
 * "Người được ghi sổ": finds an existing person by name (diacritics optional) or a full CCCD / insurance card number,
 * identifiers masked as the API returns them, or adds a new person inline (a known CCCD or card reuses the stored
 * person); then, for the maternal registers, her pregnancy episode, which can be registered on the spot.
 * Test hooks: `person-search`, `person-option` (`data-id`), `person-new`, `person-form-<field>`, `person-save`,
 * `person-chosen`, `person-open` (her page: rows, probable duplicates, merges), `person-change`, `episode-select`, `episode-new`, `episode-form-<field>`, `episode-save`.
 */
@Component({
  selector: 'skss-person-picker',
  imports: [
    ReactiveFormsModule,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatPrefix,
    MatProgressBar,
    MatSelect,
    FormProblems,
    Icon,
    Notice,
    RecordForm,
    RouterLink,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './person-picker.html',
  styleUrl: './person-picker.scss',
})
export class PersonPicker {
  private readonly records = inject(RecordsApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly person = model<RowPerson | null>(null);
  readonly episode = model<PickedEpisode | null>(null);
  /** The episode id of a stored row, chosen once her episodes are loaded. */
  readonly episodeId = input<string | null>(null);
  readonly episodeMode = input<'required' | 'optional' | 'none'>('none');
  readonly femaleOnly = input(false);
  readonly personRequired = input(true);
  readonly readOnly = input(false);
  /** Shown when the row is saved without a person or an episode. */
  readonly personError = input<string | null>(null);
  readonly episodeError = input<string | null>(null);
  readonly options = input.required<FormOptions>();
  readonly catalogs = input<Partial<Record<CatalogName, readonly CodeEntry[]>>>({});

  protected readonly search = new FormControl<string | PersonMatch>('', { nonNullable: true });
  private readonly typed = toSignal(this.search.valueChanges, { initialValue: '' });
  private readonly query = computed(() => {
    const typed = this.typed();
    return typeof typed === 'string' ? typed.normalize('NFC').trim().replace(/\s+/g, ' ') : '';
  });
  private readonly settled = toSignal(toObservable(this.query).pipe(debounceTime(DEBOUNCE_MS), distinctUntilChanged()), {
    initialValue: '',
  });
  protected readonly tooShort = computed(() => this.query().length > 0 && foldVietnamese(this.query()).length < MIN_QUERY);
  protected readonly matches = remote(
    () => {
      const q = this.settled();
      return foldVietnamese(q).length >= MIN_QUERY ? q : undefined;
    },
    (q) => this.records.findPersons(q),
  );
  /** A search was answered (and no option is about to change): "nobody found" may be said. */
  protected readonly settledQueryShown = computed(() => !this.tooShort() && this.query() !== '' && this.matches.value() !== undefined);
  protected readonly pending = computed(
    () => !this.tooShort() && this.query() !== '' && (this.matches.loading() || this.query() !== this.settled()),
  );

  /** "Thêm người mới": the person's own form. */
  protected readonly creating = signal(false);
  protected readonly personForm = signal<RecordFormGroup | null>(null);
  protected readonly personShape = PERSON_FORM;
  protected readonly personFailure = signal<ApiFailure | null>(null);
  protected readonly personUnplaced = signal<string[]>([]);
  protected readonly savingPerson = signal(false);
  protected readonly personNote = signal<string | null>(null);

  protected readonly episodes = remote(
    () => {
      const person = this.person();
      return person && this.episodeMode() !== 'none' ? person.id : undefined;
    },
    (personId) => this.records.episodes(personId),
    { keepPrevious: false },
  );
  protected readonly registeringEpisode = signal(false);
  protected readonly episodeForm = signal<RecordFormGroup | null>(null);
  protected readonly episodeShape = EPISODE_FORM;
  protected readonly episodeFailure = signal<ApiFailure | null>(null);
  protected readonly episodeUnplaced = signal<string[]>([]);
  protected readonly savingEpisode = signal(false);
  /** The episode control's value: an id, or '' for none. */
  protected readonly episodeChoice = new FormControl<string>('', { nonNullable: true });

  protected readonly displayMatch = (value: PersonMatch | string | null): string =>
    typeof value === 'string' ? value : (value?.fullName ?? '');

  constructor() {
    effect(() => (this.readOnly() ? this.episodeChoice.disable({ emitEvent: false }) : this.episodeChoice.enable({ emitEvent: false })));
    // Her episodes arrived: keep the stored row's, else the open one (the ongoing pregnancy) when the register needs one.
    effect(() => {
      const episodes = this.episodes.value();
      if (!episodes) return;
      untracked(() => {
        const wanted = this.episode()?.id ?? this.episodeId();
        const open = episodes.find((row) => !row['closedOn']);
        const chosen = episodes.find((row) => row.id === wanted) ?? (this.episodeMode() === 'required' || !wanted ? open : undefined);
        this.setEpisode(chosen ?? null);
      });
    });
    this.episodeChoice.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => {
      const row = this.episodes.value()?.find((episode) => episode.id === id);
      this.episode.set(row ? episodeOf(row) : null);
    });
  }

  protected describe(person: Pick<RowPerson, 'dateOfBirth' | 'maskedCitizenId' | 'maskedInsuranceCard'>): string {
    const parts = [this.i18n.t('records.person.born', { day: formatDay(person.dateOfBirth) })];
    if (person.maskedCitizenId) parts.push(this.i18n.t('records.person.citizenId', { value: person.maskedCitizenId }));
    if (person.maskedInsuranceCard) parts.push(this.i18n.t('records.person.insuranceCard', { value: person.maskedInsuranceCard }));
    return parts.join(' · ');
  }

  protected episodeLabel(row: RegisterRow): string {
    const episode = episodeOf(row);
    const text = this.i18n.t('records.episode.item', { registered: formatDay(episode.registeredOn), lmp: formatDay(episode.lmp) });
    const state = episode.closedOn
      ? this.i18n.t('records.episode.closed', { day: formatDay(episode.closedOn) })
      : this.i18n.t('records.episode.open');
    return `${text} (${state})`;
  }

  protected pick(event: MatAutocompleteSelectedEvent): void {
    this.choose(event.option.value as PersonMatch);
  }

  protected change(): void {
    this.person.set(null);
    this.episode.set(null);
    this.personNote.set(null);
    this.search.setValue('');
    this.focus('person-search');
  }

  protected startNewPerson(): void {
    const typed = this.query();
    const values = {
      sex: this.femaleOnly() ? 'FEMALE' : null,
      // What was typed becomes her name, unless it was an identifier.
      fullName: typed && !/\d/.test(typed) ? typed : '',
      citizenId: /^\d{12}$/.test(typed.replace(/\s/g, '')) ? typed.replace(/\s/g, '') : '',
    };
    this.personForm.set(recordFormGroup(PERSON_FORM, this.options(), values));
    this.personFailure.set(null);
    this.personUnplaced.set([]);
    this.creating.set(true);
    this.focus('person-form-fullName');
  }

  protected cancelNewPerson(): void {
    this.creating.set(false);
    this.personForm.set(null);
    this.focus('person-search');
  }

  protected async saveNewPerson(): Promise<void> {
    const form = this.personForm();
    if (!form || this.savingPerson()) return;
    this.personFailure.set(null);
    this.personUnplaced.set([]);
    form.markAllAsTouched();
    const result = validatePerson(recordInput(PERSON_FORM, form.getRawValue()), { today: todayInVietnam(), catalogs: this.catalogs() });
    if (form.invalid || !result.value) {
      this.fail(form, { code: 'VALIDATION_FAILED', message: this.i18n.t('records.form.invalid'), details: result.problems }, 'person');
      return;
    }
    this.savingPerson.set(true);
    try {
      const written = await firstValueFrom(
        this.records.createPerson(recordBody(PERSON_FORM, result.value as unknown as Record<string, unknown>)),
      );
      const stored = written.person;
      this.choose({
        id: stored.id,
        fullName: stored.fullName,
        dateOfBirth: stored.dateOfBirth,
        sex: stored.sex,
        maskedCitizenId: mask(stored.citizenId, 4, 2),
        maskedInsuranceCard: mask(stored.insuranceCard, stored.insuranceCard?.length === 15 ? 5 : 3, 2),
      });
      this.personNote.set(this.i18n.t(written.reused ? 'records.person.reused' : 'records.person.created', { name: stored.fullName }));
      this.creating.set(false);
      this.personForm.set(null);
    } catch (error) {
      this.fail(
        form,
        describeFailure(error, (key, params) => this.i18n.t(key, params)),
        'person',
      );
    } finally {
      this.savingPerson.set(false);
    }
  }

  protected startEpisode(): void {
    this.episodeForm.set(recordFormGroup(EPISODE_FORM, this.options(), { registeredOn: new Date() }));
    this.episodeFailure.set(null);
    this.episodeUnplaced.set([]);
    this.registeringEpisode.set(true);
    this.focus('episode-form-registeredOn');
  }

  protected cancelEpisode(): void {
    this.registeringEpisode.set(false);
    this.episodeForm.set(null);
  }

  protected async saveEpisode(): Promise<void> {
    const form = this.episodeForm();
    const person = this.person();
    if (!form || !person || this.savingEpisode()) return;
    this.episodeFailure.set(null);
    this.episodeUnplaced.set([]);
    form.markAllAsTouched();
    const result = validateRecord('episodes', recordInput(EPISODE_FORM, form.getRawValue()), {
      today: todayInVietnam(),
      person: { dateOfBirth: person.dateOfBirth, sex: person.sex === 'MALE' ? 'MALE' : 'FEMALE' },
    });
    if (form.invalid || !result.value) {
      this.fail(form, { code: 'VALIDATION_FAILED', message: this.i18n.t('records.form.invalid'), details: result.problems }, 'episode');
      return;
    }
    this.savingEpisode.set(true);
    try {
      const body = { personId: person.id, ...recordBody(EPISODE_FORM, result.value as unknown as Record<string, unknown>) };
      const written = await firstValueFrom(this.records.createEpisode(body));
      this.setEpisode(written.record);
      this.registeringEpisode.set(false);
      this.episodeForm.set(null);
      this.episodes.reload();
    } catch (error) {
      this.fail(
        form,
        describeFailure(error, (key, params) => this.i18n.t(key, params)),
        'episode',
      );
    } finally {
      this.savingEpisode.set(false);
    }
  }

  private setEpisode(row: RegisterRow | null): void {
    this.episode.set(row ? episodeOf(row) : null);
    this.episodeChoice.setValue(row?.id ?? '', { emitEvent: false });
  }

  private choose(person: RowPerson): void {
    this.person.set({
      id: person.id,
      fullName: person.fullName,
      dateOfBirth: person.dateOfBirth,
      sex: person.sex,
      maskedCitizenId: person.maskedCitizenId,
      maskedInsuranceCard: person.maskedInsuranceCard,
    });
    this.episode.set(null);
    this.episodeChoice.setValue('', { emitEvent: false });
    this.search.setValue('', { emitEvent: false });
    this.personNote.set(null);
    this.focus(this.episodeMode() === 'none' ? null : 'episode-select');
  }

  private fail(form: RecordFormGroup, failure: ApiFailure, part: 'person' | 'episode'): void {
    const unplaced = applyFieldErrors(form, failure);
    (part === 'person' ? this.personFailure : this.episodeFailure).set(failure);
    (part === 'person' ? this.personUnplaced : this.episodeUnplaced).set(unplaced);
    const first = this.host.nativeElement.querySelector<HTMLElement>(`form.${part} .ng-invalid[data-testid]`);
    first?.focus();
  }

  /** Moves the keyboard to a test hook once rendered (null: to the record form, which the page focuses). */
  private focus(testId: string | null): void {
    if (!testId) return;
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}

/** A full identifier of a person just created, masked as lists show it. */
function mask(value: string | null | undefined, keepStart: number, keepEnd: number): string | null {
  if (!value) return null;
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return `${value.slice(0, keepStart)}${'*'.repeat(value.length - keepStart - keepEnd)}${value.slice(-keepEnd)}`;
}
