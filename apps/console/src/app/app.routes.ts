import { Routes } from '@angular/router';
import { CONSOLE_SUBSYSTEMS } from './subsystems';

/** Route titles are translation keys, rendered by TranslatedTitleStrategy. */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: CONSOLE_SUBSYSTEMS[0].path },
  ...CONSOLE_SUBSYSTEMS.map(({ path, labelKey, loadChildren }) => ({ path, title: labelKey, loadChildren })),
  { path: '**', title: 'notFound.title', loadComponent: () => import('./not-found').then((m) => m.NotFound) },
];
