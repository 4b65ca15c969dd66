import { pino } from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCore } from '../core.ts';
import type { PrismaClient } from '../db/generated/client.ts';
import type { Database } from '../db/types.ts';
import type { Clock } from '../kernel/clock.ts';
import type { AuthedCtx, Ctx } from '../kernel/deps.ts';
import type { PostAttemptStep } from '../progress/index.ts';
import { movableClock } from '../testing/clock.ts';
import {
  createChallengeAttempt,
  createLogicChallenge,
  createUser,
  getTestDb,
  resetDb,
} from '../testing/index.ts';
import { toChallengeListQuery, type ListChallengesInput } from './challenge.schemas.ts';
import { makeChallengeService } from './challenge.service.ts';

const log = pino({ level: 'silent' });

const ctxFor = (userId: number): AuthedCtx => ({
  actor: { userId, username: `u${userId}`, role: 'padawan', accessScope: 'full', sessionId: null },
  log,
  requestId: 'test',
});
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

/** The real wiring (gamification's post-attempt step included). */
const coreWith = (clock: Clock = movableClock()) => createCore({ db, log, clock }).challenges;

const query = (input: ListChallengesInput = {}) =>
  toChallengeListQuery({ order: 'recent', ...input });

const userCounters = (id: number) =>
  prisma.user.findUniqueOrThrow({
    where: { id },
    select: {
      totalChallengeAttempts: true,
      correctChallengeAttempts: true,
      totalAttempts: true,
      currentStreak: true,
      lastActivityDate: true,
      totalPoints: true,
    },
  });

const challengeCounters = (id: number) =>
  prisma.logicChallenge.findUniqueOrThrow({
    where: { id },
    select: { attemptCount: true, correctAttemptCount: true, viewCount: true, updatedAt: true },
  });

describe('list', () => {
  it('lists active challenges without any answer key, filtered and paginated', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const seq = await createLogicChallenge(prisma, {
      title: 'La suite des étoiles',
      tags: 'suite,nombres',
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    const chess = await createLogicChallenge(prisma, {
      challengeType: 'CHESS',
      ageGroup: 'GROUP_12_14',
      description: 'Un mat rapide',
      createdAt: new Date('2026-01-02T00:00:00Z'),
    });
    const archived = await createLogicChallenge(prisma, {
      isArchived: true,
      createdAt: new Date('2026-01-03T00:00:00Z'),
    });
    await createLogicChallenge(prisma, { isActive: false });

    const all = await service.list(ctxFor(user.id), query());
    expect(all.items.map((i) => i.id)).toEqual([chess.id, seq.id]);
    expect(all).toMatchObject({ total: 2, skip: 0, limit: 20, hasMore: false });
    expect(all.items[1]).toEqual({
      id: seq.id,
      title: 'La suite des étoiles',
      description: 'Quel nombre suit : 2, 4, 6, 8 ?',
      challengeType: 'sequence',
      ageGroup: '9-11',
      difficulty: null,
      tags: ['suite', 'nombres'],
      difficultyRating: 3,
      estimatedTimeMinutes: 15,
      successRate: 0,
      viewCount: 0,
      isArchived: false,
    });

    // activeOnly false: archived rows too (inactive ones never).
    const withArchived = await service.list(ctxFor(user.id), query({ activeOnly: false }));
    expect(withArchived.items.map((i) => i.id)).toEqual([archived.id, chess.id, seq.id]);
    expect(withArchived.total).toBe(3);

    // Filters: type, age group, search (case-insensitive, title / description / tags; total follows).
    expect(
      (await service.list(ctxFor(user.id), query({ challengeType: 'chess' }))).items.map(
        (i) => i.id,
      ),
    ).toEqual([chess.id]);
    expect(
      (await service.list(ctxFor(user.id), query({ ageGroup: '12-14' }))).items.map((i) => i.id),
    ).toEqual([chess.id]);
    for (const search of ['ÉTOILES', 'NOMBRES', 'mat rapide']) {
      const found = await service.list(ctxFor(user.id), query({ search }));
      expect(found.total, search).toBe(1);
    }
    expect((await service.list(ctxFor(user.id), query({ search: '%' }))).total).toBe(0);

    // Pagination.
    const page = await service.list(ctxFor(user.id), query({ limit: 1, cursor: 1 }));
    expect(page).toMatchObject({ total: 2, skip: 1, limit: 1, hasMore: false });
    expect(page.items.map((i) => i.id)).toEqual([seq.id]);
    expect((await service.list(ctxFor(user.id), query({ limit: 1 }))).hasMore).toBe(true);
  });

  it('hides the challenges the caller solved, and only those', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    const solved = await createLogicChallenge(prisma);
    const failed = await createLogicChallenge(prisma);
    const bySomeoneElse = await createLogicChallenge(prisma);
    await createChallengeAttempt(prisma, { userId: user.id, challengeId: solved.id });
    await createChallengeAttempt(prisma, {
      userId: user.id,
      challengeId: failed.id,
      isCorrect: false,
    });
    await createChallengeAttempt(prisma, { userId: other.id, challengeId: bySomeoneElse.id });
    const list = await service.list(ctxFor(user.id), query({ hideCompleted: true }));
    expect(list.items.map((i) => i.id).sort()).toEqual([failed.id, bySomeoneElse.id].sort());
    expect(list.total).toBe(2);
  });

  it('the random order returns a shuffled page of the matching challenges', async () => {
    let n = 0;
    const draws = [0.7, 0.1, 0.9, 0.3, 0.5, 0.2, 0.8];
    const service = makeChallengeService(
      { db, log, clock: movableClock() },
      {
        postAttemptStep: () => Promise.resolve({ newBadges: [], progressNotification: null }),
        random: () => draws[n++ % draws.length] ?? 0,
      },
    );
    const user = await createUser(prisma);
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await createLogicChallenge(prisma)).id);
    const random = toChallengeListQuery({});
    const whole = await service.list(ctxFor(user.id), random);
    expect(whole.items.map((i) => i.id).sort((a, b) => a - b)).toEqual(ids);
    expect(whole).toMatchObject({ total: 5, hasMore: false });
    const page = await service.list(ctxFor(user.id), { ...random, limit: 3 });
    expect(page.items).toHaveLength(3);
    expect(new Set(page.items.map((i) => i.id)).size).toBe(3);
    expect(page.hasMore).toBe(true);
    expect(await service.list(ctxFor(user.id), { ...random, skip: 5 })).toMatchObject({
      items: [],
      hasMore: false,
    });
  });
});

