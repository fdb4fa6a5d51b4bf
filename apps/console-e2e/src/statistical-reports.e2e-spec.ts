import { Page } from 'playwright-core';
import { BrowserSession, openBrowser } from './support/browser';
import { api, byTestId, DEMO_PASSWORD, signIn, text } from './support/console';

/**
 * The monthly report workflow in the console (issue 7 §7): the commune station officer sends the commune report of the
 * month that just ended, the approver (the CDC of Điện Biên, which the station reports to) approves it, the officer can
 * no longer change an antenatal visit of that month, asks for un-approval with a reason, the approver withdraws the
 * approval, the officer recalls the report, corrects the visit (the report shows the cells changed since sending, old
 * and new) and sends it again.
 */
const OFFICER = 'tyt.muongnhe';
const STATION = 'TYT.03160.2025';
const APPROVER = 'cdc.dienbien';

/** The month that just ended, in Vietnam time (a report is sent once its month is over). */
function previousMonth(): string {
  const now = new Date(Date.now() + 7 * 3_600_000);
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}`;
}
const MONTH = previousMonth();

/** A woman of this run, with a citizen ID that agrees with her birth year and sex (born 1998 in Điện Biên). */
const suffix = Date.now()
  .toString(36)
  .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]);
const FULL_NAME = `Giàng Thị Mai ${suffix[0].toUpperCase()}${suffix.slice(1)}`;
const CITIZEN_ID = `011198${String(Date.now()).slice(-6)}`;
const UNAPPROVAL_REASON = 'Sót sửa nơi khám của một lượt khám thai, đề nghị bỏ duyệt để sửa lại';

/** The officer's antenatal visit in the month, recorded through the API (the register screens have their own test). */
async function recordAncVisit(): Promise<string> {
  const { token } = await api<{ token: string }>('/api/v1/auth/login', {
    method: 'POST',
    body: { username: OFFICER, password: DEMO_PASSWORD, session: 'bearer' },
  });
  const { record } = await api<{ record: { id: string } }>('/api/v1/clinical-records/anc-visits', {
    method: 'POST',
    token,
    body: {
      person: {
        fullName: FULL_NAME,
        dateOfBirth: '1998-04-12',
        sex: 'FEMALE',
        citizenId: CITIZEN_ID,
        ethnicityCode: '03',
        communeCode: '03160',
        address: 'Bản Mường Nhé',
      },
      visitDate: `${MONTH}-10`,
      place: 'FACILITY',
      gaWeeks: 20,
      examiner: 'Hộ sinh Lò Thị Hoa',
    },
  });
  return record.id;
}

/** Opens the report of the station for the month and waits for its status. */
async function openReport(page: Page, stationId: string, status: string): Promise<void> {
  await page.goto(`/reports/commune/${stationId}/${MONTH}`);
  await page.locator(`${byTestId('report-status')}[data-status="${status}"]`).waitFor();
}

/** Takes a transition confirmed with the confirmation dialog, and waits for the status it leads to. */
async function act(page: Page, action: string, status: string): Promise<void> {
  await page.locator(`${byTestId('report-action')}[data-action="${action}"]`).click();
  await page.locator(byTestId('confirm-ok')).click();
  await page.locator(`${byTestId('report-status')}[data-status="${status}"]`).waitFor();
}

describe('monthly statistical reports in the console', () => {
  let officerBrowser: BrowserSession;
  let approverBrowser: BrowserSession;
  let officer: Page;
  let approver: Page;
  let visitId: string;
  let stationId: string;

  beforeAll(async () => {
    visitId = await recordAncVisit();
    officerBrowser = await openBrowser();
    approverBrowser = await openBrowser();
    officer = officerBrowser.page;
    approver = approverBrowser.page;
    await signIn(officer, OFFICER);
    await signIn(approver, APPROVER);
  });

  afterAll(async () => {
    await officerBrowser?.close();
    await approverBrowser?.close();
  });

  it('lists the commune report of the month in the officer’s worklist, as a draft with its deadline', async () => {
    await officer.goto(`/reports?month=${MONTH}`);
    const row = officer.locator(`${byTestId('worklist-row')}[data-form="commune"]`);
    await row.waitFor();
    expect((await officer.locator('nav a').allTextContents()).join(' ')).toContain('Báo cáo thống kê');
    expect(await row.getAttribute('data-status')).toBe('DRAFT');
    const line = ((await row.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(line).toContain('Bản nháp');
    expect(line).toMatch(/\d\d\/\d\d\/\d{4}/);
    // The officer of a commune station approves nothing: no approver tab.
    expect(await officer.locator(`${byTestId('reports-tab')}[data-tab="approvals"]`).count()).toBe(0);

    await row.locator('a').click();
    await officer.waitForURL((url) => url.pathname.startsWith('/reports/commune/'));
    stationId = officer.url().split('/reports/commune/')[1].split('/')[0];
    await officer.locator(`${byTestId('report-status')}[data-status="DRAFT"]`).waitFor();
    expect(await text(officer, byTestId('report-unit'))).toContain('Mường Nhé');
    expect(await text(officer, 'thead')).toContain('Tên chỉ tiêu');
    expect(await text(officer, 'thead')).toContain('Tại TYT');
    // The visit is counted: antenatal visits (I.3), in total and at the station.
    expect(await text(officer, `${byTestId('report-cell')}[data-cell="I.3:total"]`)).toBe('1');
    expect(await text(officer, `${byTestId('report-cell')}[data-cell="I.3:station"]`)).toBe('1');
  });

  it('sends the report: its values are frozen and the approver is notified', async () => {
    await act(officer, 'SENT', 'SENT');
    expect(await officer.locator(`${byTestId('report-event')}[data-action="SENT"]`).count()).toBe(1);
    // Sent and not approved: the officer may only recall it.
    expect(
      await officer.locator(byTestId('report-action')).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action'))),
    ).toEqual(['RECALLED']);

    await approver.goto(`/reports?month=${MONTH}&tab=approvals`);
    await approver
      .locator(`${byTestId('notification')}[data-kind="SENT"]`)
      .first()
      .waitFor({ state: 'attached' });
    const row = approver.locator(`${byTestId('approvals-row')}[data-facility="${STATION}"][data-form="commune"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('SENT');
    expect(await text(approver, byTestId('approvals-rates'))).toMatch(/%/);
  });

  it('the approver approves it', async () => {
    await approver.locator(`${byTestId('approvals-row')}[data-facility="${STATION}"][data-form="commune"] a`).click();
    await approver.locator(`${byTestId('report-status')}[data-status="SENT"]`).waitFor();
    await act(approver, 'APPROVED', 'APPROVED');
  });

  it('the officer can no longer change an antenatal visit of the approved month', async () => {
    await officer.goto(`/records/anc-visits/${visitId}`);
    const gaWeeks = officer.locator(byTestId('record-gaWeeks'));
    await gaWeeks.waitFor();
    await gaWeeks.fill('21');
    await officer.locator(byTestId('record-save')).click();
    await officer.locator(byTestId('record-locked')).waitFor();
    expect(await text(officer, byTestId('record-locked'))).toContain('Kỳ báo cáo đã khóa');
    await officer.locator(`${byTestId('record-gaWeeks')}:disabled`).waitFor();
  });

  it('the officer asks for un-approval with a reason, and the approver withdraws the approval', async () => {
    await openReport(officer, stationId, 'APPROVED');
    await officer.locator(`${byTestId('report-action')}[data-action="UNAPPROVAL_REQUESTED"]`).click();
    // The reason is mandatory.
    await officer.locator(byTestId('reason-ok')).click();
    await officer.locator(byTestId('reason-error')).waitFor();
    await officer.locator(byTestId('reason-input')).fill(UNAPPROVAL_REASON);
    await officer.locator(byTestId('reason-ok')).click();
    await officer.locator(`${byTestId('report-status')}[data-status="UNAPPROVAL_REQUESTED"]`).waitFor();

    await openReport(approver, stationId, 'UNAPPROVAL_REQUESTED');
    expect(await text(approver, byTestId('report-unapproval'))).toContain(UNAPPROVAL_REASON);
    await act(approver, 'UNAPPROVED', 'SENT');
  });

  it('the officer recalls the report, corrects the visit and sends it again, seeing what changed since sending', async () => {
    await openReport(officer, stationId, 'SENT');
    await act(officer, 'RECALLED', 'DRAFT');

    await officer.goto(`/records/anc-visits/${visitId}`);
    await officer.locator(byTestId('record-gaWeeks')).waitFor();
    await officer.locator(byTestId('record-place')).click();
    await officer.locator('mat-option[data-code="HOME"]').click();
    await officer.locator('mat-option').first().waitFor({ state: 'detached' });
    await officer.locator(byTestId('record-save')).click();
    await officer.waitForURL((url) => url.pathname === '/records/anc-visits');

    await openReport(officer, stationId, 'DRAFT');
    // The visit moved from "Tại TYT" to "Ngoài CSYT": old → new in both cells, the total unchanged.
    expect(await officer.locator(`${byTestId('report-cell')}[data-cell="I.3:station"]`).getAttribute('data-changed')).toBe('1→0');
    expect(await officer.locator(`${byTestId('report-cell')}[data-cell="I.3:outside"]`).getAttribute('data-changed')).toBe('0→1');
    expect(await officer.locator(`${byTestId('report-cell')}[data-cell="I.3:total"]`).getAttribute('data-changed')).toBeNull();
    await officer.locator(byTestId('report-changes')).waitFor();

    await act(officer, 'SENT', 'SENT');
    expect(await officer.locator(byTestId('report-event')).evaluateAll((items) => items.map((i) => i.getAttribute('data-action')))).toEqual(
      ['SENT', 'APPROVED', 'UNAPPROVAL_REQUESTED', 'UNAPPROVED', 'RECALLED', 'SENT'],
    );
    expect(await text(officer, byTestId('report-history'))).toContain(UNAPPROVAL_REASON);
    // Sent again: the values as sent now carry the correction.
    expect(await text(officer, `${byTestId('report-cell')}[data-cell="I.3:outside"]`)).toBe('1');

    // The officer was told of the approval and of its withdrawal.
    await officer.goto(`/reports?month=${MONTH}`);
    await officer
      .locator(`${byTestId('notification')}[data-kind="APPROVED"]`)
      .first()
      .waitFor({ state: 'attached' });
    await officer
      .locator(`${byTestId('notification')}[data-kind="UNAPPROVED"]`)
      .first()
      .waitFor({ state: 'attached' });
    expect(await officer.locator(`${byTestId('worklist-row')}[data-form="commune"]`).getAttribute('data-status')).toBe('SENT');
  });
});
