import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import {
  createGamificationHarness,
  movableClock,
  restoreCatalogue,
  statementCountingClient,
} from '../testing/gamification.ts';
import { createAchievement, createUser, getTestDb, resetDb } from '../testing/index.ts';

/**
 * Done-when (issue 17): a steady exercise submit, its whole transaction included (BEGIN and COMMIT
 * counted), costs at most 6 SQL statements (it costs 4, as the raw baseline), the same for a learner with
 * 1 earlier attempt and with 10,000, right or wrong; an award adds one statement, the first activity of a
 * UTC day none (the day streak is written by the attempt statement).
 */
const { db, prisma } = await getTestDb();
const clock = movableClock(new Date('2026-03-10T12:00:00.000Z'));
const counting = statementCountingClient(db);
const countedDb = counting.database;
const h = createGamificationHarness(countedDb, clock);
// Bulk history is written without counting.
const setup = createGamificationHarness(db, clock);

afterAll(async () => {
  await counting.client.$disconnect();
});

beforeEach(async () => {
  await resetDb(prisma);
  await restoreCatalogue(prisma);
  h.reset();
  setup.reset();
});

const isTransactionControl = (s: string) =>
  /^(--[^\n]*)?\W*(BEGIN|COMMIT|ROLLBACK)\b/i.test(s.trim()) || /Implicit "(BEGIN|COMMIT)"/.test(s);

/**
 * Every statement of one submit, BEGIN and COMMIT included: the drivers do not all report transaction
 * control as query events, so it is counted as the two statements every transaction sends.
 */
const statementsOfSubmit = async (userId: number, correct: boolean) => {
  counting.statements.length = 0;
  const result = await h.submit(userId, { correct });
  const sql = counting.statements.filter((s) => !isTransactionControl(s));
  return { count: sql.length + 2, result, sql };
};

/** A learner whose earlier attempts already earned the early badges and started today's activity. */
const learnerWithHistory = async (attempts: number) => {
  const user = await createUser(prisma);
  await setup.bulkAttempts(user.id, attempts, { correct: false });
  // Today's first activity (streak write) and the early badges happen here, outside the measure.
  await h.submit(user.id, { correct: false });
  await h.submit(user.id, { correct: true });
  return user.id;
};

describe('statements per exercise submit (whole transaction)', () => {
  it('is 4 for a steady submit, the same with 1 and with 10,000 earlier attempts', async () => {
    const small = await learnerWithHistory(1);
    const big = await learnerWithHistory(10_000);
    // The exercise and the catalogue are warm (read by the submits above).
    const counts: Record<string, number> = {};
    for (const [label, userId] of [
      ['small', small],
      ['big', big],
    ] as const) {
      for (const correct of [false, true]) {
        const { count, result } = await statementsOfSubmit(userId, correct);
        expect(result.isCorrect).toBe(correct);
        expect(result.newBadges).toEqual([]);
        counts[`${label}-${correct ? 'right' : 'wrong'}`] = count;
      }
    }
    // BEGIN, the user row lock with the exercise, the attempt with the progress cache, the counters, the
    // day streak and the learner snapshot, COMMIT.
    expect(counts).toEqual({ 'small-wrong': 4, 'small-right': 4, 'big-wrong': 4, 'big-right': 4 });
  });

  it('an award adds one statement; the first activity of a day adds none', async () => {
    const userId = await learnerWithHistory(1);
    const steady = await statementsOfSubmit(userId, true);
    expect(steady.result.newBadges).toEqual([]);
    expect(steady.count).toBe(4);
    // 4 attempts so far: the 10th earns padawan_path (award and points: one statement).
    await setup.bulkAttempts(userId, 5, { correct: false });
    const award = await statementsOfSubmit(userId, false);
    expect(award.result.newBadges.map((b) => b.code)).toEqual(['padawan_path']);
    expect(award.count).toBe(5);

    clock.advance(86_400_000);
    const nextDay = await statementsOfSubmit(userId, false);
    expect(nextDay.result.newBadges).toEqual([]);
    expect(nextDay.count).toBe(4);
    // The day streak was written all the same: two consecutive days.
    const [row] = await prisma.$queryRawUnsafe<{ current_streak: number }[]>(
      'SELECT current_streak FROM users WHERE id = $1',
      userId,
    );
    expect(row?.current_streak).toBe(2);
  });

  it('re-reads the snapshot alone when a catalogue change lengthens the day chain it follows', async () => {
    const userId = await learnerWithHistory(1);
    // Active on each of the 34 days before today (today's activity is the measured submit).
    for (let day = 1; day <= 34; day += 1) {
      await setup.bulkAttempts(userId, 1, {
        correct: false,
        at: new Date(clock.now().getTime() - day * 86_400_000),
      });
    }
    // Longer than the catalogue's longest chain (30 days): the prefetched snapshot followed 30 days only.
    const added = await createAchievement(prisma, { requirements: { consecutive_days: 35 } });
    const changed = await statementsOfSubmit(userId, false);
    expect(changed.result.newBadges.map((b) => b.code)).toContain(added.code);
    // The catalogue again (fingerprint + rows), the snapshot re-run for 35 days, the award.
    expect(changed.count).toBe(4 + 2 + 1 + 1);
  });

  it('reads a changed catalogue on the next submit (the cached one is checked by fingerprint)', async () => {
    const userId = await learnerWithHistory(1);
    const added = await createAchievement(prisma, { requirements: { attempts_count: 1 } });
    const changed = await statementsOfSubmit(userId, false);
    expect(changed.result.newBadges.map((b) => b.code)).toEqual([added.code]);
    // The snapshot selected by the attempt statement says the catalogue changed: the catalogue again
    // (fingerprint + rows); the snapshot still applies (same day-chain length); the award.
    expect(changed.count).toBe(4 + 2 + 1);
  });
});
