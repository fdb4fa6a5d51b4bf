import { SetMetadata } from '@nestjs/common';
import type { IntegrationOperation } from '@skss/domain';

export const CLIENT_ROUTE_KEY = 'skss:client-route';

/** What a route for external systems asks of the calling integration account. */
export interface ClientRouteRequirement {
  /** The operation the account must hold; undefined: any authenticated account. */
  operation?: IntegrationOperation;
  /**
   * The Passport strategy that authenticates the account on this route (e.g. the national
   * endpoint's 'national-token'); undefined: HTTP Basic client credentials.
   */
  strategy?: string;
}

/**
 * A route for external systems (HIS, YTCS, ...) authenticated with client credentials
 * (`Authorization: Basic base64(clientId:clientSecret)`), whose account holds `operation`.
 * Signed-in users are refused on these routes, and clients on every other route.
 */
export const RequireClientOperation = (operation: IntegrationOperation, options: { strategy?: string } = {}) =>
  SetMetadata<string, ClientRouteRequirement>(CLIENT_ROUTE_KEY, { operation, ...options });

/** A route for any authenticated integration account, whatever its operations. */
export const ClientRoute = () => SetMetadata<string, ClientRouteRequirement>(CLIENT_ROUTE_KEY, {});
