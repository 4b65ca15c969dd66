import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { RateLimitStore } from '../kernel/ports.ts';
import { freePort, startRedisServer, type RedisServer } from '../testing/services.ts';
import { createFailoverRateLimitStore } from './failover-rate-limit.store.ts';
import { createMemoryRateLimitStore } from './memory-rate-limit.store.ts';
import { createRedisRateLimitStore } from './redis-rate-limit.store.ts';

// Issue 14 fault 3 on a real Redis this test stops and starts (a private redis-server, not the run's
// REDIS_URL). Before: with Redis stopped, every rate-limited request hung ~15 s then failed (500).
const POLL = { timeout: 120_000, interval: 100 };
const clock = { now: () => new Date() };

const failoverOver = (url: string, onFallback: () => void): RateLimitStore =>
  createFailoverRateLimitStore({
    primary: createRedisRateLimitStore(url, { keyPrefix: `t${String(Date.now())}` }),
    fallback: createMemoryRateLimitStore(clock),
    timeoutMs: 250,
    retryAfterMs: 200,
    log: pino({ level: 'silent' }),
    onFallback,
  });

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis.dispose();
});

describe('rate limits with Redis stopped and started again', () => {
  it('answers from memory while Redis is down, then shares counters again', async () => {
    let fallbacks = 0;
    const store = failoverOver(redis.url, () => (fallbacks += 1));
    try {
      await vi.waitFor(async () => {
        await store.hit('warm', 1_000, 60);
        expect(store.health?.()).toEqual({ kind: 'redis', state: 'ok' });
      }, POLL);

      await redis.stop();
      // Every hit is answered (from memory) and the limit still holds.
      const results = [];
      for (let i = 0; i < 4; i += 1) results.push(await store.hit('login:1.2.3.4', 3, 60));
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
      expect(store.health?.()).toEqual({ kind: 'redis', state: 'fallback' });
      expect(fallbacks).toBeGreaterThanOrEqual(4);

      await redis.start();
      await vi.waitFor(async () => {
        await store.hit('again', 1_000, 60);
        expect(store.health?.()).toEqual({ kind: 'redis', state: 'ok' });
      }, POLL);
    } finally {
      await store.close?.();
    }
  });

  it('works from the start when Redis is unreachable at boot', async () => {
    let fallbacks = 0;
    const store = failoverOver(
      `redis://127.0.0.1:${String(await freePort())}`,
      () => (fallbacks += 1),
    );
    try {
      expect(await store.hit('login:5.6.7.8', 2, 60)).toEqual({
        allowed: true,
        retryAfterSeconds: 0,
      });
      expect(store.health?.()).toEqual({ kind: 'redis', state: 'fallback' });
      expect(fallbacks).toBe(1);
    } finally {
      await store.close?.();
    }
  });
});
