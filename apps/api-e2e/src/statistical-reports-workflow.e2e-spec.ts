import { withDb } from './support/db';
import { request, signIn } from './support/http';
import { BODIES, createPerson, createRecord, RECORDS, woman } from './support/records';
import {
  Account,
  act,
  ancVisit,
  FacilityRef,
  facilityReportingTo,
  noticesOf,
  Report,
  REPORTS,
  reportAccount,
  reportOf,
  reportPath,
  ReportState,
  whileRowLocked,
} from './support/reports';

/**
 * The workflow of the monthly reports (issue 7): every transition, allowed and refused, the race
 * of two approvers, bulk approval, notifications, the register lock of an approved month, the
 * worklists and "changed since sent". The stations are created for the test and report to the
 * CDC of Điện Biên (CDC.11) or of Lai Châu (CDC.12), so approving their months locks no register
 * another spec file writes.
 */

const MONTH = '2026-01';
const CURRENT_MONTH = '2026-12';

let station: FacilityRef;
let sender: Account;
let cdc: string;
let secondCdc: Account;
let syt: string;
let laiChauCdc: string;
let otherStation: string;
let firstVisit: { id: string };

const codeOf = (answer: { status: number; body: unknown }) => [answer.status, (answer.body as { code?: string }).code];

beforeAll(async () => {
  station = await facilityReportingTo('CDC.11');
  sender = await reportAccount(station.code, 'TYT');
  secondCdc = await reportAccount('CDC.11', 'CDC');
  cdc = await signIn('cdc.dienbien');
  syt = await signIn('syt.dienbien');
  laiChauCdc = await signIn('cdc.laichau');
  otherStation = await signIn('tyt.muongnhe');
});

