import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import type { RateLimitStore } from '../kernel/ports.ts';

/**
 * Redis-backed counters shared by every instance (rate-limiter-flexible over ioredis). The library
 * counts in fixed windows per key; a refused request also counts (documented difference).
 */
export const createRedisRateLimitStore = (
  url: string,
  options: { keyPrefix?: string } = {},
): RateLimitStore => {
  const client = new Redis(url, {
    enableOfflineQueue: true,
    maxRetriesPerRequest: 2,
    lazyConnect: false,
  });
  const limiters = new Map<string, RateLimiterRedis>();
  const limiterFor = (limit: number, windowSeconds: number) => {
    const id = `${limit}:${windowSeconds}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${options.keyPrefix ?? 'mathakine_rl'}:${id}`,
        points: limit,
        duration: windowSeconds,
      });
      limiters.set(id, limiter);
    }
    return limiter;
  };
  return {
    kind: 'redis',
    hit: async (key, limit, windowSeconds) => {
      try {
        await limiterFor(limit, windowSeconds).consume(key, 1);
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (err) {
        if (err instanceof RateLimiterRes) {
          return {
            allowed: false,
            retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)),
          };
        }
        throw err;
      }
    },
    close: async () => {
      await client.quit();
    },
  };
};
