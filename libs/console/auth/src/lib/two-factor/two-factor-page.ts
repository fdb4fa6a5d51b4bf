import { Clipboard } from '@angular/cdk/clipboard';
import { NgTemplateOutlet } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { describeFailure, ApiErrorMessage, I18n, Icon, TranslatePipe } from '@skss/console/ui';
import { Api, beginTotpSetup, enableTotp, TotpSetupDto, verifyTotp } from '@skss/contract';
import { firstValueFrom } from 'rxjs';
import { pendingStepPath, PROFILE_PATH, returnUrlParams, safeReturnUrl } from '../session/return-url';
import { Session } from '../session/session';

/** verify: the second step of signing in; enrol: set up an authenticator app; enabled: nothing left to do. */
type Mode = 'verify' | 'enrol' | 'enabled';

type Setup = { status: 'loading' } | { status: 'ready'; value: TotpSetupDto } | { status: 'error'; error: unknown };

/**
 * "Xác thực hai lớp" (TOTP): the code asked after the password when the account uses it (TOTP_REQUIRED), and
 * enrolment, forced by a role (TOTP_ENROLLMENT_REQUIRED) or chosen from the profile. Without a QR library the secret
 * and the otpauth:// address are shown as text, to type or paste into the authenticator app.
 */
@Component({
  selector: 'skss-two-factor-page',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIconButton,
    MatInput,
    MatLabel,
    MatProgressBar,
    ApiErrorMessage,
    Icon,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './two-factor-page.html',
  styleUrl: './two-factor-page.scss',
})
export class TwoFactorPage {
  private readonly api = inject(Api);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly snackBar = inject(MatSnackBar);
  private readonly clipboard = inject(Clipboard);
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeField');

  readonly returnUrl = input<string>();

  protected readonly user = this.session.user;
  /** Fixed when the page opens: enabling two-factor must not turn the page into "already enabled" before leaving. */
  protected readonly mode: Mode = this.initialMode();
  protected readonly forced = this.session.pending() !== null;
  protected readonly profilePath = PROFILE_PATH;

  protected readonly setup = signal<Setup>({ status: 'loading' });
  /** The secret in groups of four, easier to copy by hand. */
  protected readonly groupedSecret = computed(() => {
    const setup = this.setup();
    return setup.status === 'ready' ? (setup.value.secret.match(/.{1,4}/g) ?? []).join(' ') : '';
  });
  protected readonly setupValue = computed(() => {
    const setup = this.setup();
    return setup.status === 'ready' ? setup.value : undefined;
  });
  protected readonly setupError = computed(() => {
    const setup = this.setup();
    return setup.status === 'error' ? setup.error : undefined;
  });
  protected readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/^\s*\d{6}\s*$/)] }),
  });
  protected readonly submitting = signal(false);
  private readonly failure = signal<unknown>(undefined);
  protected readonly error = computed(() => {
    const failure = this.failure();
    return failure === undefined ? null : describeFailure(failure, (key, params) => this.i18n.t(key, params));
  });

  constructor() {
    if (this.mode === 'enrol') this.startSetup();
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.failure.set(undefined));
    afterNextRender(() => this.codeInput()?.nativeElement.focus());
  }

  protected startSetup(): void {
    this.setup.set({ status: 'loading' });
    this.form.reset();
    this.api.invoke(beginTotpSetup).subscribe({
      next: (value) => this.setup.set({ status: 'ready', value }),
      error: (error: unknown) => this.setup.set({ status: 'error', error }),
    });
  }

  protected copy(text: string): void {
    if (this.clipboard.copy(text)) this.snackBar.open(this.i18n.t('auth.totp.copied'), undefined, { duration: 2000 });
  }

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.codeInput()?.nativeElement.focus();
      return;
    }
    const code = this.form.controls.code.value.trim();
    this.submitting.set(true);
    this.failure.set(undefined);
    try {
      if (this.mode === 'verify') {
        this.session.signedIn(await firstValueFrom(this.api.invoke(verifyTotp, { body: { code } })));
      } else {
        await firstValueFrom(this.api.invoke(enableTotp, { body: { code } }));
        this.snackBar.open(this.i18n.t('auth.totp.enabled'), this.i18n.t('common.close'), { duration: 6000 });
        await this.session.refresh().catch(() => undefined);
      }
    } catch (error) {
      this.submitting.set(false);
      this.failure.set(error);
      const field = this.codeInput()?.nativeElement;
      field?.focus();
      field?.select();
      return;
    }
    const me = this.session.user();
    const returnUrl = safeReturnUrl(this.returnUrl());
    if (me?.pending) {
      await this.router.navigate([pendingStepPath(me.pending)], { queryParams: returnUrlParams(returnUrl), replaceUrl: true });
    } else {
      await this.router.navigateByUrl(this.forced ? (returnUrl ?? '/') : PROFILE_PATH, { replaceUrl: true });
    }
  }

  protected signOut(): void {
    void this.session.signOut();
  }

  private initialMode(): Mode {
    const pending = this.session.pending();
    if (pending === 'TOTP_REQUIRED') return 'verify';
    if (pending === 'TOTP_ENROLLMENT_REQUIRED') return 'enrol';
    return this.session.user()?.totpEnabled ? 'enabled' : 'enrol';
  }
}
