import type { RateLimiterRedis } from 'rate-limiter-flexible';

import type { RateLimitStore } from '../kernel/ports.ts';

/**
 * Redis-backed counters shared by every instance (rate-limiter-flexible over ioredis). The library
 * counts in fixed windows per key; a refused request also counts (documented difference). Both libraries
 * are imported when the store is created (only with REDIS_URL), never when the module is loaded.
 */
export const createRedisRateLimitStore = (
  url: string,
  options: {
    keyPrefix?: string;
    /** Connection errors (refused, reset): the client keeps reconnecting in the background. */
    onError?: (err: Error) => void;
    /** Bound of one command; a command past it fails (the failover store then counts in memory). */
    commandTimeoutMs?: number;
  } = {},
): RateLimitStore => {
  const loaded = Promise.all([import('ioredis'), import('rate-limiter-flexible')]).then(
    ([{ Redis }, flexible]) => {
      const client = new Redis(url, {
        // A command waits for the connection (the first ones at boot), but is never retried and never
        // outlives `commandTimeout` (a queued login used to wait ~15 s, then fail): the failover store
        // answers from memory meanwhile, and the client reconnects in the background.
        enableOfflineQueue: true,
        maxRetriesPerRequest: 0,
        commandTimeout: options.commandTimeoutMs ?? 1_000,
        connectTimeout: 2_000,
        retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
        lazyConnect: false,
      });
      client.on('error', (err: Error) => {
        options.onError?.(err);
      });
      return { client, flexible };
    },
  );
  // A failed import surfaces on the first hit; do not leave it unhandled meanwhile.
  loaded.catch(() => undefined);
  const limiters = new Map<string, RateLimiterRedis>();
  const limiterFor = async (limit: number, windowSeconds: number) => {
    const { client, flexible } = await loaded;
    const id = `${limit}:${windowSeconds}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new flexible.RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${options.keyPrefix ?? 'mathakine_rl'}:${id}`,
        points: limit,
        duration: windowSeconds,
      });
      limiters.set(id, limiter);
    }
    return { limiter, flexible };
  };
  return {
    kind: 'redis',
    hit: async (key, limit, windowSeconds) => {
      const { limiter, flexible } = await limiterFor(limit, windowSeconds);
      try {
        await limiter.consume(key, 1);
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (err) {
        if (err instanceof flexible.RateLimiterRes) {
          return {
            allowed: false,
            retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)),
          };
        }
        throw err;
      }
    },
    close: async () => {
      const { client } = await loaded;
      // `quit` needs a live connection; a client still reconnecting is simply dropped.
      await client.quit().catch(() => {
        client.disconnect();
      });
    },
  };
};