describe('get', () => {
  it('shows no hint text, answer or explanation before an attempt; counts the view', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const c = await createLogicChallenge(prisma, {
      challengeType: 'VISUAL',
      correctAnswer: 'Position 7: étoile jaune, Position 10: losange violet',
      choices: ['a', 'b'],
    });
    const before = await challengeCounters(c.id);
    const detail = await service.get(ctxFor(user.id), c.id);
    expect(detail).toMatchObject({
      id: c.id,
      challengeType: 'visual',
      question: 'Quelle forme complète la symétrie ?',
      choices: ['a', 'b'],
      visualData: { type: 'symmetry' },
      isActive: true,
      hintCount: 3,
      answerPositions: [7, 10],
      attempted: false,
      solved: false,
      hints: [],
      solution: null,
      viewCount: 1,
    });
    expect(JSON.stringify(detail)).not.toContain('étoile jaune');
    const after = await challengeCounters(c.id);
    expect(after.viewCount).toBe(before.viewCount + 1);
    // A view is not an edit of the content.
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect((await service.get(ctxFor(user.id), c.id)).viewCount).toBe(2);
  });

  it('reveals the hints after an attempt and the solution once solved, per learner', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    const c = await createLogicChallenge(prisma);
    await service.attempt(ctxFor(user.id), { challengeId: c.id, answer: '12' });
    expect(await service.get(ctxFor(user.id), c.id)).toMatchObject({
      attempted: true,
      solved: false,
      hints: ['Observe bien.', 'Cherche la règle.', 'Vérifie ta réponse.'],
      solution: null,
    });
    await service.attempt(ctxFor(user.id), { challengeId: c.id, answer: '10' });
    expect(await service.get(ctxFor(user.id), c.id)).toMatchObject({
      solved: true,
      solution: { correctAnswer: '10', explanation: 'La réponse est 10.' },
    });
    expect(await service.get(ctxFor(other.id), c.id)).toMatchObject({
      attempted: false,
      hints: [],
      solution: null,
    });
  });

  it('returns archived and inactive challenges; 404 for an unknown id', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const archived = await createLogicChallenge(prisma, { isArchived: true, isActive: false });
    expect(await service.get(ctxFor(user.id), archived.id)).toMatchObject({
      isArchived: true,
      isActive: false,
    });
    await expect(service.get(ctxFor(user.id), archived.id + 1)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Défi logique non trouvé',
    });
  });

  it('reads legacy JSON columns stored as text, and odd ones as empty', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const c = await createLogicChallenge(prisma, {
      hints: '["Un", "Deux"]',
      choices: '{not json',
      visualData: ['not', 'an', 'object'],
    });
    expect(await service.get(ctxFor(user.id), c.id)).toMatchObject({
      hintCount: 2,
      choices: [],
      visualData: {},
    });
  });
});

