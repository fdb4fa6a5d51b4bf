import { Routes } from '@angular/router';
import { provideConsoleDatepickerIntl } from '@skss/console/ui';
import { OrgUnitsData } from './data/org-units.data';
import { OrgUnitsPage } from './org-units-page';

/** Loaded lazily by the shell (`loadChildren`, with the `org` translation scope): nothing of it is in the initial bundle. */
export const ORG_UNITS_ROUTES: Routes = [{ path: '', component: OrgUnitsPage, providers: [OrgUnitsData, provideConsoleDatepickerIntl()] }];
