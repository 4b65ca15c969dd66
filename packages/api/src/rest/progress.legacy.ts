/**
 * The legacy wire of the learner statistics (api-rest-core §6.3.10 route 22, §6.3.12 route 24), read from
 * the progress caches; floats written as Python floats.
 */
import { z } from 'zod';

import { parseLegacyTimeRange, type DashboardStatsDto, type ProgressDto } from '@mathakine/core';

import { mapValues, pyFloat, pyIsoformat } from '../legacy/format.ts';
import { queryValue } from '../legacy/inputs.ts';
import { wire, ZPyDateTime, ZPyFloat } from '../legacy/wire.ts';

/** `timeRange`: anything but 7, 30, 90 or all means 30 (core's legacy rule). */
export const ZLegacyStatsQuery = z
  .object({ timeRange: queryValue() })
  .transform((q) => ({ timeRange: parseLegacyTimeRange(q.timeRange) }));

export const ZLegacyProgress = wire({
  total_attempts: z.number(),
  correct_attempts: z.number(),
  accuracy: ZPyFloat,
  average_time: ZPyFloat,
  exercises_completed: z.number(),
  highest_streak: z.number(),
  current_streak: z.number(),
  by_category: z.record(z.string(), wire({ completed: z.number(), accuracy: ZPyFloat })),
});

export const ZLegacyDashboard = wire({
  total_exercises: z.number(),
  total_challenges: z.number(),
  correct_answers: z.number(),
  success_rate: z.number(),
  experience_points: z.number(),
  performance_by_type: z.record(
    z.string(),
    wire({ completed: z.number(), correct: z.number(), success_rate: ZPyFloat }),
  ),
  recent_activity: z.array(
    wire({
      type: z.string(),
      description: z.string(),
      time: ZPyDateTime,
      is_correct: z.boolean(),
    }),
  ),
  level: wire({
    current: z.number(),
    title: z.string(),
    current_xp: z.number(),
    next_level_xp: z.number(),
  }),
  progress_over_time: wire({
    labels: z.array(z.string()),
    datasets: z.array(wire({ label: z.string(), data: z.array(ZPyFloat) })),
  }),
  exercises_by_day: wire({
    labels: z.array(z.string()),
    datasets: z.array(
      wire({
        label: z.string(),
        data: z.array(z.number()),
        borderColor: z.string(),
        backgroundColor: z.string(),
      }),
    ),
  }),
  lastUpdated: ZPyDateTime,
});

/** GET /api/users/me/progress (§6.3.10): fractions 0–1 and seconds as Python floats. */
export const toLegacyProgress = (p: ProgressDto) => ({
  total_attempts: p.totalAttempts,
  correct_attempts: p.correctAttempts,
  accuracy: pyFloat(p.accuracy),
  average_time: pyFloat(p.averageTime),
  exercises_completed: p.exercisesCompleted,
  highest_streak: p.highestStreak,
  current_streak: p.currentStreak,
  by_category: mapValues(p.byCategory, (c) => ({
    completed: c.completed,
    accuracy: pyFloat(c.accuracy),
  })),
});

/** GET /api/users/stats (§6.3.12). */
export const toLegacyDashboard = (s: DashboardStatsDto) => {
  const labels = s.daily.map((d) => d.day);
  return {
    total_exercises: s.totalExercises,
    total_challenges: s.totalChallenges,
    correct_answers: s.correctAnswers,
    success_rate: s.successRate,
    experience_points: s.experiencePoints,
    performance_by_type: mapValues(s.performanceByType, (t) => ({
      completed: t.completed,
      correct: t.correct,
      success_rate: pyFloat(t.successRate),
    })),
    recent_activity: s.recentActivity.map((a) => ({
      type: a.type,
      description: a.description,
      time: pyIsoformat(a.time),
      is_correct: a.isCorrect,
    })),
    level: {
      current: s.level.current,
      title: s.level.title,
      current_xp: s.level.currentXp,
      next_level_xp: s.level.nextLevelXp,
    },
    progress_over_time: {
      labels,
      datasets: [
        { label: 'Taux de réussite (%)', data: s.daily.map((d) => pyFloat(d.successRate)) },
      ],
    },
    exercises_by_day: {
      labels,
      datasets: [
        {
          label: 'Exercices complétés',
          data: s.daily.map((d) => d.total),
          borderColor: 'rgb(139, 92, 246)',
          backgroundColor: 'rgba(139, 92, 246, 0.1)',
        },
      ],
    },
    lastUpdated: pyIsoformat(s.lastUpdated),
  };
};
