import {
  ZCompletedRecommendationDto,
  ZGeneratedRecommendationsDto,
  ZMarkShownDto,
  ZMarkShownInput,
  ZRecommendationClickDto,
  ZRecommendationIdInput,
  ZRecommendationListDto,
} from '@mathakine/core';

import { router } from '../init.ts';
import { fullAccessProcedure } from '../procedures.ts';

/**
 * Recommendations (same access level as the legacy routes 44–46). `list` generates a fresh set on the
 * first read when nothing can be shown, as the legacy GET does; it does not count displays (`markShown`).
 */
export const recommendationsRouter = router({
  list: fullAccessProcedure
    .output(ZRecommendationListDto)
    .query(({ ctx }) => ctx.core.recommendations.list(ctx)),
  generate: fullAccessProcedure
    .output(ZGeneratedRecommendationsDto)
    .mutation(({ ctx }) => ctx.core.recommendations.generate(ctx)),
  markShown: fullAccessProcedure
    .input(ZMarkShownInput)
    .output(ZMarkShownDto)
    .mutation(({ ctx, input }) => ctx.core.recommendations.markShown(ctx, input)),
  complete: fullAccessProcedure
    .input(ZRecommendationIdInput)
    .output(ZCompletedRecommendationDto)
    .mutation(({ ctx, input }) => ctx.core.recommendations.complete(ctx, input)),
  open: fullAccessProcedure
    .input(ZRecommendationIdInput)
    .output(ZRecommendationClickDto)
    .mutation(({ ctx, input }) => ctx.core.recommendations.recordOpen(ctx, input)),
  click: fullAccessProcedure
    .input(ZRecommendationIdInput)
    .output(ZRecommendationClickDto)
    .mutation(({ ctx, input }) => ctx.core.recommendations.recordClick(ctx, input)),
});
