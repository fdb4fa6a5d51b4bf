import { Page } from 'playwright-core';

/** The seeded demo accounts' password (prisma/seed). */
export const DEMO_PASSWORD = 'Demo@SKSS-2026!';

/** The selector of an element by its test hook (`data-testid`). */
export const byTestId = (id: string) => `[data-testid="${id}"]`;

/** The text of the first element a selector finds (once there is one), white space folded. */
export const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** 'YYYY-MM-DD' as an officer types it and the console shows it (dd/MM/yyyy). */
export const typed = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** Signs in on the login page and waits to be let in (`waitUntilIn: false` for a sign-in expected to stop there). */
export async function signIn(page: Page, username: string, options: { password?: string; waitUntilIn?: boolean } = {}): Promise<void> {
  if (new URL(page.url(), 'http://blank').pathname !== '/login') await page.goto('/login');
  await page.locator(byTestId('login-username')).fill(username);
  await page.locator(byTestId('login-password')).fill(options.password ?? DEMO_PASSWORD);
  await page.locator(byTestId('login-submit')).click();
  if (options.waitUntilIn ?? true) await page.waitForURL((url) => url.pathname !== '/login');
}

/** Types a day into a date field as dd/MM/yyyy and leaves it with Tab, as the keyboard would. */
export async function typeDay(page: Page, testId: string, day: string): Promise<void> {
  const field = page.locator(byTestId(testId));
  await field.fill(day);
  await field.press('Tab');
}

/**
 * Opens a drop-down by its field (an empty one's label lies over it, and a click on the field opens it) and picks the
 * option with this code.
 */
export async function choose(page: Page, testId: string, code: string): Promise<void> {
  await page.locator('mat-form-field', { has: page.locator(byTestId(testId)) }).click();
  await page.locator(`mat-option[data-code="${code}"]`).click();
  await page.locator('mat-option').first().waitFor({ state: 'detached' });
}

/**
 * A call to the API under test, for what a test sets up or checks beside the screens; a refusal fails the test with
 * the API's answer. `token`: a bearer session's; `authorization`: any other header value (an integration client's).
 */
export async function api<T>(
  path: string,
  init: { method?: string; token?: string; authorization?: string; body?: unknown } = {},
): Promise<T> {
  const authorization = init.authorization ?? (init.token ? `Bearer ${init.token}` : undefined);
  const response = await fetch(new URL(path, process.env['SKSS_BASE_URL']), {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await response.json()) as T;
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}
