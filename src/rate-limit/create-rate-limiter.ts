/** The outcome of {@link RateLimiter.take}. */
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Counts actions per key (a user id) in a sliding window. */
export interface RateLimiter {
  /** Records one action by `key` if the limit allows it. */
  take(key: string): RateLimitResult;
  readonly limit: number;
  readonly windowMs: number;
}

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Actions allowed per key per window; 0 means no limit. */
  limit: number;
  /** Default one minute. */
  windowMs?: number;
  /** The clock, in ms; default `Date.now`. Tests pass a manual one. */
  now?: () => number;
  /** Keys remembered at most; the oldest are forgotten first. Default 10 000. */
  maxKeys?: number;
}

/**
 * A per-key sliding-window rate limiter: at most `limit` actions in any
 * `windowMs`. A refused action is not counted, so waiting `retryAfterMs`
 * always lets the next one through.
 *
 * @example
 * const limiter = createRateLimiter({ limit: 10, now: clock.now });
 * const result = limiter.take(userId);
 * if (!result.allowed) reply(`Try again in ${Math.ceil(result.retryAfterMs / 1000)} s.`);
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const limit = Math.max(0, Math.floor(options.limit));
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const history = new Map<string, number[]>();

  return {
    limit,
    windowMs,
    take(key) {
      if (limit === 0) return { allowed: true };
      const at = now();
      const times = (history.get(key) ?? []).filter((t) => at - t < windowMs);
      history.delete(key);
      if (times.length >= limit) {
        history.set(key, times);
        return { allowed: false, retryAfterMs: Math.max(1, windowMs - (at - times[0]!)) };
      }
      times.push(at);
      history.set(key, times);
      while (history.size > maxKeys) history.delete(history.keys().next().value!);
      return { allowed: true };
    },
  };
}
