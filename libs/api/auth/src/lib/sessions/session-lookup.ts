import type { PrismaClient } from '@skss/api/core';
import type { FacilityKind } from '@skss/domain';
import type { AccountLike } from './account-state';

/** The account behind a session, with what every request and the console's profile need. */
export interface SessionAccount extends AccountLike {
  fullName: string;
  email: string | null;
  phone: string | null;
  status: string;
  facility: { code: string; name: string; kind: FacilityKind };
  roles: { role: { code: string; name: string; permissions: string[]; requireTotp: boolean } }[];
}

/** A session as the guard, the sign-in answer and the profile use it. */
export interface ResolvedSession {
  id: string;
  userId: string;
  csrfToken: string;
  method: string;
  /** False while a second factor is owed. */
  fullyAuthenticated: boolean;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  user: SessionAccount;
}

interface SessionRow {
  id: string;
  userId: string;
  csrfToken: string;
  method: string;
  fullyAuthenticated: boolean;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  status: string;
  facilityId: number;
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  totpEnabled: boolean;
  facilityCode: string;
  facilityName: string;
  facilityKind: FacilityKind;
  roles: { code: string; name: string; permissions: string[]; requireTotp: boolean }[];
}

/**
 * Session, account, facility, roles and their permissions in one statement (Prisma's nested
 * include would take one statement per level). Roles in code order, as the profile lists them.
 */
export async function findSession(db: PrismaClient, tokenHash: string): Promise<ResolvedSession | null> {
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s.id, s.user_id AS "userId", s.csrf_token AS "csrfToken", s.method::text AS "method",
           s.fully_authenticated AS "fullyAuthenticated", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
           s.revoked_at AS "revokedAt", u.username, u.full_name AS "fullName", u.email, u.phone, u.status::text AS "status",
           u.facility_id AS "facilityId", u.must_change_password AS "mustChangePassword",
           u.password_changed_at AS "passwordChangedAt", u.totp_enabled AS "totpEnabled",
           f.code AS "facilityCode", f.name AS "facilityName", f.kind::text AS "facilityKind",
           coalesce(json_agg(json_build_object('code', r.code, 'name', r.name, 'permissions', r.permissions, 'requireTotp', r.require_totp)
                             ORDER BY r.code) FILTER (WHERE r.id IS NOT NULL), '[]'::json) AS "roles"
    FROM session s
    JOIN user_account u ON u.id = s.user_id
    JOIN facility f ON f.id = u.facility_id
    LEFT JOIN user_role ur ON ur.user_id = u.id
    LEFT JOIN role r ON r.id = ur.role_id
    WHERE s.token_hash = ${tokenHash}
    GROUP BY s.id, u.id, f.id`;
  const row = rows[0];
  return row ? toResolvedSession(row) : null;
}

function toResolvedSession(row: SessionRow): ResolvedSession {
  return {
    id: row.id,
    userId: row.userId,
    csrfToken: row.csrfToken,
    method: row.method,
    fullyAuthenticated: row.fullyAuthenticated,
    lastSeenAt: new Date(row.lastSeenAt),
    expiresAt: new Date(row.expiresAt),
    revokedAt: row.revokedAt ? new Date(row.revokedAt) : null,
    user: {
      id: row.userId,
      username: row.username,
      fullName: row.fullName,
      email: row.email,
      phone: row.phone,
      status: row.status,
      facilityId: row.facilityId,
      mustChangePassword: row.mustChangePassword,
      passwordChangedAt: row.passwordChangedAt ? new Date(row.passwordChangedAt) : null,
      totpEnabled: row.totpEnabled,
      facility: { code: row.facilityCode, name: row.facilityName, kind: row.facilityKind },
      roles: row.roles.map((role) => ({ role })),
    },
  };
}
