import { inject } from '@angular/core';
import { CanActivateChildFn, CanActivateFn, Router } from '@angular/router';
import { Permission } from '@skss/contract';
import { LOGIN_PATH, pathOf, pendingStepPath, returnUrlParams, safeReturnUrl } from './return-url';
import { Session } from './session';

/**
 * Every page but the sign-in page: needs a session (else `/login?returnUrl=…`), and while a step is pending
 * (initial or expired password, two-factor) only the page that settles it opens.
 */
export const sessionGuard: CanActivateChildFn = async (_route, state) => {
  const router = inject(Router);
  const me = await inject(Session).ensureLoaded();
  if (!me) return router.createUrlTree([LOGIN_PATH], { queryParams: returnUrlParams(state.url) });
  if (me.pending) {
    const page = pendingStepPath(me.pending);
    if (pathOf(state.url) !== page) {
      // Keep where the user was going, through the pending page, for afterwards.
      const target = state.root.queryParamMap.get('returnUrl') ?? state.url;
      return router.createUrlTree([page], { queryParams: returnUrlParams(target) });
    }
  }
  return true;
};

/** The sign-in page, for visitors only: a signed-in user goes on to a pending step, `returnUrl` or the home page. */
export const guestGuard: CanActivateFn = async (route) => {
  const router = inject(Router);
  const me = await inject(Session).ensureLoaded();
  if (!me) return true;
  const returnUrl = safeReturnUrl(route.queryParamMap.get('returnUrl'));
  if (me.pending) return router.createUrlTree([pendingStepPath(me.pending)], { queryParams: returnUrlParams(returnUrl) });
  return router.parseUrl(returnUrl ?? '/');
};

/** A subsystem needing any one of some permissions; without them, the home page (which lists only what the user may use). */
export function permissionGuard(...permissions: [Permission, ...Permission[]]): CanActivateFn {
  return async () => {
    const session = inject(Session);
    const router = inject(Router);
    await session.ensureLoaded();
    return permissions.some((permission) => session.hasPermission(permission)) || router.createUrlTree(['/']);
  };
}
