import { CanMatchFn, Routes } from '@angular/router';
import { isReportFormCode } from '@skss/domain';

/** Only real report keys: `/reports/anything-else` falls through to the console's "page not found". */
const reportKey: CanMatchFn = (_route, segments) =>
  segments.length === 3 &&
  isReportFormCode(segments[0].path) &&
  /^[1-9]\d*$/.test(segments[1].path) &&
  /^\d{4}-\d{2}$/.test(segments[2].path);

const worklistPage = () => import('./worklist/worklist-page').then((m) => m.WorklistPage);
const reportPage = () => import('./report/report-page').then((m) => m.ReportPage);
const aggregatePage = () => import('./aggregate/aggregate-page').then((m) => m.AggregatePage);

/**
 * "Báo cáo thống kê", the console's `reports` subsystem (opened with `reports.read`; the shell fetches the `reports`
 * texts with it). Each page is a lazy chunk of its own: `/reports?month=&tab=` the worklist (the caller's forms, and for
 * an approver the children's reports), `/reports/:form/:facilityId/:month` one report, `/reports/aggregates?form=&month=&span=&facility=`
 * Biểu 4–8 of an aggregating unit, one line per reporting unit. Pages read the parameters as
 * inputs; the API checks every operation again.
 */
export const REPORTS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', loadComponent: worklistPage },
  { path: 'aggregates', pathMatch: 'full', loadComponent: aggregatePage },
  { path: ':form/:facilityId/:month', canMatch: [reportKey], loadComponent: reportPage },
];
