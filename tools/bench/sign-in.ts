import { startTestStack } from '../testing/test-stack';

/**
 * Sign-in latency with the chosen argon2id parameters (19 MiB, t=2, p=1), end to end over HTTP
 * against the built API and a real PostgreSQL: `npm run bench:sign-in` (DATABASE_URL optional).
 * Reports p50/p95/p99 for sequential sign-ins and for 4 concurrent clients.
 */
const SEQUENTIAL = Number(process.env['BENCH_SEQUENTIAL'] ?? 60);
const CONCURRENT_ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 30);
const CONCURRENCY = 4;

async function signInOnce(baseUrl: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'tyt.muongnhe', password: 'Demo@SKSS-2026!', session: 'bearer' }),
  });
  await response.text();
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return performance.now() - started;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const fmt = (n: number) => `${n.toFixed(1)} ms`;
  return `${label}: n=${sorted.length} p50=${fmt(percentile(sorted, 50))} p95=${fmt(percentile(sorted, 95))} p99=${fmt(percentile(sorted, 99))} max=${fmt(sorted[sorted.length - 1])}`;
}

async function main(): Promise<void> {
  const stack = await startTestStack({ COOKIE_SECURE: 'false' });
  try {
    for (let i = 0; i < 5; i++) await signInOnce(stack.baseUrl); // warm-up
    const sequential: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await signInOnce(stack.baseUrl));
    const concurrent: number[] = [];
    for (let round = 0; round < CONCURRENT_ROUNDS; round++) {
      concurrent.push(...(await Promise.all(Array.from({ length: CONCURRENCY }, () => signInOnce(stack.baseUrl)))));
    }
    console.log(summary('sign-in, sequential', sequential));
    console.log(summary(`sign-in, ${CONCURRENCY} concurrent clients`, concurrent));
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
