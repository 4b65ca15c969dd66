import { describe, expect, it } from 'vitest';

import type { Clock } from '../kernel/clock.ts';
import { createMemoryRateLimitStore } from './memory-rate-limit.store.ts';

const clockAt = (start: number) => {
  let now = start;
  const clock: Clock & { advance(ms: number): void } = {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
  return clock;
};

describe('memory rate-limit store (sliding window, refused requests not counted)', () => {
  it('allows `limit` requests per window and tells when to retry', async () => {
    const clock = clockAt(1_000_000);
    const store = createMemoryRateLimitStore(clock);
    expect((await store.hit('k', 2, 60)).allowed).toBe(true);
    clock.advance(10_000);
    expect((await store.hit('k', 2, 60)).allowed).toBe(true);
    clock.advance(10_000);
    expect(await store.hit('k', 2, 60)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    clock.advance(40_000);
    expect((await store.hit('k', 2, 60)).allowed).toBe(true);
    expect((await store.hit('k', 2, 60)).allowed).toBe(false);
    expect((await store.hit('other', 2, 60)).allowed).toBe(true);
  });

  it('keeps a day-long key while minute-long keys are swept', async () => {
    const clock = clockAt(1_000_000);
    const store = createMemoryRateLimitStore(clock);
    expect((await store.hit('day', 2, 86_400)).allowed).toBe(true);
    expect((await store.hit('day', 2, 86_400)).allowed).toBe(true);
    // Two hours later a minute-long key triggers the sweep: the day key must survive it.
    clock.advance(7_200_000);
    expect((await store.hit('minute', 5, 60)).allowed).toBe(true);
    expect((await store.hit('day', 2, 86_400)).allowed).toBe(false);
  });
});
