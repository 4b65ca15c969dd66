import type { Logger } from 'pino';

import type { Clock } from './clock.ts';
import type { Database } from './db/types.ts';

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
}

export interface AuthedCtx extends Ctx {
  actor: Actor;
}

/** Process-wide dependencies, built once in apps/server (or the test harness). */
export interface CoreDeps {
  db: Database;
  log: Logger;
  clock: Clock;
}
