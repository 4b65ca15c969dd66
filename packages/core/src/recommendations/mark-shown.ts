import type { AuthedCtx } from '../kernel/deps.ts';
import type { RecommendationDeps } from './recommendation-deps.ts';
import { incrementShown } from './recommendation.repo.ts';
import type { MarkShownDto, MarkShownInput } from './recommendation.schemas.ts';

/** +1 display on each given pending recommendation of the caller (others' ids are ignored). */
export const makeMarkShown =
  (deps: RecommendationDeps) =>
  async (ctx: AuthedCtx, input: MarkShownInput): Promise<MarkShownDto> => ({
    shown: await incrementShown(
      deps.db.prisma,
      ctx.actor.userId,
      input.recommendationIds,
      deps.clock.now(),
    ),
  });
