import { pino } from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { Prisma, type PrismaClient } from '../db/generated/client.ts';
import type { Database } from '../db/types.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Actor, AuthedCtx, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { noopPostAttemptStep, type PostAttemptStep } from '../progress/index.ts';
import { makeSettingsService } from '../settings/index.ts';
import { movableClock } from '../testing/clock.ts';
import {
  createAttempt,
  createChallengeAttempt,
  createExercise,
  createLogicChallenge,
  createUser,
  getTestDb,
  resetDb,
} from '../testing/index.ts';
import { parseLegacyListQuery } from './exercise.schemas.ts';
import { makeExerciseService } from './exercise.service.ts';

const log = pino({ level: 'silent' });

const actorFor = (userId: number): Actor => ({
  userId,
  username: `u${userId}`,
  role: 'padawan',
  accessScope: 'full',
  sessionId: null,
});
const ctxFor = (userId: number): AuthedCtx => ({ actor: actorFor(userId), log, requestId: 'test' });
const anon: Ctx = { actor: null, log, requestId: 'test' };

let db: Database;
let prisma: PrismaClient;

beforeAll(async () => {
  const test = await getTestDb();
  db = test.db;
  prisma = test.prisma;
});

beforeEach(async () => {
  await resetDb(prisma);
});

const serviceWith = (clock: Clock, postAttemptStep: PostAttemptStep = noopPostAttemptStep) =>
  makeExerciseService(
    { db, log, clock },
    {
      postAttemptStep,
      settings: makeSettingsService({ db, log, clock }),
      newSeed: () => 42,
      pickQuote: () => 0,
    },
  );

const query = (params: Record<string, string> = {}) => parseLegacyListQuery(params);

