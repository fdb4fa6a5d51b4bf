import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslationKey, TranslationParams } from '@skss/console/i18n';
import { describeFailure, I18n, Icon, TranslatePipe } from '@skss/console/ui';
import { Api, changePassword, PendingStep } from '@skss/contract';
import { checkPasswordPolicy, PASSWORD_HISTORY_DEPTH, PASSWORD_MIN_LENGTH, PasswordViolation } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { pendingStepPath, PROFILE_PATH, returnUrlParams, safeReturnUrl } from '../session/return-url';
import { Session } from '../session/session';
import { PasswordToggle } from '../shared/password-toggle';

interface PasswordRule {
  readonly id: string;
  readonly key: TranslationKey;
  readonly params?: TranslationParams;
  readonly met: boolean;
}

/** The client-side rules shown as a checklist; the server checks them again, plus common and reused passwords. */
const RULES: readonly { id: string; key: TranslationKey; violations: readonly PasswordViolation[] }[] = [
  { id: 'length', key: 'auth.password.rule.length', violations: ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG'] },
  { id: 'upper', key: 'auth.password.rule.upper', violations: ['PASSWORD_NEEDS_UPPERCASE'] },
  { id: 'lower', key: 'auth.password.rule.lower', violations: ['PASSWORD_NEEDS_LOWERCASE'] },
  { id: 'digit', key: 'auth.password.rule.digit', violations: ['PASSWORD_NEEDS_DIGIT'] },
  { id: 'special', key: 'auth.password.rule.special', violations: ['PASSWORD_NEEDS_SPECIAL'] },
  { id: 'name', key: 'auth.password.rule.name', violations: ['PASSWORD_CONTAINS_NAME'] },
];

/**
 * "Đổi mật khẩu" (`POST /api/v1/auth/password`): forced after the first sign-in (PASSWORD_CHANGE_REQUIRED) and every
 * 6 months for administrators (PASSWORD_EXPIRED), or chosen from the profile. The checklist follows the typing
 * (`checkPasswordPolicy` of `@skss/domain`); the server has the last word and its messages are shown as they come.
 */
@Component({
  selector: 'skss-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatProgressBar,
    MatSuffix,
    Icon,
    PasswordToggle,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './password-page.html',
  styleUrl: './password-page.scss',
})
export class PasswordPage {
  private readonly api = inject(Api);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly snackBar = inject(MatSnackBar);
  private readonly currentInput = viewChild.required<ElementRef<HTMLInputElement>>('current');
  private readonly newInput = viewChild.required<ElementRef<HTMLInputElement>>('newPassword');
  private readonly confirmInput = viewChild.required<ElementRef<HTMLInputElement>>('confirm');

  readonly returnUrl = input<string>();

  protected readonly user = this.session.user;
  /**
   * PASSWORD_CHANGE_REQUIRED, PASSWORD_EXPIRED, or null when the user came of their own accord. Fixed when the page
   * opens, so that the page does not turn into the voluntary one while leaving after the change.
   */
  protected readonly reason = passwordStep(this.session.pending());
  protected readonly profilePath = PROFILE_PATH;

  protected readonly form = new FormGroup({
    current: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    next: new FormControl('', { nonNullable: true, validators: [Validators.required, (control) => this.policyError(control)] }),
    confirm: new FormControl('', { nonNullable: true, validators: [Validators.required, (control) => this.mismatchError(control)] }),
  });
  private readonly next = toSignal(this.form.controls.next.valueChanges, { initialValue: '' });
  private readonly confirm = toSignal(this.form.controls.confirm.valueChanges, { initialValue: '' });

  protected readonly rules = computed<PasswordRule[]>(() => {
    const password = this.next();
    const violations = new Set(this.violations(password));
    const typed = password.length > 0;
    return [
      ...RULES.map(({ id, key, violations: broken }) => ({
        id,
        key,
        params: id === 'length' ? { min: PASSWORD_MIN_LENGTH } : undefined,
        met: typed && !broken.some((v) => violations.has(v)),
      })),
      { id: 'match', key: 'auth.password.rule.match', met: typed && this.confirm() === password },
    ];
  });
  protected readonly historyDepth = PASSWORD_HISTORY_DEPTH;

  protected readonly submitting = signal(false);
  private readonly failure = signal<unknown>(undefined);
  protected readonly error = computed(() => {
    const failure = this.failure();
    return failure === undefined ? null : describeFailure(failure, (key, params) => this.i18n.t(key, params));
  });

  constructor() {
    this.form.controls.next.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.form.controls.confirm.updateValueAndValidity());
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.failure.set(undefined));
  }

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      const { current, next } = this.form.controls;
      (current.invalid ? this.currentInput() : next.invalid ? this.newInput() : this.confirmInput()).nativeElement.focus();
      return;
    }
    const { current, next } = this.form.getRawValue();
    const forced = this.reason !== null;
    this.submitting.set(true);
    this.failure.set(undefined);
    try {
      await firstValueFrom(this.api.invoke(changePassword, { body: { currentPassword: current, newPassword: next } }));
    } catch (error) {
      this.submitting.set(false);
      this.failure.set(error);
      const wrongCurrent = describeFailure(error, (key) => key).code === 'CURRENT_PASSWORD_WRONG';
      (wrongCurrent ? this.currentInput() : this.newInput()).nativeElement.focus();
      return;
    }
    this.snackBar.open(this.i18n.t('auth.password.done'), this.i18n.t('common.close'), { duration: 6000 });
    const me = await this.session.refresh().catch(() => {
      // The password is changed whatever happens next; the API will say if another step is pending.
      const known = this.session.user();
      if (known) this.session.signedIn({ ...known, pending: null });
      return known;
    });
    const returnUrl = safeReturnUrl(this.returnUrl());
    if (me?.pending) {
      await this.router.navigate([pendingStepPath(me.pending)], { queryParams: returnUrlParams(returnUrl), replaceUrl: true });
    } else {
      await this.router.navigateByUrl(forced ? (returnUrl ?? '/') : PROFILE_PATH, { replaceUrl: true });
    }
  }

  private violations(password: string): PasswordViolation[] {
    const me = this.session.user();
    return checkPasswordPolicy(password, { username: me?.username ?? '', fullName: me?.fullName });
  }

  private policyError(control: AbstractControl<string>): ValidationErrors | null {
    return control.value && this.violations(control.value).length > 0 ? { policy: true } : null;
  }

  private mismatchError(control: AbstractControl<string>): ValidationErrors | null {
    const next = this.form?.controls.next.value;
    return control.value && next !== undefined && control.value !== next ? { mismatch: true } : null;
  }
}

function passwordStep(pending: PendingStep | null): 'PASSWORD_CHANGE_REQUIRED' | 'PASSWORD_EXPIRED' | null {
  return pending === 'PASSWORD_CHANGE_REQUIRED' || pending === 'PASSWORD_EXPIRED' ? pending : null;
}
