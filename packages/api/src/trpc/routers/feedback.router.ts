import { ZCreateFeedbackInput, ZFeedbackDto } from '@mathakine/core';

import { router } from '../init.ts';
import { authedProcedure } from '../procedures.ts';

/** Feedback reports (legacy route 43's access level: any signed-in user; rate limited per user). */
export const feedbackRouter = router({
  create: authedProcedure
    .input(ZCreateFeedbackInput)
    .output(ZFeedbackDto)
    .mutation(({ ctx, input }) => ctx.core.feedback.create(ctx, input)),
});
