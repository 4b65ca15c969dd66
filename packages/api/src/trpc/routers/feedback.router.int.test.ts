import { beforeEach, describe, expect, it } from 'vitest';

import { createExercise, createUser, getTestDb, resetDb } from '@mathakine/core/testing';

import { actorOf, createTestApp, fixedClock } from '../../testing/index.ts';

type Prisma = Awaited<ReturnType<typeof getTestDb>>['prisma'];

let prisma: Prisma;

beforeEach(async () => {
  prisma = (await getTestDb()).prisma;
  await resetDb(prisma);
});

const NOW = new Date('2026-02-14T10:20:30.000Z');

describe('analytics router', () => {
  it('tracks an event with its known payload fields', async () => {
    const user = await createUser(prisma);
    const t = await createTestApp({ clock: fixedClock(NOW) });
    const caller = t.createCaller({ actor: actorOf(user, 'exercises_only') });
    const { id } = await caller.analytics.track({
      event: 'first_attempt',
      payload: { type: 'exercise', targetId: 9, timeToFirstAttemptMs: 1500.4 },
    });
    expect(
      await prisma.edtechEvent.findUniqueOrThrow({
        where: { id },
        select: { event: true, payload: true },
      }),
    ).toEqual({
      event: 'FIRST_ATTEMPT',
      payload: { type: 'exercise', targetId: 9, timeToFirstAttemptMs: 1500 },
    });
    await expect(
      caller.analytics.track({ event: 'quick_start_click', payload: { type: 'lesson' as never } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      t.createCaller({}).analytics.track({ event: 'quick_start_click' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('feedback router', () => {
  it('creates a report and maps unknown targets and bad input', async () => {
    const user = await createUser(prisma);
    const exercise = await createExercise(prisma);
    const t = await createTestApp({ clock: fixedClock(NOW) });
    const caller = t.createCaller({ actor: actorOf(user, 'exercises_only') });
    expect(
      await caller.feedback.create({
        feedbackType: 'exercise',
        description: ' Trop facile ',
        exerciseId: exercise.id,
      }),
    ).toEqual({
      id: expect.any(Number) as unknown,
      feedbackType: 'exercise',
      status: 'new',
      description: 'Trop facile',
      pageUrl: null,
      exerciseId: exercise.id,
      challengeId: null,
      createdAt: NOW,
    });
    await expect(
      caller.feedback.create({ feedbackType: 'challenge', challengeId: 424_242 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Défi logique non trouvé' });
    await expect(
      caller.feedback.create({ feedbackType: 'ui', description: 'x'.repeat(2001) }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(t.createCaller({}).feedback.create({ feedbackType: 'ui' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(await prisma.feedbackReport.count()).toBe(1);
  });
});
