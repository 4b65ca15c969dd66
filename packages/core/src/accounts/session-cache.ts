import type { Clock } from '../kernel/clock.ts';
import type { RoleName } from './auth.rules.ts';

/** What the per-request check keeps about a session for a few seconds (config auth.sessionCacheSeconds). */
export interface CachedSession {
  valid: boolean;
  userId: number;
  username: string;
  role: RoleName;
  isEmailVerified: boolean;
  createdAt: Date;
  /** The session's own expiry: a cached entry never outlives it. */
  expiresAt: Date;
}

/**
 * A tiny TTL cache so that revocation and deactivation take effect within a few seconds everywhere and at
 * once on this instance (the services drop entries when they revoke or change an account).
 */
export const createSessionCache = (clock: Clock, ttlSeconds: number) => {
  const entries = new Map<number, { value: CachedSession; until: number }>();
  return {
    get: (sessionId: number): CachedSession | undefined => {
      const hit = entries.get(sessionId);
      if (!hit) return undefined;
      if (hit.until <= clock.now().getTime()) {
        entries.delete(sessionId);
        return undefined;
      }
      return hit.value;
    },
    set: (sessionId: number, value: CachedSession) => {
      if (ttlSeconds <= 0) return;
      if (entries.size > 50_000) entries.clear();
      entries.set(sessionId, { value, until: clock.now().getTime() + ttlSeconds * 1000 });
    },
    dropSessions: (ids: readonly number[]) => {
      for (const id of ids) entries.delete(id);
    },
    dropUser: (userId: number) => {
      for (const [id, entry] of entries) if (entry.value.userId === userId) entries.delete(id);
    },
  };
};

export type SessionCache = ReturnType<typeof createSessionCache>;
