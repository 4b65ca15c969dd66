import { describe, expect, it } from 'vitest';

import { createTtlCache } from './ttl-cache.ts';

const clockAt = (start: number) => {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
};

describe('createTtlCache', () => {
  it('serves a value until its TTL expires', () => {
    const clock = clockAt(0);
    const cache = createTtlCache<string>(clock, { ttlMs: 1000, commitWindowMs: 100 });
    cache.set('k', 'v');
    clock.advance(999);
    expect(cache.get('k')).toBe('v');
    clock.advance(1);
    expect(cache.get('k')).toBeUndefined();
  });

  it('after invalidate, does not cache the key again until the commit window has passed', () => {
    const clock = clockAt(0);
    const cache = createTtlCache<string>(clock, { ttlMs: 1000, commitWindowMs: 100 });
    cache.set('k', 'old');
    cache.invalidate('k');
    expect(cache.get('k')).toBeUndefined();
    cache.set('k', 'read before the commit');
    expect(cache.get('k')).toBeUndefined();
    clock.advance(100);
    cache.set('k', 'new');
    expect(cache.get('k')).toBe('new');
    // Other keys are not affected.
    cache.set('other', 'x');
    cache.invalidate('k');
    expect(cache.get('other')).toBe('x');
  });

  it('keeps at most maxEntries keys, expired ones swept first, then the oldest', () => {
    const clock = clockAt(0);
    const cache = createTtlCache<number>(clock, {
      ttlMs: 1000,
      commitWindowMs: 100,
      maxEntries: 3,
    });
    cache.set('a', 1);
    clock.advance(600);
    cache.set('b', 2);
    cache.set('c', 3);
    clock.advance(500); // a expired
    cache.set('d', 4);
    expect(cache.size).toBe(3);
    expect([cache.get('b'), cache.get('c'), cache.get('d')]).toEqual([2, 3, 4]);
    cache.set('e', 5); // nothing expired: the oldest (b) goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(3);
  });
});
