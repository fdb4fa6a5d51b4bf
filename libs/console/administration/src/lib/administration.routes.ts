import { Routes } from '@angular/router';

/**
 * The administration screens, one lazily loaded subsystem each (the shell's `loadChildren`, which also fetches the
 * `admin` translation scope), and inside each a lazily loaded page: this file is all that the six subsystems share,
 * so that opening one loads nothing of the others. Route titles are set by the shell (its subsystem registry); the
 * pages read `?id=`, `?role=`, `?client=`, `?code=`, `?at=`, `?item=` and the route's `:catalog` as inputs.
 */
export const USERS_ROUTES: Routes = [{ path: '', loadComponent: () => import('./users/users-page').then((m) => m.UsersPage) }];

export const ROLES_ROUTES: Routes = [{ path: '', loadComponent: () => import('./roles/roles-page').then((m) => m.RolesPage) }];

export const INTEGRATION_CLIENTS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./integration/clients-page').then((m) => m.ClientsPage) },
];

export const AUDIT_ROUTES: Routes = [{ path: '', loadComponent: () => import('./audit/audit-page').then((m) => m.AuditPage) }];

/** `/catalogs` lists the catalogs; `/catalogs/:catalog` a catalog's codes on a day (`?at=`, `?item=`). */
export const CATALOGS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./catalogs/catalogs-page').then((m) => m.CatalogsPage) },
  { path: ':catalog', loadComponent: () => import('./catalogs/catalog-items-page').then((m) => m.CatalogItemsPage) },
];

export const FACILITIES_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./facilities/facilities-page').then((m) => m.FacilitiesPage) },
];
