import { startTestStack, TestStack } from '@skss/tooling/testing';

declare global {
  var __SKSS_STACK__: TestStack | undefined;
}

/** Starts the built API over a fresh, migrated and seeded database for the whole run. */
export default async function globalSetup(): Promise<void> {
  // Every plan the query-plan cache fills in from a shape is compared with the compiled plan: a difference fails the request.
  process.env['PRISMA_PLAN_CACHE_SHAPES'] = 'on';
  process.env['PRISMA_PLAN_CACHE_VERIFY'] = 'always';
  const stack = await startTestStack();
  globalThis.__SKSS_STACK__ = stack;
  process.env['SKSS_API_URL'] = stack.baseUrl;
  process.env['SKSS_TEST_DATABASE_URL'] = stack.databaseUrl;
}
