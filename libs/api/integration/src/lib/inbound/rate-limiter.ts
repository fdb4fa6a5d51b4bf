import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, RequestContext } from '@skss/api/core';

export interface TokenBucketOptions {
  /** Requests an account may send at once after a quiet period. */
  capacity: number;
  /** Requests per second it may send in the long run. */
  refillPerSecond: number;
}

/**
 * Requests of one integration account: a burst of 20, then 5 per second (18,000 an hour), per API
 * instance. A HIS sends a batch every few seconds at most; behind a load balancer with n instances
 * an account may reach n times this. Good enough against a runaway client; a shared limit would
 * need a shared store (see the inbound README).
 */
export const INBOUND_RATE_LIMIT: TokenBucketOptions = { capacity: 20, refillPerSecond: 5 };

/** Buckets not touched for this long are forgotten (they would be full again anyway). */
const IDLE_MS = 10 * 60_000;

/** A token bucket per key, in this process's memory. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private sweptAt = 0;

  constructor(
    private readonly options: TokenBucketOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token for `key`: 0 when granted, else the seconds until one is available. */
  take(key: string): number {
    const now = this.now();
    this.sweep(now);
    const { capacity, refillPerSecond } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < IDLE_MS) return;
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > IDLE_MS) this.buckets.delete(key);
  }
}

/**
 * Per-account request rate limit of the inbound routes (after the global guard, which sets the
 * principal): 429 RATE_LIMITED with Retry-After when the account's bucket is empty.
 */
@Injectable()
export class InboundRateLimitGuard implements CanActivate {
  private readonly buckets = new TokenBuckets(INBOUND_RATE_LIMIT);

  canActivate(context: ExecutionContext): boolean {
    const principal = RequestContext.current()?.principal;
    if (principal?.kind !== 'client') return true;
    const wait = this.buckets.take(principal.clientId);
    if (wait === 0) return true;
    context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(wait));
    throw new DomainError(
      'RATE_LIMITED',
      `Tài khoản tích hợp gửi quá nhiều yêu cầu (tối đa ${INBOUND_RATE_LIMIT.refillPerSecond} yêu cầu mỗi giây): hãy gửi lại sau ${wait} giây`,
      429,
    );
  }
}
