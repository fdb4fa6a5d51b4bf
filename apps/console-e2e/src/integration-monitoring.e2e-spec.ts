import { Client } from 'pg';
import { Page } from 'playwright-core';
import { BrowserSession, openBrowser } from './support/browser';
import { api, byTestId, DEMO_PASSWORD, text } from './support/console';

/**
 * Monitoring of the data flows in the console (issue 8 item 5), as the NCHI administrator: a HIS account's batch with
 * one record accepted and one rejected shows under its source and its facility with the reason, its second facility
 * (nothing sent) shows as silent; two DHIS2 items that failed the allowed number of times (set dead directly: no
 * destination is configured in this stack, so a re-sent item waits as pending) are re-sent, one from its row and the
 * other with "re-send the dead items" after a confirmation.
 */
const ADMIN = 'nchi.admin';
const STATION = 'TYT.03164.2025';
const QUIET_STATION = 'TYT.03166.2025';
const suffix = Date.now().toString(36);

/** An antenatal visit as a HIS sends it, for a woman of this run. */
const ancVisit = (sourceRecordId: string, visitDate: string) => ({
  register: 'anc-visits',
  sourceRecordId,
  facilityCode: STATION,
  person: {
    fullName: `Lò Thị Xuân ${suffix}`,
    dateOfBirth: '1999-06-20',
    sex: 'FEMALE',
    ethnicityCode: '03',
    residence: { communeCode: '03164', address: 'Bản Nà Sáy' },
  },
  data: { visitDate, place: 'FACILITY', gaWeeks: 20 },
});

/** A HIS account for two stations, and one batch from it for the first: one visit stored, one from the future. */
async function pushBatch(): Promise<string> {
  const { token } = await api<{ token: string }>('/api/v1/auth/login', {
    method: 'POST',
    body: { username: ADMIN, password: DEMO_PASSWORD, session: 'bearer' },
  });
  const { client, clientSecret } = await api<{ client: { clientId: string }; clientSecret: string }>('/api/v1/integration-clients', {
    method: 'POST',
    authorization: `Bearer ${token}`,
    body: {
      name: `HIS Bệnh viện thử giám sát ${suffix}`,
      system: 'HIS',
      operations: ['records.push'],
      facilityCodes: [STATION, QUIET_STATION],
    },
  });
  const answer = await api<{ counts: { created: number; rejected: number } }>('/api/v1/integration/records', {
    method: 'POST',
    authorization: `Basic ${Buffer.from(`${client.clientId}:${clientSecret}`).toString('base64')}`,
    body: { records: [ancVisit(`ANC-OK-${suffix}`, '2026-03-10'), ancVisit(`ANC-LATE-${suffix}`, '2030-03-10')] },
  });
  expect(answer.counts).toMatchObject({ created: 1, rejected: 1 });
  return client.clientId;
}

async function withDb<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: process.env['SKSS_DATABASE_URL'] });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** A DHIS2 item of the station that failed the allowed number of times. */
const deadItem = (db: Client, month: string) =>
  db
    .query<{ id: string }>(
      `INSERT INTO outbox_item (destination, kind, subject, facility_id, payload, status, attempts, last_error)
       SELECT 'DHIS2', 'dhis2.dataValueSet', 'report:commune:' || id || ':' || $2, id, '{}'::jsonb, 'DEAD', 5,
              'Không kết nối được DHIS2: connect ECONNREFUSED 127.0.0.1:9'
       FROM facility WHERE code = $1 RETURNING id::text`,
      [STATION, month],
    )
    .then(({ rows }) => rows[0].id);

