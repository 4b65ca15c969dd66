import { pino } from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { ExerciseType, PrismaClient } from '../db/generated/client.ts';
import type { Database } from '../db/types.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import {
  createAttempt,
  createChallengeAttempt,
  createExercise,
  createExerciseProgress,
  createLogicChallenge,
  createRecommendation,
  createUser,
  getTestDb,
  movableClock,
  resetDb,
} from '../testing/index.ts';
import { makeRecommendationService } from './recommendation.service.ts';

const log = pino({ level: 'silent' });
const clock = movableClock('2026-03-10T12:00:00.000Z');
const DAY_MS = 86_400_000;

let db: Database;
let prisma: PrismaClient;
beforeAll(async () => {
  ({ db, prisma } = await getTestDb());
});
beforeEach(async () => {
  await resetDb(prisma);
  clock.set('2026-03-10T12:00:00.000Z');
});

const service = () => makeRecommendationService({ db, clock });
const ctxFor = (userId: number): AuthedCtx => ({
  actor: { userId, username: `u${userId}`, role: 'padawan', accessScope: 'full', sessionId: null },
  log,
  requestId: 'test',
});

const pendingOf = (userId: number) =>
  prisma.recommendation.findMany({
    where: { userId, isCompleted: false },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      exerciseId: true,
      challengeId: true,
      reasonCode: true,
      reasonParams: true,
      shownCount: true,
    },
  });

const exercisesOf = async (types: ExerciseType[], overrides = {}) => {
  const ids: number[] = [];
  for (const exerciseType of types)
    ids.push((await createExercise(prisma, { exerciseType, ...overrides })).id);
  return ids;
};

