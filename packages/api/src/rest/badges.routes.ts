/**
 * Legacy badge routes (api-rest-core §6.5, routes 35–41): thin adapters over `core.badges`, with
 * explicit legacy mappers (snake_case keys in the legacy order, Python floats and isoformat times).
 */
import { z } from 'zod';

import {
  parseLegacyBadgeIds,
  type AwardedBadgeDto,
  type BadgeDto,
  type BadgeProgressDto,
  type BadgeRarityDto,
  type BadgeStatsDto,
  type EarnedBadgeDto,
  type GamificationUserStatsDto,
} from '@mathakine/core';

import { authedCtxOf, ctxOf } from '../http/request-ctx.ts';
import { readLegacyBody } from '../legacy/body.ts';
import { legacyJson, pyFloat, pyIsoformat, type PyFloat } from '../legacy/format.ts';
import type { LegacyRoutesModule } from './index.ts';

// ---------------------------------------------------------------------------------------------
// Mappers
// ---------------------------------------------------------------------------------------------

export const toLegacyUserStats = (s: GamificationUserStatsDto) => ({
  total_points: s.totalPoints,
  current_level: s.currentLevel,
  experience_points: s.experiencePoints,
  jedi_rank: s.jediRank,
  pinned_badge_ids: s.pinnedBadgeIds,
  current_streak: s.currentStreak,
  best_streak: s.bestStreak,
});

export const toLegacyEarnedBadge = (b: EarnedBadgeDto) => ({
  id: b.id,
  code: b.code,
  name: b.name,
  description: b.description,
  star_wars_title: b.starWarsTitle,
  difficulty: b.difficulty,
  points_reward: b.pointsReward,
  category: b.category,
  earned_at: pyIsoformat(b.earnedAt),
  is_displayed: b.isDisplayed,
});

/** The award payload of the submit and check responses (data-model §4.7). */
export const toLegacyAwardedBadge = (b: AwardedBadgeDto) => ({
  id: b.id,
  code: b.code,
  name: b.name,
  description: b.description,
  star_wars_title: b.starWarsTitle,
  difficulty: b.difficulty,
  points_reward: b.pointsReward,
  earned_at: pyIsoformat(b.earnedAt),
});

export const toLegacyAvailableBadge = (b: BadgeDto) => ({
  id: b.id,
  code: b.code,
  name: b.name,
  description: b.description,
  criteria_text: b.criteriaText,
  star_wars_title: b.starWarsTitle,
  difficulty: b.difficulty,
  points_reward: b.pointsReward,
  category: b.category,
  is_secret: b.isSecret,
  icon_url: b.iconUrl,
});

export const toLegacyBadgeStats = (s: BadgeStatsDto) => ({
  user_stats: toLegacyUserStats(s.userStats),
  badges_summary: {
    total_badges: s.badgesSummary.totalBadges,
    by_category: s.badgesSummary.byCategory,
  },
  performance: {
    total_attempts: s.performance.totalAttempts,
    correct_attempts: s.performance.correctAttempts,
    // Python: round(…, 1) (a float) when there are attempts, else the int 0.
    success_rate: s.performance.totalAttempts > 0 ? pyFloat(s.performance.successRate) : 0,
    avg_time_spent: s.performance.avgTimeSpent !== 0 ? pyFloat(s.performance.avgTimeSpent) : 0,
  },
});

export const toLegacyRarity = (r: BadgeRarityDto) => {
  const byBadge: Record<string, { unlock_count: number; unlock_percent: PyFloat; rarity: string }> =
    {};
  for (const item of r.items) {
    byBadge[String(item.badgeId)] = {
      unlock_count: item.unlockCount,
      unlock_percent: pyFloat(item.unlockPercent),
      rarity: item.rarity,
    };
  }
  return { total_users: r.totalUsers, by_badge: byBadge };
};

export const toLegacyBadgeProgress = (p: BadgeProgressDto) => ({
  unlocked: p.unlocked.map((u) => ({ id: u.id, code: u.code, name: u.name })),
  in_progress: p.inProgress.map((i) => ({
    id: i.id,
    code: i.code,
    name: i.name,
    progress: pyFloat(i.progress),
    current: i.current,
    target: i.target,
    criteria_text: i.criteriaText,
    is_secret: i.isSecret,
  })),
});

export const checkMessage = (count: number): string =>
  count > 0 ? `${count} nouveaux badges obtenus` : 'Aucun nouveau badge';

const ZLegacyPinBody = z.object({ badge_ids: z.unknown().optional() });

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

export const badgesRoutes: LegacyRoutesModule = ({ route }) => {
  // 35
  route('GET', '/badges/user', 'user', async (c) => {
    const dto = await c.var.core.badges.listEarned(authedCtxOf(c));
    return c.json({
      success: true,
      data: {
        earned_badges: dto.earnedBadges.map(toLegacyEarnedBadge),
        user_stats: toLegacyUserStats(dto.userStats),
      },
    });
  });

  // 36
  route('GET', '/badges/available', 'public', async (c) =>
    c.json({
      success: true,
      data: (await c.var.core.badges.listAvailable(ctxOf(c))).map(toLegacyAvailableBadge),
    }),
  );

  // 37: no body; not wrapped in `data`.
  route('POST', '/badges/check', 'user+full', async (c) => {
    const { newBadges } = await c.var.core.badges.check(authedCtxOf(c));
    return c.json({
      success: true,
      new_badges: newBadges.map(toLegacyAwardedBadge),
      badges_earned: newBadges.length,
      message: checkMessage(newBadges.length),
    });
  });

  // 38
  route('GET', '/badges/stats', 'user', async (c) =>
    legacyJson({
      success: true,
      data: toLegacyBadgeStats(await c.var.core.badges.stats(authedCtxOf(c))),
    }),
  );

  // 39
  route('GET', '/badges/rarity', 'public', async (c) =>
    legacyJson({ success: true, data: toLegacyRarity(await c.var.core.badges.rarity(ctxOf(c))) }),
  );

  // 40
  route('PATCH', '/badges/pin', 'user+full', async (c) => {
    const body = await readLegacyBody(c, { schema: ZLegacyPinBody });
    const badgeIds = parseLegacyBadgeIds(body.badge_ids);
    const dto = await c.var.core.badges.pin(authedCtxOf(c), { badgeIds });
    return c.json({ success: true, data: { pinned_badge_ids: dto.pinnedBadgeIds } });
  });

  // 41: declared with the badges; must stay registered before any `/challenges/{id}` route.
  route('GET', '/challenges/badges/progress', 'user+full', async (c) =>
    legacyJson({
      success: true,
      data: toLegacyBadgeProgress(await c.var.core.badges.progress(authedCtxOf(c))),
    }),
  );
};
