import { Page, Request } from 'playwright-core';
import { BrowserSession, openBrowser } from './support/browser';
import { byTestId, signIn, text } from './support/console';

/**
 * Waits until an element shows a text: `<html lang>` changes as the language's texts are ready, and the screen shows
 * them at the next rendering, a moment later under load.
 */
async function waitForText(page: Page, selector: string, expected: string): Promise<void> {
  await page.waitForFunction(
    ([s, t]) => (document.querySelector(s as string)?.textContent ?? '').replace(/\s+/g, ' ').trim() === t,
    [selector, expected] as const,
    { timeout: 5_000 },
  );
}

/** Waits until exactly `count` elements match (a tree or a result list finished loading). */
async function waitForCount(page: Page, selector: string, count: number): Promise<void> {
  await page.waitForFunction(([s, n]) => document.querySelectorAll(s as string).length === n, [selector, count] as const, {
    timeout: 30_000,
  });
}

/** The codes of the search results once they are shown. */
async function searchResultCodes(page: Page, query: string): Promise<string[]> {
  const box = page.locator(byTestId('org-search'));
  await box.fill('');
  await waitForCount(page, byTestId('org-search-result'), 0);
  await box.fill(query);
  await page.locator(byTestId('org-search-result')).first().waitFor();
  return page.locator(byTestId('org-search-result')).evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));
}

async function pickDay(page: Page, day: string): Promise<void> {
  const field = page.locator(byTestId('org-date'));
  await field.fill(day);
  await field.press('Tab');
}

