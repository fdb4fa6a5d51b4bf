import { createTestUser, uniqueName, withDb } from './db';
import { request, signIn } from './http';
import { createRecord, woman } from './records';

/**
 * Plumbing of the statistical-reports tests: facilities of their own (so that approving a month
 * locks nobody else's registers), accounts there, and short calls of the workflow.
 */

export const REPORTS = '/api/v1/statistical-reports';
const PASSWORD = 'Báo-Cáo#2026!kq';

export type ReportStatus = 'NOT_STARTED' | 'DRAFT' | 'SENT' | 'RETURNED' | 'APPROVED' | 'UNAPPROVAL_REQUESTED';

export interface FacilityRef {
  id: number;
  code: string;
  name: string;
  kind: string;
}

export interface ReportState {
  id: string | null;
  form: string;
  facility: FacilityRef;
  month: string;
  status: ReportStatus;
  version: number | null;
  deadline: string;
  approver: FacilityRef | null;
  firstSentAt: string | null;
  sentAt: string | null;
  approvedAt: string | null;
  onTime: boolean | null;
}

export interface Report extends ReportState {
  draft: Record<string, number> | null;
  sent: Record<string, number> | null;
  changedSinceSent: boolean;
  changes: { cell: string; row: string; column: string; sent: number; current: number }[];
  returnReason: string | null;
  unapprovalReason: string | null;
  actions: string[];
  events: { action: string; at: string; actorUsername: string; actorFacilityCode: string | null; reason: string | null }[];
}

export interface Notice {
  id: string;
  kind: string;
  reportId: string | null;
  form: string | null;
  facility: FacilityRef | null;
  month: string | null;
  reason: string | null;
  message: string;
  readAt: string | null;
}

export interface Account {
  id: string;
  username: string;
  token: string;
}

/** A new account of a default role at a facility, signed in. */
export async function reportAccount(facility: string, role: string): Promise<Account> {
  const username = uniqueName(`reports.${role.toLowerCase().replace(/_/g, '')}`);
  const id = await createTestUser({ username, facility, role, password: PASSWORD });
  return { id, username, token: await signIn(username, PASSWORD) };
}

/**
 * A facility of its own reporting to `reportsTo` from 2025-07-01 (inserted as the database owner,
 * like the seed): a commune station by default.
 */
export async function facilityReportingTo(
  reportsTo: string,
  kind: 'COMMUNE_HEALTH_STATION' | 'CENTRAL_FACILITY' = 'COMMUNE_HEALTH_STATION',
): Promise<FacilityRef> {
  const code = `${kind === 'COMMUNE_HEALTH_STATION' ? 'TYT' : 'BV'}.RPT.${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e4)}`;
  const name = `${kind === 'COMMUNE_HEALTH_STATION' ? 'Trạm Y tế' : 'Bệnh viện'} thử báo cáo ${code}`;
  return withDb(async (db) => {
    const { rows } = await db.query<FacilityRef>(
      `INSERT INTO facility (code, name, name_folded, kind, valid_from, updated_at)
       VALUES ($1, $2, $4, $3::facility_kind, '2025-07-01', now()) RETURNING id, code, name, kind::text AS kind`,
      [code, name, kind, code.toLowerCase()],
    );
    await db.query(
      `INSERT INTO facility_reporting_line (facility_id, reports_to_id, valid_from) SELECT $1, id, '2025-07-01' FROM facility WHERE code = $2`,
      [rows[0].id, reportsTo],
    );
    return rows[0];
  });
}

export const reportPath = (form: string, facilityId: number, month: string, action?: string) =>
  `${REPORTS}/${form}/${facilityId}/${month}${action ? `/${action}` : ''}`;

/** One transition; answers the status and body. */
export function act<T = ReportState & { code?: string }>(
  token: string,
  action: 'send' | 'recall' | 'approve' | 'return' | 'request-unapproval' | 'unapprove',
  facilityId: number,
  month: string,
  body?: unknown,
  form = 'commune',
) {
  return request<T>(reportPath(form, facilityId, month, action), { method: 'POST', token, body });
}

