/**
 * The dashboard statistics a client sees (GET /api/users/stats, `stats.dashboard`). Zod schemas: the tRPC
 * output schemas; the types are inferred from them.
 */
import { z } from 'zod';

import { TIME_RANGES } from './stats.rules.ts';

export const ZDashboardLevel = z.object({
  current: z.number().int(),
  title: z.string(),
  currentXp: z.number().int(),
  nextLevelXp: z.number().int(),
});
export type DashboardLevel = z.infer<typeof ZDashboardLevel>;

export const ZActivityItem = z.object({
  type: z.enum(['exercise', 'challenge']),
  description: z.string(),
  time: z.date(),
  isCorrect: z.boolean(),
});
export type ActivityItem = z.infer<typeof ZActivityItem>;

export const ZDashboardStatsDto = z.object({
  timeRange: z.enum(TIME_RANGES),
  totalExercises: z.number().int(),
  /** Correct challenge attempts, all time (ignores the window). */
  totalChallenges: z.number().int(),
  correctAnswers: z.number().int(),
  /** Integer percent, half-even. */
  successRate: z.number(),
  experiencePoints: z.number().int(),
  /** Keyed by lower-case type; `successRate` an unrounded float percent. */
  performanceByType: z.record(
    z.string(),
    z.object({ completed: z.number().int(), correct: z.number().int(), successRate: z.number() }),
  ),
  recentActivity: z.array(ZActivityItem),
  level: ZDashboardLevel,
  /** Days with activity only, ascending; `successRate` an unrounded float percent. */
  daily: z.array(
    z.object({
      day: z.string(),
      total: z.number().int(),
      correct: z.number().int(),
      successRate: z.number(),
    }),
  ),
  lastUpdated: z.date(),
});
export type DashboardStatsDto = z.infer<typeof ZDashboardStatsDto>;
