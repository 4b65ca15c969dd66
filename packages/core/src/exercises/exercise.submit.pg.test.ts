/**
 * Real concurrency (PostgreSQL only, project int-pg): a learner's parallel submissions serialise on the user
 * row, so the caches stay exact and an idempotency key counts once.
 */
import { pino } from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { PrismaClient } from '../db/generated/client.ts';
import type { Database } from '../db/types.ts';
import { systemClock } from '../kernel/clock.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { noopPostAttemptStep } from '../progress/index.ts';
import { makeSettingsService } from '../settings/index.ts';
import { createExercise, createUser, getTestDb, resetDb } from '../testing/index.ts';
import { makeExerciseService } from './exercise.service.ts';

const log = pino({ level: 'silent' });
let db: Database;
let prisma: PrismaClient;

beforeAll(async () => {
  ({ db, prisma } = await getTestDb());
});
beforeEach(async () => {
  await resetDb(prisma);
});

const ctxFor = (userId: number): AuthedCtx => ({
  actor: { userId, username: 'u', role: 'padawan', accessScope: 'full', sessionId: null },
  log,
  requestId: 'pg',
});

describe('submitAnswer under real concurrency', () => {
  it('keeps the caches exact when one learner submits in parallel', async () => {
    const service = makeExerciseService(
      { db, log, clock: { now: () => new Date() } },
      {
        postAttemptStep: noopPostAttemptStep,
        settings: makeSettingsService({ db, log, clock: systemClock }),
      },
    );
    const user = await createUser(prisma);
    const ex = await createExercise(prisma);
    await Promise.all(
      Array.from({ length: 12 }, () =>
        service.submitAnswer(ctxFor(user.id), { exerciseId: ex.id, answer: '5', timeSpent: 1 }),
      ),
    );
    expect(await prisma.attempt.count({ where: { userId: user.id } })).toBe(12);
    expect(
      await prisma.exerciseProgress.findUniqueOrThrow({
        where: { userId_exerciseType: { userId: user.id, exerciseType: 'ADDITION' } },
        select: {
          totalAttempts: true,
          correctAttempts: true,
          completedExercises: true,
          bestCorrectStreak: true,
          timedAttempts: true,
        },
      }),
    ).toEqual({
      totalAttempts: 12,
      correctAttempts: 12,
      completedExercises: 1,
      bestCorrectStreak: 12,
      timedAttempts: 12,
    });
    expect(
      await prisma.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { totalAttempts: true, correctAttempts: true, currentStreak: true },
      }),
    ).toEqual({ totalAttempts: 12, correctAttempts: 12, currentStreak: 1 });
  });

  it('records one attempt for parallel retries with the same idempotency key', async () => {
    const service = makeExerciseService(
      { db, log, clock: { now: () => new Date() } },
      {
        postAttemptStep: noopPostAttemptStep,
        settings: makeSettingsService({ db, log, clock: systemClock }),
      },
    );
    const user = await createUser(prisma);
    const ex = await createExercise(prisma);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        service.submitAnswer(ctxFor(user.id), {
          exerciseId: ex.id,
          answer: '5',
          idempotencyKey: 'same',
        }),
      ),
    );
    expect(new Set(results.map((r) => r.attemptId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await prisma.attempt.count()).toBe(1);
    expect(
      await prisma.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { totalAttempts: true },
      }),
    ).toEqual({ totalAttempts: 1 });
  });
});
