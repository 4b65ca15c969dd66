import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { RateLimitStore } from '../kernel/ports.ts';
import { createFailoverRateLimitStore } from './failover-rate-limit.store.ts';
import { createMemoryRateLimitStore } from './memory-rate-limit.store.ts';

const fixedClock = () => ({ now: () => new Date('2026-02-14T10:00:00Z') });

/** A primary whose behaviour the test switches: answering, failing, or never answering. */
const switchablePrimary = () => {
  const state = { mode: 'up' as 'up' | 'down' | 'hang', calls: 0 };
  const store: RateLimitStore = {
    kind: 'redis',
    hit: () => {
      state.calls += 1;
      if (state.mode === 'down') return Promise.reject(new Error('connect ECONNREFUSED'));
      if (state.mode === 'hang') return new Promise(() => undefined);
      return Promise.resolve({ allowed: true, retryAfterSeconds: 0 });
    },
  };
  return { state, store };
};

const logLines = () => {
  const lines: { level: number; msg: string }[] = [];
  const log = pino(
    { level: 'debug' },
    { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) },
  );
  return { log, lines };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the rate-limit failover (Redis down → this instance’s memory)', () => {
  it('counts in memory when the primary fails, warns once, counts each fallback hit, recovers', async () => {
    const primary = switchablePrimary();
    const { log, lines } = logLines();
    let now = 0;
    const onFallback = vi.fn();
    const store = createFailoverRateLimitStore({
      primary: primary.store,
      fallback: createMemoryRateLimitStore(fixedClock()),
      timeoutMs: 250,
      retryAfterMs: 5_000,
      log,
      onFallback,
      now: () => now,
    });
    expect(store.health?.()).toEqual({ kind: 'redis', state: 'ok' });

    primary.state.mode = 'down';
    // The fallback enforces the limit itself (2 per window here).
    expect(await store.hit('k', 2, 60)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await store.hit('k', 2, 60)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect((await store.hit('k', 2, 60)).allowed).toBe(false);
    expect(store.health?.()).toEqual({ kind: 'redis', state: 'fallback' });
    expect(onFallback).toHaveBeenCalledTimes(3);
    // Within the retry pause the primary is not asked again: one failed call, then memory only.
    expect(primary.state.calls).toBe(1);
    expect(lines.filter((l) => l.level === 40)).toHaveLength(1);

    primary.state.mode = 'up';
    now = 5_000;
    expect(await store.hit('k', 2, 60)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(store.health?.()).toEqual({ kind: 'redis', state: 'ok' });
    expect(lines.filter((l) => l.level === 30).map((l) => l.msg)).toEqual([
      'rate-limit store back: shared counters again',
    ]);
  });

  it('bounds the wait for a primary that never answers to the timeout', async () => {
    vi.useFakeTimers();
    const primary = switchablePrimary();
    primary.state.mode = 'hang';
    const store = createFailoverRateLimitStore({
      primary: primary.store,
      fallback: createMemoryRateLimitStore(fixedClock()),
      timeoutMs: 250,
      retryAfterMs: 5_000,
      log: logLines().log,
    });
    let settled = false;
    const hit = store.hit('k', 5, 60).then((result) => {
      settled = true;
      return result;
    });
    await vi.advanceTimersByTimeAsync(249);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await hit).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(store.health?.()).toEqual({ kind: 'redis', state: 'fallback' });
  });
});
