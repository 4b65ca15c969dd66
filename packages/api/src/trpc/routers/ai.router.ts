import {
  ZChallengeGenerationEvent,
  ZChatInput,
  ZChatReplyDto,
  ZChatStreamEvent,
  ZExerciseGenerationEvent,
  ZGenerateAiChallengeInput,
  ZGenerateAiExerciseInput,
} from '@mathakine/core';

import { clientOfTrpc } from '../client-info.ts';
import { eventStreamOf } from '../event-stream-output.ts';
import { router } from '../init.ts';
import { authedProcedure, fullAccessProcedure } from '../procedures.ts';

/**
 * AI generation as tRPC subscriptions (tRPC 11 over server-sent events: `httpSubscriptionLink`): the
 * same core events as the legacy streams, camelCase. The subscription's `signal` (client gone) aborts
 * the AI call. Input failures are BAD_REQUEST before any event; refusals are `error` events.
 */
export const aiRouter = router({
  generateExercise: authedProcedure
    .input(ZGenerateAiExerciseInput)
    .output(eventStreamOf(ZExerciseGenerationEvent))
    .subscription(({ ctx, input, signal }) =>
      ctx.core.ai.generateExercise({ ...ctx, ...(signal ? { signal } : {}) }, input),
    ),

  generateChallenge: fullAccessProcedure
    .input(ZGenerateAiChallengeInput)
    .output(eventStreamOf(ZChallengeGenerationEvent))
    .subscription(({ ctx, input, signal }) =>
      ctx.core.ai.generateChallenge({ ...ctx, ...(signal ? { signal } : {}) }, input),
    ),
});

/** The tutor chat: the whole answer (`send`) or its events (`stream`, a subscription). */
export const chatRouter = router({
  send: authedProcedure
    .input(ZChatInput)
    .output(ZChatReplyDto)
    .mutation(({ ctx, input }) => ctx.core.ai.chat(ctx, input, clientOfTrpc(ctx))),

  stream: authedProcedure
    .input(ZChatInput)
    .output(eventStreamOf(ZChatStreamEvent))
    .subscription(({ ctx, input, signal }) =>
      ctx.core.ai.chatStream({ ...ctx, ...(signal ? { signal } : {}) }, input, clientOfTrpc(ctx)),
    ),
});
