/**
 * The legacy wire of the badge routes (api-rest-core §6.5): response schemas and mappers (snake_case keys
 * in the legacy order, Python floats and isoformat times). `toLegacyAwardedBadge` is the one mapper of an
 * award, shared with the exercise attempt response.
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

import { pyFloat, pyIsoformat, type PyFloat } from '../legacy/format.ts';
import { wire, ZPyDateTime, ZPyFloat } from '../legacy/wire.ts';

// ---- inputs ----------------------------------------------------------------------------------------

/** PATCH /api/badges/pin (§5.11): `badge_ids` read by core's legacy rule (400 when not a list). */
export const ZLegacyPinBody = z
  .object({ badge_ids: z.unknown().optional() })
  .transform((b) => ({ badgeIds: parseLegacyBadgeIds(b.badge_ids) }));

// ---- responses -------------------------------------------------------------------------------------

const ZLegacyUserStats = wire({
  total_points: z.number(),
  current_level: z.number(),
  experience_points: z.number(),
  jedi_rank: z.string(),
  pinned_badge_ids: z.array(z.number()),
  current_streak: z.number(),
  best_streak: z.number(),
});

/** An award in the check and attempt responses (data-model §4.7). */
export const ZLegacyAwardedBadge = wire({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  star_wars_title: z.string().nullable(),
  difficulty: z.string().nullable(),
  points_reward: z.number(),
  earned_at: ZPyDateTime,
});

export const ZLegacyUserBadgesResponse = wire({
  success: z.literal(true),
  data: wire({
    earned_badges: z.array(
      wire({
        ...ZLegacyAwardedBadge.shape,
        category: z.string().nullable(),
        is_displayed: z.boolean(),
      }),
    ),
    user_stats: ZLegacyUserStats,
  }),
});

export const ZLegacyAvailableBadgesResponse = wire({
  success: z.literal(true),
  data: z.array(
    wire({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      criteria_text: z.string().nullable(),
      star_wars_title: z.string().nullable(),
      difficulty: z.string().nullable(),
      points_reward: z.number(),
      category: z.string().nullable(),
      is_secret: z.boolean(),
      icon_url: z.string().nullable(),
    }),
  ),
});

export const ZLegacyCheckResponse = wire({
  success: z.literal(true),
  new_badges: z.array(ZLegacyAwardedBadge),
  badges_earned: z.number(),
  message: z.string(),
});

export const ZLegacyBadgeStatsResponse = wire({
  success: z.literal(true),
  data: wire({
    user_stats: ZLegacyUserStats,
    badges_summary: wire({
      total_badges: z.number(),
      by_category: z.record(z.string(), z.number()),
    }),
    performance: wire({
      total_attempts: z.number(),
      correct_attempts: z.number(),
      success_rate: ZPyFloat,
      avg_time_spent: ZPyFloat,
    }),
  }),
});

export const ZLegacyRarityResponse = wire({
  success: z.literal(true),
  data: wire({
    total_users: z.number(),
    by_badge: z.record(
      z.string(),
      wire({ unlock_count: z.number(), unlock_percent: ZPyFloat, rarity: z.string() }),
    ),
  }),
});

export const ZLegacyPinResponse = wire({
  success: z.literal(true),
  data: wire({ pinned_badge_ids: z.array(z.number()) }),
});

export const ZLegacyBadgeProgressResponse = wire({
  success: z.literal(true),
  data: wire({
    unlocked: z.array(wire({ id: z.number(), code: z.string(), name: z.string() })),
    in_progress: z.array(
      wire({
        id: z.number(),
        code: z.string(),
        name: z.string(),
        progress: ZPyFloat,
        current: z.number(),
        target: z.number(),
        criteria_text: z.string().nullable(),
        is_secret: z.boolean(),
      }),
    ),
  }),
});

// ---- mappers ---------------------------------------------------------------------------------------

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
