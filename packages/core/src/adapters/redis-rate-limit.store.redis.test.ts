import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';

import { loadConfig } from '@mathakine/config';

import { createRedisRateLimitStore } from './redis-rate-limit.store.ts';

// This project runs only when REDIS_URL is set (scripts/redis-throwaway.sh start; .ci/run does it).
const url = loadConfig().redisUrl ?? '';
const prefix = `mathakine_rl_test_${randomBytes(4).toString('hex')}`;
const store = createRedisRateLimitStore(url, { keyPrefix: prefix });
const other = createRedisRateLimitStore(url, { keyPrefix: prefix });

afterAll(async () => {
  await store.close?.();
  await other.close?.();
});

describe('Redis rate-limit store', () => {
  it('refuses past the limit with a Retry-After within the window', async () => {
    expect(store.kind).toBe('redis');
    expect(await store.hit('login:1.2.3.4', 2, 60)).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });
    expect(await store.hit('login:1.2.3.4', 2, 60)).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });
    const refused = await store.hit('login:1.2.3.4', 2, 60);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await store.hit('login:5.6.7.8', 2, 60)).allowed).toBe(true);
  });

  it('is shared between instances (two clients, one bucket)', async () => {
    expect((await store.hit('register:9.9.9.9', 1, 60)).allowed).toBe(true);
    expect((await other.hit('register:9.9.9.9', 1, 60)).allowed).toBe(false);
  });

  it('opens again after the window', async () => {
    // Conditions, not delays: hit until refused (two hits inside one 1-second window; a busy machine
    // may let a window pass between two hits, then the next pair is tried), then until Redis has
    // expired the window on its own clock (a refused hit does not extend it).
    const poll = { timeout: 120_000, interval: 100 };
    await vi.waitFor(async () => {
      expect((await store.hit('short:1', 1, 1)).allowed).toBe(false);
    }, poll);
    await vi.waitFor(async () => {
      expect((await store.hit('short:1', 1, 1)).allowed).toBe(true);
    }, poll);
  });
});
