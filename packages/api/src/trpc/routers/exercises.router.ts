import {
  toListQuery,
  ZCatalogueStatsDto,
  ZCompletedIdsDto,
  ZExerciseDetailDto,
  ZExerciseIdInput,
  ZExercisePageDto,
  ZGeneratedExerciseDto,
  ZGenerateExerciseInput,
  ZListExercisesInput,
  ZSubmitAnswerInput,
  ZSubmitAnswerResultDto,
} from '@mathakine/core';

import { router } from '../init.ts';
import { authedProcedure, publicProcedure } from '../procedures.ts';

/** Catalogue, generation and submit (the clean API over the same core services as REST). */
export const exercisesRouter = router({
  /** Offset-paginated: `nextCursor` is the next offset, null on the last page. */
  list: publicProcedure
    .input(ZListExercisesInput)
    .output(ZExercisePageDto)
    .query(async ({ ctx, input }) => {
      const list = await ctx.core.exercises.list(ctx, toListQuery(input));
      return {
        items: list.items,
        total: list.total,
        nextCursor: list.hasMore ? list.skip + list.items.length : null,
      };
    }),

  get: publicProcedure
    .input(ZExerciseIdInput)
    .output(ZExerciseDetailDto)
    .query(({ ctx, input }) => ctx.core.exercises.get(ctx, input.exerciseId)),

  completedIds: publicProcedure
    .output(ZCompletedIdsDto)
    .query(({ ctx }) => ctx.core.exercises.completedIds(ctx)),

  stats: publicProcedure
    .output(ZCatalogueStatsDto)
    .query(({ ctx }) => ctx.core.exercises.catalogueStats(ctx)),

  generate: authedProcedure
    .input(ZGenerateExerciseInput)
    .output(ZGeneratedExerciseDto)
    .mutation(({ ctx, input }) => ctx.core.exercises.generate(ctx, input)),

  submitAnswer: authedProcedure
    .input(ZSubmitAnswerInput)
    .output(ZSubmitAnswerResultDto)
    .mutation(({ ctx, input }) => ctx.core.exercises.submitAnswer(ctx, input)),
});
