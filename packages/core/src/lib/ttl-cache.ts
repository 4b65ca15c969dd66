import type { Clock } from '../kernel/clock.ts';

/**
 * A per-process TTL cache on the injected clock (built by the service factory, never a module
 * singleton). `invalidate` also opens a short "no caching" window for the key: an award invalidates
 * inside the submit transaction, before it commits, so a read in between must not cache the
 * pre-commit state ("not earned") for a whole TTL. The window is the longest a transaction can stay
 * open (the database's interactive-transaction limits). The cache holds at most `maxEntries` keys
 * (expired ones are swept first, then the oldest), so a long-running process does not grow without bound.
 */
export interface TtlCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  invalidate(key: string): void;
  readonly size: number;
}

export interface TtlCacheOptions {
  ttlMs: number;
  commitWindowMs: number;
  maxEntries?: number;
}

export const createTtlCache = <V>(clock: Clock, options: TtlCacheOptions): TtlCache<V> => {
  const { ttlMs, commitWindowMs } = options;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { value: V; expiresAt: number }>();
  const bypassUntil = new Map<string, number>();

  const bypassed = (key: string, now: number): boolean => {
    const until = bypassUntil.get(key);
    if (until === undefined) return false;
    if (until > now) return true;
    bypassUntil.delete(key);
    return false;
  };

  const sweep = (now: number) => {
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
    for (const [key, until] of bypassUntil) if (until <= now) bypassUntil.delete(key);
    // Still full: drop the oldest insertions (Map keeps insertion order).
    for (const key of entries.keys()) {
      if (entries.size < maxEntries) break;
      entries.delete(key);
    }
  };

  return {
    get: (key) => {
      const now = clock.now().getTime();
      if (bypassed(key, now)) return undefined;
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.expiresAt <= now) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set: (key, value) => {
      const now = clock.now().getTime();
      if (bypassed(key, now)) return;
      entries.delete(key);
      if (entries.size >= maxEntries) sweep(now);
      entries.set(key, { value, expiresAt: now + ttlMs });
    },
    invalidate: (key) => {
      const now = clock.now().getTime();
      entries.delete(key);
      if (bypassUntil.size >= maxEntries) sweep(now);
      bypassUntil.set(key, now + commitWindowMs);
    },
    get size() {
      return entries.size;
    },
  };
};
