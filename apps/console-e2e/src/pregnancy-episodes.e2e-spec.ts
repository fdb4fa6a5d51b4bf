import { Client } from 'pg';
import { Page } from 'playwright-core';
import { BrowserSession, openBrowser } from './support/browser';
import { api, byTestId, choose, DEMO_PASSWORD, signIn, text, typed, typeDay } from './support/console';

/**
 * A woman's pregnancy episodes on her page (issue 6, rows I.1 and I.2): a commune station registered her pregnancy
 * (through the API here). The officer opens her page, sees the episode followed, corrects its gravidity and closes it
 * by hand because she moved away (a closing day before the registration is refused in Vietnamese first), sees it
 * closed, reopens it, deletes an earlier episode nothing refers to, is told why one with a visit cannot be deleted, and
 * finds the episode read-only once its month's report is approved.
 */
const OFFICER = 'tyt.muongnhe';

const suffix = Date.now()
  .toString(36)
  .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]);
const NAME = `Sùng Thị Thai ${suffix[0].toUpperCase()}${suffix.slice(1)}`;

/** A day of the month two months back, moved by some days, as the API takes it (YYYY-MM-DD, Vietnam time). */
function pastDay(day: number, plusDays = 0): string {
  const now = new Date(Date.now() + 7 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, day + plusDays)).toISOString().slice(0, 10);
}

const REGISTERED_ON = pastDay(12);
const LMP = pastDay(12, -42);
const EXPECTED_ON = pastDay(12, -42 + 280);
const TOO_EARLY = pastDay(12, -3);
const MOVED_ON = pastDay(12, 20);

interface Episode {
  id: string;
  facility: { code: string };
  gravidity: number | null;
  parity: number | null;
  closure: string | null;
  closedOn: string | null;
}

