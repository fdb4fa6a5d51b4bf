/** Actions recorded in the audit trail besides the automatic CREATE / UPDATE / DELETE. */
export const AUDIT_ACTIONS = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'SIGN_IN',
  'SIGN_IN_FAILED',
  'SIGN_OUT',
  'LOCKOUT',
  'UNLOCK',
  'PASSWORD_CHANGE',
  'PASSWORD_RESET',
  'ROLE_CHANGE',
  'SCOPE_CHANGE',
  'TOTP_ENABLED',
  'SECRET_ROTATED',
  'EXPORT',
  'ACCESS_DENIED',
  /** Opening one person's health record (who viewed whose data). */
  'VIEW',
  /** A committed Excel import: one event for the batch, linked to the import record (entityId). */
  'IMPORT',
  /** A probable duplicate person merged into another, and a merge undone (what moved is in `after`). */
  'MERGE',
  'MERGE_UNDONE',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
  details?: unknown;
  /** For events without a signed-in principal (e.g. a failed sign-in): who it concerned. */
  username?: string;
}

/** Fields never copied into the audit trail or logs. */
const SECRET_FIELDS = new Set([
  'passwordHash',
  'totpSecret',
  'secretHash',
  'tokenHash',
  'csrfToken',
  'hash',
  'password',
  'newPassword',
  'currentPassword',
  'secret',
]);

/** A JSON-safe copy with secrets replaced, dates as ISO strings and bigints as strings. */
export function redactForAudit(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(redactForAudit);
  // Values that know their JSON form (Prisma's Decimal: '52.5'), rather than their internals.
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(): unknown }).toJSON();
  }
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, v]) => [key, SECRET_FIELDS.has(key) ? '[redacted]' : redactForAudit(v)]),
    );
  }
  return value;
}
