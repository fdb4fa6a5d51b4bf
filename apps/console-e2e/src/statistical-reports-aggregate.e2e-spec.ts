import { Page } from 'playwright-core';
import { BrowserSession, openBrowser } from './support/browser';
import { api, byTestId, DEMO_PASSWORD, text } from './support/console';

/**
 * Biểu 4–8 of an aggregating unit in the console (issue 7): the CDC of Điện Biên, which the commune stations report
 * to, opens "Báo cáo tổng hợp" from its worklist and sees Báo cáo 4 of August 2025 with one line per reporting unit,
 * the subtotals and the total, the numbers the API computes (the station of Mường Nhé with its approved commune
 * report), grey cells where a line's kind of row does not apply; then the quarter that holds the month, and downloads.
 */
const OFFICER = 'tyt.muongnhe';
const STATION = 'TYT.03160.2025';
const CDC = 'cdc.dienbien';
const MONTH = '2025-08';
const REPORTS = '/api/v1/statistical-reports';

interface AggregateLine {
  key: string;
  values: Record<string, number | null>;
}
interface Aggregate {
  version: { officialCode: string };
  facility: { id: number; name: string };
  lines: AggregateLine[];
}

const tokenOf = async (username: string) =>
  (
    await api<{ token: string }>('/api/v1/auth/login', {
      method: 'POST',
      body: { username, password: DEMO_PASSWORD, session: 'bearer' },
    })
  ).token;

/** The station's antenatal visits of the month, its commune report sent and approved by the CDC (through the API). */
async function approvedCommuneReport(): Promise<void> {
  const [officer, cdc] = [await tokenOf(OFFICER), await tokenOf(CDC)];
  const worklist = await api<{ facility: { id: number } }>(`${REPORTS}/worklist?month=${MONTH}`, { token: officer });
  for (const [day, citizenId] of [
    ['06', `011198${String(Date.now()).slice(-6)}`],
    ['20', `011198${String(Date.now() + 7).slice(-6)}`],
  ]) {
    await api('/api/v1/clinical-records/anc-visits', {
      method: 'POST',
      token: officer,
      body: {
        person: {
          fullName: `Lò Thị Xuân ${day === '06' ? 'An' : 'Bình'} ${Date.now()
            .toString(36)
            .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`,
          dateOfBirth: '1998-04-12',
          sex: 'FEMALE',
          citizenId,
          ethnicityCode: '03',
          communeCode: '03160',
          address: 'Bản Mường Nhé',
        },
        visitDate: `${MONTH}-${day}`,
        place: 'FACILITY',
        gaWeeks: 20,
        examiner: 'Hộ sinh Lò Thị Hoa',
      },
    });
  }
  const path = `${REPORTS}/commune/${worklist.facility.id}/${MONTH}`;
  await api(`${path}/send`, { method: 'POST', token: officer });
  await api(`${path}/approve`, { method: 'POST', token: cdc });
}

/** Line key → column → the number shown (null: empty), for the cells that are not grey. */
async function shownNumbers(page: Page): Promise<Record<string, Record<string, number | null>>> {
  return page.locator(byTestId('aggregate-line')).evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((row) => [
        row.getAttribute('data-line') ?? '',
        Object.fromEntries(
          Array.from(row.querySelectorAll('[data-testid="aggregate-cell"]')).map((cell) => {
            const shown = (cell.textContent ?? '').trim();
            return [cell.getAttribute('data-column') ?? '', shown === '' ? null : Number(shown)];
          }),
        ),
      ]),
    ),
  );
}

/** The API's numbers of the cells the screen shows. */
const apiNumbers = (aggregate: Aggregate, shown: Record<string, Record<string, number | null>>) =>
  Object.fromEntries(
    aggregate.lines.map((line) => [
      line.key,
      Object.fromEntries(Object.keys(shown[line.key] ?? {}).map((c) => [c, line.values[c] ?? null])),
    ]),
  );

