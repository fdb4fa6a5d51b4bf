import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { Session } from '@skss/console/auth';
import { formatDateTime, formatDay } from '@skss/console/i18n';
import {
  ApiErrorMessage,
  ApiFailure,
  confirmAction,
  DayPipe,
  describeFailure,
  FormProblems,
  I18n,
  Icon,
  RemoteList,
  remote,
  TranslatePipe,
} from '@skss/console/ui';
import { registerDefinition } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { DuplicateCandidate, PersonMerge, PersonRow, PersonsApi } from '../data/persons-api';
import { RecordsApi, RegisterRow, WriteResult } from '../data/records-api';
import { isConsoleRegister } from '../registers';
import { EpisodeDialog, EpisodeDialogData } from './episode-dialog';
import { episodeName, episodeState, episodeStateText, gravidityParity } from './episode-form';
import { mergeConfirmText, movedText, personDetails, rowsByRegister } from './merge-texts';

/** The API's code for a row of a month whose report is approved. */
const PERIOD_LOCKED = 'PERIOD_LOCKED';

/** A merge just made on this page, offered for undoing at once. */
interface JustMerged {
  readonly mergeId: string;
  readonly name: string;
}

/**
 * One person's page (`/records/persons/:id`): her details (opening them is audited by the API), her pregnancy
 * episodes ("Thai kỳ": corrected, closed by hand or reopened in a dialog, deleted while nothing refers to them;
 * read-only once the API says their month is locked), her rows in the registers, the persons that are probably the
 * same woman or child ("Có thể trùng": same folded name, date of birth and commune; identifiers masked), merging one
 * of them into her after a confirmation that says who is kept and what moves, and the merges into her, each of which can be undone ("Hoàn tác"). Changes need `records.enter`.
 * Test hooks: `person-page-name`, `episodes`, `episode-row` (`data-id`, `data-state`), `episode-state`, `episode-edit`,
 * `episode-delete`, `episode-locked`, `episodes-empty`, `episodes-failure`, `person-row` (`data-register`), `duplicate`
 * (`data-id`), `duplicate-merge`, `merge-done`, `merge-undo`, `merge-item` (`data-id`, `data-undone`),
 * `merge-item-undo`, `person-merged-into`.
 */
