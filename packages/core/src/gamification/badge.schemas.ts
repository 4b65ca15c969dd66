import { z } from 'zod';

import { AppError } from '../kernel/errors.ts';
import { ZDbId } from '../lib/db-id.ts';
import type { AwardedBadgeDto, ProgressNotificationDto } from '../progress/index.ts';
import { MAX_PINNED_BADGES, type Rarity } from './badge.rules.ts';

export type { AwardedBadgeDto, ProgressNotificationDto };

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
export interface BadgeDto {
  id: number;
  code: string;
  name: string;
  description: string | null;
  criteriaText: string | null;
  starWarsTitle: string | null;
  difficulty: string | null;
  pointsReward: number;
  category: string | null;
  isSecret: boolean;
  iconUrl: string | null;
}

export interface EarnedBadgeDto {
  id: number;
  code: string;
  name: string;
  description: string | null;
  starWarsTitle: string | null;
  difficulty: string | null;
  pointsReward: number;
  category: string | null;
  earnedAt: Date;
  isDisplayed: boolean;
}

/** Points, level and rank are derived from `total_points` (§4.5); the day streak decays on read. */
export interface GamificationUserStatsDto {
  totalPoints: number;
  currentLevel: number;
  experiencePoints: number;
  jediRank: string;
  pinnedBadgeIds: number[];
  currentStreak: number;
  bestStreak: number;
}

export interface UserBadgesDto {
  earnedBadges: EarnedBadgeDto[];
  userStats: GamificationUserStatsDto;
}

export interface CheckBadgesDto {
  newBadges: AwardedBadgeDto[];
}

export interface BadgeStatsDto {
  userStats: GamificationUserStatsDto;
  badgesSummary: { totalBadges: number; byCategory: Record<string, number> };
  performance: {
    totalAttempts: number;
    correctAttempts: number;
    /** Percent, 1 decimal; 0 without attempts. */
    successRate: number;
    /** Mean declared time in seconds, 2 decimals; 0 without timed attempts. */
    avgTimeSpent: number;
  };
}

export interface BadgeRarityItemDto {
  badgeId: number;
  unlockCount: number;
  /** Percent of active users, 1 decimal. */
  unlockPercent: number;
  rarity: Rarity;
}

export interface BadgeRarityDto {
  totalUsers: number;
  /** Active badges with at least one unlock, by id. */
  items: BadgeRarityItemDto[];
}

export interface PinnedBadgesDto {
  pinnedBadgeIds: number[];
}

export interface BadgeProgressItemDto {
  id: number;
  code: string;
  name: string;
  /** 0–1, 2 decimals. */
  progress: number;
  current: number;
  target: number;
  criteriaText: string | null;
  isSecret: boolean;
}

export interface BadgeProgressDto {
  unlocked: { id: number; code: string; name: string }[];
  inProgress: BadgeProgressItemDto[];
}
