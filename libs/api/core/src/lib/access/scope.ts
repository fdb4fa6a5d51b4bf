import type { FacilityKind } from '@skss/domain';
import type { Principal } from './principal';

/**
 * Facilities a principal may read and write; 'all' for central units.
 * - `view`: the facilities reporting through the principal's facility today (administration:
 *   accounts, integration accounts);
 * - `history`: every facility that reported through it at any time, and through the units it
 *   absorbed (lineage), so data with a history stays visible after a reorganisation (registers);
 * - `write`: where the principal may enter data.
 */
export interface Scope {
  view: ReadonlySet<number> | 'all';
  history: ReadonlySet<number> | 'all';
  write: ReadonlySet<number> | 'all';
}

/** Central units see the whole country (Điều 10); everyone else their reporting subtree. */
export const CENTRAL_KINDS: readonly FacilityKind[] = ['MCH_DEPARTMENT', 'NCHI'];

/**
 * Where a principal may enter data (the `write` part of its scope): everything for central units,
 * an integration account's facilities, otherwise the user's own facility. Nothing without a principal.
 */
export function writeScopeOf(principal: Principal | undefined): ReadonlySet<number> | 'all' {
  if (!principal) return new Set();
  if (principal.kind === 'client') return principal.facilityIds;
  return CENTRAL_KINDS.includes(principal.facilityKind) ? 'all' : new Set([principal.facilityId]);
}

/** The facility-set a filter is built from: the allowed facility ids, never 'all'. */
export type FacilityFilter = (facilityIds: number[]) => Record<string, unknown>;

/**
 * How rows of a facility-owned model are matched to a scope:
 * - `field`: the column naming the owning facility (checked on creates, compared on to-one reads);
 * - `scope`: which set reads use (`view` for administration, `history` for clinical data);
 * - `filter`: the where-clause for reads and filtered writes; defaults to `{ [field]: { in } }`.
 */
export interface ScopeRule {
  field: string;
  scope: 'view' | 'history';
  filter?: FacilityFilter;
}

const owned = (scope: ScopeRule['scope'] = 'history'): ScopeRule => ({ field: 'facilityId', scope });

/**
 * Models whose rows belong to a facility. Every read of these — top-level or reached through a
 * relation — is filtered to the caller's scope, and every write to its write scope
 * (see scoped-prisma.ts). Add each new facility-owned table here.
 */
export const SCOPED_MODELS: Readonly<Record<string, ScopeRule>> = {
  UserAccount: owned('view'),
  /** A person is visible to every facility that has recorded something for her. */
  Person: { field: 'facilityId', scope: 'history', filter: (ids) => ({ knownAt: { some: { facilityId: { in: ids } } } }) },
  PregnancyEpisode: owned(),
  AncVisit: owned(),
  Delivery: owned(),
  Newborn: owned(),
  PostnatalVisit: owned(),
  Abortion: owned(),
  ContraceptionService: owned(),
  Complication: owned(),
  GynaecologyVisit: owned(),
  HpvVaccination: owned(),
  ChildExam: owned(),
  Death: owned(),
  RegisterImport: owned(),
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
  'Catalog',
  'CatalogItem',
  'Person',
  'PersonResidence',
  'PregnancyEpisode',
  'AncVisit',
  'Delivery',
  'Newborn',
  'PostnatalVisit',
  'Abortion',
  'ContraceptionService',
  'Complication',
  'GynaecologyVisit',
  'HpvVaccination',
  'ChildExam',
  'Death',
  'RegisterPeriodLock',
]);
