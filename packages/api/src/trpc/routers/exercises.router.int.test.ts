import type { inferProcedureInput } from '@trpc/server';
import { beforeEach, describe, expect, it } from 'vitest';

import { createExercise, createUser, getTestDb, resetDb } from '@mathakine/core/testing';

import { actorOf, createTestApp, fixedClock } from '../../testing/index.ts';
import type { AppRouter } from './_app.ts';

type Prisma = Awaited<ReturnType<typeof getTestDb>>['prisma'];
let prisma: Prisma;

beforeEach(async () => {
  prisma = (await getTestDb()).prisma;
  await resetDb(prisma);
});

const setup = async () => {
  const t = await createTestApp({ clock: fixedClock(new Date('2026-02-14T10:00:00Z')) });
  const user = await createUser(prisma);
  return { t, user, anon: t.createCaller({}), me: t.createCaller({ actor: actorOf(user) }) };
};

describe('exercises router', () => {
  it('list / get / completedIds / stats (public)', async () => {
    const { anon } = await setup();
    const a = await createExercise(prisma, { createdAt: new Date('2026-01-01T00:00:00Z') });
    const b = await createExercise(prisma, {
      exerciseType: 'MIXTE',
      createdAt: new Date('2026-01-02T00:00:00Z'),
    });
    const input: inferProcedureInput<AppRouter['exercises']['list']> = {
      limit: 1,
      order: 'recent',
    };
    const page1 = await anon.exercises.list(input);
    expect(page1).toMatchObject({ total: 2, nextCursor: 1 });
    expect(page1.items[0]).toMatchObject({ id: b.id, exerciseType: 'MIXTE', ageGroup: '9-11' });
    expect(page1.items[0]?.createdAt).toBeInstanceOf(Date);
    const page2 = await anon.exercises.list({ ...input, cursor: 1 });
    expect(page2).toMatchObject({ nextCursor: null, items: [{ id: a.id }] });
    await expect(anon.exercises.list({ limit: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(anon.exercises.list({ exerciseType: 'PLUS' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await anon.exercises.get({ exerciseId: a.id })).not.toHaveProperty('correctAnswer');
    await expect(anon.exercises.get({ exerciseId: a.id + 100 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await anon.exercises.completedIds()).toEqual({ completedIds: [] });
    expect((await anon.exercises.stats()).academyStatistics.totalExercises).toBe(2);
  });

  it('submitAnswer and generate need a user', async () => {
    const { anon, me } = await setup();
    const ex = await createExercise(prisma);
    await expect(
      anon.exercises.submitAnswer({ exerciseId: ex.id, answer: '5' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(
      anon.exercises.generate({ exerciseType: 'ADDITION', ageGroup: '6-8' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const result = await me.exercises.submitAnswer({
      exerciseId: ex.id,
      answer: '5',
      timeSpent: 4,
      idempotencyKey: 'k',
    });
    expect(result).toMatchObject({ isCorrect: true, correctAnswer: '5', replayed: false });
    // The first attempt earns the first-attempt badge through the gamification step.
    expect(result.newBadges.map((b) => b.code)).toContain('first_steps');
    expect(
      await me.exercises.submitAnswer({ exerciseId: ex.id, answer: '9', idempotencyKey: 'k' }),
    ).toEqual({ ...result, replayed: true });
    await expect(
      me.exercises.submitAnswer({ exerciseId: ex.id, answer: '' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      me.exercises.submitAnswer({ exerciseId: ex.id + 50, answer: '5' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await me.exercises.completedIds()).toEqual({ completedIds: [ex.id] });
    const generated = await me.exercises.generate({
      exerciseType: 'GEOMETRIE',
      ageGroup: '15-17',
      themed: true,
    });
    expect(generated).toMatchObject({
      exerciseType: 'GEOMETRIE',
      difficulty: 'MAITRE',
      aiGenerated: true,
      id: expect.any(Number) as number,
    });
    await expect(
      me.exercises.generate({ exerciseType: 'GEO' as never, ageGroup: '15-17' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('generate is limited (TOO_MANY_REQUESTS)', async () => {
    const { me } = await setup();
    await prisma.setting.update({
      where: { key: 'max_generations_per_user_per_hour' },
      data: { value: '1' },
    });
    await me.exercises.generate({ exerciseType: 'ADDITION', ageGroup: '6-8' });
    await expect(
      me.exercises.generate({ exerciseType: 'ADDITION', ageGroup: '6-8' }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});

describe('progress and stats routers', () => {
  it('progress.get needs full access; stats.dashboard validates timeRange', async () => {
    const { t, anon, me, user } = await setup();
    const ex = await createExercise(prisma);
    await me.exercises.submitAnswer({ exerciseId: ex.id, answer: '5', timeSpent: 3 });
    expect(await me.progress.get()).toEqual({
      totalAttempts: 1,
      correctAttempts: 1,
      accuracy: 1,
      averageTime: 3,
      exercisesCompleted: 1,
      highestStreak: 1,
      currentStreak: 1,
      byCategory: { ADDITION: { completed: 1, accuracy: 1 } },
    });
    await expect(anon.progress.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const limited = t.createCaller({ actor: actorOf(user, 'exercises_only') });
    await expect(limited.progress.get()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await limited.stats.dashboard({ timeRange: 'all' })).toMatchObject({
      totalExercises: 1,
      successRate: 100,
      timeRange: 'all',
    });
    expect(await me.stats.dashboard({})).toMatchObject({ timeRange: '30', experiencePoints: 10 });
    await expect(me.stats.dashboard({ timeRange: '365' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(anon.stats.dashboard({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
