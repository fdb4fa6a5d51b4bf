import type { FacilityKind, Permission } from '@skss/domain';

/** A signed-in person. */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  username: string;
  facilityId: number;
  facilityKind: FacilityKind;
  permissions: ReadonlySet<Permission>;
  sessionId: string;
}

/** An external system (HIS, YTCS, ...) authenticated with its client credentials. */
export interface ClientPrincipal {
  kind: 'client';
  clientId: string;
  facilityIds: ReadonlySet<number>;
  operations: ReadonlySet<string>;
}

export type Principal = UserPrincipal | ClientPrincipal;
