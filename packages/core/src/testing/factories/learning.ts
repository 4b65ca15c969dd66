import type { Prisma } from '../../db/generated/client.ts';
import { createUser } from './accounts.ts';
import { createLogicChallenge } from './challenges.ts';
import { createExercise } from './exercises.ts';
import { uniqueSuffix, type FactoryDb } from './shared.ts';

// ---------------------------------------------------------------------------------------------
// Recommendations, notifications
// ---------------------------------------------------------------------------------------------

export const recommendationFactorySelect = {
  id: true,
  userId: true,
  recommendationType: true,
  exerciseId: true,
  challengeId: true,
  exerciseType: true,
  priority: true,
  isCompleted: true,
} as const satisfies Prisma.RecommendationSelect;

export type FactoryRecommendation = Prisma.RecommendationGetPayload<{
  select: typeof recommendationFactorySelect;
}>;

/**
 * An exercise recommendation by default (exercise created when not given); pass
 * `recommendationType: 'CHALLENGE'` for a challenge one (challenge created when not given).
 */
export const createRecommendation = async (
  db: FactoryDb,
  overrides: Partial<Prisma.RecommendationUncheckedCreateInput> = {},
): Promise<FactoryRecommendation> => {
  const userId = overrides.userId ?? (await createUser(db)).id;
  if (overrides.recommendationType === 'CHALLENGE') {
    const challengeId = overrides.challengeId ?? (await createLogicChallenge(db)).id;
    return db.recommendation.create({
      data: {
        reason: 'Un défi pour toi',
        ...overrides,
        userId,
        challengeId,
        recommendationType: 'CHALLENGE',
      },
      select: recommendationFactorySelect,
    });
  }
  const exercise =
    overrides.exerciseId === undefined || overrides.exerciseId === null
      ? await createExercise(db)
      : null;
  return db.recommendation.create({
    data: {
      exerciseType: exercise?.exerciseType ?? 'ADDITION',
      difficulty: 'PADAWAN',
      reason: 'Entraîne-toi encore',
      ...overrides,
      userId,
      exerciseId: overrides.exerciseId ?? exercise?.id ?? null,
      recommendationType: 'EXERCISE',
    },
    select: recommendationFactorySelect,
  });
};

export const notificationFactorySelect = {
  id: true,
  userId: true,
  type: true,
  title: true,
  isRead: true,
  createdAt: true,
} as const satisfies Prisma.NotificationSelect;

export type FactoryNotification = Prisma.NotificationGetPayload<{
  select: typeof notificationFactorySelect;
}>;

export const createNotification = async (
  db: FactoryDb,
  overrides: Partial<Prisma.NotificationUncheckedCreateInput> = {},
): Promise<FactoryNotification> => {
  const userId = overrides.userId ?? (await createUser(db)).id;
  return db.notification.create({
    data: {
      type: 'info',
      title: `Notification ${uniqueSuffix()}`,
      message: 'Message de test',
      ...overrides,
      userId,
    },
    select: notificationFactorySelect,
  });
};
