import type { Clock } from '../kernel/clock.ts';
import type { RateLimitStore } from '../kernel/ports.ts';

/**
 * In-memory sliding window (the legacy algorithm, platform §2.9): a key keeps the times of its accepted
 * requests; refused requests are not recorded. Expired keys are swept so memory does not grow forever.
 */
export const createMemoryRateLimitStore = (clock: Clock): RateLimitStore => {
  // Each key keeps its own window: keys of different windows (a minute, a day) share the store.
  const hits = new Map<string, { times: number[]; windowMs: number }>();
  let lastSweep = 0;

  const sweep = (now: number) => {
    if (now - lastSweep < 60_000) return;
    lastSweep = now;
    for (const [key, entry] of hits) {
      const last = entry.times.at(-1) ?? 0;
      if (entry.times.length === 0 || last <= now - Math.max(entry.windowMs, 3_600_000)) {
        hits.delete(key);
      }
    }
  };

  return {
    kind: 'memory',
    hit: (key, limit, windowSeconds) => {
      const now = clock.now().getTime();
      const windowMs = windowSeconds * 1000;
      sweep(now);
      const recent = (hits.get(key)?.times ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= limit) {
        hits.set(key, { times: recent, windowMs });
        const oldest = recent[0] ?? now;
        return Promise.resolve({
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)),
        });
      }
      recent.push(now);
      hits.set(key, { times: recent, windowMs });
      return Promise.resolve({ allowed: true, retryAfterSeconds: 0 });
    },
  };
};
