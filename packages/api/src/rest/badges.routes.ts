/** The badge routes (api-rest-core §6.5, routes 35–41). */
import { jsonBody } from '../legacy/body.ts';
import {
  checkMessage,
  toLegacyAvailableBadge,
  toLegacyAwardedBadge,
  toLegacyBadgeProgress,
  toLegacyBadgeStats,
  toLegacyEarnedBadge,
  toLegacyRarity,
  toLegacyUserStats,
  ZLegacyAvailableBadgesResponse,
  ZLegacyBadgeProgressResponse,
  ZLegacyBadgeStatsResponse,
  ZLegacyCheckResponse,
  ZLegacyPinBody,
  ZLegacyPinResponse,
  ZLegacyRarityResponse,
  ZLegacyUserBadgesResponse,
} from './badges.legacy.ts';
import { ok } from './reply.ts';
import { defineRoute, defineRoutes } from './route.ts';

export const badgesRoutes = defineRoutes({
  feature: 'badges',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/badges/user',
      guard: 'user',
      summary: "The user's earned badges and gamification stats",
      responses: { 200: ZLegacyUserBadgesResponse },
      errors: [],
      handler: async ({ core, ctx }) => {
        const dto = await core.badges.listEarned(ctx);
        return ok({
          success: true,
          data: {
            earned_badges: dto.earnedBadges.map(toLegacyEarnedBadge),
            user_stats: toLegacyUserStats(dto.userStats),
          },
        });
      },
    }),

    defineRoute({
      method: 'GET',
      path: '/badges/available',
      guard: 'public',
      summary: 'The active badge catalogue',
      responses: { 200: ZLegacyAvailableBadgesResponse },
      errors: [],
      handler: async ({ core, ctx }) =>
        ok({
          success: true,
          data: (await core.badges.listAvailable(ctx)).map(toLegacyAvailableBadge),
        }),
    }),

    defineRoute({
      method: 'POST',
      path: '/badges/check',
      guard: 'user+full',
      summary: 'Award the badges whose criteria are met (no body; not wrapped in `data`)',
      responses: { 200: ZLegacyCheckResponse },
      errors: [],
      handler: async ({ core, ctx }) => {
        const { newBadges } = await core.badges.check(ctx);
        return ok({
          success: true,
          new_badges: newBadges.map(toLegacyAwardedBadge),
          badges_earned: newBadges.length,
          message: checkMessage(newBadges.length),
        });
      },
    }),

    defineRoute({
      method: 'GET',
      path: '/badges/stats',
      guard: 'user',
      summary: "The user's badge and performance statistics (cached 60 s)",
      responses: { 200: ZLegacyBadgeStatsResponse },
      errors: [],
      handler: async ({ core, ctx }) =>
        ok({ success: true, data: toLegacyBadgeStats(await core.badges.stats(ctx)) }),
    }),

    defineRoute({
      method: 'GET',
      path: '/badges/rarity',
      guard: 'public',
      summary: 'Unlock counts and rarity of every unlocked badge (cached 90 s)',
      responses: { 200: ZLegacyRarityResponse },
      errors: [],
      handler: async ({ core, ctx }) =>
        ok({ success: true, data: toLegacyRarity(await core.badges.rarity(ctx)) }),
    }),

    defineRoute({
      method: 'PATCH',
      path: '/badges/pin',
      guard: 'user+full',
      summary: 'Pin up to three earned badges, in display order',
      body: jsonBody(ZLegacyPinBody),
      responses: { 200: ZLegacyPinResponse },
      errors: [400, 422],
      handler: async ({ core, ctx, body }) => {
        const dto = await core.badges.pin(ctx, body);
        return ok({ success: true, data: { pinned_badge_ids: dto.pinnedBadgeIds } });
      },
    }),

    // Declared with the badges; registered before any `/challenges/{id}` route (module order).
    defineRoute({
      method: 'GET',
      path: '/challenges/badges/progress',
      guard: 'user+full',
      summary: 'Progress towards each badge not yet earned',
      responses: { 200: ZLegacyBadgeProgressResponse },
      errors: [],
      handler: async ({ core, ctx }) =>
        ok({
          success: true,
          data: toLegacyBadgeProgress(await core.badges.progress(ctx)),
        }),
    }),
  ],
});
