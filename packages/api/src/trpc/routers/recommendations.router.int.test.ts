import type { inferProcedureInput } from '@trpc/server';
import { beforeEach, describe, expect, it } from 'vitest';

import {
  createExercise,
  createLogicChallenge,
  createRecommendation,
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

const NOW = new Date('2026-02-14T10:20:30.000Z');

describe('recommendations router', () => {
  it('lists, generates, marks shown, opens, clicks and completes with clean DTOs', async () => {
    const user = await createUser(prisma);
    const exercise = await createExercise(prisma, { exerciseType: 'DIVISION' });
    const challenge = await createLogicChallenge(prisma, { challengeType: 'PUZZLE' });
    const t = await createTestApp({ clock: fixedClock(NOW) });
    const caller = t.createCaller({ actor: actorOf(user) });

    const list = await caller.recommendations.list();
    expect(list).toEqual({
      items: [
        {
          id: expect.any(Number) as unknown,
          kind: 'challenge',
          challengeId: challenge.id,
          challengeType: 'PUZZLE',
          title: challenge.title,
          difficulty: 'PADAWAN',
          priority: 8,
          reason: 'Découvrez les défis logiques pour aiguiser votre raisonnement !',
          reasonCode: 'reco.challenge.onboarding',
          reasonParams: { challengeType: 'PUZZLE' },
        },
        {
          id: expect.any(Number) as unknown,
          kind: 'exercise',
          exerciseId: exercise.id,
          exerciseType: 'DIVISION',
          title: exercise.title,
          question: 'Combien font 20 ÷ 4 ?',
          difficulty: 'PADAWAN',
          priority: 4,
          reason: "Découvrez un nouveau type d'exercice : division",
          reasonCode: 'reco.exercise.discovery',
          reasonParams: { exerciseType: 'DIVISION', targetDifficulty: 'PADAWAN' },
        },
      ],
      nextCursor: null,
    });
    const ids = list.items.map((i) => i.id);
    // The query counts no display; markShown does.
    expect(await caller.recommendations.markShown({ recommendationIds: ids })).toEqual({
      shown: 2,
    });
    expect(await caller.recommendations.generate()).toEqual({ count: 2 });
    const fresh = (await caller.recommendations.list()).items.map((i) => i.id);
    const id = fresh[0] ?? 0;
    expect(await caller.recommendations.open({ recommendationId: id })).toEqual({
      id,
      clickedCount: 1,
      lastClickedAt: NOW,
    });
    expect(await caller.recommendations.click({ recommendationId: id })).toMatchObject({
      clickedCount: 2,
    });
    expect(await caller.recommendations.complete({ recommendationId: id })).toEqual({
      id,
      completedAt: NOW,
    });
  });

  it('maps errors: bad input, someone else’s recommendation, access scope, anonymous', async () => {
    const user = await createUser(prisma);
    const other = await createRecommendation(prisma);
    const t = await createTestApp({ clock: fixedClock(NOW) });
    const caller = t.createCaller({ actor: actorOf(user) });
    const zero: inferProcedureInput<AppRouter['recommendations']['complete']> = {
      recommendationId: 0,
    };
    await expect(caller.recommendations.complete(zero)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller.recommendations.markShown({ recommendationIds: [] })).rejects.toMatchObject(
      { code: 'BAD_REQUEST' },
    );
    for (const call of [
      () => caller.recommendations.complete({ recommendationId: other.id }),
      () => caller.recommendations.open({ recommendationId: other.id }),
      () => caller.recommendations.click({ recommendationId: other.id }),
    ]) {
      await expect(call()).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'Recommandation non trouvée',
      });
    }
    const limited = t.createCaller({ actor: actorOf(user, 'exercises_only') });
    await expect(limited.recommendations.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.createCaller({}).recommendations.generate()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
