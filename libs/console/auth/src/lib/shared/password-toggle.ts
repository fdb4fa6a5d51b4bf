import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { Icon, TranslatePipe } from '@skss/console/ui';

/** `<skss-password-toggle matIconSuffix [input]="field" />`: shows or hides what was typed in a password field. */
@Component({
  selector: 'skss-password-toggle',
  imports: [MatIconButton, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      matIconButton
      data-testid="password-toggle"
      [attr.aria-label]="'auth.toggle.showPassword' | translate"
      [attr.title]="(shown() ? 'auth.toggle.hidePassword' : 'auth.toggle.showPassword') | translate"
      [attr.aria-pressed]="shown()"
      (click)="toggle()"
    >
      <skss-icon [name]="shown() ? 'visibility_off' : 'visibility'" />
    </button>
  `,
})
export class PasswordToggle {
  readonly input = input.required<HTMLInputElement>();
  protected readonly shown = signal(false);

  protected toggle(): void {
    const shown = !this.shown();
    this.shown.set(shown);
    this.input().type = shown ? 'text' : 'password';
  }
}
