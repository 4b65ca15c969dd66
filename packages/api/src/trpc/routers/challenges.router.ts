import {
  toChallengeListQuery,
  ZAttemptChallengeInput,
  ZChallengeAttemptResultDto,
  ZChallengeDetailDto,
  ZChallengeHintDto,
  ZChallengeHintInput,
  ZChallengeIdInput,
  ZChallengePageDto,
  ZChallengeProgressDto,
  ZCompletedChallengeIdsDto,
  ZListChallengesInput,
} from '@mathakine/core';

import { router } from '../init.ts';
import { authedProcedure, fullAccessProcedure, publicProcedure } from '../procedures.ts';

/**
 * Logic challenges (the clean API over the same core service as the legacy routes, same access levels).
 * The detail never carries hint texts before an attempt nor the solution before a correct answer; hints
 * come one level at a time from `hint`.
 */
export const challengesRouter = router({
  /** Offset-paginated: `nextCursor` is the next offset, null on the last page. */
  list: fullAccessProcedure
    .input(ZListChallengesInput)
    .output(ZChallengePageDto)
    .query(async ({ ctx, input }) => {
      const list = await ctx.core.challenges.list(ctx, toChallengeListQuery(input));
      return {
        items: list.items,
        total: list.total,
        nextCursor: list.hasMore ? list.skip + list.items.length : null,
      };
    }),

  /** Counts a view. */
  get: fullAccessProcedure
    .input(ZChallengeIdInput)
    .output(ZChallengeDetailDto)
    .query(({ ctx, input }) => ctx.core.challenges.get(ctx, input.challengeId)),

  hint: authedProcedure
    .input(ZChallengeHintInput)
    .output(ZChallengeHintDto)
    .query(({ ctx, input }) => ctx.core.challenges.hint(ctx, input)),

  attempt: fullAccessProcedure
    .input(ZAttemptChallengeInput)
    .output(ZChallengeAttemptResultDto)
    .mutation(({ ctx, input }) => ctx.core.challenges.attempt(ctx, input)),

  completedIds: publicProcedure
    .output(ZCompletedChallengeIdsDto)
    .query(({ ctx }) => ctx.core.challenges.completedIds(ctx)),

  progress: fullAccessProcedure
    .output(ZChallengeProgressDto)
    .query(({ ctx }) => ctx.core.challenges.progress(ctx)),
});
