/** The exercise routes (api-rest-core §6.4, routes 27–34; route 32, the AI stream, is in ai.routes.ts). */
import { EXERCISE_MESSAGES, ZLegacyGenerateBody } from '@mathakine/core';

import { jsonBody, pydanticBody } from '../legacy/body.ts';
import { toLegacyCatalogueStats, ZLegacyCatalogueStats } from './exercises-stats.legacy.ts';
import {
  INVALID_ATTEMPT_JSON_MESSAGE,
  toLegacyAttemptResult,
  toLegacyDetail,
  toLegacyGenerated,
  toLegacyList,
  ZLegacyAttemptBody,
  ZLegacyAttemptResult,
  ZLegacyCompletedIds,
  ZLegacyExerciseDetail,
  ZLegacyExerciseList,
  ZLegacyExerciseParams,
  ZLegacyGenerated,
  ZLegacyGenerateQuery,
  ZLegacyListQuery,
} from './exercises.legacy.ts';
import { ok, redirect, redirectResponse } from './reply.ts';
import { defineRoute, defineRoutes } from './route.ts';

export const GENERATED_REDIRECT = '/exercises?generated=true';

export const exercisesRoutes = defineRoutes({
  feature: 'exercises',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/exercises',
      guard: 'public+optional',
      summary: 'The catalogue, paginated, without answers (solved ones hidden on request)',
      query: ZLegacyListQuery,
      responses: { 200: ZLegacyExerciseList },
      errors: [],
      handler: async ({ core, ctx, query }) =>
        ok(toLegacyList(await core.exercises.list(ctx, query))),
    }),

    defineRoute({
      method: 'GET',
      path: '/exercises/stats',
      guard: 'public',
      summary: 'Catalogue statistics (by discipline, rank and age group; global mastery)',
      responses: { 200: ZLegacyCatalogueStats },
      errors: [],
      handler: async ({ core, ctx }) =>
        ok(toLegacyCatalogueStats(await core.exercises.catalogueStats(ctx))),
    }),

    defineRoute({
      method: 'GET',
      path: '/exercises/completed-ids',
      guard: 'public+optional',
      summary: 'Ids of the exercises the caller solved (empty for anonymous callers)',
      responses: { 200: ZLegacyCompletedIds },
      errors: [],
      handler: async ({ core, ctx }) => {
        const { completedIds } = await core.exercises.completedIds(ctx);
        return ok({ completed_ids: completedIds });
      },
    }),

    defineRoute({
      method: 'GET',
      path: '/exercises/generate',
      guard: 'user',
      summary: 'The HTML-era generator: generates and saves one exercise, then 303 to the list',
      // A state-changing GET: another site must not spend the learner's generation quota.
      sameSiteOnly: true,
      query: ZLegacyGenerateQuery,
      responses: { 303: redirectResponse(`To ${GENERATED_REDIRECT}`) },
      errors: [429],
      handler: async ({ core, ctx, query }) => {
        await core.exercises.generate(ctx, query);
        return redirect(GENERATED_REDIRECT, 303);
      },
    }),

    defineRoute({
      method: 'POST',
      path: '/exercises/generate',
      guard: 'user',
      summary: 'Generate an exercise (saved unless `save` is false), without its answer',
      body: jsonBody(ZLegacyGenerateBody, {
        required: [
          { field: 'exercise_type', message: EXERCISE_MESSAGES.generationParamsRequired },
          { field: 'age_group', message: EXERCISE_MESSAGES.generationParamsRequired },
        ],
        invalidMessage: EXERCISE_MESSAGES.generationParamsRequired,
      }),
      responses: { 200: ZLegacyGenerated },
      errors: [400, 422, 429],
      handler: async ({ core, ctx, body }) =>
        ok(toLegacyGenerated(await core.exercises.generate(ctx, body))),
    }),

    defineRoute({
      method: 'GET',
      path: '/exercises/:id{[0-9]+}',
      guard: 'public',
      summary: 'One exercise, without its answer or explanation',
      params: ZLegacyExerciseParams,
      responses: { 200: ZLegacyExerciseDetail },
      errors: [404],
      handler: async ({ core, ctx, params }) =>
        ok(toLegacyDetail(await core.exercises.get(ctx, params.id))),
    }),

    defineRoute({
      method: 'POST',
      path: '/exercises/:id{[0-9]+}/attempt',
      guard: 'user',
      summary:
        'Submit an answer (idempotent with `Idempotency-Key`); returns the correction and badges',
      params: ZLegacyExerciseParams,
      body: pydanticBody(ZLegacyAttemptBody, {
        model: 'SubmitAnswerRequest',
        invalidJsonMessage: INVALID_ATTEMPT_JSON_MESSAGE,
        aliases: { answer: 'selected_answer' },
        headerFallbacks: { idempotency_key: 'Idempotency-Key' },
      }),
      responses: { 200: ZLegacyAttemptResult },
      errors: [400, 404, 409, 422],
      handler: async ({ core, ctx, params, body }) =>
        ok(
          toLegacyAttemptResult(
            await core.exercises.submitAnswer(ctx, { ...body, exerciseId: params.id }),
          ),
        ),
    }),
  ],
});
