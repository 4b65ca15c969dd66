/**
 * The back office's content (api-rest-challenges-admin §6.7–6.9): exercises, logic challenges and badges
 * for administrators. Same `/admin` area as the other admin routes (maintenance-exempt); the role check is
 * the `admin` guard here and `requireAdmin` in every core use case.
 */

import {
  ADMIN_BADGE_MESSAGES as BM,
  ADMIN_CHALLENGE_MESSAGES as CM,
  ADMIN_EXERCISE_MESSAGES as EM,
} from '@mathakine/core';

import { jsonBody } from '../legacy/body.ts';
import {
  fromLegacyBadgeUpdate,
  toLegacyAdminBadge,
  toLegacyAdminBadgeDeleted,
  toLegacyAdminBadgeWithCount,
  ZLegacyAdminBadge,
  ZLegacyAdminBadgeCreateBody,
  ZLegacyAdminBadgeDeleted,
  ZLegacyAdminBadgeList,
  ZLegacyAdminBadgeParams,
  ZLegacyAdminBadgeUpdateBody,
  ZLegacyAdminBadgeWithCount,
} from './admin-badges.legacy.ts';
import {
  fromLegacyChallengeUpdate,
  toLegacyAdminChallenge,
  toLegacyAdminChallengeList,
  ZLegacyAdminChallenge,
  ZLegacyAdminChallengeCreateBody,
  ZLegacyAdminChallengeList,
  ZLegacyAdminChallengeListQuery,
  ZLegacyAdminChallengeParams,
  ZLegacyAdminChallengeUpdateBody,
} from './admin-challenges.legacy.ts';
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

const challengeRoutes = [
  defineRoute({
    method: 'GET',
    path: '/admin/challenges',
    guard: 'admin',
    summary: 'List logic challenges for the back office (filters, sort, success rates)',
    query: ZLegacyAdminChallengeListQuery,
    responses: { 200: ZLegacyAdminChallengeList },
    errors: [400],
    handler: async ({ core, ctx, query }) =>
      ok(toLegacyAdminChallengeList(await core.adminChallenges.list(ctx, query))),
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/challenges',
    guard: 'admin',
    summary: 'Create a logic challenge (its answer must pass its own answer checker)',
    body: jsonBody(ZLegacyAdminChallengeCreateBody, {
      required: [
        { field: 'title', message: CM.titleRequired },
        { field: 'description', message: CM.descriptionRequired },
      ],
    }),
    responses: { 201: ZLegacyAdminChallenge },
    errors: [400, 422],
    handler: async ({ core, ctx, body }) =>
      created(
        toLegacyAdminChallenge(
          await core.adminChallenges.create(ctx, {
            title: body.title,
            description: body.description,
            challengeType: body.challenge_type,
            ageGroup: body.age_group,
            question: body.question,
            correctAnswer: body.correct_answer,
            solutionExplanation: body.solution_explanation,
            visualData: body.visual_data,
            hints: body.hints,
          }),
        ),
      ),
  }),
  defineRoute({
    method: 'GET',
    path: '/admin/challenges/:id{[0-9]+}',
    guard: 'admin',
    summary: 'A logic challenge with its answer, whatever its flags',
    params: ZLegacyAdminChallengeParams,
    responses: { 200: ZLegacyAdminChallenge },
    errors: [404],
    handler: async ({ core, ctx, params }) =>
      ok(toLegacyAdminChallenge(await core.adminChallenges.get(ctx, { challengeId: params.id }))),
  }),
  defineRoute({
    method: 'PUT',
    path: '/admin/challenges/:id{[0-9]+}',
    guard: 'admin',
    summary: 'Update a logic challenge (only the fields sent)',
    params: ZLegacyAdminChallengeParams,
    body: jsonBody(ZLegacyAdminChallengeUpdateBody),
    responses: { 200: ZLegacyAdminChallenge },
    errors: [400, 404, 422],
    handler: async ({ core, ctx, params, body }) =>
      ok(
        toLegacyAdminChallenge(
          await core.adminChallenges.update(ctx, fromLegacyChallengeUpdate(params.id, body)),
        ),
      ),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/admin/challenges/:id{[0-9]+}',
    guard: 'admin',
    summary: 'Archive or restore a logic challenge',
    params: ZLegacyAdminChallengeParams,
    body: jsonBody(ZLegacyAdminArchiveBody),
    responses: { 200: ZLegacyAdminArchived },
    errors: [400, 404, 422],
    handler: async ({ core, ctx, params, body }) =>
      ok(
        toLegacyAdminArchived(
          await core.adminChallenges.archive(ctx, {
            challengeId: params.id,
            isArchived: body.is_archived,
          }),
        ),
      ),
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/challenges/:id{[0-9]+}/duplicate',
    guard: 'admin',
    summary: 'Copy a logic challenge (« (copie) », not archived)',
    params: ZLegacyAdminChallengeParams,
    responses: { 201: ZLegacyAdminChallenge },
    errors: [404],
    handler: async ({ core, ctx, params }) =>
      created(
        toLegacyAdminChallenge(
          await core.adminChallenges.duplicate(ctx, { challengeId: params.id }),
        ),
      ),
  }),
];

