/** How long to wait before the next attempt after `failures` failed deliveries (1, 2, ...). */
export interface BackoffPolicy {
  baseSeconds: number;
  maxSeconds: number;
}

/**
 * Exponential backoff with jitter: base × 2^(failures − 1) seconds, capped, then spread by ±25 %
 * so that items failed together (a destination down) do not all come back in the same second.
 */
export function backoffSeconds(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, failures - 1);
  const plain = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(exponent, 30));
  const jitter = 0.75 + random() * 0.5;
  return Math.min(policy.maxSeconds, plain * jitter);
}

/** Whether an item that has now failed `failures` times goes to the dead letters. */
export function isDead(failures: number, maxAttempts: number, permanent = false): boolean {
  return permanent || failures >= maxAttempts;
}
