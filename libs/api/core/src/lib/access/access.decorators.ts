import { createParamDecorator, SetMetadata } from '@nestjs/common';
import type { Permission } from '@skss/domain';
import { RequestContext } from '../context/request-context';
import type { Principal, UserPrincipal } from './principal';

export const PUBLIC_KEY = 'skss:public';
export const PERMISSIONS_KEY = 'skss:permissions';
/** Routes a session may use before the password change or second factor it owes. */
export const PENDING_ALLOWED_KEY = 'skss:pending-allowed';

/** No sign-in needed (sign-in itself, health, the OpenAPI document). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The caller needs every one of these permissions. */
export const RequirePermissions = (...permissions: Permission[]) => SetMetadata(PERMISSIONS_KEY, permissions);

/** Usable while the session still owes a password change or a second factor. */
export const AllowPending = () => SetMetadata(PENDING_ALLOWED_KEY, true);

export const CurrentPrincipal = createParamDecorator((): Principal | undefined => RequestContext.current()?.principal);

/** The signed-in user; the guard guarantees one on non-public user routes. */
export const CurrentUser = createParamDecorator((): UserPrincipal => {
  const principal = RequestContext.current()?.principal;
  if (principal?.kind !== 'user') throw new Error('CurrentUser used on a route without a signed-in user');
  return principal;
});
