import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { facilityKindName, formatDay } from '@skss/console/i18n';
import { I18n, Icon, TranslatePipe } from '@skss/console/ui';
import { todayInVietnam } from '@skss/domain';
import { PASSWORD_PATH, TWO_FACTOR_PATH } from '../session/return-url';
import { Session } from '../session/session';

/**
 * "Hồ sơ của tôi": who the user is for the system (name, username, unit, roles), their contact details (read-only
 * until the profile-edit endpoint exists) and their security settings, with the way to change the password and to turn
 * on two-factor authentication. Everything comes from the session (`GET /api/v1/auth/me`): no extra request.
 */
@Component({
  selector: 'skss-profile-page',
  imports: [MatButton, RouterLink, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile-page.html',
  styleUrl: './profile-page.scss',
})
export class ProfilePage {
  private readonly i18n = inject(I18n);
  protected readonly user = inject(Session).user;
  protected readonly passwordPath = PASSWORD_PATH;
  protected readonly twoFactorPath = TWO_FACTOR_PATH;

  protected readonly unitKind = computed(() => {
    const user = this.user();
    return user ? facilityKindName(user.facility.kind, this.i18n.language()) : '';
  });
  /** The day (in Vietnam) the password expires, dd/MM/yyyy; null when it does not expire. */
  protected readonly passwordExpiresOn = computed(() => {
    const expires = this.user()?.passwordExpiresAt;
    return expires ? formatDay(todayInVietnam(new Date(expires))) : null;
  });
}
