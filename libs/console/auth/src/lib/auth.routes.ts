import { Route, Routes } from '@angular/router';
import { withTranslations } from '@skss/console/ui';
import { guestGuard } from './session/guards';

/**
 * The sign-in page, outside the session guard. Every page of this library is loaded lazily, with the texts of the
 * `auth` translation scope: the shell imports only the session, its guards and interceptor, and these route definitions.
 */
export const LOGIN_ROUTE: Route = {
  path: 'login',
  title: 'auth.login.title',
  canActivate: [guestGuard],
  loadComponent: withTranslations('auth', () => import('./login/login-page').then((m) => m.LoginPage)),
};

/** Pages of a signed-in user, to place under the session guard: the pending steps and the profile. */
export const ACCOUNT_ROUTES: Routes = [
  {
    path: 'password',
    title: 'auth.password.title',
    loadComponent: withTranslations('auth', () => import('./password/password-page').then((m) => m.PasswordPage)),
  },
  {
    path: 'two-factor',
    title: 'auth.totp.title',
    loadComponent: withTranslations('auth', () => import('./two-factor/two-factor-page').then((m) => m.TwoFactorPage)),
  },
  {
    path: 'profile',
    title: 'auth.profile.title',
    loadComponent: withTranslations('auth', () => import('./profile/profile-page').then((m) => m.ProfilePage)),
  },
];