describe('forms and the draft', () => {
  it('lists the six forms by stable code, the commune form computed from the registers', async () => {
    const answer = await request<{ code: string; computed: boolean }[]>(`${REPORTS}/forms?month=${MONTH}`, { token: sender.token });
    expect(answer.status).toBe(200);
    expect(answer.body.map((f) => f.code)).toEqual([
      'commune',
      'maternal-care',
      'obstetric-complications',
      'gynaecology',
      'family-planning',
      'child-health',
    ]);
    expect(answer.body.find((f) => f.code === 'commune')?.computed).toBe(true);
  });

  it('a month without register rows is not started; once a row exists it is a draft computed from the registers', async () => {
    const before = await request<{ items: ReportState[] }>(`${REPORTS}/worklist?month=${MONTH}`, { token: sender.token });
    expect(before.status).toBe(200);
    expect(before.body.items.map((i) => [i.form, i.status, i.approver?.code])).toEqual([['commune', 'NOT_STARTED', 'CDC.11']]);
    expect(before.body.items[0].deadline).toMatch(/^2026-02-\d\d$/);

    firstVisit = await ancVisit(sender.token, `${MONTH}-10`);
    const report = await reportOf(sender.token, station.id, MONTH);
    expect([report.status, report.id, report.sent, report.draft?.['I.3:total'], report.draft?.['I.3:station']]).toEqual([
      'DRAFT',
      null,
      null,
      1,
      1,
    ]);
    expect(report.actions).toEqual(['SENT']);
    const after = await request<{ items: ReportState[] }>(`${REPORTS}/worklist?month=${MONTH}`, { token: sender.token });
    expect(after.body.items[0].status).toBe('DRAFT');
  });

  it('reading follows the reporting chain: the CDC and the Department above read it, another station and another province get 404', async () => {
    expect((await request(reportPath('commune', station.id, MONTH), { token: cdc })).status).toBe(200);
    expect((await request(reportPath('commune', station.id, MONTH), { token: syt })).status).toBe(200);
    expect(codeOf(await request(reportPath('commune', station.id, MONTH), { token: otherStation }))).toEqual([404, 'FACILITY_NOT_FOUND']);
    expect(codeOf(await request(reportPath('commune', station.id, MONTH), { token: laiChauCdc }))).toEqual([404, 'FACILITY_NOT_FOUND']);
    // A form the station does not send.
    expect(codeOf(await request(reportPath('maternal-care', station.id, MONTH), { token: sender.token }))).toEqual([404, 'FORM_NOT_DUE']);
    expect(codeOf(await request(reportPath('commune', station.id, '2026-13'), { token: sender.token }))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
  });
});

describe('sending, returning and recalling', () => {
  it('refuses what is not the sender’s to do, or not yet possible', async () => {
    expect(codeOf(await act(cdc, 'send', station.id, MONTH))).toEqual([403, 'NOT_OWN_FACILITY']);
    expect(codeOf(await act(otherStation, 'send', station.id, MONTH))).toEqual([404, 'FACILITY_NOT_FOUND']);
    expect(codeOf(await act(sender.token, 'send', station.id, CURRENT_MONTH))).toEqual([409, 'PERIOD_NOT_ENDED']);
    expect(codeOf(await act(sender.token, 'recall', station.id, MONTH))).toEqual([404, 'REPORT_NOT_FOUND']);
    expect(codeOf(await act(cdc, 'approve', station.id, MONTH))).toEqual([404, 'REPORT_NOT_FOUND']);
  });

  it('sends: the values are frozen, the approver is the CDC the station reports to, and the CDC is notified', async () => {
    const sent = await act(sender.token, 'send', station.id, MONTH);
    expect(sent.status).toBe(200);
    expect([sent.body.status, sent.body.version, sent.body.approver?.code, sent.body.onTime]).toEqual(['SENT', 1, 'CDC.11', false]);
    const report = await reportOf(sender.token, station.id, MONTH);
    expect([report.sent?.['I.3:total'], report.changedSinceSent, report.actions]).toEqual([1, false, ['RECALLED']]);
    const notices = await noticesOf(secondCdc.token);
    const notice = notices.items.find((n) => n.reportId === report.id && n.kind === 'SENT');
    expect(notice?.message).toContain(station.name);
    expect(notice?.readAt).toBeNull();
    // Sending twice is not a transition.
    expect(codeOf(await act(sender.token, 'send', station.id, MONTH))).toEqual([409, 'TRANSITION_NOT_ALLOWED']);
  });

  it('only its approver approves or returns it: the Department above gets 403 NOT_APPROVER, another province 404, a station 403', async () => {
    expect(codeOf(await act(syt, 'approve', station.id, MONTH))).toEqual([403, 'NOT_APPROVER']);
    expect(codeOf(await act(syt, 'return', station.id, MONTH, { reason: 'Không phải việc của Sở' }))).toEqual([403, 'NOT_APPROVER']);
    expect(codeOf(await act(laiChauCdc, 'approve', station.id, MONTH))).toEqual([404, 'FACILITY_NOT_FOUND']);
    expect(codeOf(await act(sender.token, 'approve', station.id, MONTH))).toEqual([403, 'FORBIDDEN']);
    expect((await reportOf(sender.token, station.id, MONTH)).status).toBe('SENT');
  });

  it('a return needs a reason, which the sender sees on the report and in a notification', async () => {
    expect(codeOf(await act(cdc, 'return', station.id, MONTH))).toEqual([400, 'VALIDATION_FAILED']);
    expect(codeOf(await act(cdc, 'return', station.id, MONTH, { reason: '   ' }))).toEqual([400, 'VALIDATION_FAILED']);
    const reason = 'Số lượt khám thai chưa khớp sổ, đề nghị kiểm tra lại';
    const returned = await act(cdc, 'return', station.id, MONTH, { reason });
    expect([returned.status, returned.body.status, returned.body.version]).toEqual([200, 'RETURNED', 2]);
    const report = await reportOf(sender.token, station.id, MONTH);
    expect([report.returnReason, report.actions]).toEqual([reason, ['SENT']]);
    const notice = (await noticesOf(sender.token)).items.find((n) => n.reportId === report.id && n.kind === 'RETURNED');
    expect([notice?.reason, notice?.message]).toEqual([reason, expect.stringContaining(reason)]);
  });

  it('the sender sends again, recalls a report not yet approved (a draft again), and sends once more', async () => {
    expect((await act(sender.token, 'send', station.id, MONTH)).body.status).toBe('SENT');
    const recalled = await act(sender.token, 'recall', station.id, MONTH);
    expect([recalled.status, recalled.body.status]).toEqual([200, 'DRAFT']);
    expect(codeOf(await act(cdc, 'approve', station.id, MONTH))).toEqual([409, 'TRANSITION_NOT_ALLOWED']);
    const notices = await noticesOf(cdc);
    expect(notices.items.some((n) => n.facility?.id === station.id && n.kind === 'RECALLED')).toBe(true);
    const sent = await act(sender.token, 'send', station.id, MONTH);
    expect([sent.body.status, sent.body.version]).toEqual(['SENT', 5]);
    // The first sending decides timeliness; the latest one is kept too.
    expect(sent.body.firstSentAt).not.toEqual(sent.body.sentAt);
  });

  it('a late entry after sending shows as "changed since sent", cell by cell with old and new values', async () => {
    await ancVisit(sender.token, `${MONTH}-20`);
    const report = await reportOf(cdc, station.id, MONTH);
    expect(report.changedSinceSent).toBe(true);
    expect(report.sent?.['I.3:total']).toBe(1);
    expect(report.draft?.['I.3:total']).toBe(2);
    expect(report.changes).toEqual(
      expect.arrayContaining([
        { cell: 'I.3:total', row: 'I.3', column: 'total', sent: 1, current: 2 },
        { cell: 'I.3:station', row: 'I.3', column: 'station', sent: 1, current: 2 },
      ]),
    );
  });
});

describe('approval', () => {
  it('two approvers approving at once: exactly one succeeds, the other gets 409 REPORT_CHANGED', async () => {
    const report = await reportOf(cdc, station.id, MONTH);
    const answers = await whileRowLocked(report.id as string, 2, () =>
      Promise.all([act(cdc, 'approve', station.id, MONTH), act(secondCdc.token, 'approve', station.id, MONTH)]),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('REPORT_CHANGED');
    const { rows } = await withDb((db) =>
      db.query(`SELECT count(*)::int AS n FROM report_event WHERE report_id = $1 AND action = 'APPROVED'`, [report.id]),
    );
    expect(rows[0].n).toBe(1);
    expect((await reportOf(sender.token, station.id, MONTH)).status).toBe('APPROVED');
  });

  it('approval locks the station’s registers of the month: entry gets 409 PERIOD_LOCKED, other months stay open', async () => {
    const edit = await request<{ code: string }>(`${RECORDS}/anc-visits/${firstVisit.id}`, {
      method: 'PUT',
      token: sender.token,
      body: { personId: await personOf(firstVisit.id), visitDate: `${MONTH}-10`, place: 'FACILITY', gaWeeks: 21 },
    });
    expect(codeOf(edit)).toEqual([409, 'PERIOD_LOCKED']);
    await expect(ancVisit(sender.token, `${MONTH}-25`)).rejects.toThrow(/PERIOD_LOCKED/);
    await expect(ancVisit(sender.token, '2026-02-03')).resolves.toEqual(expect.objectContaining({ id: expect.any(String) }));
    const approved = (await noticesOf(sender.token)).items.find((n) => n.kind === 'APPROVED' && n.month === MONTH);
    expect(approved?.message).toContain('đã duyệt');
  });

  it('an approved report cannot be recalled, returned or approved again, nor un-approved unasked', async () => {
    expect(codeOf(await act(sender.token, 'recall', station.id, MONTH))).toEqual([409, 'TRANSITION_NOT_ALLOWED']);
    expect(codeOf(await act(cdc, 'return', station.id, MONTH, { reason: 'Muộn' }))).toEqual([409, 'TRANSITION_NOT_ALLOWED']);
    expect(codeOf(await act(cdc, 'approve', station.id, MONTH))).toEqual([409, 'TRANSITION_NOT_ALLOWED']);
    expect(codeOf(await act(cdc, 'unapprove', station.id, MONTH))).toEqual([409, 'TRANSITION_NOT_ALLOWED']);
  });

  it('the sender asks for un-approval with a reason; the approver un-approves; the registers reopen; the sender recalls, corrects and re-sends', async () => {
    expect(codeOf(await act(sender.token, 'request-unapproval', station.id, MONTH))).toEqual([400, 'VALIDATION_FAILED']);
    expect(codeOf(await act(cdc, 'request-unapproval', station.id, MONTH, { reason: 'x' }))).toEqual([403, 'NOT_OWN_FACILITY']);
    const reason = 'Bổ sung hai lượt khám thai nhập muộn';
    const asked = await act(sender.token, 'request-unapproval', station.id, MONTH, { reason });
    expect([asked.status, asked.body.status]).toEqual([200, 'UNAPPROVAL_REQUESTED']);
    expect((await reportOf(cdc, station.id, MONTH)).unapprovalReason).toBe(reason);
    const notice = (await noticesOf(cdc)).items.find((n) => n.facility?.id === station.id && n.kind === 'UNAPPROVAL_REQUESTED');
    expect(notice?.reason).toBe(reason);
    // Still approved: still locked.
    await expect(ancVisit(sender.token, `${MONTH}-26`)).rejects.toThrow(/PERIOD_LOCKED/);

    expect(codeOf(await act(syt, 'unapprove', station.id, MONTH))).toEqual([403, 'NOT_APPROVER']);
    const unapproved = await act(cdc, 'unapprove', station.id, MONTH, {});
    expect([unapproved.status, unapproved.body.status, unapproved.body.approvedAt]).toEqual([200, 'SENT', null]);
    expect(await lockCount(station.id, MONTH)).toBe(0);
    const edit = await request(`${RECORDS}/anc-visits/${firstVisit.id}`, {
      method: 'PUT',
      token: sender.token,
      body: { personId: await personOf(firstVisit.id), visitDate: `${MONTH}-10`, place: 'FACILITY', gaWeeks: 21 },
    });
    expect(edit.status).toBe(200);
    await ancVisit(sender.token, `${MONTH}-26`);

    expect((await act(sender.token, 'recall', station.id, MONTH)).body.status).toBe('DRAFT');
    const resent = await act(sender.token, 'send', station.id, MONTH);
    expect(resent.body.status).toBe('SENT');
    const report = await reportOf(sender.token, station.id, MONTH);
    expect([report.sent?.['I.3:total'], report.changedSinceSent]).toEqual([3, false]);
  });

  it('keeps every transition as an event with who, when and why, and refuses to change them in the database', async () => {
    const report = await reportOf(sender.token, station.id, MONTH);
    expect(report.events.map((e) => [e.action, e.actorFacilityCode])).toEqual([
      ['SENT', station.code],
      ['RETURNED', 'CDC.11'],
      ['SENT', station.code],
      ['RECALLED', station.code],
      ['SENT', station.code],
      ['APPROVED', 'CDC.11'],
      ['UNAPPROVAL_REQUESTED', station.code],
      ['UNAPPROVED', 'CDC.11'],
      ['RECALLED', station.code],
      ['SENT', station.code],
    ]);
    expect(report.events[1].reason).toContain('chưa khớp sổ');
    expect(report.events.every((e) => e.actorUsername && e.at)).toBe(true);
    for (const statement of [
      'UPDATE report_event SET reason = $2 WHERE report_id = $1',
      'DELETE FROM report_event WHERE report_id = $1 AND $2::text IS NOT NULL',
    ]) {
      await expect(withDb((db) => db.query(statement, [report.id, 'sửa']))).rejects.toThrow(/append-only/);
    }
    expect((await reportOf(sender.token, station.id, MONTH)).events).toHaveLength(10);
  });
});

describe('worklists and timeliness', () => {
  it('the approver’s list shows its children’s reports with completeness and on-time rates', async () => {
    const approved = await act(cdc, 'approve', station.id, MONTH);
    expect(approved.body.status).toBe('APPROVED');
    // The first sending counts for timeliness: move it back inside the deadline.
    await withDb((db) =>
      db.query(`UPDATE statistical_report SET first_sent_at = '2026-02-02T03:00:00Z' WHERE facility_id = $1`, [station.id]),
    );
    const list = await request<{
      facility: FacilityRef;
      rates: { expected: number };
      children: { facility: FacilityRef; rates: Record<string, number | null>; reports: ReportState[] }[];
    }>(`${REPORTS}/approvals?month=${MONTH}`, { token: cdc });
    expect(list.status).toBe(200);
    expect(list.body.facility.code).toBe('CDC.11');
    const mine = list.body.children.find((c) => c.facility.id === station.id);
    expect(mine?.reports.map((r) => [r.form, r.status, r.onTime])).toEqual([['commune', 'APPROVED', true]]);
    expect(mine?.rates).toEqual({ expected: 1, received: 1, approved: 1, onTime: 1, completenessPercent: 100, onTimePercent: 100 });
    expect(list.body.rates.expected).toBe(list.body.children.reduce((n, c) => n + (c.rates['expected'] as number), 0));

    const worklist = await request<{ items: ReportState[] }>(`${REPORTS}/worklist?month=${MONTH}`, { token: sender.token });
    expect(worklist.body.items.map((i) => [i.form, i.status, i.onTime])).toEqual([['commune', 'APPROVED', true]]);
  });

  it('a returned month shows as returned in the worklist', async () => {
    await ancVisit(sender.token, '2026-03-05');
    await act(sender.token, 'send', station.id, '2026-03');
    await act(cdc, 'return', station.id, '2026-03', { reason: 'Thiếu số liệu' });
    const worklist = await request<{ items: ReportState[] }>(`${REPORTS}/worklist?month=2026-03`, { token: sender.token });
    expect(worklist.body.items.map((i) => i.status)).toEqual(['RETURNED']);
  });
});

describe('bulk approval', () => {
  it('approves each report on its own and answers one outcome per id', async () => {
    for (const month of ['2026-04', '2026-05']) expect((await act(sender.token, 'send', station.id, month)).status).toBe(200);
    const laiChau = await facilityReportingTo('CDC.12');
    const laiChauSender = await reportAccount(laiChau.code, 'TYT');
    await act(laiChauSender.token, 'send', laiChau.id, '2026-04');
    const ids = await Promise.all([
      reportOf(cdc, station.id, '2026-04'),
      reportOf(cdc, station.id, '2026-05'),
      reportOf(cdc, station.id, MONTH),
      reportOf(laiChauSender.token, laiChau.id, '2026-04'),
    ]).then((reports) => reports.map((r) => r.id as string));
    const unknown = '00000000-0000-4000-8000-000000000000';
    const answer = await request<{
      approved: number;
      refused: number;
      results: { reportId: string; outcome: string; status: number; code: string | null; report: ReportState | null }[];
    }>(`${REPORTS}/approvals`, { method: 'POST', token: cdc, body: { reportIds: [...ids, unknown, ids[0]] } });
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r) => [r.outcome, r.status, r.code])).toEqual([
      ['APPROVED', 200, null],
      ['APPROVED', 200, null],
      ['REFUSED', 409, 'TRANSITION_NOT_ALLOWED'],
      ['REFUSED', 404, 'REPORT_NOT_FOUND'],
      ['REFUSED', 404, 'REPORT_NOT_FOUND'],
      ['REFUSED', 409, 'TRANSITION_NOT_ALLOWED'],
    ]);
    expect([answer.body.approved, answer.body.refused]).toEqual([2, 4]);
    expect(answer.body.results[0].report?.status).toBe('APPROVED');
    expect(await lockCount(station.id, '2026-04')).toBe(1);
    expect((await reportOf(laiChauSender.token, laiChau.id, '2026-04')).status).toBe('SENT');
    // The Department is not the approver of the station: each id is refused.
    const bySyt = await request<{ results: { code: string }[] }>(`${REPORTS}/approvals`, {
      method: 'POST',
      token: syt,
      body: { reportIds: [ids[0]] },
    });
    expect(bySyt.body.results.map((r) => r.code)).toEqual(['NOT_APPROVER']);
    expect(codeOf(await request(`${REPORTS}/approvals`, { method: 'POST', token: cdc, body: { reportIds: [] } }))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
  });
});

