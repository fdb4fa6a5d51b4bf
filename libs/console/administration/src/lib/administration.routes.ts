import { Routes } from '@angular/router';

/**
 * The administration screens, one lazily loaded subsystem each (the shell's `loadChildren`), and inside each a lazily
 * loaded page: this file is all that the four subsystems share, so that opening one loads nothing of the others.
 * Route titles are set by the shell (its subsystem registry); the pages read `?id=`, `?role=`, `?client=` as inputs.
 */
export const USERS_ROUTES: Routes = [{ path: '', loadComponent: () => import('./users/users-page').then((m) => m.UsersPage) }];

export const ROLES_ROUTES: Routes = [{ path: '', loadComponent: () => import('./roles/roles-page').then((m) => m.RolesPage) }];

export const INTEGRATION_CLIENTS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./integration/clients-page').then((m) => m.ClientsPage) },
];

export const AUDIT_ROUTES: Routes = [{ path: '', loadComponent: () => import('./audit/audit-page').then((m) => m.AuditPage) }];
