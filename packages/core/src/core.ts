import { makeAccountsServices } from './accounts/index.ts';
import { createBcryptHasher } from './adapters/bcrypt-hasher.ts';
import { createDisabledAiProvider } from './adapters/disabled-ai-provider.ts';
import { createLogMailer } from './adapters/log-mailer.ts';
import { createMemoryRateLimitStore } from './adapters/memory-rate-limit.store.ts';
import { makeAdminService } from './admin/index.ts';
import { makeAiService } from './ai/index.ts';
import { makeAnalyticsService } from './analytics/index.ts';
import { makeAuditService } from './audit/index.ts';
import { makeAdminChallengeService, makeChallengeService } from './challenges/index.ts';
import { makeAdminExerciseService, makeExerciseService } from './exercises/index.ts';
import { makeFeedbackService } from './feedback/index.ts';
import { makeAdminBadgeService, makeBadgeService } from './gamification/index.ts';
import { defaultCoreConfig } from './kernel/config.ts';
import type { CoreDeps } from './kernel/deps.ts';
import { makeLeaderboardService } from './leaderboard/index.ts';
import { createAttemptAdmission, makeProgressService } from './progress/index.ts';
import { makeRateLimitService } from './rate-limit/index.ts';
import { makeRecommendationService } from './recommendations/index.ts';
import { makeSettingsService } from './settings/index.ts';
import { makeStatsService } from './stats/index.ts';
import { makeSystemService } from './system/index.ts';

/** Wires every feature service from the process-wide dependencies (STYLE.md §4). */
export const createCore = (deps: CoreDeps) => {
  const config = deps.config ?? defaultCoreConfig();
  const settings = makeSettingsService(deps);
  const rateLimitStore = deps.rateLimitStore ?? createMemoryRateLimitStore(deps.clock);
  const rateLimits = makeRateLimitService({ store: rateLimitStore, config });
  const { auth, users, accountAdmin } = makeAccountsServices({
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
  // Both submits share one admission: together they take at most the pool's connections.
  const attemptAdmission = createAttemptAdmission(deps.db);
  return {
    system: makeSystemService(deps, rateLimitStore),
    settings,
    rateLimits,
    auth,
    users,
    exercises: makeExerciseService(deps, {
      postAttemptStep: badges.postAttemptStep,
      attemptAdmission,
      settings,
    }),
    challenges: makeChallengeService(deps, {
      postAttemptStep: badges.postAttemptStep,
      attemptAdmission,
    }),
    progress: makeProgressService(deps),
    stats: makeStatsService(deps),
    badges,
    leaderboard: makeLeaderboardService(deps),
    ai: makeAiService(deps, {
      provider: deps.ai ?? createDisabledAiProvider(),
      settings,
      rateLimits,
      quotaStore: rateLimitStore,
    }),
    audit: makeAuditService(deps),
    admin: makeAdminService({
      db: deps.db,
      log: deps.log,
      clock: deps.clock,
      settings,
      accounts: accountAdmin,
    }),
    recommendations: makeRecommendationService(deps),
    analytics: makeAnalyticsService(deps),
    feedback: makeFeedbackService({ db: deps.db, clock: deps.clock, rateLimits }),
    /**
     * Forget this process's cached reference data (the badge catalogue with its parsed requirements, the
     * settings switches). The admin use cases call it once their change is committed. The badge catalogue
     * is also checked against its fingerprint on every evaluation, so a change made elsewhere (another
     * instance, SQL) is never served stale; settings follow their 5 s TTL.
     */
    invalidateReferenceData: (): void => {
      badges.invalidateCatalogue();
      settings.clearCache();
    },
    // The back office's content (issue 13): administrators only, each mutation with its audit entry.
    adminExercises: makeAdminExerciseService(deps),
    adminChallenges: makeAdminChallengeService(deps),
    adminBadges: makeAdminBadgeService(deps),
  };
};

export type Core = ReturnType<typeof createCore>;
