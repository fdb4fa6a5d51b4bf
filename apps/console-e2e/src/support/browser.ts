import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** A headless system Chromium with a fresh profile; no network beyond the test server. */
export interface BrowserSession {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

/** `baseURL`: the stack relative URLs resolve against; default the global one (SKSS_BASE_URL). */
export async function openBrowser(baseURL = process.env['SKSS_BASE_URL']): Promise<BrowserSession> {
  // Playwright gives each launch a fresh throwaway profile (it refuses a --user-data-dir argument).
  const browser: Browser = await chromium.launch({
    executablePath: process.env['SKSS_CHROMIUM'],
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ baseURL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  return {
    page,
    context,
    close: () => browser.close(),
  };
}
