import { mapPrismaError } from '../db/prisma-errors.ts';
import type { Tx } from '../db/types.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { RANKING_BOUNDS, rankRecommendations } from './ranking.rules.ts';
import type { RecommendationDeps } from './recommendation-deps.ts';
import { toPending } from './recommendation.mapping.ts';
import {
  deletePendingRecommendations,
  findChallengePool,
  findExercisePool,
  findPendingRecommendations,
  findRecentAttempts,
  findRecentChallengeTypes,
  findRecommendationHistory,
  findTypeProgress,
  insertRecommendations,
  lockLearner,
} from './recommendation.repo.ts';
import { learnerAgeGroup, READ_WINDOW, selectShown } from './recommendation.rules.ts';
import type { GeneratedRecommendationsDto } from './recommendation.schemas.ts';

const DAY_MS = 86_400_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

const CONTENT_CHANGED = 'Le contenu recommandé vient de changer. Veuillez réessayer.';

/**
 * Replaces the learner's pending recommendations with a fresh ranking (§6.4), inside the caller's
 * transaction: the user row's lock first (one generation at a time per learner), then the bounded context
 * reads, the pure ranking, one DELETE and one INSERT. With `unlessShown`, nothing is written when the
 * learner already has something to show (a concurrent read generated while this one waited): null.
 */
export const generateWithin = async (
  tx: Tx,
  userId: number,
  now: Date,
  options: { unlessShown?: boolean } = {},
): Promise<number | null> => {
  const learner = await lockLearner(tx, userId);
  if (learner === null) return 0;
  if (options.unlessShown) {
    const pending = await findPendingRecommendations(tx, userId, READ_WINDOW);
    if (selectShown(pending.map(toPending)).length > 0) return null;
  }
  const ageGroup = learnerAgeGroup(learner);
  const progress = await findTypeProgress(tx, userId);
  const recentSince = daysBefore(now, RANKING_BOUNDS.recentWindowDays);
  const recentAttempts = await findRecentAttempts(
    tx,
    userId,
    recentSince,
    RANKING_BOUNDS.recentAttempts,
  );
  const recentChallengeTypes = await findRecentChallengeTypes(
    tx,
    userId,
    recentSince,
    RANKING_BOUNDS.recentChallengeAttempts,
  );
  const history = await findRecommendationHistory(
    tx,
    userId,
    daysBefore(now, RANKING_BOUNDS.antiRepeatDays),
  );
  const targets = (completed: boolean) => ({
    exerciseIds: history.flatMap((h) =>
      h.isCompleted === completed && h.exerciseId !== null ? [h.exerciseId] : [],
    ),
    challengeIds: history.flatMap((h) =>
      h.isCompleted === completed && h.challengeId !== null ? [h.challengeId] : [],
    ),
  });
  const justCompleted = targets(true);
  // Recently completed targets are left out of the pools too, so they take no candidate slot.
  const exercises = await findExercisePool(
    tx,
    userId,
    ageGroup,
    RANKING_BOUNDS.poolPerBucket,
    justCompleted.exerciseIds,
  );
  const challenges = await findChallengePool(
    tx,
    userId,
    ageGroup,
    RANKING_BOUNDS.poolPerBucket,
    justCompleted.challengeIds,
  );
  const ranked = rankRecommendations({
    ageGroup,
    learningGoal: learner.learningGoal,
    progress,
    recentAttempts,
    recentChallengeTypes,
    challengeAttempts: {
      total: learner.totalChallengeAttempts,
      correct: learner.correctChallengeAttempts,
    },
    exercises,
    challenges,
    justCompleted,
    replaced: targets(false),
  });
  await deletePendingRecommendations(tx, userId);
  return insertRecommendations(tx, userId, ranked, now);
};

/** POST /api/recommendations/generate: a fresh set, whatever is pending (§6.2). */
export const makeGenerateRecommendations =
  (deps: RecommendationDeps) =>
  async (ctx: AuthedCtx): Promise<GeneratedRecommendationsDto> => {
    const now = deps.clock.now();
    try {
      const count = await deps.db.prisma.$transaction((tx) =>
        generateWithin(tx, ctx.actor.userId, now),
      );
      return { count: count ?? 0 };
    } catch (err) {
      // A candidate deleted between the read and the insert (foreign key): the caller may retry.
      throw mapPrismaError(err, { constraintCode: 'CONFLICT', constraintMessage: CONTENT_CHANGED });
    }
  };
