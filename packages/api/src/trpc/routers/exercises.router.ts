import {
  toListQuery,
  ZExerciseIdInput,
  ZGenerateExerciseInput,
  ZListExercisesInput,
  ZSubmitAnswerInput,
} from '@mathakine/core';

import { router } from '../init.ts';
import { authedProcedure, publicProcedure } from '../procedures.ts';

/** Catalogue, generation and submit (the clean API over the same core services as REST). */
export const exercisesRouter = router({
  /** Offset-paginated: `nextCursor` is the next offset, null on the last page. */
  list: publicProcedure.input(ZListExercisesInput).query(async ({ ctx, input }) => {
    const list = await ctx.core.exercises.list(ctx, toListQuery(input));
    return {
      items: list.items,
      total: list.total,
      nextCursor: list.hasMore ? list.skip + list.items.length : null,
    };
  }),

  get: publicProcedure
    .input(ZExerciseIdInput)
    .query(({ ctx, input }) => ctx.core.exercises.get(ctx, input.exerciseId)),

  completedIds: publicProcedure.query(({ ctx }) => ctx.core.exercises.completedIds(ctx)),

  stats: publicProcedure.query(({ ctx }) => ctx.core.exercises.catalogueStats(ctx)),

  generate: authedProcedure
    .input(ZGenerateExerciseInput)
    .mutation(({ ctx, input }) => ctx.core.exercises.generate(ctx, input)),

  submitAnswer: authedProcedure
    .input(ZSubmitAnswerInput)
    .mutation(({ ctx, input }) => ctx.core.exercises.submitAnswer(ctx, input)),
});
