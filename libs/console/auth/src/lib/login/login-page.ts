import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslationKey } from '@skss/console/i18n';
import { apiErrorMessage, I18n, Icon, TranslatePipe } from '@skss/console/ui';
import { Api, login } from '@skss/contract';
import { map } from 'rxjs';
import { pendingStepPath, returnUrlParams, safeReturnUrl } from '../session/return-url';
import { Session } from '../session/session';
import { PasswordToggle } from '../shared/password-toggle';
import { SSO_LOGIN_URL, SsoStatus } from './sso-status';

/** Why single sign-on was refused (`?sso_error=` from the API's callback); anything else is a generic failure. */
const SSO_ERRORS: Readonly<Record<string, TranslationKey>> = {
  NOT_LINKED: 'auth.login.ssoNotLinked',
  ACCOUNT_DISABLED: 'auth.login.ssoDisabled',
  SSO_FAILED: 'auth.login.ssoFailed',
};

/**
 * "Đăng nhập": username and password (`POST /api/v1/auth/login`, which sets the session cookie), or single sign-on
 * with the health statistics software when the server offers it. Query parameters: `returnUrl` (where to go afterwards),
 * `reason=expired` (the session ended), `sso_error=NOT_LINKED|ACCOUNT_DISABLED|SSO_FAILED` (back from a failed single sign-on).
 */
@Component({
  selector: 'skss-login-page',
  imports: [
    ReactiveFormsModule,
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
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage {
  private readonly api = inject(Api);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly usernameInput = viewChild.required<ElementRef<HTMLInputElement>>('username');
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('password');

  readonly returnUrl = input<string>();
  readonly reason = input<string>();
  /** `?sso_error=`, set by the API when single sign-on fails (snake_case: chosen by the API, so read from the route). */
  private readonly ssoError = toSignal(inject(ActivatedRoute).queryParamMap.pipe(map((params) => params.get('sso_error'))));

  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submitting = signal(false);
  private readonly failure = signal<unknown>(undefined);
  /** Messages that came with the URL go away once the user starts typing. */
  private readonly typed = signal(false);

  protected readonly ssoEnabled = toSignal(inject(SsoStatus).enabled(), { initialValue: false });
  protected readonly ssoLoginUrl = SSO_LOGIN_URL;
  protected readonly expired = computed(() => this.reason() === 'expired' && !this.typed());
  /** The API's own (Vietnamese) message, or the outcome of single sign-on. */
  protected readonly errorMessage = computed(() => {
    const failure = this.failure();
    if (failure !== undefined) return apiErrorMessage(failure, (key, params) => this.i18n.t(key, params));
    const ssoError = this.ssoError();
    if (!ssoError || this.typed()) return null;
    return this.i18n.t(Object.hasOwn(SSO_ERRORS, ssoError) ? SSO_ERRORS[ssoError] : 'auth.login.ssoFailed');
  });

  constructor() {
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.typed.set(true);
      this.failure.set(undefined);
    });
    afterNextRender(() => this.usernameInput().nativeElement.focus());
  }

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      (this.form.controls.username.invalid ? this.usernameInput() : this.passwordInput()).nativeElement.focus();
      return;
    }
    const { username, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.failure.set(undefined);
    this.api.invoke(login, { body: { username: username.trim(), password } }).subscribe({
      next: (me) => {
        this.session.signedIn(me);
        const returnUrl = safeReturnUrl(this.returnUrl());
        const target = me.pending
          ? this.router.createUrlTree([pendingStepPath(me.pending)], { queryParams: returnUrlParams(returnUrl) })
          : this.router.parseUrl(returnUrl ?? '/');
        void this.router.navigateByUrl(target, { replaceUrl: true });
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.failure.set(error);
        const field = this.passwordInput().nativeElement;
        field.focus();
        field.select();
      },
    });
  }
}