describe('console sign-in', () => {
  let browser: BrowserSession;
  let page: Page;

  beforeEach(async () => {
    browser = await openBrowser();
    page = browser.page;
  });

  afterEach(async () => {
    await browser.close();
  });

  it('sends a visitor to the Vietnamese sign-in page and shows the API’s error for a wrong password', async () => {
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.locator(byTestId('login-submit')).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await text(page, 'h1')).toBe('Đăng nhập hệ thống');
    expect(await text(page, byTestId('login-submit'))).toBe('Đăng nhập');
    expect(await text(page, 'mat-form-field mat-label')).toContain('Tên đăng nhập');
    expect(await page.locator(byTestId('signed-in-unit')).count()).toBe(0);

    await signIn(page, 'vu.bmte', { password: 'Sai-mat-khau-1!', waitUntilIn: false });
    await page.locator(byTestId('login-error')).waitFor();
    expect(await text(page, byTestId('login-error'))).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(page.url()).toContain('/login');

    // Typing again clears the error.
    await page.locator(byTestId('login-password')).fill('x');
    await page.locator(byTestId('login-error')).waitFor({ state: 'detached' });
  });

  it('signs a commune health station in and opens the org browser, searching with or without diacritics', async () => {
    await page.goto('/');
    await page.locator(byTestId('login-submit')).waitFor();
    await signIn(page, 'tyt.muongnhe', { waitUntilIn: false });
    await page.locator(byTestId('signed-in-unit')).waitFor();
    expect(await text(page, byTestId('signed-in-unit'))).toBe('Trạm Y tế Xã Mường Nhé');
    // The home page is the first entry of the station's navigation; the org browser is one of its entries.
    const first = await page.locator('nav a').first().getAttribute('href');
    await page.waitForURL((url) => url.pathname.startsWith(first ?? '/'));
    await page.locator('nav a', { hasText: 'Đơn vị hành chính và cơ sở y tế' }).click();
    await page.waitForURL((url) => url.pathname === '/org-units');

    const folded = await searchResultCodes(page, 'muong nhe');
    expect(await text(page, `${byTestId('org-search-result')}`)).toContain('Mường Nhé');
    const names = await page.locator(byTestId('org-search-result')).allTextContents();
    expect(names.some((name) => name.normalize('NFC').includes('Mường Nhé'))).toBe(true);
    const decomposed = await searchResultCodes(page, 'Mường Nhé'.normalize('NFD'));
    expect(decomposed).toEqual(folded);

    await page.locator(byTestId('org-search')).fill('');
    await pickDay(page, '30/06/2025');
    await page.waitForURL((url) => url.searchParams.get('at') === '2025-06-30');
    await waitForCount(page, `${byTestId('org-tree-node')}[data-level="province"]`, 63);
    await pickDay(page, '01/07/2025');
    await page.waitForURL((url) => url.searchParams.get('at') === '2025-07-01');
    await waitForCount(page, `${byTestId('org-tree-node')}[data-level="province"]`, 34);
  });

  it('switches the sign-in page to English', async () => {
    await page.goto('/login');
    await page.locator(byTestId('login-submit')).waitFor();
    expect(await text(page, byTestId('login-submit'))).toBe('Đăng nhập');

    await page.locator(byTestId('language-en')).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await waitForText(page, byTestId('login-submit'), 'Sign in');
    expect(await text(page, 'h1')).toBe('Sign in to the system');
    expect(await text(page, byTestId('login-submit'))).toBe('Sign in');
    const labels = await page.locator('mat-form-field mat-label').allTextContents();
    expect(labels.map((label) => label.trim())).toEqual(['Username', 'Password']);

    await page.locator(byTestId('language-vi')).click();
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    await waitForText(page, byTestId('login-submit'), 'Đăng nhập');
    expect(await text(page, 'h1')).not.toBe('Sign in to the system');
  });

  it('switches a feature’s screen to English and back, and starts in the language chosen last time', async () => {
    await page.goto('/login');
    await page.locator(byTestId('login-submit')).waitFor();
    await signIn(page, 'nchi.admin', { waitUntilIn: false });
    await page.locator(byTestId('signed-in-unit')).waitFor();
    await page.goto('/users');
    await page.locator(byTestId('users-row')).first().waitFor();
    expect(await text(page, 'h1')).toBe('Tài khoản');
    expect(await text(page, '.mat-mdc-paginator-page-size-label')).toBe('Số dòng mỗi trang');

    await page.locator(byTestId('language-en')).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.trim() === 'Accounts');
    expect(await text(page, '.mat-mdc-paginator-page-size-label')).toBe('Rows per page');
    expect(await text(page, 'nav')).toContain('System administration');
    expect(await page.title()).toBe('Accounts – SKBMTE/SKSS Information System');

    // Remembered: a reload starts in English, with this screen's English texts fetched before it shows.
    await page.reload();
    await page.locator(byTestId('users-row')).first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await text(page, 'h1')).toBe('Accounts');

    await page.locator(byTestId('language-vi')).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.trim() === 'Tài khoản');
    expect(await text(page, 'nav')).toContain('Quản trị hệ thống');
  });

  it('offers single sign-on only when the server has it, and explains a refused one', async () => {
    const status = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/sso/status'));
    await page.goto('/login');
    await page.locator(byTestId('login-submit')).waitFor();
    await status;
    expect(await page.locator(byTestId('login-sso')).count()).toBe(0); // not configured on the test server

    await page.route('**/api/v1/auth/sso/status', (route) => route.fulfill({ json: { enabled: true, label: 'Thống kê y tế' } }));
    await page.goto('/login?sso_error=NOT_LINKED');
    await page.locator(byTestId('login-sso')).waitFor();
    expect(await text(page, byTestId('login-sso'))).toBe('Đăng nhập bằng tài khoản Thống kê y tế');
    expect(await page.getAttribute(byTestId('login-sso'), 'href')).toBe('/api/v1/auth/sso/login');
    expect(await text(page, byTestId('login-error'))).toBe('Tài khoản Thống kê y tế này chưa được liên kết với tài khoản nào của hệ thống');
  });

  it('signs out on the server: back to the sign-in page, and the session no longer answers', async () => {
    const unsafeRequests: Request[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/') && request.method() === 'POST') unsafeRequests.push(request);
    });
    await page.goto('/');
    await page.locator(byTestId('login-submit')).waitFor();
    await signIn(page, 'cdc.dienbien', { waitUntilIn: false });
    await page.locator(byTestId('signed-in-unit')).waitFor();
    expect(await page.evaluate(() => fetch('/api/v1/auth/me').then((response) => response.status))).toBe(200);
    const xsrf = (await browser.context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
    expect(xsrf).toBeTruthy();

    await page.locator(byTestId('user-menu')).click();
    await page.locator(byTestId('logout')).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.locator(byTestId('login-submit')).waitFor();
    // The shell leaves the page as the router swaps it for the sign-in page (a moment under load); it must go.
    await page.locator(byTestId('signed-in-unit')).waitFor({ state: 'detached', timeout: 5_000 });
    expect(await page.locator(byTestId('signed-in-unit')).count()).toBe(0);

    // Angular sent the XSRF cookie back as X-XSRF-TOKEN (the API refuses the logout otherwise).
    const logout = unsafeRequests.find((request) => request.url().endsWith('/api/v1/auth/logout'));
    expect(logout?.headers()['x-xsrf-token']).toBe(xsrf);
    expect((await logout?.response())?.status()).toBe(204);

    expect(await page.evaluate(() => fetch('/api/v1/auth/me').then((response) => response.status))).toBe(401);
    // A page behind the session sends the visitor back to sign in, remembering where they were going.
    await page.goto('/profile');
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('returnUrl') === '/profile');
  });
});

describe('the console’s files, served by the API', () => {
  const base = () => process.env['SKSS_BASE_URL'] ?? '';

  it('serves index.html for the console’s own routes, revalidated, and its content-named bundles cached for a year', async () => {
    const index = await fetch(`${base()}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await index.text();
    const route = await fetch(`${base()}/registers/anc-visits?month=2026-11`);
    expect([route.status, route.headers.get('content-type'), await route.text()]).toEqual([200, 'text/html; charset=utf-8', html]);

    const bundle = /src="(main-[A-Z0-9]{8}\.js)"/.exec(html)?.[1];
    expect(bundle).toBeDefined();
    const script = await fetch(`${base()}/${bundle}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('keeps unknown API paths the API’s own 404 answer, not the console', async () => {
    const answer = await fetch(`${base()}/api/v1/no-such-thing`);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy' });
  });
});