describe('catalogue', () => {
  it('lists non-archived exercises (inactive included) with the envelope, filters and recent order', async () => {
    const clock = movableClock('2026-02-14T10:00:00Z');
    const service = serviceWith(clock);
    const a = await createExercise(prisma, {
      exerciseType: 'ADDITION',
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    const b = await createExercise(prisma, {
      exerciseType: 'DIVISION',
      createdAt: new Date('2026-01-02T00:00:00Z'),
      isActive: false,
    });
    await createExercise(prisma, { exerciseType: 'ADDITION', isArchived: true });
    const c = await createExercise(prisma, {
      exerciseType: 'FRACTIONS',
      ageGroup: 'GROUP_6_8',
      title: 'Les 100% fractions',
      createdAt: new Date('2026-01-03T00:00:00Z'),
    });

    const all = await service.list(anon, query({ order: 'recent' }));
    expect(all.total).toBe(3);
    expect(all.items.map((i) => i.id)).toEqual([c.id, b.id, a.id]);
    expect(all.hasMore).toBe(false);
    expect(all.items[1]).toMatchObject({
      isActive: false,
      exerciseType: 'DIVISION',
      ageGroup: '9-11',
    });
    // Never the answer or the explanation.
    expect(Object.keys(all.items[0] ?? {})).not.toContain('correctAnswer');
    expect(Object.keys(all.items[0] ?? {})).not.toContain('explanation');

    const page = await service.list(anon, query({ order: 'recent', skip: '1', limit: '1' }));
    expect(page).toMatchObject({ total: 3, skip: 1, limit: 1, hasMore: true });
    expect(page.items.map((i) => i.id)).toEqual([b.id]);

    expect(
      (await service.list(anon, query({ exercise_type: 'div' }))).items.map((i) => i.id),
    ).toEqual([b.id]);
    // Unknown type → ADDITION, still filtered.
    expect(
      (await service.list(anon, query({ exercise_type: 'nope' }))).items.map((i) => i.id),
    ).toEqual([a.id]);
    expect((await service.list(anon, query({ age_group: '6_8' }))).items.map((i) => i.id)).toEqual([
      c.id,
    ]);
    // LIKE wildcards are literal.
    expect((await service.list(anon, query({ q: '100%' }))).items.map((i) => i.id)).toEqual([c.id]);
    expect(
      (await service.list(anon, query({ search: '  LES 100 ' }))).items.map((i) => i.id),
    ).toEqual([c.id]);
    expect((await service.list(anon, query({ search: '_' }))).total).toBe(0);

    const random = await service.list(anon, query());
    expect(random.items.map((i) => i.id).sort()).toEqual([a.id, b.id, c.id].sort());
    // Random order reads a window at a random offset (wrapping around), never sorting by random():
    // every page holds distinct matching ids, sized by skip/limit like the recent order.
    for (let round = 0; round < 12; round += 1) {
      const full = await service.list(anon, query({ limit: '3' }));
      expect(full.items.map((i) => i.id).sort()).toEqual([a.id, b.id, c.id].sort());
      const page = await service.list(anon, query({ limit: '2', skip: '1' }));
      const ids = page.items.map((i) => i.id);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
      expect(ids.every((id) => [a.id, b.id, c.id].includes(id))).toBe(true);
      expect(page).toMatchObject({ total: 3, hasMore: false });
      expect((await service.list(anon, query({ skip: '3' }))).items).toEqual([]);
    }
  });

  it('hides solved exercises for the caller only', async () => {
    const service = serviceWith(movableClock('2026-02-14T10:00:00Z'));
    const user = await createUser(prisma);
    const solved = await createExercise(prisma);
    const failed = await createExercise(prisma);
    await createAttempt(prisma, { userId: user.id, exerciseId: solved.id, isCorrect: true });
    await createAttempt(prisma, { userId: user.id, exerciseId: failed.id, isCorrect: false });
    const mine = await service.list(ctxFor(user.id), query({ hide_completed: 'TRUE' }));
    expect(mine.items.map((i) => i.id)).toEqual([failed.id]);
    expect((await service.list(anon, query({ hide_completed: 'true' }))).total).toBe(2);
    expect(await service.completedIds(ctxFor(user.id))).toEqual({ completedIds: [solved.id] });
    expect(await service.completedIds(anon)).toEqual({ completedIds: [] });
  });

  it('shows a detail without answer or explanation, archived included; 404 otherwise', async () => {
    const service = serviceWith(movableClock('2026-02-14T10:00:00Z'));
    const ex = await createExercise(prisma, {
      isArchived: true,
      hint: 'Compte sur tes doigts.',
      tags: 'a, b',
    });
    const detail = await service.get(anon, ex.id);
    expect(detail).toMatchObject({
      id: ex.id,
      hint: 'Compte sur tes doigts.',
      tags: ['a', 'b'],
      choices: ['4', '5', '6', '7'],
    });
    expect(detail).not.toHaveProperty('correctAnswer');
    expect(detail).not.toHaveProperty('explanation');
    await expect(service.get(anon, ex.id + 1000)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Exercice non trouvé',
    });
  });

  it('computes the global statistics (§7.5)', async () => {
    const service = serviceWith(movableClock('2026-02-14T10:00:00Z'));
    const user = await createUser(prisma);
    const add = await createExercise(prisma, { exerciseType: 'ADDITION', aiGenerated: true });
    await createExercise(prisma, {
      exerciseType: 'ADDITION',
      ageGroup: 'GROUP_6_8',
      difficulty: 'INITIE',
    });
    await createExercise(prisma, { exerciseType: 'DIVISION' });
    await createExercise(prisma, { exerciseType: 'DIVISION', isActive: false, isArchived: true });
    await createLogicChallenge(prisma);
    await createAttempt(prisma, { userId: user.id, exerciseId: add.id, isCorrect: true });
    await createAttempt(prisma, { userId: user.id, exerciseId: add.id, isCorrect: false });
    await createAttempt(prisma, { userId: user.id, exerciseId: add.id, isCorrect: true });
    await createChallengeAttempt(prisma, { userId: user.id, isCorrect: true });

    const stats = await service.catalogueStats(anon);
    expect(stats.academyStatistics).toEqual({
      totalExercises: 3,
      totalChallenges: 2,
      totalContent: 5,
      archivedExercises: 1,
      aiGenerated: 3,
      aiGeneratedExercises: 1,
      aiGeneratedChallenges: 2,
      aiGeneratedPercentage: 60,
    });
    expect(stats.byDiscipline).toEqual({
      ADDITION: { count: 2, disciplineName: "Art de l'Addition", percentage: 66.7 },
      DIVISION: { count: 1, disciplineName: 'Science de la Division', percentage: 33.3 },
    });
    expect(stats.byRank.INITIE).toEqual({
      count: 1,
      rankName: 'Initié',
      description: 'Premier pas vers la sagesse',
      minAge: 6,
      percentage: 33.3,
    });
    expect(stats.byApprenticeGroup['9-11']).toEqual({
      count: 2,
      groupName: 'Apprentis Juniors',
      description: 'Formation intermédiaire',
      percentage: 66.7,
    });
    expect(stats.globalPerformance).toEqual({
      totalAttempts: 4,
      exerciseAttempts: 3,
      challengeAttempts: 1,
      successfulAttempts: 3,
      masteryRate: 66.7,
      challengeMasteryRate: 100,
      message: 'Les apprentis progressent. La patience est une vertu des sages.',
    });
    expect(stats.legendaryChallenges[0]).toEqual({
      id: add.id,
      title: expect.any(String) as string,
      discipline: "Art de l'Addition",
      rank: 'Apprenti',
      apprenticesTrained: 3,
    });
    expect(stats.legendaryChallenges).toHaveLength(3);
    expect(stats.sageWisdom).toBe(
      'La connaissance est le premier pas vers la sagesse. — Les Anciens',
    );
    expect(stats.archiveStatus).toBe('Chroniques accessibles');
  });
});

describe('generate', () => {
  it('saves into the catalogue with the requester as creator, without revealing the answer', async () => {
    const clock = movableClock('2026-02-14T10:00:00Z');
    const service = serviceWith(clock);
    const user = await createUser(prisma);
    const dto = await service.generate(ctxFor(user.id), {
      exerciseType: 'ADDITION',
      ageGroup: '6-8',
    });
    expect(dto).toMatchObject({
      exerciseType: 'ADDITION',
      ageGroup: '6-8',
      difficulty: 'INITIE',
      aiGenerated: false,
    });
    expect(dto.id).toEqual(expect.any(Number));
    expect(dto).not.toHaveProperty('correctAnswer');
    expect(dto).not.toHaveProperty('explanation');
    const row = await prisma.exercise.findUniqueOrThrow({
      where: { id: dto.id ?? 0 },
      select: {
        creatorId: true,
        correctAnswer: true,
        answerKind: true,
        generationParams: true,
        createdAt: true,
        isActive: true,
      },
    });
    expect(row).toMatchObject({
      creatorId: user.id,
      answerKind: 'INTEGER',
      isActive: true,
      createdAt: clock.now(),
    });
    expect(row.generationParams).toMatchObject({ kind: 'addition', seed: 42 });
    expect(dto.operands?.reduce((x, y) => x + y, 0)).toBe(Number(row.correctAnswer));

    const themed = await service.generate(ctxFor(user.id), {
      exerciseType: 'FRACTIONS',
      ageGroup: '12-14',
      themed: true,
      save: false,
    });
    expect(themed).toMatchObject({ id: null, aiGenerated: true, difficulty: 'CHEVALIER' });
    expect(await prisma.exercise.count()).toBe(1);
  });

  it('enforces max_generations_per_user_per_hour with Retry-After', async () => {
    const clock = movableClock('2026-02-14T10:00:00Z');
    const service = serviceWith(clock);
    await prisma.setting.update({
      where: { key: 'max_generations_per_user_per_hour' },
      data: { value: '2' },
    });
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    await service.generate(ctxFor(user.id), { exerciseType: 'ADDITION', ageGroup: '9-11' });
    clock.advance(10 * 60_000);
    await service.generate(ctxFor(user.id), { exerciseType: 'ADDITION', ageGroup: '9-11' });
    clock.advance(60_000);
    const refused = await service
      .generate(ctxFor(user.id), { exerciseType: 'ADDITION', ageGroup: '9-11' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 49 * 60,
    });
    // Unsaved generations and other users are not limited.
    await service.generate(ctxFor(user.id), {
      exerciseType: 'ADDITION',
      ageGroup: '9-11',
      save: false,
    });
    await service.generate(ctxFor(other.id), { exerciseType: 'ADDITION', ageGroup: '9-11' });
    // The oldest one leaves the rolling hour.
    clock.advance(49 * 60_000 + 1);
    await expect(
      service.generate(ctxFor(user.id), { exerciseType: 'ADDITION', ageGroup: '9-11' }),
    ).resolves.toMatchObject({
      id: expect.any(Number) as number,
    });
  });
});

describe('submitAnswer', () => {
  it('records the attempt, the progress cache, the counters and the day streak in one go', async () => {
    const clock = movableClock('2026-02-14T10:00:00Z');
    const service = serviceWith(clock);
    const user = await createUser(prisma);
    const ex = await createExercise(prisma, { exerciseType: 'GEOMETRIE' }); // DECIMAL, answer 10

    const ok = await service.submitAnswer(ctxFor(user.id), {
      exerciseId: ex.id,
      answer: ' 10,0 ',
      timeSpent: 12.5,
    });
    expect(ok).toEqual({
      attemptId: expect.any(Number) as number,
      isCorrect: true,
      correctAnswer: '10',
      explanation: '4 × 2,5 = 10 cm',
      newBadges: [],
      progressNotification: null,
      replayed: false,
    });
    const wrong = await service.submitAnswer(ctxFor(user.id), { exerciseId: ex.id, answer: '11' });
    expect(wrong.isCorrect).toBe(false);
    clock.advance(60_000);
    await service.submitAnswer(ctxFor(user.id), {
      exerciseId: ex.id,
      answer: '10.00',
      timeSpent: 7.5,
    });

    const attempt = await prisma.attempt.findUniqueOrThrow({
      where: { id: ok.attemptId },
      select: { userAnswer: true, timeSpent: true, createdAt: true },
    });
    expect(attempt).toEqual({
      userAnswer: ' 10,0 ',
      timeSpent: 12.5,
      createdAt: new Date('2026-02-14T10:00:00Z'),
    });
    const progress = await prisma.exerciseProgress.findUniqueOrThrow({
      where: { userId_exerciseType: { userId: user.id, exerciseType: 'GEOMETRIE' } },
      select: {
        totalAttempts: true,
        correctAttempts: true,
        timedAttempts: true,
        totalTimeSpent: true,
        currentCorrectStreak: true,
        bestCorrectStreak: true,
        completedExercises: true,
      },
    });
    expect(progress).toEqual({
      totalAttempts: 3,
      correctAttempts: 2,
      timedAttempts: 2,
      totalTimeSpent: 20,
      currentCorrectStreak: 1,
      bestCorrectStreak: 1,
      completedExercises: 1,
    });
    const counters = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: {
        totalAttempts: true,
        correctAttempts: true,
        lastAttemptAt: true,
        currentStreak: true,
        bestStreak: true,
        lastActivityDate: true,
      },
    });
    expect(counters).toEqual({
      totalAttempts: 3,
      correctAttempts: 2,
      lastAttemptAt: new Date('2026-02-14T10:01:00Z'),
      currentStreak: 1,
      bestStreak: 1,
      lastActivityDate: new Date('2026-02-14T00:00:00Z'),
    });
  });

  it('keeps the day streak over consecutive UTC days and restarts it after a gap', async () => {
    const clock = movableClock('2026-02-14T23:59:00Z');
    const service = serviceWith(clock);
    const user = await createUser(prisma);
    const ex = await createExercise(prisma);
    const streak = async () =>
      prisma.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { currentStreak: true, bestStreak: true },
      });
    await service.submitAnswer(ctxFor(user.id), { exerciseId: ex.id, answer: '4' });
    clock.set('2026-02-15T00:01:00Z');
    await service.submitAnswer(ctxFor(user.id), { exerciseId: ex.id, answer: '5' });
    clock.set('2026-02-16T12:00:00Z');
    await service.submitAnswer(ctxFor(user.id), { exerciseId: ex.id, answer: '5' });
    expect(await streak()).toEqual({ currentStreak: 3, bestStreak: 3 });
    clock.set('2026-02-18T12:00:00Z');
    await service.submitAnswer(ctxFor(user.id), { exerciseId: ex.id, answer: '5' });
    expect(await streak()).toEqual({ currentStreak: 1, bestStreak: 3 });
  });

  it('passes the attempt facts to the post-attempt step and returns its badges (notification dropped then)', async () => {
    const clock = movableClock('2026-02-14T10:00:00Z');
    const seen: unknown[] = [];
    const step: PostAttemptStep = async (tx, facts) => {
      seen.push(facts);
      // The step runs inside the transaction: it sees the attempt.
      const rows = await tx.$queryRaw<{ n: number }[]>(
        Prisma.sql`SELECT count(*)::int AS "n" FROM "attempts" WHERE "id" = ${facts.attemptId}`,
      );
      return {
        newBadges:
          rows[0]?.n === 1
            ? [
                {
                  id: 1,
                  code: 'first_steps',
                  name: 'Premiers Pas',
                  description: null,
                  starWarsTitle: 'Éveil',
                  difficulty: 'bronze',
                  pointsReward: 10,
                  earnedAt: clock.now(),
                },
              ]
            : [],
        progressNotification: { name: 'X', remaining: 1 },
      };
    };
    const service = serviceWith(clock, step);
    const user = await createUser(prisma);
    const ex = await createExercise(prisma);
    const result = await service.submitAnswer(ctxFor(user.id), {
      exerciseId: ex.id,
      answer: '5',
      timeSpent: 3,
    });
    expect(result.newBadges).toHaveLength(1);
    expect(result.progressNotification).toBeNull();
    expect(seen).toEqual([
      {
        kind: 'exercise',
        userId: user.id,
        attemptId: result.attemptId,
        exerciseType: 'ADDITION',
        challengeType: null,
        isCorrect: true,
        timeSpentSeconds: 3,
        createdAt: clock.now(),
      },
    ]);
  });

  it('leaves nothing half-written when the post-attempt step fails after the attempt insert', async () => {
    const clock = movableClock('2026-02-14T10:00:00Z');
    const failing: PostAttemptStep = () => Promise.reject(new Error('badge engine down'));
    const service = serviceWith(clock, failing);
    const user = await createUser(prisma);
    const ex = await createExercise(prisma);
    await expect(
      service.submitAnswer(ctxFor(user.id), {
        exerciseId: ex.id,
        answer: '5',
        idempotencyKey: 'k1',
      }),
    ).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    expect(await prisma.attempt.count()).toBe(0);
    expect(await prisma.exerciseProgress.count()).toBe(0);
    expect(
      await prisma.user.findUniqueOrThrow({
        where: { id: user.id },
        select: {
          totalAttempts: true,
          correctAttempts: true,
          lastAttemptAt: true,
          currentStreak: true,
          lastActivityDate: true,
        },
      }),
    ).toEqual({
      totalAttempts: 0,
      correctAttempts: 0,
      lastAttemptAt: null,
      currentStreak: 0,
      lastActivityDate: null,
    });
    // The same key works once the step is healthy again.
    const healthy = serviceWith(clock);
    await expect(
      healthy.submitAnswer(ctxFor(user.id), {
        exerciseId: ex.id,
        answer: '5',
        idempotencyKey: 'k1',
      }),
    ).resolves.toMatchObject({
      isCorrect: true,
      replayed: false,
    });
  });

  it('returns the first response for a retried idempotency key and counts once', async () => {
    const clock = movableClock('2026-02-14T10:00:00Z');
    const service = serviceWith(clock);
    const user = await createUser(prisma);
    const ex = await createExercise(prisma);
    const first = await service.submitAnswer(ctxFor(user.id), {
      exerciseId: ex.id,
      answer: '5',
      idempotencyKey: 'retry-1',
    });
    clock.advance(5_000);
    // A retry with another answer still gets the first response.
    const again = await service.submitAnswer(ctxFor(user.id), {
      exerciseId: ex.id,
      answer: '6',
      idempotencyKey: 'retry-1',
    });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await prisma.attempt.count()).toBe(1);
    expect(
      await prisma.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { totalAttempts: true },
      }),
    ).toEqual({ totalAttempts: 1 });

    // Concurrent retries: exactly one attempt.
    const racing = await Promise.all(
      [1, 2, 3].map(() =>
        service.submitAnswer(ctxFor(user.id), {
          exerciseId: ex.id,
          answer: '5',
          idempotencyKey: 'race',
        }),
      ),
    );
    expect(new Set(racing.map((r) => r.attemptId)).size).toBe(1);
    expect(racing.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await prisma.attempt.count()).toBe(2);

    // Keys are per user, and a key reused for another exercise is refused.
    const other = await createUser(prisma);
    await expect(
      service.submitAnswer(ctxFor(other.id), {
        exerciseId: ex.id,
        answer: '5',
        idempotencyKey: 'retry-1',
      }),
    ).resolves.toMatchObject({
      replayed: false,
    });
    const ex2 = await createExercise(prisma);
    await expect(
      service.submitAnswer(ctxFor(user.id), {
        exerciseId: ex2.id,
        answer: '5',
        idempotencyKey: 'retry-1',
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('checks answers by kind (numbers, French comma, fractions by value, choices as text)', async () => {
    const service = serviceWith(movableClock('2026-02-14T10:00:00Z'));
    const user = await createUser(prisma);
    const check = async (type: 'ADDITION' | 'FRACTIONS' | 'DIVERS', answer: string) => {
      const ex = await createExercise(prisma, { exerciseType: type });
      return (await service.submitAnswer(ctxFor(user.id), { exerciseId: ex.id, answer })).isCorrect;
    };
    expect(await check('ADDITION', '5.0')).toBe(true);
    expect(await check('ADDITION', '05')).toBe(true);
    expect(await check('ADDITION', '6')).toBe(false);
    expect(await check('FRACTIONS', '2/4')).toBe(true);
    expect(await check('FRACTIONS', '0,5')).toBe(true);
    expect(await check('DIVERS', '  mercure ')).toBe(true);
    expect(await check('DIVERS', 'Mars')).toBe(false);
  });

  it('refuses unknown exercises and bad input; archived exercises can be answered', async () => {
    const service = serviceWith(movableClock('2026-02-14T10:00:00Z'));
    const user = await createUser(prisma);
    const archived = await createExercise(prisma, { isArchived: true, isActive: false });
    await expect(
      service.submitAnswer(ctxFor(user.id), { exerciseId: archived.id + 99, answer: '5' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Exercice non trouvé',
    });
    await expect(
      service.submitAnswer(ctxFor(user.id), { exerciseId: archived.id, answer: '' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      service.submitAnswer(ctxFor(user.id), {
        exerciseId: archived.id,
        answer: '5',
        timeSpent: -1,
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      service.submitAnswer(ctxFor(user.id), { exerciseId: archived.id, answer: '5' }),
    ).resolves.toMatchObject({ isCorrect: true });
  });
});