describe('an upper level’s own aggregate', () => {
  it('cannot be sent until every child report it includes is approved, and then cannot lose one of them', async () => {
    const hospital = await facilityReportingTo('SYT.11', 'CENTRAL_FACILITY');
    const child = await withDb(async (db) => {
      const created = await facilityReportingTo('CDC.11');
      await db.query(`UPDATE facility_reporting_line SET reports_to_id = $2 WHERE facility_id = $1`, [created.id, hospital.id]);
      return created;
    });
    const parent = await reportAccount(hospital.code, 'CSYT_TW');
    const childSender = await reportAccount(child.code, 'TYT');
    const month = '2026-06';

    const early = await act(parent.token, 'send', hospital.id, month, undefined, 'maternal-care');
    expect(codeOf(early)).toEqual([409, 'CHILD_REPORTS_NOT_APPROVED']);
    expect((early.body as unknown as { details: { field: string; code: string }[] }).details).toEqual([
      expect.objectContaining({ field: child.code, code: 'NOT_STARTED' }),
    ]);
    await act(childSender.token, 'send', child.id, month);
    expect(codeOf(await act(parent.token, 'send', hospital.id, month, undefined, 'maternal-care'))).toEqual([
      409,
      'CHILD_REPORTS_NOT_APPROVED',
    ]);
    expect((await act(parent.token, 'approve', child.id, month)).status).toBe(403); // CSYT_TW holds no reports.approve
    const approver = await reportAccount(hospital.code, 'CDC');
    expect((await act(approver.token, 'approve', child.id, month)).body.status).toBe('APPROVED');

    const sent = await act(parent.token, 'send', hospital.id, month, undefined, 'maternal-care');
    expect([sent.status, sent.body.status, sent.body.approver?.code]).toEqual([200, 'SENT', 'SYT.11']);
    await act(childSender.token, 'request-unapproval', child.id, month, { reason: 'Sửa số liệu' });
    expect(codeOf(await act(approver.token, 'unapprove', child.id, month))).toEqual([409, 'AGGREGATE_ALREADY_SENT']);
    await act(parent.token, 'recall', hospital.id, month, undefined, 'maternal-care');
    expect((await act(approver.token, 'unapprove', child.id, month)).body.status).toBe('SENT');
  });
});

