import { Locator, Page } from 'playwright-core';
import { BrowserSession, openBrowser } from './support/browser';
import { byTestId, signIn, typeDay } from './support/console';

/**
 * Catalogs and facility administration through the console: an NCHI administrator creates a private clinic that
 * reports to a province CDC (the reporting line and chain follow), and relabels a catalog code from a date (the days
 * before keep the old label). Everything is typed as an administrator would, dates as dd/MM/yyyy.
 */
const suffix = Date.now().toString(36).toUpperCase();

const text = async (locator: Locator) => ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Types into an autocomplete key by key and picks the option with that code (reopening the panel if needed). */
async function pick(page: Page, inputTestId: string, typed: string, optionTestId: string, code: string): Promise<void> {
  const input = page.locator(byTestId(inputTestId));
  // Focus rather than click: a dialog's outlined label can sit over the middle of an empty input.
  await input.focus();
  await input.pressSequentially(typed, { delay: 30 });
  const option = page.locator(`${byTestId(optionTestId)}[data-code="${code}"]`);
  if (!(await option.isVisible())) {
    await option.waitFor({ timeout: 10_000 }).catch(() => input.press('ArrowDown'));
  }
  await option.click();
}

/** Waits for a dialog to close after its submit; fails with what it shows if it stays open with a problem. */
async function closedWithoutError(page: Page, dialog: string): Promise<void> {
  const problem = page.locator(`${dialog} mat-error, ${dialog} skss-form-problems`);
  await Promise.race([page.locator(dialog).waitFor({ state: 'detached', timeout: 30_000 }), problem.first().waitFor({ timeout: 30_000 })]);
  if (await page.locator(dialog).count()) {
    await page.screenshot({ path: `${process.env['TMPDIR'] ?? '/tmp'}/console-e2e-${dialog}.png` });
    throw new Error(`${dialog} stayed open: ${await text(page.locator(dialog))}`);
  }
}

