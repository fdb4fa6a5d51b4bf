import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ApiFailure, DIALOG_FRAME, FormProblems, FormSubmission, I18n, Icon, provideConsoleDatepickerIntl } from '@skss/console/ui';
import { todayInVietnam, validateRecord } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { RecordsApi, RegisterRow, WriteResult } from '../data/records-api';
import { formValuesOf } from '../form/form-values';
import { FormOptions, recordFormGroup } from '../form/record-form-group';
import { RecordForm } from '../form/record-form';
import {
  EPISODE_CLOSURE_FORM,
  EPISODE_FORM,
  episodeBody,
  episodeEditForm,
  episodeInput,
  episodeName,
  episodeState,
  episodeStateText,
} from './episode-form';

/** The API's code for a row of a month whose report is approved. */
const PERIOD_LOCKED = 'PERIOD_LOCKED';

export interface EpisodeDialogData {
  readonly episode: RegisterRow;
  /** Whose episode it is, as the validator checks it (a woman, born before the registration). */
  readonly person: { readonly dateOfBirth: string; readonly sex: string };
  /** Told the API's reason when the episode's month is locked, so that the page shows the row read-only too. */
  readonly locked: (reason: string) => void;
}

/**
 * Correcting a pregnancy episode: the fields it was registered with and, unless a delivery or an abortion closed it
 * (shown as such: that row is to be corrected instead), its closure by hand (a loss or a move away, with the day) or
 * its reopening when the closure was set by hand. Checked inline and on save by the domain's `validateRecord('episodes')`;
 * the API's problems land on the same fields; a locked month (409 PERIOD_LOCKED) turns it read-only with the API's
 * reason. Closes with the write's result. Test hooks: `episode-form-<field>` (`-error`), `episode-form-save`,
 * `episode-reopen`, `episode-closed-by-event`, `episode-form-locked`, `episode-form-problems`.
 */
@Component({
  selector: 'skss-episode-dialog',
  imports: [DIALOG_FRAME, ReactiveFormsModule, MatProgressBar, FormProblems, Icon, RecordForm],
  providers: [provideConsoleDatepickerIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './episode-dialog.html',
  styleUrl: './episode-dialog.scss',
})
export class EpisodeDialog {
  private readonly records = inject(RecordsApi);
  private readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<EpisodeDialog, WriteResult>>(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly data = inject<EpisodeDialogData>(MAT_DIALOG_DATA);

  private readonly t = (key: Parameters<I18n['t']>[0], params?: Parameters<I18n['t']>[1]) => this.i18n.t(key, params);
  private readonly state = episodeState(this.data.episode);
  protected readonly byEvent = this.state.kind === 'closed' && this.state.byEvent;
  protected readonly closedByHand = this.state.kind === 'closed' && !this.state.byEvent;
  protected readonly name = episodeName(this.data.episode, this.t);
  protected readonly stateText = episodeStateText(this.data.episode, this.t, (text) => this.i18n.label(text));
  protected readonly openingShape = EPISODE_FORM;
  protected readonly closureShape = EPISODE_CLOSURE_FORM;
  protected readonly options: FormOptions = {
    texts: () => ({ invalidTime: this.i18n.t('records.form.invalidTime'), timeRequired: this.i18n.t('records.form.timeRequired') }),
  };
  private readonly shape = episodeEditForm(this.data.episode);
  protected readonly form = recordFormGroup(this.shape, this.options, formValuesOf(this.shape, this.data.episode));
  protected readonly submission = new FormSubmission(this.form);
  /** The API's reason when the episode's month is locked. */
  protected readonly locked = signal<string | null>(null);
  /** The closure by hand was cleared: saving reopens the episode. */
  protected readonly reopening = signal(false);

  constructor() {
    // Choosing a closure again takes back the reopening.
    this.form
      .get('closure')
      ?.valueChanges.pipe(takeUntilDestroyed())
      .subscribe((closure) => {
        if (closure) this.reopening.set(false);
      });
  }

  /** Clears the closure set by hand (she did not move away after all): saved, the episode is followed again. */
  protected reopen(): void {
    for (const key of ['closure', 'closedOn']) {
      const control = this.form.get(key);
      control?.setValue(null);
      control?.markAsDirty();
    }
    this.reopening.set(true);
    this.focus('episode-form-save');
  }

  protected async submit(): Promise<void> {
    if (this.locked() || !this.submission.begin()) return;
    this.form.markAllAsTouched();
    const { dateOfBirth, sex } = this.data.person;
    const result = validateRecord('episodes', episodeInput(this.data.episode, this.form.getRawValue()), {
      today: todayInVietnam(),
      person: { dateOfBirth, sex: sex === 'MALE' ? 'MALE' : 'FEMALE' },
    });
    if (this.form.invalid || !result.value) {
      this.submission.refuse({ code: 'VALIDATION_FAILED', message: this.i18n.t('records.form.invalid'), details: result.problems });
      this.focusFirstInvalid();
      return;
    }
    const body = episodeBody(this.data.episode, result.value as unknown as Record<string, unknown>);
    await this.submission.send(
      () => firstValueFrom(this.records.updateEpisode(this.data.episode.id, body)),
      (written) => this.ref.close(written),
      (failure) => this.refused(failure),
    );
  }

  private refused(failure: ApiFailure): void {
    if (failure.code === PERIOD_LOCKED) {
      this.locked.set(failure.message);
      this.form.disable({ emitEvent: false });
      this.data.locked(failure.message);
      return;
    }
    this.focusFirstInvalid();
  }

  private focusFirstInvalid(): void {
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>('.ng-invalid[data-testid], .ng-invalid [data-testid]')?.focus(),
      { injector: this.injector },
    );
  }

  private focus(testId: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}
