import type { FacilityKind } from '@skss/domain';

/** Facilities a principal may read (view) and write (enter data for); 'all' for central units. */
export interface Scope {
  view: ReadonlySet<number> | 'all';
  write: ReadonlySet<number> | 'all';
}

/** Central units see the whole country (Điều 10); everyone else their reporting subtree. */
export const CENTRAL_KINDS: readonly FacilityKind[] = ['MCH_DEPARTMENT', 'NCHI'];

/**
 * Models whose rows belong to a facility, and the column that says which. Every read of these is
 * filtered to the caller's view scope and every write to its write scope (see scoped-prisma.ts).
 * Add each new facility-owned table (registers, reports, ...) here.
 */
export const SCOPED_MODELS: Readonly<Record<string, string>> = {
  UserAccount: 'facilityId',
};

/** Models whose creates, updates and deletes are written to the audit trail automatically. */
export const AUDITED_MODELS: ReadonlySet<string> = new Set([
  'UserAccount',
  'UserRole',
  'Role',
  'IntegrationClient',
  'IntegrationClientFacility',
  'Facility',
  'FacilityReportingLine',
  'ReportingRule',
  'AdminUnit',
]);
