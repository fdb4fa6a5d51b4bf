import { Route, Routes } from '@angular/router';
import { guestGuard } from './session/guards';

/**
 * The sign-in page, outside the session guard. Every page of this library is loaded lazily: the shell imports
 * only the session, its guards and interceptor, and these route definitions.
 */
export const LOGIN_ROUTE: Route = {
  path: 'login',
  title: 'auth.login.title',
  canActivate: [guestGuard],
  loadComponent: () => import('./login/login-page').then((m) => m.LoginPage),
};

/** Pages of a signed-in user, to place under the session guard: the pending steps and the profile. */
export const ACCOUNT_ROUTES: Routes = [
  { path: 'password', title: 'auth.password.title', loadComponent: () => import('./password/password-page').then((m) => m.PasswordPage) },
  {
    path: 'two-factor',
    title: 'auth.totp.title',
    loadComponent: () => import('./two-factor/two-factor-page').then((m) => m.TwoFactorPage),
  },
  { path: 'profile', title: 'profile.title', loadComponent: () => import('./profile/profile-page').then((m) => m.ProfilePage) },
];
