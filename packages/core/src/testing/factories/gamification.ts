import type { Prisma } from '../../db/generated/client.ts';
import { createUser } from './accounts.ts';
import { uniqueSuffix, type FactoryDb } from './shared.ts';

// ---------------------------------------------------------------------------------------------
// Badges
// ---------------------------------------------------------------------------------------------

export const achievementFactorySelect = {
  id: true,
  code: true,
  name: true,
  pointsReward: true,
  isActive: true,
} as const satisfies Prisma.AchievementSelect;

export type FactoryAchievement = Prisma.AchievementGetPayload<{
  select: typeof achievementFactorySelect;
}>;

/** A test badge whose code cannot collide with the catalogue (prefix `test_`). */
export const createAchievement = async (
  db: FactoryDb,
  overrides: Partial<Prisma.AchievementUncheckedCreateInput> = {},
): Promise<FactoryAchievement> => {
  const suffix = uniqueSuffix();
  return db.achievement.create({
    data: {
      code: `test_${suffix}`,
      name: `Badge ${suffix}`,
      description: 'Badge de test',
      category: 'PROGRESSION',
      tier: 'BRONZE',
      pointsReward: 10,
      requirements: { attempts_count: 1 },
      ...overrides,
    },
    select: achievementFactorySelect,
  });
};

export const userAchievementFactorySelect = {
  id: true,
  userId: true,
  achievementId: true,
  earnedAt: true,
  pointsAwarded: true,
} as const satisfies Prisma.UserAchievementSelect;

export type FactoryUserAchievement = Prisma.UserAchievementGetPayload<{
  select: typeof userAchievementFactorySelect;
}>;

/** Awards a badge (creating the user and/or a test badge when not given). */
export const awardBadge = async (
  db: FactoryDb,
  overrides: Partial<Prisma.UserAchievementUncheckedCreateInput> = {},
): Promise<FactoryUserAchievement> => {
  const userId = overrides.userId ?? (await createUser(db)).id;
  const achievementId = overrides.achievementId ?? (await createAchievement(db)).id;
  return db.userAchievement.create({
    data: { pointsAwarded: 10, ...overrides, userId, achievementId },
    select: userAchievementFactorySelect,
  });
};

export interface FactoryPinnedBadge {
  userId: number;
  achievementId: number;
  position: number;
}

/** Pins an earned badge. The badge must have been awarded to the user (composite FK). */
export const pinBadge = async (
  db: FactoryDb,
  input: { userId: number; achievementId: number; position?: number },
): Promise<FactoryPinnedBadge> =>
  db.userPinnedBadge.create({
    data: {
      userId: input.userId,
      achievementId: input.achievementId,
      position: input.position ?? 1,
    },
    select: { userId: true, achievementId: true, position: true },
  });
