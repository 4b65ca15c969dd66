import type { AuthedCtx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { RecommendationDeps } from './recommendation-deps.ts';
import { incrementClicked } from './recommendation.repo.ts';
import { isDbId, RECOMMENDATION_MESSAGES } from './recommendation.rules.ts';
import type { RecommendationClickDto, RecommendationIdInput } from './recommendation.schemas.ts';

/**
 * POST /api/recommendations/open and /clicked (upstream-v36 §11.6): the learner opened the recommended
 * item: `clicked_count` + 1, `last_clicked_at` = now, on any of the caller's recommendations (a completed
 * one too, so the newer frontend's fallback to `/clicked` never costs a second 404). Unknown, out of range
 * or someone else's → 404 `Recommandation non trouvée`.
 */
export const makeRecordClick =
  (deps: RecommendationDeps) =>
  async (ctx: AuthedCtx, input: RecommendationIdInput): Promise<RecommendationClickDto> => {
    const clicked = isDbId(input.recommendationId)
      ? await incrementClicked(
          deps.db.prisma,
          ctx.actor.userId,
          input.recommendationId,
          deps.clock.now(),
        )
      : null;
    if (clicked === null) throw new AppError('NOT_FOUND', RECOMMENDATION_MESSAGES.notFound);
    return clicked;
  };