const badgeRoutes = [
  defineRoute({
    method: 'GET',
    path: '/admin/badges',
    guard: 'admin',
    summary: 'Every badge, active or not, with how many users hold it',
    responses: { 200: ZLegacyAdminBadgeList },
    errors: [],
    handler: async ({ core, ctx }) =>
      ok({
        success: true as const,
        data: (await core.adminBadges.list(ctx)).map(toLegacyAdminBadgeWithCount),
      }),
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/badges',
    guard: 'admin',
    summary: 'Create a badge (requirements validated; awarded from the next submission)',
    body: jsonBody(ZLegacyAdminBadgeCreateBody, {
      required: [
        { field: 'code', message: BM.codeRequired },
        { field: 'name', message: BM.nameRequired },
      ],
    }),
    responses: { 201: ZLegacyAdminBadge },
    errors: [400, 409, 422],
    handler: async ({ core, ctx, body }) =>
      created(
        toLegacyAdminBadge(
          await core.adminBadges.create(ctx, {
            code: body.code,
            name: body.name,
            requirements: body.requirements,
            description: body.description,
            iconUrl: body.icon_url,
            category: body.category,
            difficulty: body.difficulty,
            starWarsTitle: body.star_wars_title,
            pointsReward: body.points_reward,
            isSecret: body.is_secret,
          }),
        ),
      ),
  }),
  defineRoute({
    method: 'GET',
    path: '/admin/badges/:id{[0-9]+}',
    guard: 'admin',
    summary: 'A badge with how many users hold it',
    params: ZLegacyAdminBadgeParams,
    responses: { 200: ZLegacyAdminBadgeWithCount },
    errors: [404],
    handler: async ({ core, ctx, params }) =>
      ok(toLegacyAdminBadgeWithCount(await core.adminBadges.get(ctx, { badgeId: params.id }))),
  }),
  defineRoute({
    method: 'PUT',
    path: '/admin/badges/:id{[0-9]+}',
    guard: 'admin',
    summary: 'Update a badge (only the fields sent; the code is immutable)',
    params: ZLegacyAdminBadgeParams,
    body: jsonBody(ZLegacyAdminBadgeUpdateBody),
    responses: { 200: ZLegacyAdminBadge },
    errors: [400, 404, 422],
    handler: async ({ core, ctx, params, body }) =>
      ok(
        toLegacyAdminBadge(
          await core.adminBadges.update(ctx, fromLegacyBadgeUpdate(params.id, body)),
        ),
      ),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/admin/badges/:id{[0-9]+}',
    guard: 'admin',
    summary: 'Deactivate a badge (soft delete; earned badges are kept)',
    params: ZLegacyAdminBadgeParams,
    responses: { 200: ZLegacyAdminBadgeDeleted },
    errors: [404],
    handler: async ({ core, ctx, params }) =>
      ok(toLegacyAdminBadgeDeleted(await core.adminBadges.delete(ctx, { badgeId: params.id }))),
  }),
];

export const adminContentRoutes = defineRoutes({
  feature: 'admin-content',
  area: { prefix: '/admin', maintenanceExempt: true },
  routes: [...exerciseRoutes, ...challengeRoutes, ...badgeRoutes],
});
