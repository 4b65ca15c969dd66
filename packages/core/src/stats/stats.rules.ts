/**
 * The dashboard statistics of GET /api/users/stats (spec/domain-rules.md §7.1, api-rest-core.md
 * §6.3.12): window, XP level (10 XP per attempt in the window, unrelated to the badge points), units
 * (`successRate` an integer percent; per-type and daily rates unrounded float percents).
 */
import { z } from 'zod';

import { pyRound, ratio } from '../lib/py-round.ts';
import type { ActivityItem, DashboardLevel, DashboardStatsDto } from './stats.schemas.ts';

export const TIME_RANGES = ['7', '30', '90', 'all'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];
export const DEFAULT_TIME_RANGE: TimeRange = '30';

export const ZStatsInput = z.object({ timeRange: z.enum(TIME_RANGES).default(DEFAULT_TIME_RANGE) });
export type StatsInput = z.input<typeof ZStatsInput>;

/** The legacy query value: anything but 7, 30, 90 or all means 30. */
export const parseLegacyTimeRange = (raw: string | undefined): TimeRange =>
  (TIME_RANGES as readonly string[]).includes(raw ?? '') ? (raw as TimeRange) : DEFAULT_TIME_RANGE;

/** Days of the window (null = no bound) and of the daily series (90 for `all`). */
export const windowDays = (range: TimeRange): number | null =>
  range === 'all' ? null : Number(range);
export const dailySeriesDays = (range: TimeRange): number => (range === 'all' ? 90 : Number(range));

export const XP_PER_ATTEMPT = 10;
export const LEVEL_THRESHOLDS = [
  0, 100, 300, 600, 1000, 1500, 2100, 2800, 3600, 4500, 5500,
] as const;
export const LEVEL_TITLES = [
  'Jeune Padawan',
  'Padawan',
  'Chevalier Jedi',
  'Maître Jedi',
  'Grand Maître',
  'Maître du Conseil',
  'Légende Jedi',
  'Gardien de la Force',
  'Seigneur Jedi',
  'Archiviste Jedi',
  'Grand Archiviste',
] as const;

/** `_calculate_user_level(xp)`: level = number of thresholds ≤ xp; 100 XP steps past level 11. */
export const levelOfXp = (xp: number): DashboardLevel => {
  let current = 1;
  LEVEL_THRESHOLDS.forEach((threshold, i) => {
    if (xp >= threshold) current = i + 1;
  });
  const base = LEVEL_THRESHOLDS[current - 1] ?? 0;
  const next = LEVEL_THRESHOLDS[current];
  return {
    current,
    title: LEVEL_TITLES[current - 1] ?? LEVEL_TITLES[0],
    currentXp: xp - base,
    nextLevelXp: next === undefined ? 100 : next - base,
  };
};

export interface TypeCount {
  /** Upper-case exercise type. */
  exerciseType: string;
  total: number;
  correct: number;
}

export interface DayCount {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  total: number;
  correct: number;
}

/** Attempts of one UTC day and one exercise type. */
export interface DayTypeCount extends DayCount {
  /** Upper-case exercise type. */
  exerciseType: string;
}

const sumBy = <K extends string>(
  rows: readonly DayTypeCount[],
  key: (row: DayTypeCount) => K,
): Map<K, { total: number; correct: number }> => {
  const sums = new Map<K, { total: number; correct: number }>();
  for (const row of rows) {
    const sum = sums.get(key(row)) ?? { total: 0, correct: 0 };
    sum.total += row.total;
    sum.correct += row.correct;
    sums.set(key(row), sum);
  }
  return sums;
};

/** The per-type totals of per-(day, type) counts. */
export const typeCountsOf = (rows: readonly DayTypeCount[]): TypeCount[] =>
  [...sumBy(rows, (r) => r.exerciseType)].map(([exerciseType, s]) => ({ exerciseType, ...s }));

/** The daily series of per-(day, type) counts. */
export const dayCountsOf = (rows: readonly DayTypeCount[]): DayCount[] =>
  [...sumBy(rows, (r) => r.day)].map(([day, s]) => ({ day, ...s }));

export const ACTIVITY_DESCRIPTIONS = {
  exercise: 'Exercice complété',
  challenge: 'Défi logique complété',
} as const;

const RECENT_PER_KIND = 5;
const RECENT_TOTAL = 10;

export const buildDashboardStats = (input: {
  timeRange: TimeRange;
  byType: readonly TypeCount[];
  correctChallengeAttempts: number;
  recentExercises: readonly { createdAt: Date; isCorrect: boolean }[];
  recentChallenges: readonly { createdAt: Date; isCorrect: boolean }[];
  daily: readonly DayCount[];
  now: Date;
}): DashboardStatsDto => {
  const total = input.byType.reduce((acc, t) => acc + t.total, 0);
  const correct = input.byType.reduce((acc, t) => acc + t.correct, 0);
  const performanceByType: DashboardStatsDto['performanceByType'] = {};
  for (const t of [...input.byType].sort((a, b) => a.exerciseType.localeCompare(b.exerciseType))) {
    if (t.total === 0) continue;
    performanceByType[t.exerciseType.toLowerCase()] = {
      completed: t.total,
      correct: t.correct,
      successRate: ratio(t.correct, t.total, 100, null),
    };
  }
  const recentActivity: ActivityItem[] = [
    ...input.recentExercises.slice(0, RECENT_PER_KIND).map((a) => ({
      type: 'exercise' as const,
      description: ACTIVITY_DESCRIPTIONS.exercise,
      time: a.createdAt,
      isCorrect: a.isCorrect,
    })),
    ...input.recentChallenges.slice(0, RECENT_PER_KIND).map((a) => ({
      type: 'challenge' as const,
      description: ACTIVITY_DESCRIPTIONS.challenge,
      time: a.createdAt,
      isCorrect: a.isCorrect,
    })),
  ]
    .sort((a, b) => b.time.getTime() - a.time.getTime())
    .slice(0, RECENT_TOTAL);
  const xp = total * XP_PER_ATTEMPT;
  return {
    timeRange: input.timeRange,
    totalExercises: total,
    totalChallenges: input.correctChallengeAttempts,
    correctAnswers: correct,
    successRate: total === 0 ? 0 : pyRound((correct / total) * 100),
    experiencePoints: xp,
    performanceByType,
    recentActivity,
    level: levelOfXp(xp),
    daily: [...input.daily]
      .filter((d) => d.total > 0)
      .sort((a, b) => a.day.localeCompare(b.day))
      .map((d) => ({ ...d, successRate: ratio(d.correct, d.total, 100, null) })),
    lastUpdated: input.now,
  };
};
