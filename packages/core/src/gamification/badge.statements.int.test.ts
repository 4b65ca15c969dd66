import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import {
  createGamificationHarness,
  movableClock,
  restoreCatalogue,
  statementCountingClient,
} from '../testing/gamification.ts';
import { createAchievement, createUser, getTestDb, resetDb } from '../testing/index.ts';
import { evaluateBadges } from './badge.engine.ts';

/**
 * Done-when: one evaluation costs the same number of SQL statements for a user with 1 attempt and with
 * 10,000 attempts, and with the 32-badge catalogue and a 200-badge catalogue.
 */
const { db, prisma } = await getTestDb();
const clock = movableClock(new Date('2026-03-10T12:00:00.000Z'));
const h = createGamificationHarness(db, clock);
const counting = statementCountingClient(db);

afterAll(async () => {
  await counting.client.$disconnect();
});

beforeEach(async () => {
  await resetDb(prisma);
  await restoreCatalogue(prisma);
  h.reset();
});

/** Statements of one evaluation (an exercise submission's step: attempt context, notification). */
const statementsOfOneEvaluation = async (userId: number, attemptId: number) => {
  counting.statements.length = 0;
  const outcome = await counting.client.$transaction((tx) =>
    evaluateBadges(tx, {
      userId,
      now: clock.now(),
      current: { attemptId, createdAt: clock.now() },
      withNotification: true,
    }),
  );
  // Transaction control (BEGIN / the driver's implicit COMMIT) is not part of the evaluation.
  const sql = counting.statements.filter(
    (s) =>
      !/^(--[^\n]*)?\W*(BEGIN|COMMIT|ROLLBACK)\b/i.test(s.trim()) &&
      !/Implicit "(BEGIN|COMMIT)"/.test(s),
  );
  return { count: sql.length, outcome, sql };
};

const latestAttemptId = async (userId: number) =>
  (
    await prisma.attempt.findFirstOrThrow({
      where: { userId },
      orderBy: { id: 'desc' },
      select: { id: true },
    })
  ).id;

describe('statements per evaluation', () => {
  it('is the same for 1 attempt and for 10,000 attempts', async () => {
    const small = await createUser(prisma);
    await h.bulkAttempts(small.id, 1);
    const big = await createUser(prisma);
    await h.bulkAttempts(big.id, 10_000);

    const one = await statementsOfOneEvaluation(small.id, await latestAttemptId(small.id));
    const many = await statementsOfOneEvaluation(big.id, await latestAttemptId(big.id));

    // Only ADDITION exercises exist, so `explorer` (every active type tried) comes with the first attempt.
    expect(one.outcome.newBadges.map((b) => b.code)).toEqual(['first_steps', 'explorer']);
    expect(many.outcome.newBadges.map((b) => b.code)).toContain('marathon');
    expect(many.count).toBe(one.count);
    // Without a catalogue cache (a direct call): the catalogue fingerprint and rows, the learner snapshot
    // (one statement: earned ids, counters, progress cache, index probes), and the award with its points
    // (one statement). The badge service's cache saves the first two on the submit path (issue 17: 11
    // statements before).
    expect(one.count).toBe(4);

    // Nothing left to award: the same statements minus the award.
    const again = await statementsOfOneEvaluation(big.id, await latestAttemptId(big.id));
    expect(again.outcome.newBadges).toEqual([]);
    expect(again.count).toBe(one.count - 1);
  });

  it('is the same with the 32-badge catalogue and with 200 badges', async () => {
    const before = await createUser(prisma);
    await h.bulkAttempts(before.id, 3);
    const with32 = await statementsOfOneEvaluation(before.id, await latestAttemptId(before.id));

    const requirementShapes = [
      { attempts_count: 400 },
      { logic_attempts_count: 70 },
      { attempts_count: 500, logic_attempts_count: 60 },
      { min_attempts: 500, success_rate: 90 },
      { exercise_type: 'division', consecutive_correct: 40 },
      { max_time: 1 },
      { consecutive_days: 40 },
      { perfect_day: true },
      { all_types: true },
      { min_per_type: 50 },
      { comeback_days: 30 },
    ];
    for (let i = 0; i < 168; i += 1) {
      await createAchievement(prisma, {
        requirements: requirementShapes[i % requirementShapes.length] ?? {},
      });
    }
    expect(await prisma.achievement.count({ where: { isActive: true } })).toBe(200);

    const after = await createUser(prisma);
    await h.bulkAttempts(after.id, 3);
    const with200 = await statementsOfOneEvaluation(after.id, await latestAttemptId(after.id));

    expect(
      with200.outcome.newBadges.map((b) => b.code).filter((c) => !c.startsWith('test_')),
    ).toEqual(with32.outcome.newBadges.map((b) => b.code));
    expect(with200.count).toBe(with32.count);
  });
});
