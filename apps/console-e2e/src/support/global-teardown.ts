export default async function globalTeardown(): Promise<void> {
  await globalThis.__SKSS_STACK__?.stop();
}
