import { CanMatchFn, Routes } from '@angular/router';
import { permissionGuard } from '@skss/console/auth';
import { isConsoleRegister } from './registers';

/** Only the registers' own paths: `/records/anything-else` falls through to the console's "page not found". */
const registerPath: CanMatchFn = (_route, segments) => isConsoleRegister(segments[0]?.path);

const listPage = () => import('./list/register-list-page').then((m) => m.RegisterListPage);
const entryPage = () => import('./entry/record-entry-page').then((m) => m.RecordEntryPage);
const importPage = () => import('./excel/import-page').then((m) => m.ImportPage);
const personPage = () => import('./person/person-page').then((m) => m.PersonPage);

/**
 * "Sổ sách", the console's `records` subsystem (opened with `records.read`; the shell fetches the `records` texts with
 * it). Each page is a lazy chunk of its own: `/records/:register` the list, `/records/:register/new` and
 * `/records/:register/:id` the entry form (read-only without `records.enter`), `/records/:register/imports` Excel,
 * `/records/persons/:id` one person's page (her rows, probable duplicates and merges).
 * The pages read the route parameters as inputs.
 */
export const RECORDS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'anc-visits' },
  { path: 'persons/:id', loadComponent: personPage },
  { path: ':register', pathMatch: 'full', canMatch: [registerPath], loadComponent: listPage },
  { path: ':register/new', canMatch: [registerPath], canActivate: [permissionGuard('records.enter')], loadComponent: entryPage },
  { path: ':register/imports', canMatch: [registerPath], canActivate: [permissionGuard('records.enter')], loadComponent: importPage },
  { path: ':register/:id', canMatch: [registerPath], loadComponent: entryPage },
];
