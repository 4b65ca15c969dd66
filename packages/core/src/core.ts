import type { AccountsDeps } from './accounts-deps.ts';
import { makeAuthService } from './auth/auth.service.ts';
import { createSessionCache } from './auth/session-cache.ts';
import { defaultCoreConfig } from './config.ts';
import type { CoreDeps } from './deps.ts';
import { makeExerciseService } from './exercises/exercise.service.ts';
import { makeBadgeService } from './gamification/badge.service.ts';
import { makeLeaderboardService } from './leaderboard/leaderboard.service.ts';
import { createLogMailer } from './mail/mailer.ts';
import { makeProgressService } from './progress/progress.service.ts';
import { makeRateLimitService } from './rate-limit/rate-limit.service.ts';
import { createMemoryRateLimitStore } from './rate-limit/rate-limit.store.ts';
import { createBcryptHasher } from './security/password-hasher.ts';
import { makeSettingsService } from './settings/settings.service.ts';
import { makeStatsService } from './stats/stats.service.ts';
import { makeSystemService } from './system/system.service.ts';
import { makeUserService } from './users/user.service.ts';

/** Wires every feature service from the process-wide dependencies (STYLE.md §4). */
export const createCore = (deps: CoreDeps) => {
  const config = deps.config ?? defaultCoreConfig();
  const settings = makeSettingsService(deps);
  const rateLimits = makeRateLimitService({
    store: deps.rateLimitStore ?? createMemoryRateLimitStore(deps.clock),
    config,
  });
  const accounts: AccountsDeps = {
    db: deps.db,
    log: deps.log,
    clock: deps.clock,
    config,
    hasher: deps.passwordHasher ?? createBcryptHasher(config.auth.bcryptCost),
    mailer: deps.mailer ?? createLogMailer(deps.log),
    rateLimits,
    settings,
    sessionCache: createSessionCache(deps.clock, config.auth.sessionCacheSeconds),
    ...(deps.onMailFailure ? { onMailFailure: deps.onMailFailure } : {}),
    ...(deps.trackMail ? { trackMail: deps.trackMail } : {}),
  };
  const auth = makeAuthService(accounts);
  // Gamification: `badges.postAttemptStep` is the step the submit services call in their transaction.
  const badges = makeBadgeService(deps);
  return {
    system: makeSystemService(deps),
    settings,
    rateLimits,
    auth,
    users: makeUserService(accounts, auth),
    exercises: makeExerciseService(deps, { postAttemptStep: badges.postAttemptStep, settings }),
    progress: makeProgressService(deps),
    stats: makeStatsService(deps),
    badges,
    leaderboard: makeLeaderboardService(deps),
  };
};

export type Core = ReturnType<typeof createCore>;
