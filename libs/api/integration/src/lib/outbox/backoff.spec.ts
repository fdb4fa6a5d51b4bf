import { backoffSeconds, isDead } from './backoff';

const policy = { baseSeconds: 60, maxSeconds: 3600 };

describe('outbox backoff', () => {
  it('doubles after each failure, around the base, within ±25 %', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffSeconds(n, policy, middle))).toEqual([60, 120, 240, 480]);
    expect(backoffSeconds(1, policy, () => 0)).toBe(45);
    expect(backoffSeconds(1, policy, () => 0.999999)).toBeCloseTo(75, 3);
  });

  it('never waits longer than the maximum, even with jitter and many failures', () => {
    for (const n of [7, 8, 20, 100]) expect(backoffSeconds(n, policy, () => 0.999)).toBeLessThanOrEqual(3600);
    expect(backoffSeconds(100, policy, () => 0)).toBe(2700);
  });

  it('dead-letters after the configured number of failures, or at once for a permanent refusal', () => {
    expect(isDead(4, 5)).toBe(false);
    expect(isDead(5, 5)).toBe(true);
    expect(isDead(1, 5, true)).toBe(true);
  });
});
