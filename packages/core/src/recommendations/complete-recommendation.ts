import type { AuthedCtx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { RecommendationDeps } from './recommendation-deps.ts';
import { completeRecommendation } from './recommendation.repo.ts';
import { isDbId, RECOMMENDATION_MESSAGES } from './recommendation.rules.ts';
import type {
  CompletedRecommendationDto,
  RecommendationIdInput,
} from './recommendation.schemas.ts';

/**
 * POST /api/recommendations/complete (§6.7): the caller's recommendation is completed (again: idempotent,
 * `completed_at` moves). Unknown, out of range or someone else's → 404 `Recommandation non trouvée`.
 */
export const makeCompleteRecommendation =
  (deps: RecommendationDeps) =>
  async (ctx: AuthedCtx, input: RecommendationIdInput): Promise<CompletedRecommendationDto> => {
    const done = isDbId(input.recommendationId)
      ? await completeRecommendation(
          deps.db.prisma,
          ctx.actor.userId,
          input.recommendationId,
          deps.clock.now(),
        )
      : null;
    if (done === null) throw new AppError('NOT_FOUND', RECOMMENDATION_MESSAGES.notFound);
    return done;
  };
