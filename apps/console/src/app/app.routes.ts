import { inject } from '@angular/core';
import { CanActivateFn, Route, Router, Routes } from '@angular/router';
import { ACCOUNT_ROUTES, LOGIN_ROUTE, permissionGuard, PROFILE_PATH, Session, sessionGuard } from '@skss/console/auth';
import { withTranslations } from '@skss/console/ui';
import { ConsoleSubsystem, homeSubsystem } from './navigation';
import { CONSOLE_SUBSYSTEMS } from './subsystems';

/** The home page is the first subsystem of the user's navigation (the profile when there is none). */
const homeGuard: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  await session.ensureLoaded();
  const home = homeSubsystem(CONSOLE_SUBSYSTEMS, (permission) => session.hasPermission(permission));
  return router.createUrlTree([home ? home.path : PROFILE_PATH]);
};

/** A subsystem's route: opened with any of its permissions, its code and its texts fetched together. */
export function subsystemRoute({ path, labelKey, permissions, scope, loadChildren }: ConsoleSubsystem): Route {
  return {
    path,
    title: labelKey,
    canActivate: [permissionGuard(...permissions)],
    loadChildren: scope ? withTranslations(scope, loadChildren) : loadChildren,
  };
}

/** Route titles are translation keys, rendered by TranslatedTitleStrategy. Everything but /login needs a session. */
export const appRoutes: Routes = [
  LOGIN_ROUTE,
  {
    path: '',
    canActivateChild: [sessionGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeGuard], children: [] },
      ...ACCOUNT_ROUTES,
      ...CONSOLE_SUBSYSTEMS.map(subsystemRoute),
      { path: '**', title: 'notFound.title', loadComponent: () => import('./not-found').then((m) => m.NotFound) },
    ],
  },
];
