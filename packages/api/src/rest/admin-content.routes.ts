/**
 * The back office's content (api-rest-challenges-admin §6.7–6.9): exercises, logic challenges and badges
 * for administrators. Same `/admin` area as the other admin routes (maintenance-exempt); the role check is
 * the `admin` guard here and `requireAdmin` in every core use case.
 */
import { ADMIN_EXERCISE_MESSAGES as EM } from '@mathakine/core';

import { jsonBody } from '../legacy/body.ts';
import {
  fromLegacyExerciseUpdate,
  toLegacyAdminArchived,
  toLegacyAdminExercise,
  toLegacyAdminExerciseList,
  ZLegacyAdminArchiveBody,
  ZLegacyAdminArchived,
  ZLegacyAdminExercise,
  ZLegacyAdminExerciseCreateBody,
  ZLegacyAdminExerciseList,
  ZLegacyAdminExerciseListQuery,
  ZLegacyAdminExerciseParams,
  ZLegacyAdminExerciseUpdateBody,
} from './admin-content.legacy.ts';
import { created, ok } from './reply.ts';
import { defineRoute, defineRoutes } from './route.ts';

const exerciseRoutes = [
  defineRoute({
    method: 'GET',
    path: '/admin/exercises',
    guard: 'admin',
    summary: 'List exercises for the back office (filters, sort, attempt statistics)',
    query: ZLegacyAdminExerciseListQuery,
    responses: { 200: ZLegacyAdminExerciseList },
    errors: [400],
    handler: async ({ core, ctx, query }) =>
      ok(toLegacyAdminExerciseList(await core.adminExercises.list(ctx, query))),
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/exercises',
    guard: 'admin',
    summary: 'Create an exercise (checked like a generated one)',
    body: jsonBody(ZLegacyAdminExerciseCreateBody, {
      required: [
        { field: 'title', message: EM.titleRequired },
        { field: 'question', message: EM.questionRequired },
        { field: 'correct_answer', message: EM.answerRequired },
      ],
    }),
    responses: { 201: ZLegacyAdminExercise },
    errors: [400, 422],
    handler: async ({ core, ctx, body }) =>
      created(
        toLegacyAdminExercise(
          await core.adminExercises.create(ctx, {
            title: body.title,
            question: body.question,
            correctAnswer: body.correct_answer,
            exerciseType: body.exercise_type,
            difficulty: body.difficulty,
            ageGroup: body.age_group,
            choices: body.choices,
            explanation: body.explanation,
            hint: body.hint,
            tags: body.tags,
          }),
        ),
      ),
  }),
  defineRoute({
    method: 'GET',
    path: '/admin/exercises/:id{[0-9]+}',
    guard: 'admin',
    summary: 'An exercise with its answer key, archived or not',
    params: ZLegacyAdminExerciseParams,
    responses: { 200: ZLegacyAdminExercise },
    errors: [404],
    handler: async ({ core, ctx, params }) =>
      ok(toLegacyAdminExercise(await core.adminExercises.get(ctx, { exerciseId: params.id }))),
  }),
  defineRoute({
    method: 'PUT',
    path: '/admin/exercises/:id{[0-9]+}',
    guard: 'admin',
    summary: 'Update an exercise (only the fields sent)',
    params: ZLegacyAdminExerciseParams,
    body: jsonBody(ZLegacyAdminExerciseUpdateBody),
    responses: { 200: ZLegacyAdminExercise },
    errors: [400, 404, 422],
    handler: async ({ core, ctx, params, body }) =>
      ok(
        toLegacyAdminExercise(
          await core.adminExercises.update(ctx, fromLegacyExerciseUpdate(params.id, body)),
        ),
      ),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/admin/exercises/:id{[0-9]+}',
    guard: 'admin',
    summary: 'Archive or restore an exercise',
    params: ZLegacyAdminExerciseParams,
    body: jsonBody(ZLegacyAdminArchiveBody),
    responses: { 200: ZLegacyAdminArchived },
    errors: [400, 404, 422],
    handler: async ({ core, ctx, params, body }) =>
      ok(
        toLegacyAdminArchived(
          await core.adminExercises.archive(ctx, {
            exerciseId: params.id,
            isArchived: body.is_archived,
          }),
        ),
      ),
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/exercises/:id{[0-9]+}/duplicate',
    guard: 'admin',
    summary: 'Copy an exercise (« (copie) », not archived)',
    params: ZLegacyAdminExerciseParams,
    responses: { 201: ZLegacyAdminExercise },
    errors: [404],
    handler: async ({ core, ctx, params }) =>
      created(
        toLegacyAdminExercise(await core.adminExercises.duplicate(ctx, { exerciseId: params.id })),
      ),
  }),
];

export const adminContentRoutes = defineRoutes({
  feature: 'admin-content',
  area: { prefix: '/admin', maintenanceExempt: true },
  routes: [...exerciseRoutes],
});
