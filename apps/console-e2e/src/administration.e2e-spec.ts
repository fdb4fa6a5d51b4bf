import { BrowserSession, openBrowser } from './support/browser';
import { byTestId, signIn, text } from './support/console';

/**
 * The whole path of a new account through the console: an NCHI administrator creates it for a
 * commune station, the officer signs in with the initial password, is forced to change it, and
 * then works as that station only.
 */
const NEW_PASSWORD = 'Trạm-Mường-Nhé#2026';

describe('account administration in the console', () => {
  let admin: BrowserSession;
  let officer: BrowserSession;
  const username = `tyt.moi${Date.now().toString(36)}`;
  let initialPassword = '';

  beforeAll(async () => {
    admin = await openBrowser();
    officer = await openBrowser();
  });

  afterAll(async () => {
    await admin?.close();
    await officer?.close();
  });

  it('lets an NCHI administrator create an account for a commune station and shows its initial password once', async () => {
    const page = admin.page;
    await signIn(page, 'nchi.admin', { waitUntilIn: false });
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto('/users');
    await page.locator(byTestId('users-create')).click();
    await page.locator(byTestId('user-form-username')).fill(username);
    await page.locator(byTestId('user-form-fullname')).fill('Lò Thị Hương');
    // Typed key by key, as an officer would; the suggestions open on input (ArrowDown reopens them).
    const facility = page.locator(byTestId('user-form-facility'));
    await facility.click();
    await facility.pressSequentially('muong nhe', { delay: 30 });
    const option = page.locator(`${byTestId('facility-option')}[data-code="TYT.03160.2025"]`);
    if (!(await option.isVisible())) {
      await option.waitFor({ timeout: 10_000 }).catch(() => facility.press('ArrowDown'));
    }
    await option.click();
    await page.locator(byTestId('user-form-submit')).click();
    initialPassword = (await text(page, byTestId('initial-password'))).trim();
    expect(initialPassword).toMatch(/^\S{12,}$/);
  });

  it('makes the new officer change the initial password, then shows only that station', async () => {
    const page = officer.page;
    await signIn(page, username, { password: initialPassword, waitUntilIn: false });
    await page.waitForURL((url) => url.pathname === '/password');
    await page.locator(byTestId('password-current')).fill(initialPassword);
    await page.locator(byTestId('password-new')).fill(NEW_PASSWORD);
    await page.locator(byTestId('password-confirm')).fill(NEW_PASSWORD);
    await page.locator(byTestId('password-submit')).click();
    await page.waitForURL((url) => url.pathname !== '/password' && url.pathname !== '/login');

    expect(await text(page, byTestId('signed-in-unit'))).toContain('Trạm Y tế Xã Mường Nhé');
    const menu = await page.locator('nav a').allTextContents();
    expect(menu.join(' ')).not.toMatch(/Tài khoản|Vai trò|Nhật ký/);
    await page.goto('/users');
    await page.waitForURL((url) => url.pathname !== '/users');

    const users = await page.evaluate(async () => (await fetch('/api/v1/users')).status);
    expect(users).toBe(403);
  });

  it('lets the officer sign in again with the new password', async () => {
    const page = officer.page;
    await page.context().clearCookies();
    await signIn(page, username, { password: NEW_PASSWORD, waitUntilIn: false });
    await page.waitForURL((url) => url.pathname !== '/login' && url.pathname !== '/password');
    expect(await text(page, byTestId('signed-in-unit'))).toContain('Trạm Y tế Xã Mường Nhé');
  });
});
