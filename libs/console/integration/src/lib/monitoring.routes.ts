import { Routes } from '@angular/router';

/**
 * "Liên thông dữ liệu", two subsystems of the console opened with `monitoring.read` (the shell fetches the
 * `integration` texts with them): `/inbound-data` what came in, `/outbound-data` what went out and its re-sending.
 * Each page is a lazy chunk of its own; the inbound page's chart library is one more, fetched with the first chart.
 */
export const INBOUND_MONITORING_ROUTES: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./inbound/inbound-page').then((m) => m.InboundPage) },
];

export const OUTBOUND_MONITORING_ROUTES: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./outbound/outbound-page').then((m) => m.OutboundPage) },
];
