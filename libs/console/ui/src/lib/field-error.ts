import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { TranslationKey } from '@skss/console/i18n';
import { controlError } from './api-problems';
import { I18n } from './i18n.service';
import { Icon } from './icon';

/**
 * The message of a form field in error, for its always-present `<mat-error>` (a `mat-error` switched in and out by
 * `@if` is not reliably shown): the API's own message for the field (`applyFieldErrors` of a 400's `details`), else
 * the text of the first failed validator in `messages`.
 *
 * `<mat-error><skss-field-error [control]="form.controls.fullName" [messages]="{ required: 'common.required' }" /></mat-error>`
 */
@Component({
  selector: 'skss-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ message() }}`,
})
export class FieldError {
  private readonly i18n = inject(I18n);

  readonly control = input.required<AbstractControl>();
  /** Validator error name → text key, in the order they are checked. */
  readonly messages = input<Readonly<Record<string, TranslationKey>>>({});

  /** Controls are not signals: count their value, status and touched events to recompute. */
  private readonly changes = signal(0);
  protected readonly message = computed(() => {
    this.changes();
    return controlError(this.control(), this.messages(), (key, params) => this.i18n.t(key, params));
  });

  constructor() {
    effect((onCleanup) => {
      const subscription = this.control().events.subscribe(() => this.changes.update((n) => n + 1));
      onCleanup(() => subscription.unsubscribe());
    });
  }
}

/**
 * A form's failure as a banner: the API's message and, listed under it, the field problems that belong to no field on
 * screen (`applyFieldErrors` returns them). `<skss-form-problems [failure]="failure()" [unplaced]="unplaced()" />`
 */
@Component({
  selector: 'skss-form-problems',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'alert', class: 'skss-form-problems' },
  template: `
    <skss-icon name="error" />
    <div class="text">
      <p class="message">{{ failure().message }}</p>
      @if (unplaced().length) {
        <ul class="list">
          @for (message of unplaced(); track $index) {
            <li>{{ message }}</li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      margin: 8px 0;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
    .message,
    .list {
      margin: 0;
    }
    .list {
      padding-left: 20px;
    }
  `,
})
export class FormProblems {
  readonly failure = input.required<{ readonly message: string }>();
  readonly unplaced = input<readonly string[]>([]);
}
