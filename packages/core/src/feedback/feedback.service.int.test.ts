import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';

import { createMemoryRateLimitStore } from '../adapters/memory-rate-limit.store.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { makeRateLimitService } from '../rate-limit/index.ts';
import { testCoreConfig } from '../testing/accounts.ts';
import {
  createExercise,
  createLogicChallenge,
  createUser,
  getTestDb,
  movableClock,
  resetDb,
} from '../testing/index.ts';
import { makeFeedbackService } from './feedback.service.ts';

const { db, prisma } = await getTestDb();
const clock = movableClock('2026-03-10T12:00:00.000Z');
const service = (limit = 100) =>
  makeFeedbackService({
    db,
    clock,
    rateLimits: makeRateLimitService({
      store: createMemoryRateLimitStore(clock),
      config: testCoreConfig({ rateLimits: { feedback: limit, windowSeconds: 60 } }),
    }),
  });
const ctxFor = (userId: number): AuthedCtx => ({
  actor: { userId, username: 'u', role: 'padawan', accessScope: 'exercises_only', sessionId: null },
  log: pino({ level: 'silent' }),
  requestId: 'test',
});

beforeEach(async () => {
  await resetDb(prisma);
});

const reports = () =>
  prisma.feedbackReport.findMany({
    orderBy: { id: 'asc' },
    select: { userId: true, feedbackType: true, status: true, exerciseId: true, challengeId: true },
  });

describe('feedback.create', () => {
  it('stores a new report linked to the exercise or the challenge', async () => {
    const user = await createUser(prisma);
    const exercise = await createExercise(prisma);
    const challenge = await createLogicChallenge(prisma);
    const dto = await service().create(ctxFor(user.id), {
      feedbackType: 'exercise',
      description: 'La réponse semble fausse',
      pageUrl: '/exercises/1',
      exerciseId: exercise.id,
      challengeId: null,
    });
    expect(dto).toEqual({
      id: expect.any(Number),
      feedbackType: 'exercise',
      status: 'new',
      description: 'La réponse semble fausse',
      pageUrl: '/exercises/1',
      exerciseId: exercise.id,
      challengeId: null,
      createdAt: clock.now(),
    });
    await service().create(ctxFor(user.id), {
      feedbackType: 'challenge',
      description: null,
      pageUrl: null,
      exerciseId: null,
      challengeId: challenge.id,
    });
    expect(await reports()).toEqual([
      {
        userId: user.id,
        feedbackType: 'EXERCISE',
        status: 'NEW',
        exerciseId: exercise.id,
        challengeId: null,
      },
      {
        userId: user.id,
        feedbackType: 'CHALLENGE',
        status: 'NEW',
        exerciseId: null,
        challengeId: challenge.id,
      },
    ]);
  });

  it('refuses an unknown exercise or challenge (404) and writes nothing', async () => {
    const user = await createUser(prisma);
    const exercise = await createExercise(prisma);
    const base = { feedbackType: 'other' as const, description: null, pageUrl: null };
    for (const exerciseId of [exercise.id + 1000, 0, -5, 2 ** 40]) {
      await expect(
        service().create(ctxFor(user.id), { ...base, exerciseId, challengeId: null }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Exercice non trouvé' });
    }
    await expect(
      service().create(ctxFor(user.id), { ...base, exerciseId: exercise.id, challengeId: 999_999 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Défi logique non trouvé' });
    expect(await reports()).toEqual([]);
  });

  it('limits each learner to the configured number of reports per window', async () => {
    const alice = await createUser(prisma);
    const bob = await createUser(prisma);
    const limited = service(2);
    const report = {
      feedbackType: 'ui' as const,
      description: null,
      pageUrl: null,
      exerciseId: null,
      challengeId: null,
    };
    await limited.create(ctxFor(alice.id), report);
    await limited.create(ctxFor(alice.id), report);
    await expect(limited.create(ctxFor(alice.id), report)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Trop de retours envoyés. Veuillez réessayer dans une minute.',
      retryAfterSeconds: expect.any(Number),
    });
    // Bob has his own bucket; Alice's frees up after the window.
    await limited.create(ctxFor(bob.id), report);
    clock.advance(61_000);
    await limited.create(ctxFor(alice.id), report);
    expect(await prisma.feedbackReport.count()).toBe(4);
  });
});
