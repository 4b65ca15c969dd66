/**
 * The logic challenge routes (api-rest-challenges-admin §3.1–3.5) and the learner's challenge progress
 * (api-rest-core §6.3.11, route 23). `GET /api/challenges/badges/progress` is declared with the badges;
 * `GET /api/challenges/generate-ai-stream` belongs to the AI feature.
 */
import { jsonBody } from '../legacy/body.ts';
import {
  toLegacyChallengeAttemptResult,
  toLegacyChallengeDetail,
  toLegacyChallengeList,
  toLegacyChallengeProgress,
  ZLegacyChallengeAttemptBody,
  ZLegacyChallengeAttemptResult,
  ZLegacyChallengeDetail,
  ZLegacyChallengeList,
  ZLegacyChallengeListQuery,
  ZLegacyChallengeParams,
  ZLegacyChallengeProgress,
  ZLegacyCompletedChallengeIds,
  ZLegacyHint,
  ZLegacyHintQuery,
} from './challenges.legacy.ts';
import { ok } from './reply.ts';
import { defineRoute, defineRoutes } from './route.ts';

export const challengesRoutes = defineRoutes({
  feature: 'challenges',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/challenges',
      guard: 'user+full',
      summary:
        'The challenge catalogue, filtered (legacy aliases) and paginated, without answer keys',
      query: ZLegacyChallengeListQuery,
      responses: { 200: ZLegacyChallengeList },
      errors: [],
      handler: async ({ core, ctx, query }) =>
        ok(toLegacyChallengeList(await core.challenges.list(ctx, query))),
    }),

    defineRoute({
      method: 'GET',
      path: '/challenges/completed-ids',
      guard: 'public+optional',
      summary: 'Ids of the challenges the caller solved (empty for anonymous callers)',
      responses: { 200: ZLegacyCompletedChallengeIds },
      errors: [],
      handler: async ({ core, ctx }) => {
        const { completedIds } = await core.challenges.completedIds(ctx);
        return ok({ completed_ids: completedIds });
      },
    }),

    defineRoute({
      method: 'GET',
      path: '/challenges/:id{[0-9]+}',
      guard: 'user+full',
      summary:
        'One challenge (any state); hints once attempted, answer and explanation once solved; counts a view',
      params: ZLegacyChallengeParams,
      responses: { 200: ZLegacyChallengeDetail },
      errors: [404],
      handler: async ({ core, ctx, params }) =>
        ok(toLegacyChallengeDetail(await core.challenges.get(ctx, params.id))),
    }),

    defineRoute({
      method: 'POST',
      path: '/challenges/:id{[0-9]+}/attempt',
      guard: 'user+full',
      summary:
        'Submit an answer (idempotent with `Idempotency-Key`); the verdict, badges and hints left',
      params: ZLegacyChallengeParams,
      body: jsonBody(ZLegacyChallengeAttemptBody, {
        headerFallbacks: { idempotency_key: 'Idempotency-Key' },
      }),
      responses: { 200: ZLegacyChallengeAttemptResult },
      errors: [400, 404, 409, 422],
      handler: async ({ core, ctx, params, body }) =>
        ok(
          toLegacyChallengeAttemptResult(
            await core.challenges.attempt(ctx, { ...body, challengeId: params.id }),
          ),
        ),
    }),

    defineRoute({
      method: 'GET',
      path: '/challenges/:id{[0-9]+}/hint',
      // The legacy checked the token only (no access-scope check, §3.4).
      guard: 'user',
      summary: 'One hint by its 1-based `level` (default 1)',
      params: ZLegacyChallengeParams,
      query: ZLegacyHintQuery,
      responses: { 200: ZLegacyHint },
      errors: [400, 404],
      handler: async ({ core, ctx, params, query }) => {
        const { hint } = await core.challenges.hint(ctx, {
          challengeId: params.id,
          level: query.level,
        });
        return ok({ hint });
      },
    }),

    defineRoute({
      method: 'GET',
      path: '/users/me/challenges/progress',
      guard: 'user+full',
      summary: "The user's logic-challenge progress (solved, success rate, mean time)",
      responses: { 200: ZLegacyChallengeProgress },
      errors: [],
      handler: async ({ core, ctx }) =>
        ok(toLegacyChallengeProgress(await core.challenges.progress(ctx))),
    }),
  ],
});
