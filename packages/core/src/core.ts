import { makeAccountsServices } from './accounts/index.ts';
import { createBcryptHasher } from './adapters/bcrypt-hasher.ts';
import { createLogMailer } from './adapters/log-mailer.ts';
import { createMemoryRateLimitStore } from './adapters/memory-rate-limit.store.ts';
import { makeExerciseService } from './exercises/index.ts';
import { makeBadgeService } from './gamification/index.ts';
import { defaultCoreConfig } from './kernel/config.ts';
import type { CoreDeps } from './kernel/deps.ts';
import { makeLeaderboardService } from './leaderboard/index.ts';
import { makeProgressService } from './progress/index.ts';
import { makeRateLimitService } from './rate-limit/index.ts';
import { makeSettingsService } from './settings/index.ts';
import { makeStatsService } from './stats/index.ts';
import { makeSystemService } from './system/index.ts';

/** Wires every feature service from the process-wide dependencies (STYLE.md §4). */
export const createCore = (deps: CoreDeps) => {
  const config = deps.config ?? defaultCoreConfig();
  const settings = makeSettingsService(deps);
  const rateLimitStore = deps.rateLimitStore ?? createMemoryRateLimitStore(deps.clock);
  const rateLimits = makeRateLimitService({ store: rateLimitStore, config });
  const { auth, users } = makeAccountsServices({
    db: deps.db,
    log: deps.log,
    clock: deps.clock,
    config,
    hasher: deps.passwordHasher ?? createBcryptHasher(config.auth.bcryptCost),
    mailer: deps.mailer ?? createLogMailer(deps.log),
    rateLimits,
    settings,
    ...(deps.onMailFailure ? { onMailFailure: deps.onMailFailure } : {}),
    ...(deps.trackMail ? { trackMail: deps.trackMail } : {}),
  });
  // Gamification: `badges.postAttemptStep` is the step the submit services call in their transaction.
  const badges = makeBadgeService(deps);
  return {
    system: makeSystemService(deps, rateLimitStore),
    settings,
    rateLimits,
    auth,
    users,
    exercises: makeExerciseService(deps, { postAttemptStep: badges.postAttemptStep, settings }),
    progress: makeProgressService(deps),
    stats: makeStatsService(deps),
    badges,
    leaderboard: makeLeaderboardService(deps),
  };
};

export type Core = ReturnType<typeof createCore>;
