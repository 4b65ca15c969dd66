import type { AuthedCtx } from '../kernel/deps.ts';
import { generateWithin } from './generate-recommendations.ts';
import type { RecommendationDeps } from './recommendation-deps.ts';
import { toPending, toRecommendationDto } from './recommendation.mapping.ts';
import { findPendingRecommendations, incrementShown } from './recommendation.repo.ts';
import { READ_WINDOW, selectShown } from './recommendation.rules.ts';
import type { RecommendationDto, RecommendationListDto } from './recommendation.schemas.ts';

export interface ListRecommendationsOptions {
  /** Count this read as a display of each returned recommendation (the legacy dashboard read). */
  markShown?: boolean;
}

/**
 * GET /api/recommendations (§6.5–6.6): the best pending recommendations that are still open to the
 * learner, at most 7 with the challenge slot. When none can be shown (none pending, or every pending one
 * is solved, archived or gone), a fresh set is generated first and read again.
 */
export const makeListRecommendations =
  (deps: RecommendationDeps) =>
  async (
    ctx: AuthedCtx,
    options: ListRecommendationsOptions = {},
  ): Promise<RecommendationListDto> => {
    const prisma = deps.db.prisma;
    const userId = ctx.actor.userId;
    const read = async () =>
      selectShown((await findPendingRecommendations(prisma, userId, READ_WINDOW)).map(toPending));
    let shown = await read();
    if (shown.length === 0) {
      const now = deps.clock.now();
      await prisma.$transaction((tx) => generateWithin(tx, userId, now, { unlessShown: true }));
      shown = await read();
    }
    if (options.markShown && shown.length > 0) {
      await incrementShown(
        prisma,
        userId,
        shown.map((r) => r.id),
        deps.clock.now(),
      );
    }
    const items = shown.flatMap((r): RecommendationDto[] => {
      const dto = toRecommendationDto(r.row);
      return dto === null ? [] : [dto];
    });
    return { items, nextCursor: null };
  };
