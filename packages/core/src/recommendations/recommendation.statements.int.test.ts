import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import type { Database } from '../db/types.ts';
import type { ExerciseType } from '../exercises/index.ts';
import {
  createGamificationHarness,
  ctxFor,
  DAY_MS,
  movableClock,
  statementCountingClient,
} from '../testing/gamification.ts';
import {
  createChallengeAttempt,
  createExercise,
  createLogicChallenge,
  createUser,
  getTestDb,
  resetDb,
} from '../testing/index.ts';
import { makeRecommendationService } from './recommendation.service.ts';

/**
 * Done-when: generating and reading recommendations costs the same number of SQL statements for a learner
 * with 1 prior attempt and with 10,000 (and a long challenge and recommendation history).
 */
const { db, prisma } = await getTestDb();
const clock = movableClock(new Date('2026-03-10T12:00:00.000Z'));
const h = createGamificationHarness(db, clock);
const counting = statementCountingClient(db);
const countingDb: Database = { ...db, prisma: counting.client };
const service = makeRecommendationService({ db: countingDb, clock });

afterAll(async () => {
  await counting.client.$disconnect();
});

beforeEach(async () => {
  await resetDb(prisma);
  h.reset();
});

const TYPES: ExerciseType[] = ['ADDITION', 'SOUSTRACTION', 'MULTIPLICATION', 'DIVISION', 'TEXTE'];

/** The statements one call sends, transaction control (BEGIN / COMMIT) left out. */
const statementsOf = async <T>(call: () => Promise<T>) => {
  counting.statements.length = 0;
  const result = await call();
  const sql = counting.statements.filter(
    (s) =>
      !/^(--[^\n]*)?\W*(BEGIN|COMMIT|ROLLBACK)\b/i.test(s.trim()) &&
      !/Implicit "(BEGIN|COMMIT)"/.test(s),
  );
  return { count: sql.length, result, sql };
};

const learnerWith = async (attempts: number) => {
  const user = await createUser(prisma, { preferredAgeGroup: 'GROUP_9_11' });
  // Half right, half wrong, on every type: weak types and a long history.
  for (const type of TYPES) {
    const each = Math.max(1, Math.floor(attempts / TYPES.length / 2));
    if (attempts === 1) {
      if (type === 'ADDITION') await h.bulkAttempts(user.id, 1, { type });
      continue;
    }
    await h.bulkAttempts(user.id, each, { type, correct: true });
    await h.bulkAttempts(user.id, each, { type, correct: false });
  }
  return user;
};

describe('statements per use case', () => {
  it('are the same for 1 prior attempt and for 10,000', async () => {
    for (const type of TYPES) {
      for (let i = 0; i < 6; i += 1) await createExercise(prisma, { exerciseType: type });
    }
    const challenges = [];
    for (let i = 0; i < 6; i += 1) challenges.push(await createLogicChallenge(prisma));

    const small = await learnerWith(1);
    const big = await learnerWith(10_000);
    expect(await prisma.attempt.count({ where: { userId: big.id } })).toBe(10_000);
    // A long challenge and recommendation history for the big learner.
    for (const c of challenges.slice(0, 3))
      for (let i = 0; i < 20; i += 1)
        await createChallengeAttempt(prisma, {
          userId: big.id,
          challengeId: c.id,
          isCorrect: false,
        });
    for (let day = 1; day <= 2; day += 1) {
      clock.set(new Date(new Date('2026-03-10T12:00:00.000Z').getTime() - day * DAY_MS));
      await service.generate(ctxFor(big.id));
      await prisma.recommendation.updateMany({
        where: { userId: big.id, isCompleted: false },
        data: { isCompleted: true, completedAt: clock.now() },
      });
    }
    clock.set('2026-03-10T12:00:00.000Z');

    // First read: nothing pending → generation inside the read.
    const firstSmall = await statementsOf(() =>
      service.list(ctxFor(small.id), { markShown: true }),
    );
    const firstBig = await statementsOf(() => service.list(ctxFor(big.id), { markShown: true }));
    expect(firstSmall.result.items.length).toBeGreaterThan(0);
    expect(firstBig.result.items.length).toBeGreaterThan(0);
    // The big learner has weak types: improvement recommendations.
    expect(firstBig.result.items.map((i) => i.reasonCode)).toContain('reco.exercise.improvement');
    expect(firstBig.count).toBe(firstSmall.count);
    // read, lock, re-check, 6 context reads, delete, insert, read, shown.
    expect(firstSmall.count).toBe(13);

    const generateSmall = await statementsOf(() => service.generate(ctxFor(small.id)));
    const generateBig = await statementsOf(() => service.generate(ctxFor(big.id)));
    expect(generateBig.count).toBe(generateSmall.count);
    // lock, progress, recent attempts, recent challenge types, history, exercise pool, challenge pool,
    // delete, insert.
    expect(generateSmall.count).toBe(9);

    // Steady read: one SELECT, one UPDATE of the display counters.
    const readSmall = await statementsOf(() => service.list(ctxFor(small.id), { markShown: true }));
    const readBig = await statementsOf(() => service.list(ctxFor(big.id), { markShown: true }));
    expect([readSmall.count, readBig.count]).toEqual([2, 2]);

    const id = readBig.result.items[0]?.id ?? 0;
    const click = await statementsOf(() =>
      service.recordClick(ctxFor(big.id), { recommendationId: id }),
    );
    const complete = await statementsOf(() =>
      service.complete(ctxFor(big.id), { recommendationId: id }),
    );
    expect([click.count, complete.count]).toEqual([1, 1]);
  });
});