describe('notifications', () => {
  it('lists unread ones and marks one read for the facility; another facility’s is not found', async () => {
    const unread = await noticesOf(sender.token);
    expect(unread.unread).toBeGreaterThan(0);
    const notice = unread.items.find((n) => n.readAt === null) as { id: string };
    const read = await request(`${REPORTS}/notifications/${notice.id}/read`, { method: 'POST', token: sender.token });
    expect(read.status).toBe(204);
    const after = await request<{ unread: number; items: { id: string }[] }>(`${REPORTS}/notifications?unread=true`, {
      token: sender.token,
    });
    expect(after.body.items.map((n) => n.id)).not.toContain(notice.id);
    expect(after.body.unread).toBe(unread.unread - 1);
    expect(codeOf(await request(`${REPORTS}/notifications/${notice.id}/read`, { method: 'POST', token: cdc }))).toEqual([
      404,
      'NOTIFICATION_NOT_FOUND',
    ]);
    // Every transition of the station's reports notified the other side.
    const kinds = new Set(
      [...(await noticesOf(sender.token)).items, ...(await noticesOf(cdc)).items]
        .filter((n) => n.facility?.id === station.id)
        .map((n) => n.kind),
    );
    expect([...kinds].sort()).toEqual(['APPROVED', 'RECALLED', 'RETURNED', 'SENT', 'UNAPPROVAL_REQUESTED', 'UNAPPROVED']);
  });
});