describe('monitoring of the data flows in the console', () => {
  let browser: BrowserSession;
  let page: Page;
  let clientId: string;
  let items: { row: string; bulk: string };

  beforeAll(async () => {
    clientId = await pushBatch();
    items = await withDb(async (db) => ({ row: await deadItem(db, '2026-09'), bulk: await deadItem(db, '2026-10') }));
    browser = await openBrowser();
    page = browser.page;
    await page.goto('/login');
    await page.locator(byTestId('login-username')).fill(ADMIN);
    await page.locator(byTestId('login-password')).fill(DEMO_PASSWORD);
    await page.locator(byTestId('login-submit')).click();
    await page.waitForURL((url) => url.pathname !== '/login');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the batch under its source and its facility, accepted and rejected with the reason', async () => {
    await page.locator('nav a', { hasText: 'Dữ liệu nhận về' }).click();
    await page.waitForURL((url) => url.pathname === '/inbound-data');
    expect(await text(page, 'h1')).toBe('Dữ liệu nhận về');

    const source = `${byTestId('inbound-source')}[data-source="${clientId}"][data-channel="api"]`;
    await page.locator(source).waitFor();
    expect(await text(page, `${source} ${byTestId('inbound-accepted')}`)).toBe('1');
    expect(await text(page, `${source} ${byTestId('inbound-rejected')}`)).toBe('1');
    expect(await text(page, `${source} ${byTestId('inbound-reasons')}`)).toBe('DATE_IN_FUTURE × 1');
    expect(await text(page, `${source} ${byTestId('inbound-last-batch')}`)).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await page.locator(`${source} svg`).first().waitFor(); // the daily chart, drawn once echarts arrived

    const facility = `${byTestId('inbound-facility')}[data-facility="${STATION}"][data-source="${clientId}"]`;
    expect(await page.locator(facility).getAttribute('data-silent')).toBe('false');
    expect(await text(page, `${facility} ${byTestId('inbound-accepted')}`)).toBe('1');
    expect(await text(page, `${facility} ${byTestId('inbound-rejected')}`)).toBe('1');
    expect(await text(page, `${facility} ${byTestId('inbound-reasons')}`)).toBe('DATE_IN_FUTURE × 1');
  });

  it('lists a facility that sent nothing as silent, after the number of days chosen', async () => {
    await page.locator(byTestId('inbound-silent-days')).fill('30');
    await page.locator(byTestId('inbound-silent-days')).press('Tab');
    await page.locator(byTestId('inbound-silent-count'), { hasText: 'quá 30 ngày' }).waitFor();

    await page.locator(`${byTestId('inbound-silent-only')} input`).check();
    const quiet = `${byTestId('inbound-facility')}[data-facility="${QUIET_STATION}"][data-source="${clientId}"]`;
    expect(await page.locator(quiet).getAttribute('data-silent')).toBe('true');
    expect(await text(page, quiet)).toContain('Chưa gửi lần nào');
    expect(await page.locator(`${byTestId('inbound-facility')}[data-facility="${STATION}"][data-source="${clientId}"]`).count()).toBe(0);
  });

  it('re-sends a dead item from its row, and its status changes to pending', async () => {
    await page.locator('nav a', { hasText: 'Dữ liệu gửi đi' }).click();
    await page.waitForURL((url) => url.pathname === '/outbound-data');
    const dhis2 = `${byTestId('destination')}[data-destination="DHIS2"]`;
    await page.locator(`${dhis2} ${byTestId('destination-dead')}`, { hasText: '2' }).waitFor();

    await page.locator(byTestId('outbox-destination')).click();
    await page.locator('mat-option', { hasText: 'Phần mềm thống kê y tế (DHIS2)' }).click();
    const row = `${byTestId('outbox-row')}[data-key="${items.row}"]`;
    await page.locator(`${row} ${byTestId('outbox-item-status')}[data-status="DEAD"]`).waitFor();
    expect(await text(page, `${row} ${byTestId('outbox-last-error')}`)).toContain('ECONNREFUSED');

    await page.locator(`${row} ${byTestId('outbox-resend')}`).click();
    await page.locator('mat-snack-bar-container', { hasText: `Đã đưa mục ${items.row} vào hàng chờ gửi lại` }).waitFor();
    await page.locator(`${row} ${byTestId('outbox-item-status')}[data-status="PENDING"]`).waitFor();
    await page.locator(`${dhis2} ${byTestId('destination-dead')}`, { hasText: '1' }).waitFor();
  });

  it('re-sends the dead items of a destination after a confirmation', async () => {
    const dhis2 = `${byTestId('destination')}[data-destination="DHIS2"]`;
    await page.locator(`${dhis2} ${byTestId('destination-resend-dead')}`).click();
    expect(await text(page, 'mat-dialog-container')).toContain('1 mục gửi sang Phần mềm thống kê y tế (DHIS2)');
    await page.locator(byTestId('confirm-ok')).click();
    await page.locator('mat-snack-bar-container', { hasText: 'Đã đưa 1 mục vào hàng chờ gửi lại' }).waitFor();
    await page
      .locator(`${byTestId('outbox-row')}[data-key="${items.bulk}"] ${byTestId('outbox-item-status')}[data-status="PENDING"]`)
      .waitFor();
    await page.locator(`${dhis2} ${byTestId('destination-dead')}`, { hasText: '0' }).waitFor();
    expect(await page.locator(`${dhis2} ${byTestId('destination-resend-dead')}`).count()).toBe(0);

    const { rows } = await withDb((db) =>
      db.query<{ status: string; attempts: number }>(
        `SELECT status::text, attempts FROM outbox_item WHERE id = ANY($1::bigint[]) ORDER BY id`,
        [[items.row, items.bulk]],
      ),
    );
    expect(rows).toEqual([
      { status: 'PENDING', attempts: 0 },
      { status: 'PENDING', attempts: 0 },
    ]);
  });
});
