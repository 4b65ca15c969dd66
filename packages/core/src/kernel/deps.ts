import type { Logger } from 'pino';

import type { Database } from '../db/types.ts';
import type { AiGenerationEvent, AiProvider } from './ai.ts';
import type { Clock } from './clock.ts';
import type { CoreConfig } from './config.ts';
import type { Mailer, PasswordHasher, RateLimitStore } from './ports.ts';

/** Who is calling. `null` actor = anonymous. Filled in by the transports' auth resolution. */
export interface Actor {
  userId: number;
  username: string;
  role: 'padawan' | 'maitre' | 'gardien' | 'archiviste';
  /** `full`, or `exercises_only` for unverified accounts past the grace period. */
  accessScope: 'full' | 'exercises_only';
  sessionId: number | null;
}

/** Per-request context every service method receives (STYLE.md §4). */
export interface Ctx {
  actor: Actor | null;
  log: Logger;
  requestId: string;
  /** Aborted when the caller goes away (client disconnected): long calls (AI) stop. */
  signal?: AbortSignal;
}

export interface AuthedCtx extends Ctx {
  actor: Actor;
}

/**
 * `ctx` with `actor` in place of its actor. `signal` is passed on as a getter, not copied: a transport
 * may build it only when read (the Node server's web `Request` behind it costs every request otherwise).
 */
export const withActor = <A extends Actor>(ctx: Ctx, actor: A): Ctx & { actor: A } => ({
  actor,
  log: ctx.log,
  requestId: ctx.requestId,
  get signal() {
    return ctx.signal;
  },
});

/** Process-wide dependencies, built once in apps/server (or the test harness). */
export interface CoreDeps {
  db: Database;
  log: Logger;
  clock: Clock;
  /** The configuration slice core reads; defaults (random secret, legacy limits) when absent. */
  config?: CoreConfig;
  /** Mail port; defaults to logging the message (development without SMTP). */
  mailer?: Mailer;
  /** Password hashing port; defaults to bcrypt with `config.auth.bcryptCost`. */
  passwordHasher?: PasswordHasher;
  /** Rate-limit counters; defaults to in-memory (Redis when the server is given REDIS_URL). */
  rateLimitStore?: RateLimitStore;
  /** AI port; defaults to the disabled provider (every AI feature answers "not configured"). */
  ai?: AiProvider;
  /** Counts each finished AI generation by outcome (the server wires Prometheus counters). */
  onAiGeneration?: (event: AiGenerationEvent) => void;
  /** Counts a failed mail send (the server wires a Prometheus counter). */
  onMailFailure?: (kind: 'verification' | 'password_reset') => void;
  /** Test hook: receives each background mail send. */
  trackMail?: (sending: Promise<void>) => void;
}