export async function reportOf(token: string, facilityId: number, month: string, form = 'commune'): Promise<Report> {
  const answer = await request<Report>(reportPath(form, facilityId, month), { token });
  if (answer.status !== 200) throw new Error(`Report not read: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function noticesOf(token: string): Promise<{ unread: number; items: Notice[] }> {
  const answer = await request<{ unread: number; items: Notice[] }>(`${REPORTS}/notifications`, { token });
  if (answer.status !== 200) throw new Error(`Notifications not read: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** An antenatal visit recorded by the station's account on a day (a woman of its own each time). */
export function ancVisit(token: string, visitDate: string): Promise<{ id: string }> {
  return createRecord('anc-visits', token, {
    person: woman(),
    visitDate,
    place: 'FACILITY',
    gaWeeks: 20,
    urineProtein: 'NEGATIVE',
    examiner: 'Hộ sinh Lò Thị Hoa',
  });
}

/**
 * Holds the report's row locked from another connection while `work` starts, until `waiting`
 * statements of the API wait for that lock (the test database serves only this run; the text
 * pg_stat_activity shows for a waiting statement of the API is not reliably its own); then releases it. Two approvals fired inside both
 * read the report before either can write, so the race is decided by the conditional update.
 */
export async function whileRowLocked<T>(reportId: string, waiting: number, work: () => Promise<T>): Promise<T> {
  return withDb(async (db) => {
    await db.query('BEGIN');
    await db.query('SELECT id FROM statistical_report WHERE id = $1 FOR UPDATE', [reportId]);
    const running = work();
    try {
      for (let attempt = 0; ; attempt++) {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        if (rows[0].n >= waiting) break;
        if (attempt > 200) throw new Error(`Only ${rows[0].n} of ${waiting} statements came to wait for the report's row`);
        await new Promise((done) => setTimeout(done, 50));
      }
    } finally {
      await db.query('COMMIT');
    }
    return running;
  });
}

/** The month the access matrix's report targets are about. */
export const MATRIX_MONTH = '2026-01';

export interface ReportTarget {
  station: FacilityRef;
  sender: Account;
  month: string;
  reportId: string | null;
}

/**
 * A commune report of a station of its own under CDC.11, brought to a status through the API
 * (sent by the station's account, approved by `approverToken`, an account of CDC.11), for one cell
 * of the access matrix: a transition there never touches a report or a register lock of the
 * demonstration stations.
 */
export async function reportTarget(
  status: 'NOT_STARTED' | 'SENT' | 'APPROVED' | 'UNAPPROVAL_REQUESTED',
  approverToken: string,
): Promise<ReportTarget> {
  const station = await facilityReportingTo('CDC.11');
  const sender = await reportAccount(station.code, 'TYT');
  const month = MATRIX_MONTH;
  const steps: [string, string, unknown?][] = [];
  if (status !== 'NOT_STARTED') steps.push([sender.token, 'send']);
  if (status === 'APPROVED' || status === 'UNAPPROVAL_REQUESTED') steps.push([approverToken, 'approve']);
  if (status === 'UNAPPROVAL_REQUESTED') steps.push([sender.token, 'request-unapproval', { reason: 'Sửa số liệu nhập muộn' }]);
  let reportId: string | null = null;
  for (const [token, action, body] of steps) {
    const answer = await act(token, action as 'send', station.id, month, body);
    if (answer.status !== 200) throw new Error(`${action} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    reportId = answer.body.id;
  }
  return { station, sender, month, reportId };
}

/** A report as stored, with its events and the lock of its month (a refused transition must leave all of it). */
export async function storedReport(facilityId: number, month: string): Promise<unknown> {
  return withDb(async (db) => {
    const { rows } = await db.query(
      `SELECT r.status, r.version, r.values, r.approver_id, r.sent_at, r.approved_at,
              (SELECT count(*)::int FROM report_event e WHERE e.report_id = r.id) AS events,
              (SELECT count(*)::int FROM notification n WHERE n.report_id = r.id) AS notices
       FROM statistical_report r WHERE r.facility_id = $1 AND r.month = $2::date`,
      [facilityId, `${month}-01`],
    );
    const lock = await db.query('SELECT reason FROM register_period_lock WHERE facility_id = $1 AND month = $2::date', [
      facilityId,
      `${month}-01`,
    ]);
    return { report: rows[0] ?? null, lock: lock.rows[0] ?? null };
  });
}

/** The id of the notice of a report's transition to a facility. */
export async function noticeId(reportId: string, kind: string): Promise<string> {
  const { rows } = await withDb((db) =>
    db.query<{ id: string }>('SELECT id FROM notification WHERE report_id = $1 AND kind = $2::report_action', [reportId, kind]),
  );
  if (!rows[0]) throw new Error(`No ${kind} notice of report ${reportId}`);
  return rows[0].id;
}

export async function noticeState(id: string): Promise<unknown> {
  const { rows } = await withDb((db) => db.query('SELECT read_at FROM notification WHERE id = $1', [id]));
  return rows[0] ?? null;
}

export async function facilityIdOf(code: string): Promise<number> {
  const { rows } = await withDb((db) => db.query<{ id: number }>('SELECT id FROM facility WHERE code = $1', [code]));
  if (!rows[0]) throw new Error(`No facility ${code}`);
  return rows[0].id;
}