describe('the aggregate of Biểu 4–8 in the console', () => {
  let session: BrowserSession;
  let page: Page;
  let cdc = '';

  beforeAll(async () => {
    await approvedCommuneReport();
    cdc = await tokenOf(CDC);
    session = await openBrowser();
    page = session.page;
    await page.goto('/login');
    await page.locator(byTestId('login-username')).fill(CDC);
    await page.locator(byTestId('login-password')).fill(DEMO_PASSWORD);
    await page.locator(byTestId('login-submit')).click();
    await page.waitForURL((url) => url.pathname !== '/login');
  });

  afterAll(() => session?.close());

  it('opens from the worklist with a line per reporting unit and the numbers of the API', async () => {
    await page.goto(`/reports?month=${MONTH}`);
    await page.locator(byTestId('reports-aggregates')).click();
    await page.waitForURL((url) => url.pathname === '/reports/aggregates');
    await page.locator(byTestId('aggregate-table')).waitFor();
    const aggregate = await api<Aggregate>(`${REPORTS}/aggregates/maternal-care/${await facilityIdOf(page)}?period=${MONTH}`, {
      token: cdc,
    });

    expect(await text(page, byTestId('aggregate-code'))).toBe(aggregate.version.officialCode);
    expect(await text(page, byTestId('aggregate-unit-name'))).toBe(aggregate.facility.name);
    expect(await text(page, byTestId('aggregate-period'))).toContain('2025');
    expect(await text(page, 'thead')).toContain('Tên đơn vị');
    expect(await text(page, 'thead')).toContain('Số khám thai');
    expect(await text(page, `${byTestId('aggregate-line')}[data-line="group:total"]`)).toContain('Tổng số');
    const station = `${byTestId('aggregate-line')}[data-line="unit:${STATION}"]`;
    expect(await text(page, station)).toContain('Mường Nhé');
    // The station's approved visits, and a commune line is grey in the caesarean column (a facility indicator).
    expect(await text(page, `${station} ${byTestId('aggregate-cell')}[data-column="ancVisits"]`)).toBe(
      String(aggregate.lines.find((l) => l.key === `unit:${STATION}`)?.values['ancVisits']),
    );
    expect(Number(await text(page, `${station} ${byTestId('aggregate-cell')}[data-column="ancVisits"]`))).toBeGreaterThanOrEqual(2);
    expect(await page.locator(`${station} td.grey`).count()).toBeGreaterThan(0);
    const shown = await shownNumbers(page);
    expect(Object.keys(shown)).toEqual(aggregate.lines.map((l) => l.key));
    expect(shown).toEqual(apiNumbers(aggregate, shown));
  });

  it('shows the quarter holding the month, and downloads it as Excel', async () => {
    await page.locator(byTestId('aggregate-span')).click();
    await page.locator('mat-option[data-span="quarter"]').click();
    await page.waitForURL((url) => url.searchParams.get('span') === 'quarter');
    await page.locator(`${byTestId('aggregate-period')}:has-text("Quý III")`).waitFor();
    const quarter = await api<Aggregate>(`${REPORTS}/aggregates/maternal-care/${await facilityIdOf(page)}?period=2025-Q3`, { token: cdc });
    const shown = await shownNumbers(page);
    expect(shown).toEqual(apiNumbers(quarter, shown));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`${byTestId('aggregate-export')}[data-format="xlsx"]`).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^maternal-care_CDC\.11_2025-Q3\.xlsx$/);
  });
});

/** The aggregating unit the page shows (the unit selector's value; the CDC's own by default). */
async function facilityIdOf(page: Page): Promise<number> {
  await page.waitForURL((url) => url.searchParams.has('facility') || url.pathname === '/reports/aggregates');
  const fromUrl = new URL(page.url()).searchParams.get('facility');
  if (fromUrl) return Number(fromUrl);
  const worklist = await api<{ facility: { id: number } }>(`${REPORTS}/worklist?month=${MONTH}`, {
    token: await tokenOf(CDC),
  });
  return worklist.facility.id;
}
