import { LoadChildrenCallback } from '@angular/router';
import { TranslationKey } from '@skss/console/i18n';
import { IconName } from '@skss/console/ui';
import { Permission } from '@skss/contract';

/** A subsystem of the console: one lazily loaded feature library, one entry in the side navigation. */
export interface ConsoleSubsystem {
  readonly path: string;
  readonly labelKey: TranslationKey;
  readonly icon: IconName;
  /** Needed to see it in the navigation and to open it. */
  readonly permission: Permission;
  readonly loadChildren: LoadChildrenCallback;
}

/** Only subsystems that exist are listed; add one here when its feature library is ready. */
export const CONSOLE_SUBSYSTEMS: readonly ConsoleSubsystem[] = [
  {
    path: 'org-units',
    labelKey: 'nav.orgUnits',
    icon: 'account_tree',
    permission: 'org.read',
    loadChildren: () => import('@skss/console/org-units').then((m) => m.ORG_UNITS_ROUTES),
  },
  {
    path: 'users',
    labelKey: 'nav.users',
    icon: 'person',
    permission: 'users.read',
    loadChildren: () => import('@skss/console/administration').then((m) => m.USERS_ROUTES),
  },
  {
    path: 'roles',
    labelKey: 'nav.roles',
    icon: 'security',
    permission: 'users.read',
    loadChildren: () => import('@skss/console/administration').then((m) => m.ROLES_ROUTES),
  },
  {
    path: 'integration-clients',
    labelKey: 'nav.integrationClients',
    icon: 'lock',
    permission: 'integration.manage',
    loadChildren: () => import('@skss/console/administration').then((m) => m.INTEGRATION_CLIENTS_ROUTES),
  },
  {
    path: 'audit',
    labelKey: 'nav.audit',
    icon: 'history',
    permission: 'audit.read',
    loadChildren: () => import('@skss/console/administration').then((m) => m.AUDIT_ROUTES),
  },
];
