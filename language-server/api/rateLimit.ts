/**
 * A token bucket per key (a token's id): `perSecond` requests a second on average, `burst` at once. The clock
 * is injected so tests step it instead of sleeping.
 */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 20, burst: 40 };

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets full again are dropped past this many keys, so made-up keys cannot grow the map without end. */
const MAX_BUCKETS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limit: RateLimit, private readonly now: () => number = () => performance.now()) {
    if (!(limit.perSecond > 0) || !(limit.burst >= 1)) throw new RangeError('A rate limit needs a rate above 0 and a burst of at least 1.');
  }

  take(key: string): Take {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
    bucket.at = now;
    if (!this.buckets.has(key)) this.remember(key, bucket, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond)) };
  }

  private remember(key: string, bucket: Bucket, now: number): void {
    if (this.buckets.size >= MAX_BUCKETS) {
      const refill = (this.limit.burst / this.limit.perSecond) * 1000;
      for (const [k, b] of this.buckets) if (now - b.at >= refill) this.buckets.delete(k);
    }
    this.buckets.set(key, bucket);
  }
}
