import { pino } from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { PrismaClient } from '../db/generated/client.ts';
import type { Database } from '../db/types.ts';
import { makeExerciseService } from '../exercises/index.ts';
import type { Clock } from '../kernel/clock.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { makeSettingsService } from '../settings/index.ts';
import { makeStatsService } from '../stats/index.ts';
import {
  createChallengeAttempt,
  createExercise,
  createUser,
  getTestDb,
  resetDb,
} from '../testing/index.ts';
import { noopPostAttemptStep } from './post-attempt.ts';
import { makeProgressService } from './progress.service.ts';

const log = pino({ level: 'silent' });
let now = new Date('2026-02-14T10:00:00Z').getTime();
const clock: Clock = { now: () => new Date(now) };
const setNow = (iso: string) => {
  now = new Date(iso).getTime();
};
const ctxFor = (userId: number): AuthedCtx => ({
  actor: { userId, username: 'u', role: 'padawan', accessScope: 'full', sessionId: null },
  log,
  requestId: 't',
});

let db: Database;
let prisma: PrismaClient;
beforeAll(async () => {
  ({ db, prisma } = await getTestDb());
});
beforeEach(async () => {
  await resetDb(prisma);
  setNow('2026-02-14T10:00:00Z');
});

const services = () => ({
  exercises: makeExerciseService(
    { db, log, clock },
    { postAttemptStep: noopPostAttemptStep, settings: makeSettingsService({ db, log, clock }) },
  ),
  progress: makeProgressService({ db, log, clock }),
  stats: makeStatsService({ db, log, clock }),
});

describe('progress (§7.2) and dashboard stats (§7.1) from the caches', () => {
  it('reports progress with fractions, distinct solved exercises and a decaying day streak', async () => {
    const { exercises, progress } = services();
    const user = await createUser(prisma);
    const ctx = ctxFor(user.id);
    expect(await progress.get(ctx)).toEqual({
      totalAttempts: 0,
      correctAttempts: 0,
      accuracy: 0,
      averageTime: 0,
      exercisesCompleted: 0,
      highestStreak: 0,
      currentStreak: 0,
      byCategory: {},
    });
    const add1 = await createExercise(prisma, { exerciseType: 'ADDITION' });
    const add2 = await createExercise(prisma, { exerciseType: 'ADDITION' });
    const div = await createExercise(prisma, { exerciseType: 'DIVISION' });
    await exercises.submitAnswer(ctx, { exerciseId: add1.id, answer: '5', timeSpent: 10 });
    await exercises.submitAnswer(ctx, { exerciseId: add1.id, answer: '5', timeSpent: 0 });
    await exercises.submitAnswer(ctx, { exerciseId: add2.id, answer: '4', timeSpent: 20 });
    setNow('2026-02-15T09:00:00Z');
    await exercises.submitAnswer(ctx, { exerciseId: div.id, answer: '5' });

    expect(await progress.get(ctx)).toEqual({
      totalAttempts: 4,
      correctAttempts: 3,
      accuracy: 0.75,
      averageTime: 15,
      exercisesCompleted: 2,
      highestStreak: 2,
      currentStreak: 2,
      byCategory: {
        ADDITION: { completed: 1, accuracy: 0.67 },
        DIVISION: { completed: 1, accuracy: 1 },
      },
    });
    // Decay on read: a whole UTC day without activity.
    setNow('2026-02-16T23:00:00Z');
    expect(await progress.get(ctx)).toMatchObject({ currentStreak: 0, highestStreak: 2 });
  });

  it('computes the dashboard over a rolling window and all time', async () => {
    const { exercises, stats } = services();
    const user = await createUser(prisma);
    const ctx = ctxFor(user.id);
    const add = await createExercise(prisma, { exerciseType: 'ADDITION' });
    const mix = await createExercise(prisma, { exerciseType: 'MIXTE' });
    setNow('2025-10-01T08:00:00Z');
    await exercises.submitAnswer(ctx, { exerciseId: add.id, answer: '5' });
    setNow('2026-02-13T08:00:00Z');
    await exercises.submitAnswer(ctx, { exerciseId: add.id, answer: '5' });
    await exercises.submitAnswer(ctx, { exerciseId: mix.id, answer: '1' });
    setNow('2026-02-14T08:00:00Z');
    await exercises.submitAnswer(ctx, { exerciseId: mix.id, answer: '14' });
    await createChallengeAttempt(prisma, {
      userId: user.id,
      isCorrect: true,
      createdAt: new Date('2026-02-14T09:00:00Z'),
    });
    await prisma.user.update({
      where: { id: user.id },
      data: { totalChallengeAttempts: 5, correctChallengeAttempts: 4 },
    });
    setNow('2026-02-14T10:00:00Z');

    const week = await stats.dashboard(ctx, { timeRange: '7' });
    expect(week).toMatchObject({
      timeRange: '7',
      totalExercises: 3,
      totalChallenges: 4,
      correctAnswers: 2,
      successRate: 67,
      experiencePoints: 30,
      performanceByType: {
        addition: { completed: 1, correct: 1, successRate: 100 },
        mixte: { completed: 2, correct: 1, successRate: 50 },
      },
      level: { current: 1, title: 'Jeune Padawan', currentXp: 30, nextLevelXp: 100 },
      daily: [
        { day: '2026-02-13', total: 2, correct: 1, successRate: 50 },
        { day: '2026-02-14', total: 1, correct: 1, successRate: 100 },
      ],
      lastUpdated: new Date('2026-02-14T10:00:00Z'),
    });
    expect(week.recentActivity.map((a) => a.type)).toEqual([
      'challenge',
      'exercise',
      'exercise',
      'exercise',
    ]);

    const all = await stats.dashboard(ctx, { timeRange: 'all' });
    expect(all).toMatchObject({ totalExercises: 4, correctAnswers: 3, successRate: 75 });
    // Totals are all-time, but the daily series of `all` covers the last 90 days only.
    expect(all.daily.map((d) => d.day)).toEqual(['2026-02-13', '2026-02-14']);
    expect(all.recentActivity).toHaveLength(5);
  });
});
