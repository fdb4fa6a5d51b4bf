import { ChangeDetectionStrategy, Component, DOCUMENT, ElementRef, inject, input, OnDestroy, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PASSWORD_PATH, PROFILE_PATH, Session } from '@skss/console/auth';
import { Icon, TranslatePipe } from '@skss/console/ui';
import { MeDto } from '@skss/contract';

/**
 * The signed-in unit and user in the toolbar, opening "Hồ sơ của tôi", "Đổi mật khẩu" and "Đăng xuất".
 * A disclosure (button + panel) rather than mat-menu, whose overlay would add 75 kB to the initial bundle.
 * Closes on Escape (focus back on the button), on a click elsewhere, when focus leaves it and after a choice.
 */
@Component({
  selector: 'skss-user-menu',
  imports: [RouterLink, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'close(true)', '(focusout)': 'onFocusOut($event)' },
  template: `
    <button
      #trigger
      type="button"
      class="trigger"
      data-testid="user-menu"
      aria-controls="user-menu-panel"
      [attr.aria-expanded]="open()"
      (click)="toggle()"
    >
      <skss-icon name="account_circle" />
      <span class="text">
        <span class="unit" data-testid="signed-in-unit">{{ user().facility.name }}</span>
        <span class="name" data-testid="signed-in-user">{{ user().fullName }}</span>
      </span>
      <skss-icon class="more" name="expand_more" />
    </button>
    @if (open()) {
      <div id="user-menu-panel" class="panel">
        <div class="panel-head" aria-hidden="true">
          <span class="unit">{{ user().facility.name }}</span>
          <span class="name">{{ user().fullName }}</span>
        </div>
        @if (full()) {
          <a class="item" data-testid="menu-profile" [routerLink]="profilePath" (click)="close()">
            <skss-icon name="person" />{{ 'app.profile' | translate }}
          </a>
          <a class="item" data-testid="menu-change-password" [routerLink]="passwordPath" (click)="close()">
            <skss-icon name="lock" />{{ 'app.changePassword' | translate }}
          </a>
        }
        <button type="button" class="item" data-testid="logout" (click)="signOut()">
          <skss-icon name="logout" />{{ 'app.signOut' | translate }}
        </button>
      </div>
    }
  `,
  styleUrl: './user-menu.scss',
})
export class UserMenu implements OnDestroy {
  private readonly session = inject(Session);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly document = inject(DOCUMENT);
  private readonly trigger = viewChild.required<ElementRef<HTMLButtonElement>>('trigger');

  readonly user = input.required<MeDto>();
  /** With a pending step only "Đăng xuất" is offered. */
  readonly full = input(true);

  protected readonly open = signal(false);
  protected readonly profilePath = PROFILE_PATH;
  protected readonly passwordPath = PASSWORD_PATH;

  /** Listening to the whole page only while the panel is open. */
  private readonly outsideClick = (event: Event) => {
    if (!this.host.nativeElement.contains(event.target as Node)) this.close();
  };

  protected toggle(): void {
    if (this.open()) {
      this.close();
      return;
    }
    this.open.set(true);
    this.document.addEventListener('pointerdown', this.outsideClick, true);
  }

  protected close(restoreFocus = false): void {
    if (!this.open()) return;
    this.open.set(false);
    this.document.removeEventListener('pointerdown', this.outsideClick, true);
    if (restoreFocus) this.trigger().nativeElement.focus();
  }

  protected onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && !this.host.nativeElement.contains(next)) this.close();
  }

  protected signOut(): void {
    this.close();
    void this.session.signOut();
  }

  ngOnDestroy(): void {
    this.document.removeEventListener('pointerdown', this.outsideClick, true);
  }
}