describe('catalogs and facility administration in the console', () => {
  let admin: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    admin = await openBrowser();
    page = admin.page;
    await signIn(page, 'nchi.admin');
  });

  afterAll(async () => {
    await admin?.close();
  });

  it('shows both screens in the navigation of an NCHI administrator, in Vietnamese', async () => {
    const menu = (await page.locator('nav a').allTextContents()).join(' | ');
    expect(menu).toContain('Danh mục dùng chung');
    expect(menu).toContain('Cơ sở y tế');
  });

  it('creates a private clinic reporting to the Điện Biên CDC, with its reporting line and chain', async () => {
    const code = `CSYTTN.11.${suffix}`;
    await page.goto('/facilities');
    await page.locator(byTestId('facilities-create')).click();

    await page.locator(byTestId('facility-form-code')).fill(code.toLowerCase());
    await page.locator(byTestId('facility-form-name')).fill('Phòng khám Sản phụ khoa Bình An');
    await page.locator(byTestId('facility-form-kind')).click();
    await page.locator(`${byTestId('facility-kind-option')}[data-kind="PRIVATE_CLINIC"]`).click();
    // A private clinic is private: the ownership follows the kind.
    // The console updates the form on its next change detection, not within the click: wait for it.
    await page.locator('[data-ownership="PRIVATE"] input:checked').waitFor();
    await page.locator(byTestId('facility-form-child')).locator('input').uncheck();
    await pick(page, 'facility-form-unit', 'tinh dien bien', 'unit-option', '11');
    await page.locator(byTestId('facility-form-address')).fill('Phường Him Lam, tỉnh Điện Biên');
    // The code HIS packages name the clinic by, typed with a space.
    await page.locator(byTestId('facility-form-kcb-code')).fill('11 078');
    await typeDay(page, 'facility-form-valid-from', '01/01/2026');
    await pick(page, 'facility-form-reports-to', 'CDC.11', 'facility-option', 'CDC.11');
    // On a loaded machine the dialog may still have been settling when the first fields were typed:
    // they must hold what was typed before it is sent.
    for (const [field, value] of [
      ['facility-form-code', code.toLowerCase()],
      ['facility-form-name', 'Phòng khám Sản phụ khoa Bình An'],
    ] as const) {
      const input = page.locator(byTestId(field));
      if ((await input.inputValue()).toLowerCase() !== value.toLowerCase()) await input.fill(value);
    }
    await page.locator(byTestId('facility-form-submit')).click();
    await closedWithoutError(page, 'skss-facility-form-dialog');

    const detail = page.locator(`${byTestId('facility-detail')}[data-code="${code}"]`);
    await detail.waitFor();
    expect(await text(detail)).toContain('Phòng khám Sản phụ khoa Bình An');
    expect(await text(page.locator(byTestId('facility-ownership')))).toBe('Tư nhân');
    expect(await text(page.locator(byTestId('facility-reporting-group')))).toBe('Y tế tư nhân');
    expect(await text(page.locator(byTestId('facility-kcb-code')))).toBe('11078');

    const line = page.locator(`${byTestId('reporting-line')}[data-code="CDC.11"]`);
    await line.waitFor();
    expect(await text(line)).toContain('01/01/2026');
    await page.locator(byTestId('chain-step')).nth(1).waitFor();
    const chain = await page.locator(byTestId('chain-step')).evaluateAll((steps) => steps.map((step) => step.getAttribute('data-code')));
    expect(chain.slice(0, 2)).toEqual([code, 'CDC.11']);

    // The new facility is in the list, found without diacritics.
    const search = page.locator(byTestId('facilities-search'));
    await search.fill('phong kham san phu khoa binh an');
    await page.locator(`${byTestId('facilities-row')}[data-key="${code}"]`).waitFor();
    // And by its KCB code.
    await search.fill('11078');
    await page.locator(`${byTestId('facilities-row')}[data-key="${code}"]`).waitFor();
  });

  it('refuses a reporting line that would make the CDC report to the clinic below it, on the field', async () => {
    await page.goto('/facilities?code=CDC.11');
    await page.locator(`${byTestId('facility-detail')}[data-code="CDC.11"]`).waitFor();
    await page.locator(byTestId('facility-reports-to')).click();
    await pick(page, 'reports-to-facility', `CSYTTN.11.${suffix}`, 'facility-option', `CSYTTN.11.${suffix}`);
    await typeDay(page, 'reports-to-from', '01/03/2026');
    await page.locator(byTestId('reports-to-submit')).click();
    const error = page.locator('skss-reports-to-dialog mat-error');
    await error.first().waitFor();
    expect(await text(error)).not.toBe('');
    await page.keyboard.press('Escape');
  });

  it('relabels a catalog code from a date: the list shows the new label on that day and the old one before', async () => {
    await page.goto('/catalogs');
    await page.locator(`${byTestId('catalogs-row')}[data-code="NATIONALITY"]`).click();
    await page.waitForURL((url) => url.pathname === '/catalogs/NATIONALITY');

    await page.locator(byTestId('catalog-items-search')).fill('albani');
    const row = page.locator(`${byTestId('catalog-items-row')}[data-key="AL"]`);
    await row.waitFor();
    expect(await text(row.locator(byTestId('catalog-item-name')))).toBe('Albania');
    await row.click();
    await page.locator(`${byTestId('item-history')}[data-code="AL"]`).waitFor();

    await page.locator(byTestId('item-relabel')).click();
    await page.locator(byTestId('item-form-name')).fill('An-ba-ni');
    await typeDay(page, 'item-form-from', '01/01/2027');
    // The day as the field holds it before sending (a failed CI run once showed no version from this day).
    expect(await page.locator(byTestId('item-form-from')).inputValue()).toBe('01/01/2027');
    await page.locator(byTestId('item-form-submit')).click();
    await closedWithoutError(page, 'skss-catalog-item-dialog');

    await page.locator(`${byTestId('item-version')}[data-from="2027-01-01"]`).waitFor();
    expect(await page.locator(byTestId('item-version')).count()).toBe(2);

    // The new label does not contain "albani": find the code by its prefix from now on.
    await page.locator(byTestId('catalog-items-search')).fill('AL');

    await typeDay(page, 'catalog-day', '01/01/2027');
    await page.waitForURL((url) => url.searchParams.get('at') === '2027-01-01');
    await page.waitForFunction(
      ([selector]) => document.querySelector(selector)?.textContent?.trim() === 'An-ba-ni',
      [`${byTestId('catalog-items-row')}[data-key="AL"] ${byTestId('catalog-item-name')}`],
      { timeout: 30_000 },
    );

    await typeDay(page, 'catalog-day', '31/12/2026');
    await page.waitForFunction(
      ([selector]) => document.querySelector(selector)?.textContent?.trim() === 'Albania',
      [`${byTestId('catalog-items-row')}[data-key="AL"] ${byTestId('catalog-item-name')}`],
      { timeout: 30_000 },
    );
  });

  it('explains that a fixed catalog only takes new labels', async () => {
    await page.goto('/catalogs/PLACE');
    await page.locator(byTestId('catalog-fixed-note')).waitFor();
    expect(await text(page.locator(byTestId('catalog-fixed-note')))).toContain('chỉ được đổi tên gọi');
    expect(await page.locator(byTestId('catalog-add')).count()).toBe(0);
    expect(await page.locator(byTestId('catalog-import')).count()).toBe(1);
  });
});
