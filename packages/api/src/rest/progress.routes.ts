/** The learner statistics routes (api-rest-core §6.3.10 route 22, §6.3.12 route 24). */
import {
  toLegacyDashboard,
  toLegacyProgress,
  ZLegacyDashboard,
  ZLegacyProgress,
  ZLegacyStatsQuery,
} from './progress.legacy.ts';
import { ok } from './reply.ts';
import { defineRoute, defineRoutes } from './route.ts';

export const progressRoutes = defineRoutes({
  feature: 'progress',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/users/me/progress',
      guard: 'user+full',
      summary: "The user's exercise progress (accuracy, streaks, per type)",
      responses: { 200: ZLegacyProgress },
      errors: [],
      handler: async ({ core, ctx }) => ok(toLegacyProgress(await core.progress.get(ctx))),
    }),

    defineRoute({
      method: 'GET',
      path: '/users/stats',
      guard: 'user',
      summary: 'The dashboard statistics over a time range (7, 30, 90 days or all)',
      query: ZLegacyStatsQuery,
      responses: { 200: ZLegacyDashboard },
      errors: [],
      handler: async ({ core, ctx, query }) =>
        ok(toLegacyDashboard(await core.stats.dashboard(ctx, query))),
    }),
  ],
});
