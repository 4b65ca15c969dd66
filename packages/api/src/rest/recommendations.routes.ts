/**
 * The recommendation routes (api-rest-core §6.6, routes 44–46) and the newer frontend's open / clicked
 * tracking (upstream-v36 §11.6).
 */
import { RECOMMENDATION_MESSAGES } from '@mathakine/core';

import { jsonBody } from '../legacy/body.ts';
import {
  toLegacyClick,
  toLegacyRecommendation,
  ZLegacyClickResponse,
  ZLegacyCompletedResponse,
  ZLegacyGeneratedResponse,
  ZLegacyRecommendationIdBody,
  ZLegacyRecommendationList,
} from './recommendations.legacy.ts';
import { ok } from './reply.ts';
import { defineRoute, defineRoutes } from './route.ts';

const clickRoute = (path: string, summary: string, use: 'recordOpen' | 'recordClick') =>
  defineRoute({
    method: 'POST',
    path,
    guard: 'user+full',
    summary,
    body: jsonBody(ZLegacyRecommendationIdBody),
    responses: { 200: ZLegacyClickResponse },
    errors: [400, 404, 422],
    handler: async ({ core, ctx, body }) =>
      ok(toLegacyClick(await core.recommendations[use](ctx, body))),
  });

export const recommendationsRoutes = defineRoutes({
  feature: 'recommendations',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/recommendations',
      guard: 'user+full',
      summary: 'The 7 best open recommendations (generated on first read), counted as displayed',
      responses: { 200: ZLegacyRecommendationList },
      errors: [],
      handler: async ({ core, ctx }) => {
        const { items } = await core.recommendations.list(ctx, { markShown: true });
        return ok(items.map(toLegacyRecommendation));
      },
    }),

    defineRoute({
      method: 'POST',
      path: '/recommendations/generate',
      guard: 'user+full',
      summary: 'Replace the pending recommendations with a fresh set (no body)',
      responses: { 200: ZLegacyGeneratedResponse },
      errors: [409],
      handler: async ({ core, ctx }) => {
        const { count } = await core.recommendations.generate(ctx);
        return ok({ message: RECOMMENDATION_MESSAGES.generated, count });
      },
    }),

    defineRoute({
      method: 'POST',
      path: '/recommendations/complete',
      guard: 'user+full',
      summary: 'Mark one of the caller’s recommendations completed (idempotent)',
      body: jsonBody(ZLegacyRecommendationIdBody),
      responses: { 200: ZLegacyCompletedResponse },
      errors: [400, 404, 422],
      handler: async ({ core, ctx, body }) => {
        const { id } = await core.recommendations.complete(ctx, body);
        return ok({ message: RECOMMENDATION_MESSAGES.completed, id });
      },
    }),

    clickRoute(
      '/recommendations/open',
      'The learner opened a recommended item (click count)',
      'recordOpen',
    ),
    clickRoute('/recommendations/clicked', 'Alias of /recommendations/open', 'recordClick'),
  ],
});
