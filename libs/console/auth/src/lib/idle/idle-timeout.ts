import { HttpErrorResponse } from '@angular/common/http';
import { computed, DOCUMENT, effect, EnvironmentInjector, inject, Injectable, signal, untracked } from '@angular/core';
import { Api, getMe } from '@skss/contract';
import { finalize } from 'rxjs';
import { Session } from '../session/session';

/** How long before the session ends the warning shows. */
const WARNING_MS = 120_000;
/**
 * The API records a session's activity at most once a minute, so its idle clock can run up to a minute ahead of
 * the console's: the console ends the session that much earlier, and "Tiếp tục làm việc" is never too late.
 */
const SERVER_TOUCH_MS = 60_000;
/** A click or key press this recent means the user is working in the page without calling the API (a long form). */
const ACTIVE_MS = 120_000;
/** Open tabs of the console share the time of the last API answer: the session is theirs together. */
const STORAGE_KEY = 'skss.lastApiAnswer';
const SHARE_EVERY_MS = 5_000;

/** How the user closed the warning: continue, sign out, or nothing (it was dismissed by the console). */
export type IdleWarningChoice = 'continue' | 'signOut' | 'dismissed';

interface WarningRef {
  close(choice: IdleWarningChoice): void;
}

/**
 * The idle timeout (Điều 4.2: unattended sessions end; 30 minutes by default, `idleTimeoutSeconds` of /auth/me).
 * The server ends a session that has made no request for that long; the console counts from the last API answer
 * and, two minutes before the end, either keeps the session alive (the user clicked or typed recently) or shows
 * "Phiên làm việc sắp hết hạn" with a countdown. At the end it signs out and shows the sign-in page.
 * One timer, re-armed lazily: API answers only record a time.
 */
@Injectable({ providedIn: 'root' })
export class IdleTimeout {
  private readonly session = inject(Session);
  private readonly api = inject(Api);
  private readonly injector = inject(EnvironmentInjector);
  private readonly window = inject(DOCUMENT).defaultView;

  private idleMs = 0;
  private lastApiAt = Date.now();
  private lastSharedAt = 0;
  private lastActivityAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private warning: WarningRef | undefined;
  /** Bumped whenever the warning is closed, so that a dialog still loading does not open afterwards. */
  private warningGeneration = 0;
  private keepingAlive = false;

  /** While the warning shows, the seconds left before the session ends; otherwise null. */
  readonly secondsLeft = signal<number | null>(null);

  constructor() {
    const idleSeconds = computed(() => this.session.user()?.idleTimeoutSeconds ?? null);
    effect(() => {
      const seconds = idleSeconds();
      untracked(() => (seconds ? this.start(seconds) : this.stop()));
    });
    const window = this.window;
    if (!window) return;
    const active = () => (this.lastActivityAt = Date.now());
    window.addEventListener('pointerdown', active, { capture: true, passive: true });
    window.addEventListener('keydown', active, { capture: true, passive: true });
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY && event.newValue) this.touch(Number(event.newValue), false);
    });
  }

  /** An API answer arrived (any status but 401): the server has seen the session. Called by the session interceptor. */
  noteApiAnswer(): void {
    this.touch(Date.now(), true);
  }

  /** "Tiếp tục làm việc": one cheap request extends the session. */
  keepAlive(): void {
    if (this.keepingAlive) return;
    this.keepingAlive = true;
    this.api
      .invoke(getMe)
      .pipe(finalize(() => (this.keepingAlive = false)))
      .subscribe({
        // The interceptor has already noted the answer, which closed the warning and re-armed the timer.
        next: (me) => this.session.signedIn(me),
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status === 401) this.session.expire();
          else this.showWarning(); // unreachable server: keep counting down, the user may try again
        },
      });
  }

  private start(seconds: number): void {
    this.idleMs = seconds * 1000;
    this.schedule();
    // Fetch the warning's code now, while the connection is known to work; it is needed much later.
    setTimeout(() => void import('./idle-warning-dialog').catch(() => undefined), 30_000);
  }

  private stop(): void {
    this.idleMs = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.closeWarning();
  }

  private touch(at: number, share: boolean): void {
    if (!(at > this.lastApiAt)) return;
    this.lastApiAt = at;
    if (share && at - this.lastSharedAt >= SHARE_EVERY_MS) {
      this.lastSharedAt = at;
      try {
        this.window?.localStorage.setItem(STORAGE_KEY, String(at));
      } catch {
        // Storage disabled: each tab counts on its own.
      }
    }
    if (this.secondsLeft() !== null || this.timer === undefined) {
      this.closeWarning();
      this.schedule();
    }
  }

  /** The single timer: fires at the warning time, then every second while the warning shows. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.idleMs) return;
    const end = this.end();
    const warnAt = end - Math.min(WARNING_MS, (end - this.lastApiAt) / 2);
    const now = Date.now();
    if (now >= end) {
      this.stop();
      this.session.expire({ revoke: true });
      return;
    }
    if (this.secondsLeft() === null) {
      if (now < warnAt) {
        this.timer = setTimeout(() => this.schedule(), warnAt - now);
        return;
      }
      if (now - this.lastActivityAt < ACTIVE_MS && !this.keepingAlive) {
        this.keepAlive();
        return;
      }
      this.showWarning();
      return;
    }
    const left = end - now;
    this.secondsLeft.set(Math.ceil(left / 1000));
    this.timer = setTimeout(() => this.schedule(), left % 1000 || 1000);
  }

  private showWarning(): void {
    if (!this.idleMs) return;
    const opening = this.secondsLeft() === null;
    this.secondsLeft.set(Math.max(0, Math.ceil((this.end() - Date.now()) / 1000)));
    if (opening) {
      const generation = this.warningGeneration;
      void import('./idle-warning-dialog').then(
        ({ openIdleWarning }) => {
          if (generation !== this.warningGeneration || this.warning) return;
          const ref = openIdleWarning(this.injector);
          this.warning = ref;
          ref.afterClosed().subscribe((choice) => {
            if (this.warning === ref) this.warning = undefined;
            if (choice === 'signOut') void this.session.signOut();
            else if (choice !== 'dismissed') this.keepAlive(); // "Tiếp tục làm việc", Escape or a click beside it
          });
        },
        () => undefined, // offline: no dialog, the countdown still ends the session
      );
    }
    this.schedule();
  }

  /** When the console ends the session: the idle time after the last API answer, less the server's margin. */
  private end(): number {
    return this.lastApiAt + this.idleMs - Math.min(SERVER_TOUCH_MS, this.idleMs / 10);
  }

  private closeWarning(): void {
    this.warningGeneration++;
    this.secondsLeft.set(null);
    const warning = this.warning;
    this.warning = undefined;
    warning?.close('dismissed');
  }
}