describe('hint', () => {
  it('serves one hint by its 1-based level; refuses levels outside the hints', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const c = await createLogicChallenge(prisma);
    expect(await service.hint(ctxFor(user.id), { challengeId: c.id, level: 2 })).toEqual({
      challengeId: c.id,
      level: 2,
      hint: 'Cherche la règle.',
      hintCount: 3,
    });
    expect((await service.hint(ctxFor(user.id), { challengeId: c.id })).hint).toBe('Observe bien.');
    for (const level of [0, -1, 4]) {
      await expect(
        service.hint(ctxFor(user.id), { challengeId: c.id, level }),
      ).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: `Indice de niveau ${level} non disponible`,
      });
    }
    await expect(
      service.hint(ctxFor(user.id), { challengeId: c.id, level: 1.5 }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'ID de défi ou niveau invalide' });
    await expect(
      service.hint(ctxFor(user.id), { challengeId: c.id + 1, level: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const none = await createLogicChallenge(prisma, { hints: [] });
    await expect(
      service.hint(ctxFor(user.id), { challengeId: none.id, level: 1 }),
    ).rejects.toMatchObject({ message: 'Indice de niveau 1 non disponible' });
  });
});

describe('attempt', () => {
  it('judges, stores and counts a correct answer; the solution comes with it', async () => {
    const clock = movableClock('2026-02-14T10:00:00Z');
    const service = coreWith(clock);
    const user = await createUser(prisma);
    const c = await createLogicChallenge(prisma);
    const result = await service.attempt(ctxFor(user.id), {
      challengeId: c.id,
      answer: ' 10 ',
      timeSpent: 12.5,
      hintsUsed: 1,
    });
    expect(result).toMatchObject({
      isCorrect: true,
      solution: { correctAnswer: '10', explanation: 'La réponse est 10.' },
      hintsRemaining: null,
      replayed: false,
    });
    expect(
      await prisma.logicChallengeAttempt.findUniqueOrThrow({
        where: { id: result.attemptId },
        select: {
          userSolution: true,
          isCorrect: true,
          timeSpent: true,
          hintsUsed: true,
          attemptNumber: true,
          createdAt: true,
        },
      }),
    ).toEqual({
      userSolution: ' 10 ',
      isCorrect: true,
      timeSpent: 12.5,
      hintsUsed: 1,
      attemptNumber: 1,
      createdAt: clock.now(),
    });
    expect(await userCounters(user.id)).toMatchObject({
      totalChallengeAttempts: 1,
      correctChallengeAttempts: 1,
      // Exercise counters untouched; the day streak counts the challenge.
      totalAttempts: 0,
      currentStreak: 1,
      lastActivityDate: new Date('2026-02-14T00:00:00Z'),
    });
    expect(await challengeCounters(c.id)).toMatchObject({
      attemptCount: 1,
      correctAttemptCount: 1,
    });
  });

  it('an incorrect answer: no solution, the hints left (never negative), a true success rate', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const c = await createLogicChallenge(prisma);
    const wrong = await service.attempt(ctxFor(user.id), {
      challengeId: c.id,
      answer: '11',
      hintsUsed: 2,
    });
    expect(wrong).toMatchObject({ isCorrect: false, solution: null, hintsRemaining: 1 });
    const greedy = await service.attempt(ctxFor(user.id), {
      challengeId: c.id,
      answer: '12',
      hintsUsed: 10,
    });
    expect(greedy.hintsRemaining).toBe(0);
    expect(
      await prisma.logicChallengeAttempt.findUniqueOrThrow({
        where: { id: greedy.attemptId },
        select: { hintsUsed: true, timeSpent: true },
      }),
    ).toEqual({ hintsUsed: 3, timeSpent: null });
    await service.attempt(ctxFor(user.id), { challengeId: c.id, answer: 10 });
    expect(await userCounters(user.id)).toMatchObject({
      totalChallengeAttempts: 3,
      correctChallengeAttempts: 1,
    });
    expect(await challengeCounters(c.id)).toMatchObject({
      attemptCount: 3,
      correctAttemptCount: 1,
    });
    const listed = await service.list(ctxFor(user.id), query());
    expect(listed.items[0]?.successRate).toBe(33.3);
  });

  it('accepts a number or a list as the answer, stored as text', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const puzzle = await createLogicChallenge(prisma, { challengeType: 'PUZZLE' });
    const r = await service.attempt(ctxFor(user.id), {
      challengeId: puzzle.id,
      answer: [1, '2', 3],
    });
    expect(r.isCorrect).toBe(true);
    expect(
      (
        await prisma.logicChallengeAttempt.findUniqueOrThrow({
          where: { id: r.attemptId },
          select: { userSolution: true },
        })
      ).userSolution,
    ).toBe('1, 2, 3');
  });

  it('refuses a bad answer or field with a French 400 before anything is read or written', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const c = await createLogicChallenge(prisma);
    const cases: [unknown, string][] = [
      ['', 'Réponse requise'],
      [[], 'Réponse requise'],
      [true, 'La réponse doit être un texte.'],
      [null, 'La réponse doit être un texte.'],
      [{ a: 1 }, 'La réponse doit être un texte.'],
      [[['nested']], 'La réponse doit être un texte.'],
      ['a\u0000b', 'La réponse contient des caractères invalides.'],
      ['\ud800', 'La réponse contient des caractères invalides.'],
      ['x'.repeat(1001), 'La réponse ne peut pas dépasser 1000 caractères.'],
    ];
    for (const [answer, message] of cases) {
      await expect(
        service.attempt(ctxFor(user.id), { challengeId: c.id + 99, answer: answer as string }),
        JSON.stringify(answer),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', message });
    }
    await expect(
      service.attempt(ctxFor(user.id), { challengeId: c.id, answer: '10', timeSpent: -1 }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      service.attempt(ctxFor(user.id), { challengeId: c.id, answer: '10', idempotencyKey: 'a\nb' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: "La clé d'idempotence est invalide.",
    });
    await expect(
      service.attempt(ctxFor(user.id), { challengeId: c.id + 99, answer: '10' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Défi logique non trouvé' });
    expect(await prisma.logicChallengeAttempt.count()).toBe(0);
    expect(await userCounters(user.id)).toMatchObject({ totalChallengeAttempts: 0 });
  });

  it('answers a retried idempotency key with the first response, counted once', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const c = await createLogicChallenge(prisma);
    const other = await createLogicChallenge(prisma);
    const first = await service.attempt(ctxFor(user.id), {
      challengeId: c.id,
      answer: '11',
      hintsUsed: 1,
      idempotencyKey: 'retry-1',
    });
    const again = await service.attempt(ctxFor(user.id), {
      challengeId: c.id,
      answer: '10',
      idempotencyKey: 'retry-1',
    });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await prisma.logicChallengeAttempt.count()).toBe(1);
    expect(await userCounters(user.id)).toMatchObject({ totalChallengeAttempts: 1 });
    expect(await challengeCounters(c.id)).toMatchObject({ attemptCount: 1 });
    await expect(
      service.attempt(ctxFor(user.id), {
        challengeId: other.id,
        answer: '10',
        idempotencyKey: 'retry-1',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // Keys are per user.
    const stranger = await createUser(prisma);
    const theirs = await service.attempt(ctxFor(stranger.id), {
      challengeId: c.id,
      answer: '10',
      idempotencyKey: 'retry-1',
    });
    expect(theirs).toMatchObject({ isCorrect: true, replayed: false });
  });

  it('leaves nothing half-written when the post-attempt step fails', async () => {
    const clock = movableClock();
    const failing: PostAttemptStep = () => Promise.reject(new Error('badge engine down'));
    const broken = makeChallengeService({ db, log, clock }, { postAttemptStep: failing });
    const user = await createUser(prisma);
    const c = await createLogicChallenge(prisma);
    await expect(
      broken.attempt(ctxFor(user.id), { challengeId: c.id, answer: '10', idempotencyKey: 'k1' }),
    ).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(await prisma.logicChallengeAttempt.count()).toBe(0);
    expect(await userCounters(user.id)).toEqual({
      totalChallengeAttempts: 0,
      correctChallengeAttempts: 0,
      totalAttempts: 0,
      currentStreak: 0,
      lastActivityDate: null,
      totalPoints: 0,
    });
    expect(await challengeCounters(c.id)).toMatchObject({
      attemptCount: 0,
      correctAttemptCount: 0,
    });
    // The same key works once the step is healthy again.
    await expect(
      coreWith(clock).attempt(ctxFor(user.id), {
        challengeId: c.id,
        answer: '10',
        idempotencyKey: 'k1',
      }),
    ).resolves.toMatchObject({ isCorrect: true, replayed: false });
  });

  it('earns the logic badges with their points; a wrong answer gets the progress notification', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const challenges = [];
    for (let i = 0; i < 5; i += 1) challenges.push(await createLogicChallenge(prisma));
    for (const c of challenges.slice(0, 3)) {
      expect(
        (await service.attempt(ctxFor(user.id), { challengeId: c.id, answer: '10' })).newBadges,
      ).toEqual([]);
    }
    const wrong = await service.attempt(ctxFor(user.id), {
      challengeId: challenges[3]?.id ?? 0,
      answer: '0',
    });
    expect(wrong).toMatchObject({
      isCorrect: false,
      newBadges: [],
      progressNotification: { name: 'Explorateur des Défis', remaining: 2 },
    });
    await service.attempt(ctxFor(user.id), { challengeId: challenges[3]?.id ?? 0, answer: '10' });
    const fifth = await service.attempt(ctxFor(user.id), {
      challengeId: challenges[4]?.id ?? 0,
      answer: '10',
    });
    expect(fifth.newBadges.map((b) => b.code)).toEqual(['logic_explorer']);
    expect(fifth.progressNotification).toBeNull();
    expect((await userCounters(user.id)).totalPoints).toBe(20);
  });
});

describe('completed ids and progress', () => {
  it('completedIds: the distinct solved ids; [] for anonymous callers', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const a = await createLogicChallenge(prisma);
    const b = await createLogicChallenge(prisma);
    await createChallengeAttempt(prisma, { userId: user.id, challengeId: b.id });
    await createChallengeAttempt(prisma, { userId: user.id, challengeId: b.id });
    await createChallengeAttempt(prisma, { userId: user.id, challengeId: a.id, isCorrect: false });
    expect(await service.completedIds(ctxFor(user.id))).toEqual({ completedIds: [b.id] });
    expect(await service.completedIds(anon)).toEqual({ completedIds: [] });
  });

  it('progress: zeros without attempts; rates, mean time and solved challenges after', async () => {
    const service = coreWith();
    const user = await createUser(prisma);
    const a = await createLogicChallenge(prisma, { title: 'A' });
    const b = await createLogicChallenge(prisma, { title: 'B' });
    await createLogicChallenge(prisma, { isArchived: true });
    await createLogicChallenge(prisma, { isActive: false });
    expect(await service.progress(ctxFor(user.id))).toEqual({
      completedChallenges: 0,
      totalChallenges: 2,
      successRate: 0,
      averageTime: 0,
      challenges: [],
    });
    await createChallengeAttempt(prisma, { userId: user.id, challengeId: a.id, timeSpent: 30 });
    await createChallengeAttempt(prisma, { userId: user.id, challengeId: a.id, timeSpent: 12.345 });
    await createChallengeAttempt(prisma, {
      userId: user.id,
      challengeId: b.id,
      isCorrect: false,
      timeSpent: 0,
    });
    await createChallengeAttempt(prisma, { userId: user.id, challengeId: b.id, timeSpent: null });
    expect(await service.progress(ctxFor(user.id))).toEqual({
      completedChallenges: 2,
      totalChallenges: 2,
      successRate: 0.75,
      averageTime: 21.2,
      challenges: [
        { id: a.id, title: 'A', isCompleted: true, attempts: 2, bestTime: 12.35 },
        { id: b.id, title: 'B', isCompleted: true, attempts: 2, bestTime: null },
      ],
    });
  });
});
