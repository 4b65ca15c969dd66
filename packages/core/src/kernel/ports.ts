/**
 * The ports: what core needs from the outside world, as interfaces. Core's features depend on these
 * only; the implementations live in `src/adapters/` (or in the server, or in `src/testing/` for fakes)
 * and reach core through `CoreDeps`.
 */

/** One outgoing e-mail: multipart text + HTML. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * The mail port (platform §5): SMTP in production, a local SMTP server in tests, and a "log the link"
 * mailer in development when SMTP is not configured. `send` throws on failure; callers log and count.
 */
export interface Mailer {
  readonly kind: 'smtp' | 'log' | 'disabled';
  send(message: MailMessage): Promise<void>;
}

/** Password hashing port: bcrypt in production (native, off the event loop), low cost in tests. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a mismatch or an unparseable hash; never throws for a bad hash. */
  verify(password: string, hashed: string): Promise<boolean>;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until a refused caller may try again (0 when allowed). */
  retryAfterSeconds: number;
}

/** What `/ready` says about the rate-limit store: where counters live and whether it answers. */
export interface RateLimitStoreHealth {
  kind: 'memory' | 'redis';
  /** `fallback`: the shared store is unavailable and this instance counts in its own memory. */
  state: 'ok' | 'fallback';
}

/**
 * Where rate-limit counters live: in memory (one process) by default, Redis when REDIS_URL is set so
 * that every instance shares them.
 */
export interface RateLimitStore {
  readonly kind: 'memory' | 'redis';
  /** Counts one request on `key`; refused when `limit` requests were accepted in the last `windowSeconds`. */
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>;
  /** The store's state for readiness; a store without it is always `ok`. */
  health?(): RateLimitStoreHealth;
  close?(): Promise<void>;
}
