import type { Logger } from 'pino';

import type { Database } from '../db/types.ts';
import type { AiGenerationEvent, AiProvider } from '../kernel/ai.ts';
import type { Clock } from '../kernel/clock.ts';
import type { RateLimitStore } from '../kernel/ports.ts';
import type { RateLimitService } from '../rate-limit/index.ts';
import type { SettingsService } from '../settings/index.ts';

/** What every AI use case receives (resolved once by makeAiService). */
export interface AiDeps {
  db: Database;
  log: Logger;
  clock: Clock;
  provider: AiProvider;
  /** Feature switches and per-user limits (X19), read through the settings cache. */
  settings: Pick<
    SettingsService,
    | 'maxGenerationsPerUserPerHour'
    | 'maxAiGenerationsPerUserPerDay'
    | 'maxChatMessagesPerUserPerDay'
    | 'isChatEnabled'
    | 'isAiChallengesEnabled'
  >;
  /** The shared chat bucket (15/min/IP). */
  rateLimits: Pick<RateLimitService, 'consume'>;
  /** Where the per-user AI quotas are counted (the rate-limit store: memory, or Redis shared). */
  quotaStore: RateLimitStore;
  onGeneration: (event: AiGenerationEvent) => void;
}