describe('list: generation on first read (§6.2, §6.5)', () => {
  it('generates for a new learner and shows at most 7, best first, without any answer', async () => {
    const user = await createUser(prisma, { preferredAgeGroup: 'GROUP_9_11' });
    await exercisesOf(['ADDITION', 'SOUSTRACTION', 'MULTIPLICATION', 'DIVISION', 'FRACTIONS']);
    await exercisesOf(['GEOMETRIE', 'TEXTE', 'MIXTE', 'DIVERS']);
    const riddle = await createLogicChallenge(prisma, { challengeType: 'RIDDLE' });
    const sequence = await createLogicChallenge(prisma, { challengeType: 'SEQUENCE' });

    const { items, nextCursor } = await service().list(ctxFor(user.id));
    expect(nextCursor).toBeNull();
    expect(items).toHaveLength(7);
    // Challenges (novice: 8, onboarding types first) before the discovery exercises (4).
    expect(items.slice(0, 2)).toEqual([
      {
        id: expect.any(Number),
        kind: 'challenge',
        challengeId: sequence.id,
        challengeType: 'SEQUENCE',
        title: sequence.title,
        difficulty: 'PADAWAN',
        priority: 8,
        reason: 'Découvrez les défis logiques pour aiguiser votre raisonnement !',
        reasonCode: 'reco.challenge.onboarding',
        reasonParams: { challengeType: 'SEQUENCE' },
      },
      expect.objectContaining({ challengeId: riddle.id, priority: 8 }),
    ]);
    expect(items[2]).toEqual({
      id: expect.any(Number),
      kind: 'exercise',
      exerciseId: expect.any(Number),
      exerciseType: 'ADDITION',
      title: expect.stringContaining('Exercice addition'),
      question: 'Combien font 2 + 3 ?',
      difficulty: 'PADAWAN',
      priority: 4,
      reason: "Découvrez un nouveau type d'exercice : addition",
      reasonCode: 'reco.exercise.discovery',
      reasonParams: { exerciseType: 'ADDITION', targetDifficulty: 'PADAWAN' },
    });
    // 9 discovery exercises + 2 challenges stored; the 7 best shown.
    expect(await pendingOf(user.id)).toHaveLength(11);
    expect(JSON.stringify(items)).not.toMatch(/correct|explanation|hint|solution/i);
  });

  it('does not generate again while something can be shown, and counts displays on request', async () => {
    const user = await createUser(prisma);
    await exercisesOf(['ADDITION', 'DIVISION']);
    const first = await service().list(ctxFor(user.id), { markShown: true });
    const second = await service().list(ctxFor(user.id), { markShown: true });
    expect(second.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect((await pendingOf(user.id)).map((r) => r.shownCount)).toEqual([2, 2]);
    await service().list(ctxFor(user.id));
    expect((await pendingOf(user.id)).map((r) => r.shownCount)).toEqual([2, 2]);
  });

  it('regenerates when every pending recommendation went stale (solved, archived, deleted)', async () => {
    const user = await createUser(prisma);
    const [a, b, c] = await exercisesOf(['ADDITION', 'DIVISION', 'TEXTE']);
    const first = await service().list(ctxFor(user.id));
    expect(first.items).toHaveLength(3);
    await createAttempt(prisma, { userId: user.id, exerciseId: a, isCorrect: true });
    await prisma.exercise.update({ where: { id: b ?? 0 }, data: { isArchived: true } });
    await prisma.exercise.delete({ where: { id: c ?? 0 } });
    const fresh = await createExercise(prisma, { exerciseType: 'FRACTIONS' });
    const next = await service().list(ctxFor(user.id));
    expect(next.items.map((i) => (i.kind === 'exercise' ? i.exerciseId : 0))).toEqual([fresh.id]);
  });

  it('generates once when two first reads race', async () => {
    const user = await createUser(prisma);
    await exercisesOf(['ADDITION', 'DIVISION', 'TEXTE']);
    const [x, y] = await Promise.all([
      service().list(ctxFor(user.id)),
      service().list(ctxFor(user.id)),
    ]);
    expect(x.items.map((i) => i.id)).toEqual(y.items.map((i) => i.id));
    expect(await pendingOf(user.id)).toHaveLength(3);
  });

  it('skips stale ones at read and fills from the next best, with the challenge slot', async () => {
    const user = await createUser(prisma);
    const solved = await createExercise(prisma);
    await createAttempt(prisma, { userId: user.id, exerciseId: solved.id, isCorrect: true });
    await createRecommendation(prisma, { userId: user.id, exerciseId: solved.id, priority: 10 });
    const ids: number[] = [];
    for (let i = 0; i < 8; i += 1)
      ids.push((await createRecommendation(prisma, { userId: user.id, priority: 9 })).id);
    const challenge = await createRecommendation(prisma, {
      userId: user.id,
      recommendationType: 'CHALLENGE',
      priority: 3,
    });
    const { items } = await service().list(ctxFor(user.id));
    expect(items.map((i) => i.id)).toEqual([...ids.slice(0, 6), challenge.id]);
    // A row written before reasons were structured reads with no code and no parameter.
    expect(items[0]).toMatchObject({
      reasonCode: null,
      reasonParams: {},
      reason: 'Entraîne-toi encore',
    });
  });
});

describe('generate (§6.4)', () => {
  it('replaces the pending ones, keeps the completed ones, and never repeats a recent completion', async () => {
    const user = await createUser(prisma);
    const [a, b] = await exercisesOf(['ADDITION', 'ADDITION']);
    const done = await createRecommendation(prisma, {
      userId: user.id,
      exerciseId: a,
      isCompleted: true,
      completedAt: new Date(clock.now().getTime() - 2 * DAY_MS),
    });
    await createRecommendation(prisma, { userId: user.id, exerciseId: b });
    expect(await service().generate(ctxFor(user.id))).toEqual({ count: 1 });
    // b was pending (replaced): still the only candidate, so it comes back; a was completed 2 days ago.
    expect((await pendingOf(user.id)).map((r) => r.exerciseId)).toEqual([b]);
    expect(await prisma.recommendation.findUnique({ where: { id: done.id } })).not.toBeNull();
    // 15 days after its completion, a may come back (and b, replaced again, ranks after it).
    clock.advance(13 * DAY_MS);
    await service().generate(ctxFor(user.id));
    expect((await pendingOf(user.id)).map((r) => r.exerciseId)).toEqual([a]);
  });

  it('offers something new on "Actualiser" when there is something new', async () => {
    const user = await createUser(prisma);
    const [a, b] = await exercisesOf(['ADDITION', 'ADDITION']);
    await service().generate(ctxFor(user.id));
    expect((await pendingOf(user.id)).map((r) => r.exerciseId)).toEqual([a]);
    await service().generate(ctxFor(user.id));
    expect((await pendingOf(user.id)).map((r) => r.exerciseId)).toEqual([b]);
  });

  it('targets weak types from the progress cache at the latest difficulty, age-filtered', async () => {
    const user = await createUser(prisma, { gradeLevel: 8, learningGoal: 'preparer_exam' });
    await createExerciseProgress(prisma, {
      userId: user.id,
      exerciseType: 'FRACTIONS',
      totalAttempts: 10,
      correctAttempts: 3,
      currentCorrectStreak: 0,
      bestCorrectStreak: 1,
    });
    const tried = await createExercise(prisma, {
      exerciseType: 'FRACTIONS',
      difficulty: 'CHEVALIER',
      ageGroup: 'GROUP_12_14',
    });
    await createAttempt(prisma, { userId: user.id, exerciseId: tried.id, isCorrect: false });
    const fit = await createExercise(prisma, {
      exerciseType: 'FRACTIONS',
      difficulty: 'CHEVALIER',
      ageGroup: 'GROUP_12_14',
    });
    await createExercise(prisma, {
      exerciseType: 'FRACTIONS',
      difficulty: 'CHEVALIER',
      ageGroup: 'GROUP_6_8',
    });
    const { items } = await service().list(ctxFor(user.id));
    expect(items).toEqual([
      expect.objectContaining({
        exerciseId: fit.id,
        priority: 10,
        reasonCode: 'reco.exercise.improvement',
        reasonParams: { exerciseType: 'FRACTIONS', successRate: 30, targetDifficulty: 'CHEVALIER' },
        reason: 'Votre taux de réussite en fractions est de 30%. Continuons à progresser !',
      }),
      expect.objectContaining({ exerciseId: tried.id, priority: 10 }),
    ]);
  });

  it('adapts challenges to the learner: solved, inactive and other ages left out', async () => {
    const user = await createUser(prisma, { preferredAgeGroup: 'GROUP_6_8' });
    const solved = await createLogicChallenge(prisma, { ageGroup: 'GROUP_6_8' });
    await createChallengeAttempt(prisma, { userId: user.id, challengeId: solved.id });
    await prisma.user.update({
      where: { id: user.id },
      data: { totalChallengeAttempts: 1, correctChallengeAttempts: 1 },
    });
    await createLogicChallenge(prisma, { ageGroup: 'GROUP_6_8', isActive: false });
    await createLogicChallenge(prisma, { ageGroup: 'GROUP_15_17' });
    const open = await createLogicChallenge(prisma, {
      ageGroup: 'ALL_AGES',
      challengeType: 'GRAPH',
    });
    const { items } = await service().list(ctxFor(user.id));
    expect(items).toEqual([
      expect.objectContaining({
        challengeId: open.id,
        priority: 7,
        reasonCode: 'reco.challenge.variety',
        reason: 'Variez votre entraînement avec un défi « graphe » !',
      }),
    ]);
  });

  it('returns 0 and stores nothing when nothing can be recommended', async () => {
    const user = await createUser(prisma);
    expect(await service().generate(ctxFor(user.id))).toEqual({ count: 0 });
    expect((await service().list(ctxFor(user.id))).items).toEqual([]);
  });
});

describe('complete, open/click, shown', () => {
  it('completes (again), counts clicks and displays, and answers 404 for unknown ids', async () => {
    const user = await createUser(prisma);
    const rec = await createRecommendation(prisma, { userId: user.id });
    const ctx = ctxFor(user.id);
    expect(await service().complete(ctx, { recommendationId: rec.id })).toEqual({
      id: rec.id,
      completedAt: clock.now(),
    });
    clock.advance(60_000);
    expect(await service().complete(ctx, { recommendationId: rec.id })).toEqual({
      id: rec.id,
      completedAt: clock.now(),
    });
    expect(await service().recordOpen(ctx, { recommendationId: rec.id })).toEqual({
      id: rec.id,
      clickedCount: 1,
      lastClickedAt: clock.now(),
    });
    expect(await service().recordClick(ctx, { recommendationId: rec.id })).toMatchObject({
      clickedCount: 2,
    });
    for (const recommendationId of [rec.id + 1000, 0, -1, 2 ** 40]) {
      await expect(service().complete(ctx, { recommendationId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'Recommandation non trouvée',
      });
      await expect(service().recordClick(ctx, { recommendationId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    const pending = await createRecommendation(prisma, { userId: user.id });
    expect(
      await service().markShown(ctx, { recommendationIds: [pending.id, rec.id, pending.id + 99] }),
    ).toEqual({ shown: 1 });
  });
});

describe('two learners', () => {
  it('never see, complete, open or count each other’s recommendations', async () => {
    const alice = await createUser(prisma);
    const bob = await createUser(prisma);
    await exercisesOf(['ADDITION', 'DIVISION', 'TEXTE']);
    const aliceList = await service().list(ctxFor(alice.id));
    const bobList = await service().list(ctxFor(bob.id));
    const aliceIds = aliceList.items.map((i) => i.id);
    const bobIds = bobList.items.map((i) => i.id);
    expect(aliceIds).toHaveLength(3);
    expect(bobIds).toHaveLength(3);
    expect(aliceIds.filter((id) => bobIds.includes(id))).toEqual([]);

    const target = bobIds[0] ?? 0;
    await expect(
      service().complete(ctxFor(alice.id), { recommendationId: target }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      service().recordOpen(ctxFor(alice.id), { recommendationId: target }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await service().markShown(ctxFor(alice.id), { recommendationIds: bobIds })).toEqual({
      shown: 0,
    });
    // Alice regenerating leaves Bob's set alone.
    await service().generate(ctxFor(alice.id));
    const bobRows = await prisma.recommendation.findMany({
      where: { userId: bob.id },
      orderBy: { id: 'asc' },
      select: { id: true, isCompleted: true, clickedCount: true, shownCount: true },
    });
    expect(bobRows).toEqual(
      bobIds
        .slice()
        .sort((x, y) => x - y)
        .map((id) => ({ id, isCompleted: false, clickedCount: 0, shownCount: 0 })),
    );
    expect((await service().list(ctxFor(bob.id))).items.map((i) => i.id)).toEqual(bobIds);
  });
});
