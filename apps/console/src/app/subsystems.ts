import { ConsoleSubsystem } from './navigation';

/**
 * The subsystems of the console, one per feature library; only those that exist are listed. To add one (registers
 * `clinical-records`, `catalogs`, facility `administration`…): its `nav.*` label in the console-wide dictionaries, its
 * translation scope (`@skss/console/i18n`), and an entry here, for example
 * `{ path: 'records', labelKey: 'nav.records', icon: …, section: 'records', permissions: ['records.read', 'records.enter'],
 * scope: 'records', loadChildren: () => import('@skss/console/clinical-records').then((m) => m.RECORDS_ROUTES) }`.
 * The route, its guard, its title, the navigation entry and the home page follow from it.
 */
export const CONSOLE_SUBSYSTEMS: readonly ConsoleSubsystem[] = [
  {
    path: 'records',
    labelKey: 'nav.section.records',
    icon: 'event',
    section: 'records',
    permissions: ['records.read'],
    scope: 'records',
    loadChildren: () => import('@skss/console/clinical-records').then((m) => m.RECORDS_ROUTES),
  },
  {
    path: 'reports',
    labelKey: 'nav.reports',
    icon: 'upload_file',
    section: 'reports',
    permissions: ['reports.read'],
    scope: 'reports',
    loadChildren: () => import('@skss/console/statistical-reports').then((m) => m.REPORTS_ROUTES),
  },
  {
    path: 'org-units',
    labelKey: 'nav.orgUnits',
    icon: 'account_tree',
    section: 'catalogs',
    permissions: ['org.read'],
    scope: 'org',
    loadChildren: () => import('@skss/console/org-units').then((m) => m.ORG_UNITS_ROUTES),
  },
  {
    // Every signed-in user may read the catalogs; those who enter or check registers, and their administrators, use them.
    path: 'catalogs',
    labelKey: 'nav.catalogs',
    icon: 'content_copy',
    section: 'catalogs',
    permissions: ['catalogs.manage', 'records.read', 'records.enter'],
    scope: 'admin',
    loadChildren: () => import('@skss/console/administration').then((m) => m.CATALOGS_ROUTES),
  },
  {
    // Every level watches the flows of its own scope (NCHI and the MCH Department: all); re-sending needs integration.manage.
    path: 'inbound-data',
    labelKey: 'nav.inboundData',
    icon: 'visibility',
    section: 'integration',
    permissions: ['monitoring.read'],
    scope: 'integration',
    loadChildren: () => import('@skss/console/integration').then((m) => m.INBOUND_MONITORING_ROUTES),
  },
  {
    path: 'outbound-data',
    labelKey: 'nav.outboundData',
    icon: 'schedule',
    section: 'integration',
    permissions: ['monitoring.read'],
    scope: 'integration',
    loadChildren: () => import('@skss/console/integration').then((m) => m.OUTBOUND_MONITORING_ROUTES),
  },
  {
    path: 'users',
    labelKey: 'nav.users',
    icon: 'person',
    section: 'administration',
    permissions: ['users.read'],
    scope: 'admin',
    loadChildren: () => import('@skss/console/administration').then((m) => m.USERS_ROUTES),
  },
  {
    path: 'roles',
    labelKey: 'nav.roles',
    icon: 'security',
    section: 'administration',
    permissions: ['users.read'],
    scope: 'admin',
    loadChildren: () => import('@skss/console/administration').then((m) => m.ROLES_ROUTES),
  },
  {
    path: 'integration-clients',
    labelKey: 'nav.integrationClients',
    icon: 'lock',
    section: 'administration',
    permissions: ['integration.manage'],
    scope: 'admin',
    loadChildren: () => import('@skss/console/administration').then((m) => m.INTEGRATION_CLIENTS_ROUTES),
  },
  {
    path: 'audit',
    labelKey: 'nav.audit',
    icon: 'history',
    section: 'administration',
    permissions: ['audit.read'],
    scope: 'admin',
    loadChildren: () => import('@skss/console/administration').then((m) => m.AUDIT_ROUTES),
  },
  {
    path: 'facilities',
    labelKey: 'nav.facilities',
    icon: 'local_hospital',
    section: 'administration',
    permissions: ['facilities.manage'],
    scope: 'admin',
    loadChildren: () => import('@skss/console/administration').then((m) => m.FACILITIES_ROUTES),
  },
];
