import type { inferProcedureInput } from '@trpc/server';
import { beforeEach, describe, expect, it } from 'vitest';

import {
  createChallengeAttempt,
  createLogicChallenge,
  createUser,
  getTestDb,
  resetDb,
} from '@mathakine/core/testing';

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
  return {
    user,
    anon: t.createCaller({}),
    me: t.createCaller({ actor: actorOf(user) }),
    limited: t.createCaller({ actor: actorOf(user, 'exercises_only') }),
  };
};

describe('challenges router', () => {
  it('list: pages with nextCursor; needs a full-access user; refuses bad input', async () => {
    const { anon, me, limited } = await setup();
    const a = await createLogicChallenge(prisma, { createdAt: new Date('2026-01-01Z') });
    const b = await createLogicChallenge(prisma, {
      challengeType: 'CHESS',
      createdAt: new Date('2026-01-02Z'),
    });
    const input: inferProcedureInput<AppRouter['challenges']['list']> = {
      limit: 1,
      order: 'recent',
    };
    const page1 = await me.challenges.list(input);
    expect(page1).toMatchObject({ total: 2, nextCursor: 1, items: [{ id: b.id }] });
    expect(page1.items[0]).toMatchObject({ challengeType: 'chess', ageGroup: '9-11' });
    expect(page1.items[0]).not.toHaveProperty('question');
    expect(await me.challenges.list({ ...input, cursor: 1 })).toMatchObject({
      nextCursor: null,
      items: [{ id: a.id }],
    });
    await expect(anon.challenges.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(limited.challenges.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(me.challenges.list({ challengeType: 'suite' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('get / hint: no hint text before an attempt, one level at a time; NOT_FOUND and BAD_REQUEST', async () => {
    const { anon, me, limited } = await setup();
    const c = await createLogicChallenge(prisma);
    const detail = await me.challenges.get({ challengeId: c.id });
    expect(detail).toMatchObject({ hintCount: 3, hints: [], solution: null, viewCount: 1 });
    expect(await limited.challenges.hint({ challengeId: c.id, level: 2 })).toEqual({
      challengeId: c.id,
      level: 2,
      hint: 'Cherche la règle.',
      hintCount: 3,
    });
    await expect(me.challenges.hint({ challengeId: c.id, level: 4 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Indice de niveau 4 non disponible',
    });
    await expect(me.challenges.get({ challengeId: c.id + 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(me.challenges.get({ challengeId: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(anon.challenges.get({ challengeId: c.id })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(anon.challenges.hint({ challengeId: c.id })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('attempt: the verdict with the solution when correct; idempotent; refusals', async () => {
    const { anon, me, limited } = await setup();
    const c = await createLogicChallenge(prisma);
    const wrong = await me.challenges.attempt({ challengeId: c.id, answer: '11', hintsUsed: 1 });
    expect(wrong).toMatchObject({ isCorrect: false, solution: null, hintsRemaining: 2 });
    const right = await me.challenges.attempt({
      challengeId: c.id,
      answer: 10,
      timeSpent: 3,
      idempotencyKey: 'k',
    });
    expect(right).toMatchObject({
      isCorrect: true,
      solution: { correctAnswer: '10', explanation: 'La réponse est 10.' },
      hintsRemaining: null,
      replayed: false,
    });
    expect(
      await me.challenges.attempt({ challengeId: c.id, answer: 'x', idempotencyKey: 'k' }),
    ).toEqual({ ...right, replayed: true });
    expect(await me.challenges.get({ challengeId: c.id })).toMatchObject({
      solved: true,
      solution: { correctAnswer: '10' },
    });
    await expect(me.challenges.attempt({ challengeId: c.id, answer: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      me.challenges.attempt({ challengeId: c.id + 9, answer: '10' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(me.challenges.attempt({ challengeId: c.id, answer: '10' })).resolves.toBeTruthy();
    await expect(
      anon.challenges.attempt({ challengeId: c.id, answer: '10' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(
      limited.challenges.attempt({ challengeId: c.id, answer: '10' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('completedIds (public) and progress (full access)', async () => {
    const { anon, me, limited, user } = await setup();
    const c = await createLogicChallenge(prisma, { title: 'Défi' });
    await createChallengeAttempt(prisma, { userId: user.id, challengeId: c.id, timeSpent: 8 });
    expect(await anon.challenges.completedIds()).toEqual({ completedIds: [] });
    expect(await me.challenges.completedIds()).toEqual({ completedIds: [c.id] });
    expect(await me.challenges.progress()).toEqual({
      completedChallenges: 1,
      totalChallenges: 1,
      successRate: 1,
      averageTime: 8,
      challenges: [{ id: c.id, title: 'Défi', isCompleted: true, attempts: 1, bestTime: 8 }],
    });
    await expect(anon.challenges.progress()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(limited.challenges.progress()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
