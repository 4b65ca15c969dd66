import type { Logger } from 'pino';

import type { RateLimitResult, RateLimitStore, RateLimitStoreHealth } from '../kernel/ports.ts';

export interface FailoverRateLimitOptions {
  /** The shared store (Redis). */
  primary: RateLimitStore;
  /** This process's own counters (in memory), used while the primary is unavailable. */
  fallback: RateLimitStore;
  /** How long a hit waits for the primary before counting on the fallback instead. */
  timeoutMs: number;
  /** After a failure, the primary is not asked again for this long (every hit goes to the fallback). */
  retryAfterMs: number;
  log: Logger;
  /** Counts each hit served by the fallback (the server wires a Prometheus counter). */
  onFallback?: () => void;
  now?: () => number;
}

/**
 * The rate-limit policy when the shared store is down (issue 14, docs/operations.md): fail over to this
 * instance's in-memory counters, at once. Limits stay enforced (per instance instead of shared), logins
 * keep working, and no request waits more than `timeoutMs` for Redis — after a failure Redis is left
 * alone for `retryAfterMs`, then tried again. The failover is logged once (warn) and its end once
 * (info); every fallback hit is counted; `/ready` reports the state.
 */
export const createFailoverRateLimitStore = (options: FailoverRateLimitOptions): RateLimitStore => {
  const now = options.now ?? Date.now;
  let degradedSince: number | null = null;
  let retryAt = 0;

  const withTimeout = (hit: Promise<RateLimitResult>): Promise<RateLimitResult> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`rate-limit store did not answer within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
    });
    return Promise.race([hit, timeout]).finally(() => {
      clearTimeout(timer);
    });
  };

  const failOver = (err: unknown) => {
    retryAt = now() + options.retryAfterMs;
    if (degradedSince === null) {
      degradedSince = now();
      options.log.warn(
        { err, store: options.primary.kind, fallback: options.fallback.kind },
        'rate-limit store unavailable: counting in this instance’s memory until it is back',
      );
    }
  };

  return {
    kind: options.primary.kind,
    hit: async (key, limit, windowSeconds) => {
      if (degradedSince === null || now() >= retryAt) {
        try {
          const result = await withTimeout(options.primary.hit(key, limit, windowSeconds));
          if (degradedSince !== null) {
            options.log.info(
              { store: options.primary.kind, degradedForMs: now() - degradedSince },
              'rate-limit store back: shared counters again',
            );
            degradedSince = null;
          }
          return result;
        } catch (err) {
          failOver(err);
        }
      }
      options.onFallback?.();
      return options.fallback.hit(key, limit, windowSeconds);
    },
    health: (): RateLimitStoreHealth => ({
      kind: options.primary.kind,
      state: degradedSince === null ? 'ok' : 'fallback',
    }),
    close: async () => {
      await options.primary.close?.();
      await options.fallback.close?.();
    },
  };
};
