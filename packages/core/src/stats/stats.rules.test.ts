import { describe, expect, it } from 'vitest';

import { pyRound } from '../lib/py-round.ts';
import {
  buildDashboardStats,
  dayCountsOf,
  levelOfXp,
  parseLegacyTimeRange,
  typeCountsOf,
} from './stats.rules.ts';

describe('dashboard rules (§7.1)', () => {
  it('computes the XP level', () => {
    expect(levelOfXp(0)).toEqual({
      current: 1,
      title: 'Jeune Padawan',
      currentXp: 0,
      nextLevelXp: 100,
    });
    expect(levelOfXp(120)).toEqual({
      current: 2,
      title: 'Padawan',
      currentXp: 20,
      nextLevelXp: 200,
    });
    expect(levelOfXp(5500)).toEqual({
      current: 11,
      title: 'Grand Archiviste',
      currentXp: 0,
      nextLevelXp: 100,
    });
    expect(levelOfXp(9000).currentXp).toBe(3500);
  });

  it('parses the legacy timeRange', () => {
    expect(parseLegacyTimeRange('7')).toBe('7');
    expect(parseLegacyTimeRange('all')).toBe('all');
    expect(parseLegacyTimeRange('365')).toBe('30');
    expect(parseLegacyTimeRange(undefined)).toBe('30');
  });

  it('rounds half-even like Python', () => {
    expect(pyRound(62.5)).toBe(62);
    expect(pyRound(87.5)).toBe(88);
    expect(pyRound(0.125, 2)).toBe(0.12);
    expect(pyRound(2.675, 2)).toBe(2.67);
  });

  it('builds the dashboard', () => {
    const t = (iso: string) => new Date(iso);
    const stats = buildDashboardStats({
      timeRange: '7',
      byType: [
        { exerciseType: 'ADDITION', total: 8, correct: 7 },
        { exerciseType: 'DIVISION', total: 0, correct: 0 },
        { exerciseType: 'MIXTE', total: 8, correct: 3 },
      ],
      correctChallengeAttempts: 3,
      recentExercises: [
        { createdAt: t('2026-02-14T10:00:00Z'), isCorrect: true },
        { createdAt: t('2026-02-13T10:00:00Z'), isCorrect: false },
      ],
      recentChallenges: [{ createdAt: t('2026-02-13T12:00:00Z'), isCorrect: true }],
      daily: [
        { day: '2026-02-14', total: 4, correct: 1 },
        { day: '2026-02-13', total: 12, correct: 9 },
      ],
      now: t('2026-02-14T11:00:00Z'),
    });
    expect(stats).toMatchObject({
      totalExercises: 16,
      totalChallenges: 3,
      correctAnswers: 10,
      successRate: 62,
      experiencePoints: 160,
      performanceByType: {
        addition: { completed: 8, correct: 7, successRate: 87.5 },
        mixte: { completed: 8, correct: 3, successRate: 37.5 },
      },
      level: { current: 2, currentXp: 60 },
    });
    expect(stats.performanceByType).not.toHaveProperty('division');
    expect(stats.recentActivity.map((a) => [a.type, a.time.toISOString()])).toEqual([
      ['exercise', '2026-02-14T10:00:00.000Z'],
      ['challenge', '2026-02-13T12:00:00.000Z'],
      ['exercise', '2026-02-13T10:00:00.000Z'],
    ]);
    expect(stats.daily).toEqual([
      { day: '2026-02-13', total: 12, correct: 9, successRate: 75 },
      { day: '2026-02-14', total: 4, correct: 1, successRate: 25 },
    ]);
  });
});

describe('per-(day, type) counts', () => {
  const rows = [
    { day: '2026-03-01', exerciseType: 'ADDITION', total: 3, correct: 2 },
    { day: '2026-03-01', exerciseType: 'DIVISION', total: 1, correct: 0 },
    { day: '2026-03-02', exerciseType: 'ADDITION', total: 2, correct: 2 },
  ];

  it('sums them per type (the window totals) and per day (the daily series)', () => {
    expect(typeCountsOf(rows)).toEqual([
      { exerciseType: 'ADDITION', total: 5, correct: 4 },
      { exerciseType: 'DIVISION', total: 1, correct: 0 },
    ]);
    expect(dayCountsOf(rows)).toEqual([
      { day: '2026-03-01', total: 4, correct: 2 },
      { day: '2026-03-02', total: 2, correct: 2 },
    ]);
    expect(typeCountsOf([])).toEqual([]);
    expect(dayCountsOf([])).toEqual([]);
  });
});