describe('a woman’s pregnancy episodes on her page', () => {
  let browser: BrowserSession;
  let page: Page;
  let token = '';
  let personId = '';
  let episodeId = '';
  let earlierId = '';
  const row = (id: string) => `${byTestId('episode-row')}[data-id="${id}"]`;

  beforeAll(async () => {
    ({ token } = await api<{ token: string }>('/api/v1/auth/login', {
      method: 'POST',
      body: { username: OFFICER, password: DEMO_PASSWORD, session: 'bearer' },
    }));
    personId = (
      await api<{ person: { id: string } }>('/api/v1/persons', {
        method: 'POST',
        token,
        body: { fullName: NAME, dateOfBirth: '1997-06-21', sex: 'FEMALE', ethnicityCode: '03', communeCode: '03160' },
      })
    ).person.id;
    const register = (body: Record<string, unknown>) =>
      api<{ record: { id: string } }>('/api/v1/pregnancy-episodes', { method: 'POST', token, body: { personId, ...body } });
    // An earlier pregnancy lost early, registered a few days before, that nothing refers to.
    earlierId = (await register({ registeredOn: pastDay(2), lmp: pastDay(2, -50), closure: 'PREGNANCY_LOSS', closedOn: pastDay(4) })).record
      .id;
    episodeId = (await register({ registeredOn: REGISTERED_ON, lmp: LMP, expectedOn: EXPECTED_ON, gravidity: 1, parity: 0 })).record.id;

    browser = await openBrowser();
    page = browser.page;
    await signIn(page, OFFICER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists her episodes newest first, the open one followed', async () => {
    await page.goto(`/records/persons/${personId}`);
    await page.locator(byTestId('person-page-name'), { hasText: NAME }).waitFor();
    await page.locator(row(episodeId)).waitFor();
    const ids = await page.locator(byTestId('episode-row')).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(ids).toEqual([episodeId, earlierId]);
    const shown = await text(page, row(episodeId));
    expect(shown).toContain(typed(REGISTERED_ON));
    expect(shown).toContain(typed(LMP));
    expect(shown).toContain(typed(EXPECTED_ON));
    expect(shown).toContain('1 / 0');
    expect(shown).toContain('Đang theo dõi');
    expect(await page.locator(row(episodeId)).getAttribute('data-state')).toBe('open');
    expect(await text(page, `${row(earlierId)} ${byTestId('episode-state')}`)).toBe(
      `Đã kết thúc: Thai kết thúc trước 22 tuần (sảy thai, thai chết lưu), ngày ${typed(pastDay(4))}`,
    );
  });

  it('refuses a move away before the registration, in Vietnamese, on the closing day', async () => {
    await page.locator(`${row(episodeId)} ${byTestId('episode-edit')}`).click();
    await page.locator('mat-dialog-container', { hasText: 'Sửa thai kỳ' }).waitFor();
    await page.locator(byTestId('episode-form-gravidity')).fill('2');
    await choose(page, 'episode-form-closure', 'MOVED_AWAY');
    await typeDay(page, 'episode-form-closedOn', typed(TOO_EARLY));
    await page.locator(byTestId('episode-form-save')).click();
    const error = page.locator(byTestId('episode-form-closedOn-error'));
    await error.waitFor();
    expect(((await error.textContent()) ?? '').trim()).toBe(
      `Ngày chuyển đi (${typed(TOO_EARLY)}) trước ngày đăng ký quản lý thai (${typed(REGISTERED_ON)})`,
    );
    // Nothing was sent.
    expect((await api<Episode>(`/api/v1/pregnancy-episodes/${episodeId}`, { token })).closure).toBeNull();
  });

  it('corrects the gravidity and closes the episode as moved away, which the API keeps', async () => {
    await typeDay(page, 'episode-form-closedOn', typed(MOVED_ON));
    await page.locator(byTestId('episode-form-save')).click();
    await page.locator('mat-dialog-container').waitFor({ state: 'detached' });
    await page.locator(`${row(episodeId)}[data-state="closed"]`).waitFor();
    expect(await text(page, `${row(episodeId)} ${byTestId('episode-state')}`)).toBe(
      `Đã kết thúc: Chuyển đi nơi khác, ngày ${typed(MOVED_ON)}`,
    );
    expect(await text(page, `${row(episodeId)} ${byTestId('episode-gravidity-parity')}`)).toBe('2 / 0');
    const stored = await api<Episode>(`/api/v1/pregnancy-episodes/${episodeId}`, { token });
    expect(stored).toMatchObject({ gravidity: 2, parity: 0, closure: 'MOVED_AWAY', closedOn: MOVED_ON });
  });

  it('reopens the episode whose closure was set by hand', async () => {
    await page.locator(`${row(episodeId)} ${byTestId('episode-edit')}`).click();
    await page.locator(byTestId('episode-reopen')).click();
    await page.locator(byTestId('episode-reopening')).waitFor();
    await page.locator(byTestId('episode-form-save')).click();
    await page.locator('mat-dialog-container').waitFor({ state: 'detached' });
    await page.locator(`${row(episodeId)}[data-state="open"]`).waitFor();
    const stored = await api<Episode>(`/api/v1/pregnancy-episodes/${episodeId}`, { token });
    expect(stored).toMatchObject({ gravidity: 2, closure: null, closedOn: null });
  });

  it('deletes an episode nothing refers to, and says why one with a visit cannot be', async () => {
    await page.locator(`${row(earlierId)} ${byTestId('episode-delete')}`).click();
    await page.locator('mat-dialog-container', { hasText: 'Xóa thai kỳ này?' }).waitFor();
    await page.locator(byTestId('confirm-ok')).click();
    await page.locator(row(earlierId)).waitFor({ state: 'detached' });
    // The confirmation stays in the page while it animates out; wait for it to go.
    await page.locator(byTestId('confirm-ok')).waitFor({ state: 'detached' });

    await api('/api/v1/clinical-records/anc-visits', {
      method: 'POST',
      token,
      body: { personId, episodeId, visitDate: REGISTERED_ON, place: 'FACILITY', gaWeeks: 6, examiner: 'Hộ sinh Lò Thị Hoa' },
    });
    await page.locator(`${row(episodeId)} ${byTestId('episode-delete')}`).click();
    await page.locator(byTestId('confirm-ok')).click();
    await page.locator(byTestId('episodes-failure')).waitFor();
    expect(await text(page, byTestId('episodes-failure'))).toContain(
      'Thai kỳ đã có lần khám thai, lần đẻ hoặc phá thai: xóa hoặc chuyển các bản ghi đó trước',
    );
    await page.locator(row(episodeId)).waitFor();
  });

  it('keeps the episode of an approved month read-only, with the API’s reason', async () => {
    // The reports work locks a facility-month when its report is approved; here the lock is set directly.
    const { facility } = await api<Episode>(`/api/v1/pregnancy-episodes/${episodeId}`, { token });
    const db = new Client({ connectionString: process.env['SKSS_DATABASE_URL'] });
    await db.connect();
    const month = `${REGISTERED_ON.slice(0, 7)}-01`;
    try {
      await db.query(
        `INSERT INTO register_period_lock (facility_id, month, reason)
         SELECT id, $1::date, 'Báo cáo tháng đã được duyệt' FROM facility WHERE code = $2 ON CONFLICT DO NOTHING`,
        [month, facility.code],
      );
      await page.locator(`${row(episodeId)} ${byTestId('episode-edit')}`).click();
      await page.locator(byTestId('episode-form-gravidity')).fill('3');
      await page.locator(byTestId('episode-form-save')).click();
      const locked = page.locator(byTestId('episode-form-locked'));
      await locked.waitFor();
      expect(((await locked.textContent()) ?? '').replace(/\s+/g, ' ')).toContain('đã khóa vì báo cáo đã được duyệt');
      await page.locator(`${byTestId('episode-form-gravidity')}:disabled`).waitFor();
      expect(await page.locator(byTestId('episode-form-save')).count()).toBe(0);
      await page.locator(byTestId('episode-form-cancel')).click();
      await page.locator('mat-dialog-container').waitFor({ state: 'detached' });
      await page.locator(`${row(episodeId)} ${byTestId('episode-locked')}`).waitFor();
      expect(await page.locator(`${row(episodeId)} ${byTestId('episode-edit')}`).count()).toBe(0);
      expect((await api<Episode>(`/api/v1/pregnancy-episodes/${episodeId}`, { token })).gravidity).toBe(2);
    } finally {
      await db
        .query(`DELETE FROM register_period_lock WHERE facility_id = (SELECT id FROM facility WHERE code = $2) AND month = $1::date`, [
          month,
          facility.code,
        ])
        .catch(() => undefined);
      await db.end();
    }
  });
});
