/**
 * The AI routes (issue 11): exercise generation (route 32, api-rest-core §6.4.6), challenge generation
 * (api-rest-challenges-admin §3.6), and the tutor chat (routes 47–48, §6.7). The streams answer 200
 * `text/event-stream` with the legacy events (§7); what fails before a stream starts is one `error`
 * event, except the guard's 401/403 and the chat's 429, which are JSON like every legacy error.
 */
import { jsonBody, lenientBody } from '../legacy/body.ts';
import { sseBody } from '../legacy/sse.ts';
import {
  toLegacyChallengeEvent,
  toLegacyChatEvent,
  toLegacyChatReply,
  toLegacyExerciseEvent,
  ZLegacyAiChallengeQuery,
  ZLegacyAiExerciseQuery,
  ZLegacyChallengeStreamEvent,
  ZLegacyChatBody,
  ZLegacyChatReply,
  ZLegacyChatStreamEvent,
  ZLegacyExerciseStreamEvent,
} from './ai.legacy.ts';
import { ok, sse, sseResponse } from './reply.ts';
import { defineRoute, defineRoutes } from './route.ts';

export const aiRoutes = defineRoutes({
  feature: 'ai',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/exercises/generate-ai-stream',
      guard: 'user',
      summary: 'Generate an exercise with the AI, verified before it is saved (server-sent events)',
      query: ZLegacyAiExerciseQuery,
      responses: { 200: sseResponse(ZLegacyExerciseStreamEvent) },
      errors: [],
      handler: ({ core, ctx, query }) =>
        sse(sseBody(core.ai.generateExercise(ctx, query), toLegacyExerciseEvent)),
    }),

    defineRoute({
      method: 'GET',
      path: '/challenges/generate-ai-stream',
      guard: 'user+full',
      summary:
        'Generate a logic challenge with the AI, verified before it is saved (server-sent events)',
      query: ZLegacyAiChallengeQuery,
      responses: { 200: sseResponse(ZLegacyChallengeStreamEvent) },
      errors: [],
      handler: ({ core, ctx, query }) =>
        sse(sseBody(core.ai.generateChallenge(ctx, query), toLegacyChallengeEvent)),
    }),

    defineRoute({
      method: 'POST',
      path: '/chat',
      guard: 'user',
      summary: 'Ask the maths tutor (one JSON answer)',
      body: jsonBody(ZLegacyChatBody),
      responses: { 200: ZLegacyChatReply },
      errors: [400, 403, 422, 429, 503],
      handler: async ({ core, ctx, body, client }) =>
        ok(
          toLegacyChatReply(
            await core.ai.chat(
              ctx,
              { message: body.message, history: body.conversation_history },
              client,
            ),
          ),
        ),
    }),

    defineRoute({
      method: 'POST',
      path: '/chat/stream',
      guard: 'user',
      summary: 'Ask the maths tutor (the answer as server-sent events)',
      body: lenientBody(ZLegacyChatBody),
      responses: { 200: sseResponse(ZLegacyChatStreamEvent) },
      errors: [429],
      handler: async ({ core, ctx, body, client }) =>
        sse(
          sseBody(
            await core.ai.chatStream(
              ctx,
              { message: body.message, history: body.conversation_history },
              client,
            ),
            toLegacyChatEvent,
          ),
        ),
    }),
  ],
});
