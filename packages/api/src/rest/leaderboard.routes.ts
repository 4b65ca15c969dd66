/** The leaderboard (api-rest-core §6.3.13, route 25). */
import {
  toLegacyLeaderboardEntry,
  ZLegacyLeaderboard,
  ZLegacyLeaderboardQuery,
} from './leaderboard.legacy.ts';
import { ok } from './reply.ts';
import { defineRoute, defineRoutes } from './route.ts';

export const leaderboardRoutes = defineRoutes({
  feature: 'leaderboard',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/users/leaderboard',
      guard: 'user+full',
      // Whitelisted in the legacy middleware, but user+full in the handler: anonymous → 401 (§2.4).
      publicListed: true,
      summary: 'The points leaderboard (users hidden by their privacy setting are left out)',
      query: ZLegacyLeaderboardQuery,
      responses: { 200: ZLegacyLeaderboard },
      errors: [],
      handler: async ({ core, ctx, query }) => {
        const board = await core.leaderboard.list(ctx, query);
        return ok({ leaderboard: board.items.map(toLegacyLeaderboardEntry) });
      },
    }),
  ],
});
