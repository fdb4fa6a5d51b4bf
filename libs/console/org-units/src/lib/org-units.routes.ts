import { Routes } from '@angular/router';
import { OrgUnitsData } from './data/org-units.data';
import { provideConsoleDatepickerIntl } from './date-bar/datepicker-intl';
import { OrgUnitsPage } from './org-units-page';

/** Loaded lazily by the shell (`loadChildren`): nothing of this feature is in the initial bundle. */
export const ORG_UNITS_ROUTES: Routes = [{ path: '', component: OrgUnitsPage, providers: [OrgUnitsData, provideConsoleDatepickerIntl()] }];
