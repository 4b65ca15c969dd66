import { z } from 'zod';

import { AppError } from '../kernel/errors.ts';
import { ZDbId } from '../lib/db-id.ts';
import { ZAwardedBadgeDto } from '../progress/index.ts';
import { MAX_PINNED_BADGES, RARITIES } from './badge.rules.ts';

/** French messages of the badge routes (api-rest-core §6.5). */
export const BADGE_MESSAGES = {
  pinNotAList: 'badge_ids doit être une liste',
  tooManyPins: `Au plus ${MAX_PINNED_BADGES} badges épinglés`,
} as const;

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** tRPC input of `badges.pin`: the ids in display order (at most 3; unearned ids are dropped). */
export const ZPinBadgesInput = z.object({
  badgeIds: z.array(ZDbId).max(MAX_PINNED_BADGES, BADGE_MESSAGES.tooManyPins),
});
export type PinBadgesInput = z.infer<typeof ZPinBadgesInput>;

/**
 * The legacy `badge_ids` value (§5.11): absent → `[]`; not a list → 400 `badge_ids doit être une
 * liste`; entries that are not numbers are dropped, numbers truncated toward zero, JSON `true` / `false`
 * count as 1 / 0 (Python bools are ints).
 */
export const parseLegacyBadgeIds = (value: unknown): number[] => {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new AppError('INVALID_INPUT', BADGE_MESSAGES.pinNotAList);
  const ids: number[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry === 'boolean') ids.push(entry ? 1 : 0);
    else if (typeof entry === 'number' && Number.isFinite(entry)) ids.push(Math.trunc(entry));
  }
  return ids;
};

// ---------------------------------------------------------------------------------------------
// DTOs (clean, camelCase; the legacy REST mappers turn them into the legacy shapes)
// ---------------------------------------------------------------------------------------------

/** A catalogue badge (`GET /api/badges/available`). `difficulty` / `category` are lower-case. */
export const ZBadgeDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  criteriaText: z.string().nullable(),
  starWarsTitle: z.string().nullable(),
  difficulty: z.string().nullable(),
  pointsReward: z.number().int(),
  category: z.string().nullable(),
  isSecret: z.boolean(),
  iconUrl: z.string().nullable(),
});
export type BadgeDto = z.infer<typeof ZBadgeDto>;

export const ZEarnedBadgeDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  starWarsTitle: z.string().nullable(),
  difficulty: z.string().nullable(),
  pointsReward: z.number().int(),
  category: z.string().nullable(),
  earnedAt: z.date(),
  isDisplayed: z.boolean(),
});
export type EarnedBadgeDto = z.infer<typeof ZEarnedBadgeDto>;

/** Points, level and rank are derived from `total_points` (§4.5); the day streak decays on read. */
export const ZGamificationUserStatsDto = z.object({
  totalPoints: z.number().int(),
  currentLevel: z.number().int(),
  experiencePoints: z.number().int(),
  jediRank: z.string(),
  pinnedBadgeIds: z.array(z.number().int()),
  currentStreak: z.number().int(),
  bestStreak: z.number().int(),
});
export type GamificationUserStatsDto = z.infer<typeof ZGamificationUserStatsDto>;

export const ZUserBadgesDto = z.object({
  earnedBadges: z.array(ZEarnedBadgeDto),
  userStats: ZGamificationUserStatsDto,
});
export type UserBadgesDto = z.infer<typeof ZUserBadgesDto>;

export const ZCheckBadgesDto = z.object({ newBadges: z.array(ZAwardedBadgeDto) });
export type CheckBadgesDto = z.infer<typeof ZCheckBadgesDto>;

export const ZBadgeStatsDto = z.object({
  userStats: ZGamificationUserStatsDto,
  badgesSummary: z.object({
    totalBadges: z.number().int(),
    byCategory: z.record(z.string(), z.number().int()),
  }),
  performance: z.object({
    totalAttempts: z.number().int(),
    correctAttempts: z.number().int(),
    /** Percent, 1 decimal; 0 without attempts. */
    successRate: z.number(),
    /** Mean declared time in seconds, 2 decimals; 0 without timed attempts. */
    avgTimeSpent: z.number(),
  }),
});
export type BadgeStatsDto = z.infer<typeof ZBadgeStatsDto>;

export const ZBadgeRarityItemDto = z.object({
  badgeId: z.number().int(),
  unlockCount: z.number().int(),
  /** Percent of active users, 1 decimal. */
  unlockPercent: z.number(),
  rarity: z.enum(RARITIES),
});
export type BadgeRarityItemDto = z.infer<typeof ZBadgeRarityItemDto>;

export const ZBadgeRarityDto = z.object({
  totalUsers: z.number().int(),
  /** Active badges with at least one unlock, by id. */
  items: z.array(ZBadgeRarityItemDto),
});
export type BadgeRarityDto = z.infer<typeof ZBadgeRarityDto>;

export const ZPinnedBadgesDto = z.object({ pinnedBadgeIds: z.array(z.number().int()) });
export type PinnedBadgesDto = z.infer<typeof ZPinnedBadgesDto>;

export const ZBadgeProgressItemDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  /** 0–1, 2 decimals. */
  progress: z.number(),
  current: z.number(),
  target: z.number(),
  criteriaText: z.string().nullable(),
  isSecret: z.boolean(),
});
export type BadgeProgressItemDto = z.infer<typeof ZBadgeProgressItemDto>;

export const ZBadgeProgressDto = z.object({
  unlocked: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
  inProgress: z.array(ZBadgeProgressItemDto),
});
export type BadgeProgressDto = z.infer<typeof ZBadgeProgressDto>;
