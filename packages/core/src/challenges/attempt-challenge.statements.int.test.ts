import { pino } from 'pino';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { makeBadgeService } from '../gamification/index.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { movableClock, statementCountingClient } from '../testing/gamification.ts';
import { createLogicChallenge, createUser, getTestDb, resetDb } from '../testing/index.ts';
import { makeChallengeService } from './challenge.service.ts';

/**
 * Done-when: one challenge attempt (its whole transaction, badge step included) costs the same number
 * of SQL statements for a learner with 1 earlier attempt and with 10,000, at most 6 (it costs 4).
 */
const { db, prisma } = await getTestDb();
const clock = movableClock(new Date('2026-03-10T12:00:00.000Z'));
const counting = statementCountingClient(db);
const countedDb = counting.database;
const log = pino({ level: 'silent' });
const badges = makeBadgeService({ db: countedDb, clock });
const challenges = makeChallengeService(
  { db: countedDb, log, clock },
  { postAttemptStep: badges.postAttemptStep },
);

afterAll(async () => {
  await counting.client.$disconnect();
});

beforeEach(async () => {
  await resetDb(prisma);
});

const ctxFor = (userId: number): AuthedCtx => ({
  actor: { userId, username: `u${userId}`, role: 'padawan', accessScope: 'full', sessionId: null },
  log,
  requestId: 'test',
});

/** `count` incorrect attempts two days ago (history the attempt must not read; no day streak). */
const history = async (userId: number, challengeId: number, count: number) => {
  await prisma.$executeRaw`
    INSERT INTO "logic_challenge_attempts" ("user_id", "challenge_id", "user_solution", "is_correct",
      "time_spent", "created_at")
    SELECT ${userId}, ${challengeId}, 'faux', false, 5,
           ${clock.now()}::timestamptz - interval '2 days' - (g * interval '1 second')
    FROM generate_series(1, ${count}) g`;
};

/**
 * Statements of one attempt, transaction control left out (`count`) and included (`total`: the drivers
 * do not all report BEGIN / COMMIT as query events, so they count as the two every transaction sends).
 */
const statementsOf = async (userId: number, challengeId: number, answer: string) => {
  counting.statements.length = 0;
  const result = await challenges.attempt(ctxFor(userId), { challengeId, answer, timeSpent: 8 });
  const sql = counting.statements.filter(
    (s) =>
      !/^(--[^\n]*)?\W*(BEGIN|COMMIT|ROLLBACK)\b/i.test(s.trim()) &&
      !/Implicit "(BEGIN|COMMIT)"/.test(s),
  );
  return { count: sql.length, total: sql.length + 2, result, sql };
};

describe('statements per challenge attempt', () => {
  it('is the same for 1 earlier attempt and for 10,000', async () => {
    const challenge = await createLogicChallenge(prisma);
    const small = await createUser(prisma);
    await history(small.id, challenge.id, 1);
    const big = await createUser(prisma);
    await history(big.id, challenge.id, 10_000);

    // The badge catalogue is cached per process: the first attempt reads it, the next ones do not.
    await statementsOf((await createUser(prisma)).id, challenge.id, '11');

    const wrongSmall = await statementsOf(small.id, challenge.id, '11');
    const wrongBig = await statementsOf(big.id, challenge.id, '11');
    expect(wrongBig.result.isCorrect).toBe(false);
    expect(wrongBig.count).toBe(wrongSmall.count);

    const rightSmall = await statementsOf(small.id, challenge.id, '10');
    const rightBig = await statementsOf(big.id, challenge.id, '10');
    expect(rightBig.result).toMatchObject({ isCorrect: true, newBadges: [] });
    expect(rightBig.count).toBe(rightSmall.count);
    // The user row lock with the challenge; the attempt with the user counters, the day streak, the
    // challenge counters and the learner snapshot. Issue 17: 12 before, then 5; with BEGIN and COMMIT, 4.
    expect(rightBig.count).toBe(2);
    expect(rightBig.total).toBe(4);
    // The wrong answer was the learner's first activity of the day: its day streak is written by the
    // same statement.
    expect(wrongBig.total).toBe(4);
  });
});
