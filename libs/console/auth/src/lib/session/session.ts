import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Api, getMe, logout, MeDto, PendingStep, Permission } from '@skss/contract';
import { firstValueFrom } from 'rxjs';
import { LOGIN_PATH, pendingStepPath, returnUrlParams } from './return-url';

/**
 * Who is signed in, as the API describes it (`GET /api/v1/auth/me`): asked once when the console starts,
 * then replaced by the answers of sign-in, two-factor verification and later refreshes. Null when nobody is.
 * The session itself is an httpOnly cookie the console never sees; this is only what the console shows and allows.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly state = signal<MeDto | null>(null);
  private loaded?: Promise<MeDto | null>;

  /** The signed-in user, unit, roles, permissions and pending step; null when signed out. */
  readonly user = this.state.asReadonly();
  /** What the user must do before using the system (password change, two-factor), else null. */
  readonly pending = computed(() => this.state()?.pending ?? null);
  /** Signed in with nothing pending: the whole console is available. */
  readonly ready = computed(() => this.state() !== null && this.pending() === null);

  /** The user at start-up, asked once; a failed answer (no session, expired, unreachable) means signed out. */
  ensureLoaded(): Promise<MeDto | null> {
    this.loaded ??= firstValueFrom(this.api.invoke(getMe)).then(
      (me) => {
        this.state.set(me);
        return me;
      },
      () => null,
    );
    return this.loaded;
  }

  /** Records the user after sign-in, two-factor verification or a refresh. */
  signedIn(me: MeDto): void {
    this.loaded = Promise.resolve(me);
    this.state.set(me);
  }

  /** Asks the API again (after a password change or enrolment clears a pending step); keeps the session alive. */
  async refresh(): Promise<MeDto> {
    const me = await firstValueFrom(this.api.invoke(getMe));
    this.signedIn(me);
    return me;
  }

  /** Whether the user holds a permission; read in a template or computed, it follows sign-in and sign-out. */
  hasPermission(permission: Permission): boolean {
    return this.state()?.permissions.includes(permission) ?? false;
  }

  /** The API refused a request because a step is pending (403 with the step as code): go and settle it. */
  requireStep(step: PendingStep): void {
    const me = this.state();
    if (!me) return;
    if (me.pending !== step) this.state.set({ ...me, pending: step });
    const page = pendingStepPath(step);
    if (!this.router.url.startsWith(page)) void this.router.navigate([page], { queryParams: returnUrlParams(this.router.url) });
  }

  /**
   * The session has ended on the server (a 401, or the idle timeout ran out): forget the user and go to the sign-in page,
   * which says "Phiên làm việc đã hết hạn" and brings the user back here afterwards. Several failing calls navigate once.
   */
  expire(options: { revoke?: boolean } = {}): void {
    if (!this.state()) return;
    this.forget();
    // The idle timeout ends the session on the server too, rather than waiting for the server's own clock.
    if (options.revoke) this.api.invoke(logout).subscribe({ error: () => undefined });
    void this.router.navigate([LOGIN_PATH], { queryParams: { reason: 'expired', ...returnUrlParams(this.router.url) } });
  }

  /** Ends the session on the server (cookies cleared there), then shows the sign-in page. */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.api.invoke(logout));
    } catch (error) {
      // Already ended (401) or unreachable: the console forgets the user either way.
      if (!(error instanceof HttpErrorResponse)) throw error;
    }
    this.forget();
    await this.router.navigateByUrl(LOGIN_PATH);
  }

  private forget(): void {
    this.loaded = Promise.resolve(null);
    this.state.set(null);
  }
}
