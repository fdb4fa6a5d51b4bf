import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { ACCOUNT_ROUTES, LOGIN_ROUTE, permissionGuard, PROFILE_PATH, Session, sessionGuard } from '@skss/console/auth';
import { CONSOLE_SUBSYSTEMS } from './subsystems';

/** The home page is the first subsystem the user may use (the profile when there is none). */
const homeGuard: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  await session.ensureLoaded();
  const first = CONSOLE_SUBSYSTEMS.find((subsystem) => session.hasPermission(subsystem.permission));
  return router.createUrlTree([first ? first.path : PROFILE_PATH]);
};

/** Route titles are translation keys, rendered by TranslatedTitleStrategy. Everything but /login needs a session. */
export const appRoutes: Routes = [
  LOGIN_ROUTE,
  {
    path: '',
    canActivateChild: [sessionGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeGuard], children: [] },
      ...ACCOUNT_ROUTES,
      ...CONSOLE_SUBSYSTEMS.map(({ path, labelKey, permission, loadChildren }) => ({
        path,
        title: labelKey,
        canActivate: [permissionGuard(permission)],
        loadChildren,
      })),
      { path: '**', title: 'notFound.title', loadComponent: () => import('./not-found').then((m) => m.NotFound) },
    ],
  },
];
