import { Workbook } from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Page } from 'playwright-core';
import { BrowserSession, openBrowser } from './support/browser';
import { byTestId, choose, signIn, text, typeDay } from './support/console';

/**
 * Direct entry of the registers (issue 6 §7): a commune station officer enters a new woman, registers her pregnancy,
 * records her antenatal visit and then her delivery of twins, and finds both rows in the registers' lists, searched
 * without diacritics, identifiers masked.
 */

/** A Vietnamese name unique to this run ("Lò Thị Hoa" + a letter suffix), so that reruns on one database do not collide. */
const suffix = Date.now()
  .toString(36)
  .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]);
const FULL_NAME = `Lò Thị Hoa ${suffix[0].toUpperCase()}${suffix.slice(1)}`;
const FOLDED_NAME = `lo thi hoa ${suffix}`;
/** Her citizen ID: born in Điện Biên (011), a woman of the 1900s (1), in 1998. */
const CITIZEN_ID = `011198${String(Date.now()).slice(-6)}`;
const MASKED_CITIZEN_ID = `0111******${CITIZEN_ID.slice(-2)}`;

/** Days as the officer types them (dd/MM/yyyy), in Vietnam time. */
function vietnamDay(offsetDays = 0): string {
  const day = new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

/** The list row of the woman, found by typing her name without diacritics. */
async function findRow(page: Page, register: string): Promise<string> {
  await page.goto(`/records/${register}`);
  const search = page.locator(byTestId('records-search'));
  await search.fill(FOLDED_NAME);
  await search.press('Enter');
  const row = page.locator(byTestId('records-row'), { hasText: FULL_NAME });
  await row.first().waitFor({ timeout: 30_000 });
  return ((await row.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('register entry in the console', () => {
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser();
    page = browser.page;
    await signIn(page, 'tyt.muongnhe');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the registers in the menu of a commune station officer', async () => {
    await page.goto('/records');
    await page.waitForURL((url) => url.pathname === '/records/anc-visits');
    expect((await page.locator('nav a').allTextContents()).join(' ')).toContain('Sổ sách');
    expect(await text(page, 'h1')).toBe('Sổ khám thai');
  });

  it('enters a new woman, registers her pregnancy and records her antenatal visit', async () => {
    await page.locator(byTestId('records-new')).click();
    await page.waitForURL((url) => url.pathname === '/records/anc-visits/new');
    // The keyboard starts in the person search.
    await page.locator(`${byTestId('person-search')}:focus`).waitFor();
    await page.locator(byTestId('person-new')).click();

    await page.locator(byTestId('person-form-fullName')).fill(FULL_NAME);
    await typeDay(page, 'person-form-dateOfBirth', '12/04/1998');
    await page.locator(byTestId('person-form-citizenId')).fill('011');
    await page.locator(byTestId('person-save')).click();
    // Inline Vietnamese validation with the domain's message, before anything is sent.
    expect(await text(page, byTestId('person-form-citizenId-error'))).toBe('Số căn cước công dân phải gồm đúng 12 chữ số');
    await page.locator(byTestId('person-form-citizenId')).fill(CITIZEN_ID);
    await page.locator(byTestId('person-form-phone')).fill('0912345678');
    await page.locator(byTestId('person-save')).click();
    await page.locator(byTestId('person-chosen')).waitFor();
    expect(await text(page, byTestId('person-chosen'))).toContain(FULL_NAME);

    await page.locator(byTestId('episode-new')).click();
    await typeDay(page, 'episode-form-lmp', vietnamDay(-266));
    await page.locator(byTestId('episode-form-gravidity')).fill('2');
    await page.locator(byTestId('episode-form-parity')).fill('1');
    await page.locator(byTestId('episode-save')).click();
    await page.locator(`${byTestId('episode-select')}`).waitFor();

    await typeDay(page, 'record-visitDate', vietnamDay());
    await choose(page, 'record-place', 'FACILITY');
    await page.locator(byTestId('record-gaWeeks')).fill('45');
    await page.locator(byTestId('record-systolic')).fill('110');
    await page.locator(byTestId('record-diastolic')).fill('70');
    // Enter saves; the out-of-range age is refused inline, on its field.
    await page.locator(byTestId('record-gaWeeks')).press('Enter');
    expect(await text(page, byTestId('record-gaWeeks-error'))).toContain('Tuổi thai phải từ 1 đến 42 tuần');
    await page.locator(byTestId('record-gaWeeks')).fill('38');
    await page.locator(byTestId('record-ironFolicGiven')).click();
    await page.locator(byTestId('record-gaWeeks')).press('Enter');
    await page.waitForURL((url) => url.pathname === '/records/anc-visits');

    const row = await findRow(page, 'anc-visits');
    expect(row).toContain(vietnamDay());
    expect(row).toContain('38 tuần');
  });

  it('records her delivery of twins, found by her name typed without diacritics', async () => {
    await page.goto('/records/deliveries/new');
    const search = page.locator(byTestId('person-search'));
    await search.pressSequentially(FOLDED_NAME, { delay: 20 });
    await page.locator(byTestId('person-option'), { hasText: FULL_NAME }).click();
    await page.locator(byTestId('person-chosen')).waitFor();
    // Her ongoing pregnancy is chosen for her.
    await page.waitForFunction(() => !!document.querySelector('[data-testid="episode-select"] .mat-mdc-select-value-text'));

    await typeDay(page, 'record-deliveredAt', vietnamDay());
    await page.locator(byTestId('record-deliveredAt-time')).fill('08:15');
    await choose(page, 'record-place', 'FACILITY');
    await choose(page, 'record-attendantKind', 'MIDWIFE');
    await choose(page, 'record-mode', 'VAGINAL');
    await page.locator(byTestId('record-gaWeeks')).fill('38');

    await choose(page, 'record-newborns-0-sex', 'FEMALE');
    await choose(page, 'record-newborns-0-liveBorn', 'true');
    await page.locator(byTestId('record-newborns-0-weightGrams')).fill('2500');
    await page.locator(byTestId('record-newborns-add')).click();
    // The keyboard moves into the second baby's first field.
    await page.locator(`${byTestId('record-newborns-1-birthOrder')}:focus`).waitFor();
    await choose(page, 'record-newborns-1-sex', 'MALE');
    await choose(page, 'record-newborns-1-liveBorn', 'true');
    await page.locator(byTestId('record-newborns-1-weightGrams')).fill('2650');
    await page.locator(byTestId('record-save')).click();
    await page.waitForURL((url) => url.pathname === '/records/deliveries');

    const row = await findRow(page, 'deliveries');
    expect(row).toContain(vietnamDay());
    const babies = await page
      .locator(`${byTestId('records-row')} [data-field="babies"]`)
      .first()
      .textContent();
    expect(babies?.trim()).toBe('2');
  });

  it('opens the stored delivery with both newborns, and shows the woman in the antenatal list with her identifiers masked', async () => {
    await page.locator(byTestId('records-row'), { hasText: FULL_NAME }).first().click();
    await page.locator(byTestId('record-newborns-1-weightGrams')).waitFor();
    expect(await page.locator(byTestId('record-newborns-item')).count()).toBe(2);
    expect(await page.locator(byTestId('record-newborns-1-weightGrams')).inputValue()).toBe('2650');

    const row = await findRow(page, 'anc-visits');
    expect(row).toContain(MASKED_CITIZEN_ID);
    expect(row).not.toContain(CITIZEN_ID);
  });

  it('imports antenatal visits from the Excel template: previews the bad row by cell, writes the valid one', async () => {
    await page.goto('/records/anc-visits/imports');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(byTestId('import-template')).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const template = await download.path();

    // Two women typed into the template: the second one's visit has an impossible gestational age.
    const workbook = new Workbook();
    await workbook.xlsx.readFile(template);
    const sheet = workbook.getWorksheet('Dữ liệu');
    if (!sheet) throw new Error('The template has no data sheet');
    const keys = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
    const column = (key: string) => {
      const index = keys.indexOf(key);
      if (index < 1) throw new Error(`No column ${key} in the template`);
      return index;
    };
    const rows = [
      {
        'person.fullName': `Vàng Thị Dua ${suffix}`,
        'person.dateOfBirth': '03/05/2001',
        'person.sex': 'Nữ',
        visitDate: vietnamDay(),
        place: 'Tại cơ sở ghi sổ',
        gaWeeks: 20,
      },
      {
        'person.fullName': `Giàng Thị Sua ${suffix}`,
        'person.dateOfBirth': '09/09/2000',
        'person.sex': 'Nữ',
        visitDate: vietnamDay(),
        place: 'Tại cơ sở ghi sổ',
        gaWeeks: 50,
      },
    ];
    rows.forEach((values, index) => {
      const row = sheet.getRow(3 + index);
      for (const [key, value] of Object.entries(values)) row.getCell(column(key)).value = value;
      row.commit();
    });
    const file = join(mkdtempSync(join(tmpdir(), 'skss-import-')), 'kham-thai.xlsx');
    await workbook.xlsx.writeFile(file);
    const gaColumn = sheet.getColumn(column('gaWeeks')).letter;

    await page.locator(byTestId('import-upload-input')).setInputFiles(file);
    await page.locator(byTestId('import-summary')).waitFor({ timeout: 60_000 });
    expect(await text(page, byTestId('import-summary'))).toBe('2 dòng: 1 dòng hợp lệ, 1 dòng có lỗi');
    const error = page.locator(byTestId('import-error'));
    expect(await error.count()).toBe(1);
    expect(await error.getAttribute('data-row')).toBe('4');
    expect(await error.getAttribute('data-column')).toBe(gaColumn);
    expect(await error.textContent()).toContain('Tuổi thai phải từ 1 đến 42 tuần');

    // All or nothing refuses to write while a row is wrong; without it the valid row is written.
    await page.locator(`${byTestId('import-all-or-nothing')} input`).check();
    await page.locator(`${byTestId('import-commit')}:disabled`).waitFor();
    await page.locator(`${byTestId('import-all-or-nothing')} input`).uncheck();
    await page.locator(byTestId('import-commit')).click();
    await page.locator(byTestId('import-committed')).waitFor({ timeout: 60_000 });
    expect(await text(page, byTestId('import-committed'))).toContain('1 bản ghi mới');
    await page
      .locator(`${byTestId('import-history-row')}[data-status="COMMITTED"]`)
      .first()
      .waitFor();

    await page.goto('/records/anc-visits');
    const search = page.locator(byTestId('records-search'));
    await search.fill(`vang thi dua ${suffix}`);
    await search.press('Enter');
    await page.locator(byTestId('records-row'), { hasText: `Vàng Thị Dua ${suffix}` }).waitFor();
    expect(await page.locator(byTestId('records-row'), { hasText: `Giàng Thị Sua ${suffix}` }).count()).toBe(0);
  });

  it('keeps a row of an approved month read-only, and deletes a row after confirmation once the month is open again', async () => {
    // The reports work locks a facility-month when its report is approved; here the lock is set directly.
    const db = new Client({ connectionString: process.env['SKSS_DATABASE_URL'] });
    await db.connect();
    const month = `${vietnamDay().slice(6)}-${vietnamDay().slice(3, 5)}-01`;
    const lock = (sql: string) => db.query(sql + ` (SELECT id FROM facility WHERE code = 'TYT.03160.2025') AND month = $1::date`, [month]);
    try {
      await db.query(
        `INSERT INTO register_period_lock (facility_id, month, reason)
         SELECT id, $1::date, 'Báo cáo tháng đã được duyệt' FROM facility WHERE code = 'TYT.03160.2025' ON CONFLICT DO NOTHING`,
        [month],
      );
      await findRow(page, 'deliveries');
      await page.locator(byTestId('records-row'), { hasText: FULL_NAME }).first().click();
      await page.locator(byTestId('record-delete')).click();
      await page.locator(byTestId('confirm-ok')).click();
      await page.locator(byTestId('record-locked')).waitFor();
      expect(await text(page, byTestId('record-locked'))).toContain('đã khóa vì báo cáo đã được duyệt');
      await page.locator(`${byTestId('record-gaWeeks')}:disabled`).waitFor();
      expect(await page.locator(byTestId('record-save')).count()).toBe(0);

      await lock('DELETE FROM register_period_lock WHERE facility_id =');
      await page.reload();
      await page.locator(byTestId('record-delete')).click();
      await page.locator(byTestId('confirm-cancel')).click();
      // The cancelled dialog stays in the page while it animates out; wait for it to go.
      await page.locator(byTestId('confirm-ok')).waitFor({ state: 'detached' });
      expect(page.url()).toContain('/records/deliveries/');
      await page.locator(byTestId('record-delete')).click();
      await page.locator(byTestId('confirm-ok')).click();
      await page.waitForURL((url) => url.pathname === '/records/deliveries');
      const search = page.locator(byTestId('records-search'));
      await search.fill(FOLDED_NAME);
      await search.press('Enter');
      await page.locator(byTestId('records-row')).first().waitFor({ state: 'detached' });
      expect(await page.locator(byTestId('records-row'), { hasText: FULL_NAME }).count()).toBe(0);
    } finally {
      await lock('DELETE FROM register_period_lock WHERE facility_id =').catch(() => undefined);
      await db.end();
    }
  });
});
