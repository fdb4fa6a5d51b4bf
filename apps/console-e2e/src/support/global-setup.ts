import { findChromium, startTestStack, TestStack } from '@skss/tooling/testing';

declare global {
  var __SKSS_STACK__: TestStack | undefined;
}

/** The built API serving the built console, over a fresh seeded database, for the whole run. */
export default async function globalSetup(): Promise<void> {
  process.env['SKSS_CHROMIUM'] = findChromium();
  const stack = await startTestStack({ CONSOLE_DIR: 'dist/apps/console/browser' });
  globalThis.__SKSS_STACK__ = stack;
  process.env['SKSS_BASE_URL'] = stack.baseUrl;
  // For tests that set up what no screen can (an approved month locking the registers…).
  process.env['SKSS_DATABASE_URL'] = stack.databaseUrl;
}