@Component({
  selector: 'skss-person-page',
  imports: [MatButton, MatProgressBar, RouterLink, ApiErrorMessage, DayPipe, FormProblems, Icon, RemoteList, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './person-page.html',
  styleUrl: './person-page.scss',
})
export class PersonPage {
  private readonly persons = inject(PersonsApi);
  private readonly records = inject(RecordsApi);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly t = (key: Parameters<I18n['t']>[0], params?: Parameters<I18n['t']>[1]) => this.i18n.t(key, params);

  /** Route parameter: the person. */
  readonly id = input.required<string>();

  protected readonly person = remote(
    () => this.id(),
    (id) => this.persons.get(id),
    { keepPrevious: false },
  );
  protected readonly rows = remote(
    () => this.id(),
    (id) => this.persons.rows(id),
    { keepPrevious: false },
  );
  /** A merged person's duplicates are not offered: she is to be corrected through the record that was kept. */
  protected readonly duplicates = remote(
    () => (this.person.value() && !this.person.value()?.mergedIntoId ? this.id() : undefined),
    (id) => this.persons.duplicates(id),
  );
  protected readonly merges = remote(
    () => this.id(),
    (id) => this.persons.merges(id),
  );

  /** Her pregnancy episodes, latest registration first (a man has none; a merged person's moved to the survivor). */
  protected readonly episodes = remote(
    () => {
      const person = this.person.value();
      return person && person.sex === 'FEMALE' && !person.mergedIntoId ? person.id : undefined;
    },
    // Kept while a change reloads them (the table does not blink); another person's go through "nothing to load".
    (id) => this.records.episodes(id),
  );
  /** The API's reason per episode whose month it said is locked: those rows are read-only. */
  protected readonly lockedEpisodes = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly episodeFailure = signal<ApiFailure | null>(null);

  protected readonly canEnter = computed(() => this.session.hasPermission('records.enter'));
  protected readonly residence = computed(() => this.person.value()?.residences.find((r) => r.validTo === null) ?? null);
  protected readonly busy = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly justMerged = signal<JustMerged | null>(null);

  protected describe(candidate: DuplicateCandidate): string {
    return personDetails(candidate, this.t);
  }

  protected registerTitle(register: string): string {
    return isConsoleRegister(register) || register === 'episodes' ? this.i18n.label(registerDefinition(register).title) : register;
  }

  /** The console opens rows of its registers (pregnancy episodes are corrected in the "Thai kỳ" section). */
  protected rowLink(row: PersonRow): string[] | null {
    return isConsoleRegister(row.register) ? ['/records', row.register, row.id] : null;
  }

  protected rowLabel(row: PersonRow): string {
    return this.i18n.t('records.personPage.openRecord', { register: this.registerTitle(row.register), day: formatDay(row.date) });
  }

  protected mergeTitle(merge: PersonMerge): string {
    return this.i18n.t('records.merge.item', { at: formatDateTime(merge.at), name: this.mergedName(merge) });
  }

  protected undoneText(merge: PersonMerge): string {
    return this.i18n.t('records.merge.itemUndone', { at: formatDateTime(merge.undoneAt) });
  }

  protected movedText(merge: PersonMerge): string {
    return movedText(merge.moved, this.t);
  }

  protected sexLabel(sex: string): string {
    return this.i18n.t(sex === 'MALE' ? 'records.person.male' : 'records.person.female');
  }

  protected episodeState(row: RegisterRow): 'open' | 'closed' {
    return episodeState(row).kind;
  }

  protected episodeStateText(row: RegisterRow): string {
    return episodeStateText(row, this.t, (text) => this.i18n.label(text));
  }

  protected gravidityParity(row: RegisterRow): string {
    return gravidityParity(row);
  }

  protected episodeName(row: RegisterRow): string {
    return episodeName(row, this.t);
  }

  protected day(row: RegisterRow, key: string): string | null {
    const value = row[key];
    return typeof value === 'string' ? value : null;
  }

  /** Corrects an episode in a dialog (closing it by hand, or reopening it), then shows what the API kept. */
  protected async editEpisode(row: RegisterRow): Promise<void> {
    const person = this.person.value();
    if (!person || this.busy()) return;
    this.episodeFailure.set(null);
    const data: EpisodeDialogData = {
      episode: row,
      person: { dateOfBirth: person.dateOfBirth, sex: person.sex },
      locked: (reason) => this.lockEpisode(row.id, reason),
    };
    const ref = this.dialog.open<EpisodeDialog, EpisodeDialogData, WriteResult>(EpisodeDialog, {
      data,
      width: '880px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
    const written = await firstValueFrom(ref.afterClosed());
    if (!written) return;
    const key = written.outcome === 'unchanged' ? 'records.form.unchanged' : 'records.episodes.saved';
    this.snackBar.open(this.i18n.t(key), this.i18n.t('common.close'), { duration: 5000 });
    this.episodes.reload();
    this.rows.reload();
  }

  /** Confirms, then deletes an episode; the API refuses one that a visit, a delivery or an abortion refers to. */
  protected async deleteEpisode(row: RegisterRow): Promise<void> {
    if (this.busy()) return;
    this.episodeFailure.set(null);
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('records.episodes.deleteTitle'),
      text: this.i18n.t('records.episodes.deleteText', { episode: this.episodeName(row) }),
      confirm: this.i18n.t('records.episodes.deleteConfirm'),
      destructive: true,
    });
    if (!confirmed) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.records.removeEpisode(row.id));
      this.snackBar.open(this.i18n.t('records.episodes.deleted'), this.i18n.t('common.close'), { duration: 5000 });
      this.episodes.reload();
      this.rows.reload();
    } catch (error) {
      const failure = describeFailure(error, (key, params) => this.i18n.t(key, params));
      if (failure.code === PERIOD_LOCKED) this.lockEpisode(row.id, failure.message);
      this.episodeFailure.set(failure);
    } finally {
      this.busy.set(false);
    }
  }

  private lockEpisode(id: string, reason: string): void {
    this.lockedEpisodes.update((locked) => new Map(locked).set(id, reason));
  }

  /** Confirms (who is kept, who is merged, what moves), then merges the candidate into this person. */
  protected async merge(candidate: DuplicateCandidate): Promise<void> {
    const survivor = this.person.value();
    if (!survivor || this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      // What the officer is about to move, as far as she may see it.
      const visible = await firstValueFrom(this.persons.rows(candidate.id));
      const text = mergeConfirmText(
        { ...survivor, maskedCitizenId: null, maskedInsuranceCard: null },
        candidate,
        rowsByRegister(
          visible.map((row) => row.register),
          (title) => this.i18n.label(title),
          this.t,
        ),
        this.t,
      );
      const confirmed = await confirmAction(this.dialog, {
        title: this.i18n.t('records.merge.title'),
        text,
        confirm: this.i18n.t('records.merge.confirm'),
      });
      if (!confirmed) return;
      const result = await firstValueFrom(this.persons.merge(survivor.id, candidate.id));
      this.justMerged.set({ mergeId: result.merge.id, name: candidate.fullName });
      this.refresh();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** Confirms, then undoes a merge into this person: what it moved goes back to the merged person. */
  protected async undo(mergeId: string, name: string): Promise<void> {
    if (this.busy()) return;
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('records.merge.undoTitle'),
      text: this.i18n.t('records.merge.undoText', { name }),
      confirm: this.i18n.t('records.merge.undoConfirm'),
    });
    if (!confirmed) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.persons.undo(this.id(), mergeId));
      this.justMerged.set(null);
      this.snackBar.open(this.i18n.t('records.merge.undone', { name }), this.i18n.t('common.close'), { duration: 5000 });
      this.refresh();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected mergedName(merge: PersonMerge): string {
    return merge.merged?.fullName ?? this.i18n.t('records.merge.unknownPerson');
  }

  private refresh(): void {
    this.person.reload();
    this.episodes.reload();
    this.rows.reload();
    this.duplicates.reload();
    this.merges.reload();
  }

  private fail(error: unknown): void {
    this.failure.set(describeFailure(error, (key, params) => this.i18n.t(key, params)));
  }
}