async function personOf(ancVisitId: string): Promise<string> {
  const { rows } = await withDb((db) => db.query<{ person_id: string }>('SELECT person_id FROM anc_visit WHERE id = $1', [ancVisitId]));
  return rows[0].person_id;
}

async function lockCount(facilityId: number, month: string): Promise<number> {
  const { rows } = await withDb((db) =>
    db.query<{ n: number }>('SELECT count(*)::int AS n FROM register_period_lock WHERE facility_id = $1 AND month = $2::date', [
      facilityId,
      `${month}-01`,
    ]),
  );
  return rows[0].n;
}

describe('a facility’s own forms 4–8', () => {
  it('are computed from its own registers: a hospital’s caesarean is in Biểu 4 (I.5 and F.caesarean), an aggregating unit’s draft is its aggregate of the units below', async () => {
    const hospital = await facilityReportingTo('SYT.11', 'CENTRAL_FACILITY');
    const officer = await reportAccount(hospital.code, 'CSYT_TW');
    const mother = await createPerson(officer.token, woman());
    await createRecord('deliveries', officer.token, {
      ...BODIES.deliveries(mother.id),
      deliveredAt: '2025-10-12T08:30:00+07:00',
      dischargedAt: '2025-10-15T09:00:00+07:00',
      mode: 'CAESAREAN',
      attendantKind: 'DOCTOR',
      newborns: [{ sex: 'MALE', liveBorn: true, weightGrams: 3300, vitaminK1: true }],
      postnatalVisits: [],
      complications: [],
    });
    const report = await request<Report>(reportPath('maternal-care', hospital.id, '2025-10'), { token: officer.token });
    expect(report.status).toBe(200);
    expect([report.body.draft?.['I.5:total'], report.body.draft?.['I.5:station'], report.body.draft?.['F.caesarean:total']]).toEqual([
      1, 1, 1,
    ]);
    expect(report.body.draft?.['I.1:total']).toBeUndefined(); // stock rows are the communes', grey for facilities
    // The CDC compiles the units below it: its draft is the aggregate, a line per unit and the total.
    const cdc = await reportAccount('CDC.11', 'CDC');
    const cdcId = (await withDb((db) => db.query<{ id: number }>(`SELECT id FROM facility WHERE code = 'CDC.11'`))).rows[0].id;
    const aggregate = await request<Report>(reportPath('maternal-care', cdcId, '2025-10'), { token: cdc.token });
    expect(aggregate.status).toBe(200);
    const keys = Object.keys(aggregate.body.draft ?? {});
    expect(keys.some((key) => key.startsWith('group:'))).toBe(true);
    expect(keys.some((key) => key.startsWith('unit:'))).toBe(true);
  });
});
