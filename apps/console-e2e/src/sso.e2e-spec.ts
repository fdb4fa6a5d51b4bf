import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { freePort, startTestStack, TestStack } from '@skss/tooling/testing';
import { BrowserSession, openBrowser } from './support/browser';
import { providerSubject, startOidcProvider, TestOidcProvider } from './support/oidc-provider';

/**
 * Single sign-on with the health statistics software (subsystem i: "Trang đăng nhập và sử dụng
 * chung tài khoản phần mềm Thống kê y tế"), end to end: Chromium, a real OpenID provider and the
 * built API over a fresh database. This file runs its own stack (the one of the global set-up has
 * no SSO settings; it is only used below to check the answers when SSO is not configured).
 */
const CLIENT_ID = 'skss-console';
const CLIENT_SECRET = 'e2e-client-secret-1f0c9a';
/** Login name at the provider that an administrator linked to tyt.muongnhe. */
const LINKED_LOGIN = 'hoa.nguyen';
const UNLINKED_LOGIN = 'khach.la';

interface MeAnswer {
  status: number;
  body: { username?: string; pending?: string | null; code?: string };
}

describe('single sign-on with the health statistics software (OpenID Connect)', () => {
  let provider: TestOidcProvider | undefined;
  let stack: TestStack | undefined;
  let consoleDir: string | undefined;
  let base = '';

  beforeAll(async () => {
    const port = await freePort();
    // The provider is on 127.0.0.1 and the API is reached as localhost: two different sites, as in
    // production, so the browser applies its cross-site cookie rules to the redirects between them.
    base = `http://localhost:${port}`;
    provider = await startOidcProvider({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: `${base}/api/v1/auth/sso/callback`,
    });
    // A stand-in console, so the pages the browser lands on do not depend on the console under work.
    consoleDir = mkdtempSync(join(tmpdir(), 'skss-sso-console-'));
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><html lang="vi"><title>SKSS</title><p>Bảng điều khiển</p></html>');
    stack = await startTestStack(
      {
        SSO_ISSUER: provider.issuer,
        SSO_CLIENT_ID: CLIENT_ID,
        SSO_CLIENT_SECRET: CLIENT_SECRET,
        PUBLIC_URL: base,
        CONSOLE_DIR: consoleDir,
      },
      { port },
    );
    // What the accounts API will let an administrator do: link the provider account to tyt.muongnhe.
    await query(`UPDATE user_account SET sso_subject = $1 WHERE username = 'tyt.muongnhe'`, [LINKED_LOGIN]);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await provider?.stop();
    if (consoleDir) rmSync(consoleDir, { recursive: true, force: true });
  });

  async function query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: stack?.databaseUrl });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  /** Starts at the API, signs in at the provider's development pages (any password) and consents. */
  async function signInAtProvider(page: Page, login: string): Promise<void> {
    await page.goto('/api/v1/auth/sso/login');
    expect(page.url().startsWith(`${provider?.issuer}/interaction/`)).toBe(true);
    await page.fill('input[name=login]', login);
    await page.fill('input[name=password]', 'any password');
    await page.click('button[type=submit]');
    await page.waitForSelector('input[name=prompt][value=consent]', { state: 'attached' });
    await page.click('button[type=submit]');
  }

  /** GET /api/v1/auth/me from the page, as the console does (same origin, its cookies). */
  const fetchMe = (page: Page): Promise<MeAnswer> =>
    page.evaluate(async () => {
      const res = await fetch('/api/v1/auth/me');
      return { status: res.status, body: await res.json() };
    });

  it('tells the login page to show the button', async () => {
    const res = await fetch(`${base}/api/v1/auth/sso/status`);
    expect(await res.json()).toEqual({ enabled: true, label: 'Đăng nhập bằng tài khoản Thống kê y tế' });
  });

  it('signs a linked provider account in to its account here and lands on /', async () => {
    const browser: BrowserSession = await openBrowser(base);
    try {
      const { page, context } = browser;
      const landing = page.waitForRequest((req) => req.url() === `${base}/`);
      await signInAtProvider(page, LINKED_LOGIN);
      await page.waitForURL(`${base}/`);

      // The very first request to / already carries the SameSite=Strict session cookie.
      expect((await (await landing).allHeaders())['cookie']).toMatch(/(^|; )skss_session=/);
      const me = await fetchMe(page);
      expect(me.status).toBe(200);
      expect(me.body.username).toBe('tyt.muongnhe');
      // No second factor enrolled and none required by its role: the session is fully usable.
      expect(me.body.pending).toBeNull();

      const cookies = await context.cookies(base);
      expect(cookies.find((c) => c.name === 'skss_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookies.find((c) => c.name === 'XSRF-TOKEN')).toMatchObject({ httpOnly: false, sameSite: 'Strict' });
      expect(cookies.find((c) => c.name === 'skss_sso')).toBeUndefined();

      const [session] = await query<{ method: string; username: string }>(
        `SELECT s.method, u.username FROM session s JOIN user_account u ON u.id = s.user_id ORDER BY s.created_at DESC LIMIT 1`,
      );
      expect(session).toEqual({ method: 'oidc', username: 'tyt.muongnhe' });
      const signIns = await query(
        `SELECT 1 FROM audit_event WHERE action = 'SIGN_IN' AND actor_username = 'tyt.muongnhe' AND details->>'method' = 'oidc'`,
      );
      expect(signIns).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });

  it('refuses a provider account linked to no account: back to /login, no session, a failed sign-in in the audit trail', async () => {
    const accountsBefore = await query<{ n: string }>(`SELECT count(*) AS n FROM user_account`);
    const browser = await openBrowser(base);
    try {
      const { page } = browser;
      await signInAtProvider(page, UNLINKED_LOGIN);
      await page.waitForURL(`${base}/login?sso_error=NOT_LINKED`);

      const me = await fetchMe(page);
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('UNAUTHENTICATED');
    } finally {
      await browser.close();
    }
    const failures = await query<{ details: { reason: string } }>(
      `SELECT details FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND actor_username = $1`,
      [`sso:${UNLINKED_LOGIN}`],
    );
    expect(failures).toEqual([{ details: { reason: 'oidc-not-linked' } }]);
    // Never an account created on the fly.
    expect(await query(`SELECT count(*) AS n FROM user_account`)).toEqual(accountsBefore);
    expect(await query(`SELECT 1 FROM user_account WHERE sso_subject = $1 OR username = $1`, [UNLINKED_LOGIN])).toEqual([]);
  });

  it('links by the configured claim (preferred_username), not by the subject', async () => {
    await query(`UPDATE user_account SET sso_subject = $1 WHERE username = 'tyt.dienbienphu'`, [providerSubject(UNLINKED_LOGIN)]);
    const browser = await openBrowser(base);
    try {
      await signInAtProvider(browser.page, UNLINKED_LOGIN);
      await browser.page.waitForURL(`${base}/login?sso_error=NOT_LINKED`);
    } finally {
      await browser.close();
    }
  });

  it('refuses a callback that did not start in this browser (forged or replayed response)', async () => {
    const res = await fetch(`${base}/api/v1/auth/sso/callback?code=forged&state=forged&iss=${encodeURIComponent(provider?.issuer ?? '')}`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?sso_error=SSO_FAILED');
    expect(res.headers.get('set-cookie') ?? '').not.toMatch(/skss_session=[^;]/);
    const failures = await query(
      `SELECT 1 FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND details->>'reason' = 'oidc-no-transaction'`,
    );
    expect(failures).toHaveLength(1);
  });

  it('refuses a tampered state and a replayed callback with SSO_FAILED, recording the check that failed', async () => {
    const [{ last }] = await query<{ last: string }>(`SELECT COALESCE(MAX(id), 0)::text AS last FROM audit_event`);
    const browser = await openBrowser(base);
    let callbackUrl = '';
    let sealed = '';
    try {
      const { page, context } = browser;
      page.on('request', (req) => {
        if (req.url().startsWith(`${base}/api/v1/auth/sso/callback`)) callbackUrl = req.url();
      });
      await page.goto('/api/v1/auth/sso/login');
      sealed = (await context.cookies(`${base}/api/v1/auth/sso/callback`)).find((c) => c.name === 'skss_sso')?.value ?? '';
      await page.fill('input[name=login]', LINKED_LOGIN);
      await page.fill('input[name=password]', 'any password');
      await page.click('button[type=submit]');
      await page.waitForSelector('input[name=prompt][value=consent]', { state: 'attached' });
      await page.click('button[type=submit]');
      await page.waitForURL(`${base}/`);
    } finally {
      await browser.close();
    }
    expect(callbackUrl).toContain('code=');
    expect(sealed).not.toBe('');
    const call = (url: string) => fetch(url, { redirect: 'manual', headers: { cookie: `skss_sso=${sealed}` } });
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', 'forged');
    const forged = await call(tampered.href);
    expect([forged.status, forged.headers.get('location')]).toEqual([302, '/login?sso_error=SSO_FAILED']);
    const replayed = await call(callbackUrl);
    expect([replayed.status, replayed.headers.get('location')]).toEqual([302, '/login?sso_error=SSO_FAILED']);
    expect(replayed.headers.get('set-cookie') ?? '').not.toMatch(/skss_session=[^;]/);
    const reasons = await query<{ reason: string }>(
      `SELECT details->>'reason' AS reason FROM audit_event WHERE id > $1 AND action = 'SIGN_IN_FAILED' AND details->>'reason' LIKE 'oidc-error:%' ORDER BY id`,
      [last],
    );
    expect(reasons.map((r) => r.reason)).toEqual(['oidc-error:OAUTH_INVALID_RESPONSE', 'oidc-error:invalid_grant']);
  });

  it('answers 404 SSO_NOT_CONFIGURED and hides the button where SSO is not configured', async () => {
    const plain = process.env['SKSS_BASE_URL'];
    if (!plain) throw new Error('The global set-up should have started a stack without SSO settings');
    const login = await fetch(`${plain}/api/v1/auth/sso/login`, { redirect: 'manual' });
    expect(login.status).toBe(404);
    expect(await login.json()).toMatchObject({ code: 'SSO_NOT_CONFIGURED' });
    expect(await (await fetch(`${plain}/api/v1/auth/sso/status`)).json()).toMatchObject({ enabled: false });
  });
});
