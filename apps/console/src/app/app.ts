import { BreakpointObserver } from '@angular/cdk/layout';
import { UpperCasePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { NavigationEnd, NavigationError, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { IdleTimeout, Session } from '@skss/console/auth';
import { Language, LANGUAGE_NAMES, LANGUAGES } from '@skss/console/i18n';
import { I18n, Icon, TranslatePipe } from '@skss/console/ui';
import { filter, map } from 'rxjs';
import { navigationFor } from './navigation';
import { CONSOLE_SUBSYSTEMS } from './subsystems';
import { UserMenu } from './user-menu';

/**
 * The console's shell: toolbar (system, language, signed-in unit and user with their menu), the navigation of the
 * subsystems the user may use, routed content. Signed out or with a pending step, only the toolbar and the page show.
 */
@Component({
  selector: 'skss-root',
  imports: [
    MatButton,
    MatIconButton,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    UpperCasePipe,
    Icon,
    TranslatePipe,
    UserMenu,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  protected readonly i18n = inject(I18n);
  protected readonly user = this.session.user;
  /** Signed in with nothing pending: the navigation and the whole menu are available. */
  protected readonly ready = this.session.ready;
  /** The sections of the navigation with the subsystems the user may open. */
  protected readonly navigation = computed(() => navigationFor(CONSOLE_SUBSYSTEMS, (permission) => this.session.hasPermission(permission)));
  /** The language whose texts could not be fetched (a dropped connection): said, and the current language kept. */
  protected readonly languageFailed = signal(false);
  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;
  /** Phones and small tablets get an overlay menu instead of a side column. */
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  /** The URL whose feature could not be loaded (a lazy chunk on a dropped connection), so the page is never blank. */
  protected readonly failedNavigation = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationError || event instanceof NavigationEnd),
      map((event) => (event instanceof NavigationError ? event.url : undefined)),
    ),
    { initialValue: undefined },
  );

  constructor() {
    // Counts idle time while someone is signed in, and warns before the session ends.
    inject(IdleTimeout);
  }

  protected async setLanguage(language: Language): Promise<void> {
    this.languageFailed.set(!(await this.i18n.setLanguage(language)));
  }

  protected retry(url: string): void {
    void this.router.navigateByUrl(url);
  }

  protected skipToContent(main: HTMLElement): void {
    main.focus();
  }
}
