/**
 * The learning loop's DTOs a client sees: the learner's progress and what a submit reports (badges
 * awarded, the "Tu approches !" notification). Zod schemas: the tRPC output schemas; types inferred.
 */
import { z } from 'zod';

export const ZAwardedBadgeDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  starWarsTitle: z.string().nullable(),
  difficulty: z.string().nullable(),
  pointsReward: z.number().int(),
  earnedAt: z.date(),
});
export type AwardedBadgeDto = z.infer<typeof ZAwardedBadgeDto>;

export const ZProgressNotificationDto = z.object({ name: z.string(), remaining: z.number() });
export type ProgressNotificationDto = z.infer<typeof ZProgressNotificationDto>;

/**
 * GET /api/users/me/progress. Units: `accuracy` is a fraction 0–1 (2 decimals), `averageTime` seconds
 * (1 decimal) over attempts with a non-zero time.
 */
export const ZProgressDto = z.object({
  totalAttempts: z.number().int(),
  correctAttempts: z.number().int(),
  /** Fraction 0–1, 2 decimals. */
  accuracy: z.number(),
  /** Seconds, 1 decimal. */
  averageTime: z.number(),
  exercisesCompleted: z.number().int(),
  highestStreak: z.number().int(),
  currentStreak: z.number().int(),
  /** Keyed by exercise type (`ADDITION`…), only types with attempts. */
  byCategory: z.record(z.string(), z.object({ completed: z.number().int(), accuracy: z.number() })),
});
export type ProgressDto = z.infer<typeof ZProgressDto>;
