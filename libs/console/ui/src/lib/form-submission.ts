import { inject, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { ApiFailure, applyFieldErrors, describeFailure } from './api-problems';
import { I18n } from './i18n.service';

export interface FormSubmissionOptions {
  /** API field names mapped to control paths (see `applyFieldErrors`). */
  readonly aliases?: Readonly<Record<string, string>>;
  /** API fields the screen shows itself (a facility picker…): left out of the form's controls and of the banner. */
  readonly shownElsewhere?: readonly string[];
}

/**
 * A form's submission as every dialog and entry page shows it: under way or not (one at a time), the API's failure in
 * Vietnamese, each rejected field on its control, and the messages that belong to no control for the banner
 * (`<skss-form-problems [failure]="submission.failure()" [unplaced]="submission.unplaced()">`). Created in a
 * component's field initialiser (it injects the console's texts).
 */
export class FormSubmission {
  readonly submitting = signal(false);
  readonly failure = signal<ApiFailure | null>(null);
  readonly unplaced = signal<readonly string[]>([]);
  private readonly i18n = inject(I18n);

  constructor(
    private readonly form: FormGroup,
    private readonly options: FormSubmissionOptions = {},
  ) {}

  /** Clears the last failure before the screen's own checks; false while a submission is under way. */
  begin(): boolean {
    if (this.submitting()) return false;
    this.failure.set(null);
    this.unplaced.set([]);
    return true;
  }

  /**
   * Shows a failure as the API's would be shown: kept, each problem on its control, the rest for the banner. Also for
   * the problems a screen finds itself before sending (a domain validator's rules across fields).
   */
  refuse(failure: ApiFailure): void {
    this.failure.set(failure);
    const elsewhere = new Set(this.options.shownElsewhere ?? []);
    const onForm = { ...failure, details: failure.details.filter((detail) => !elsewhere.has(detail.field)) };
    this.unplaced.set(applyFieldErrors(this.form, onForm, this.options.aliases));
  }

  /**
   * Sends, then hands the answer to `done`; a failure is kept and placed on the form instead, and handed to `failed`
   * for the fields the screen shows itself.
   */
  async send<T>(call: () => Promise<T>, done: (answer: T) => void, failed?: (failure: ApiFailure) => void): Promise<void> {
    this.submitting.set(true);
    try {
      const answer = await call();
      done(answer);
    } catch (error) {
      const failure = describeFailure(error, (key, params) => this.i18n.t(key, params));
      this.refuse(failure);
      failed?.(failure);
    } finally {
      this.submitting.set(false);
    }
  }
}
