import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';

import { makeChallengeService } from '../challenges/index.ts';
import type { ExerciseType } from '../db/generated/enums.ts';
import { makeExerciseService } from '../exercises/index.ts';
import { utcDayOf, utcDayStart, type PostAttemptStep } from '../progress/index.ts';
import { PERFECT_DAY_MIN_ATTEMPTS } from '../reference/index.ts';
import { makeSettingsService } from '../settings/index.ts';
import {
  createGamificationHarness,
  ctxFor,
  DAY_MS,
  movableClock,
  restoreCatalogue,
} from '../testing/gamification.ts';
import {
  awardBadge,
  createChallengeAttempt,
  createLogicChallenge,
  createUser,
  EXERCISE_TEMPLATES,
  getTestDb,
  resetDb,
} from '../testing/index.ts';
import { parseBadges, snapshotNeedsOf } from './badge.engine.ts';
import { findActiveBadges, loadLearnerSnapshot, type LearnerSnapshotRow } from './badge.repo.ts';
import type { OptionalStat } from './badge.rules.ts';
import { makeBadgeService } from './index.ts';

/**
 * The exercise submit selects the badge snapshot in its attempt statement, before that statement's own
 * writes are visible, and the snapshot SQL adds the attempt itself (issue 17: one round trip less).
 * Oracle: for each submit, the prefetched row equals the snapshot read on its own once the submit has
 * committed, over histories that exercise every column (new and known exercise types, timed and untimed,
 * right and wrong, today's bounded count, day chains with gaps, challenge activity, a comeback).
 */
const { db, prisma } = await getTestDb();
const clock = movableClock(new Date('2026-04-20T15:00:00.000Z'));
const setup = createGamificationHarness(db, clock);

const badges = makeBadgeService({ db, clock });
const prefetched: unknown[] = [];
const inner = badges.postAttemptStep;
// Observes what the step is handed (the port stays the real gamification step).
const observed: PostAttemptStep = Object.assign(
  (...args: Parameters<PostAttemptStep>) => {
    prefetched.push(args[2].prefetched);
    return inner(...args);
  },
  inner.prefetchSql === undefined ? {} : { prefetchSql: inner.prefetchSql },
  inner.lockedReadSql === undefined ? {} : { lockedReadSql: inner.lockedReadSql },
);
const log = pino({ level: 'silent' });
const exercises = makeExerciseService(
  { db, log, clock },
  { postAttemptStep: observed, settings: makeSettingsService({ db, log, clock }) },
);
const challenges = makeChallengeService({ db, log, clock }, { postAttemptStep: observed });

beforeEach(async () => {
  await resetDb(prisma);
  await restoreCatalogue(prisma);
  setup.reset();
  prefetched.length = 0;
});

const submit = async (
  userId: number,
  opts: { type?: ExerciseType; correct: boolean; timeSpent: number },
) => {
  const type = opts.type ?? 'ADDITION';
  const answer = opts.correct ? EXERCISE_TEMPLATES[type].correctAnswer : 'réponse fausse 999';
  const result = await exercises.submitAnswer(ctxFor(userId), {
    exerciseId: await setup.exerciseOf(type),
    answer,
    timeSpent: opts.timeSpent,
  });
  return { result, given: prefetched.at(-1) };
};

/** What an optional statistic reads as when no pending badge needs it (the statement skips it). */
const EMPTY: { readonly [K in OptionalStat]: Partial<LearnerSnapshotRow> } = {
  logicCorrect: { logicCorrect: 0 },
  fastest: { fastest: null },
  dayChain: { dayChain: 0 },
  today: { todayCount: 0, todayWrong: false },
  previous: { previousActivityAt: null },
  activeTypes: { activeTypes: [] },
};

/**
 * The snapshot read alone after the submit, with the same query the prefetched one was built from,
 * every statistic computed; then, as the prefetched statement was told to, each optional statistic
 * emptied when the learner had earned, before this submit, every badge reading it.
 */
const expectSameAsReadAfter = async (
  userId: number,
  result: { attemptId: number; newBadges: readonly { id: number }[] },
  given: unknown,
  kind: 'exercise' | 'challenge' = 'exercise',
): Promise<OptionalStat[]> => {
  expect(given).toBeTypeOf('object');
  const dayChainCap =
    typeof given === 'object' && given !== null && 'dayChainCap' in given ? given.dayChainCap : -1;
  expect(dayChainCap).toBeTypeOf('number');
  const now = clock.now();
  const after = await loadLearnerSnapshot(prisma, {
    userId,
    todayStart: utcDayStart(utcDayOf(now)),
    dayChainCap: Number(dayChainCap),
    todayCap: PERFECT_DAY_MIN_ATTEMPTS,
    // The step reads a challenge attempt's snapshot without an exercise attempt as context.
    current: kind === 'exercise' ? { attemptId: result.attemptId, createdAt: now } : null,
  });
  expect(after).not.toBeNull();
  // The badges this submit awarded were inserted after its snapshot.
  const awarded = new Set(result.newBadges.map((b) => b.id));
  const earnedBefore = new Set(after?.earnedIds.filter((id) => !awarded.has(id)));
  const needs = snapshotNeedsOf(parseBadges(await findActiveBadges(prisma)));
  const skipped = (Object.keys(EMPTY) as OptionalStat[]).filter((stat) =>
    needs[stat].every((id) => earnedBefore.has(id)),
  );
  expect(given).toEqual(
    Object.assign(
      { ...after, earnedIds: [...earnedBefore] },
      ...skipped.map((stat) => EMPTY[stat]),
    ),
  );
  return skipped;
};

describe('the snapshot selected by the attempt statement', () => {
  it('equals the snapshot read after the submit, over varied histories', async () => {
    // The catalogue is cached by a first submit (the snapshot is prefetched only with a cached catalogue).
    const warm = await createUser(prisma);
    await submit(warm.id, { correct: true, timeSpent: 5 });

    const learner = await createUser(prisma);
    const challenge = await createLogicChallenge(prisma);
    const steps: {
      before?: () => Promise<void> | void;
      type?: ExerciseType;
      correct: boolean;
      timeSpent: number;
    }[] = [
      // First attempt ever: no progress row yet, no previous activity.
      { correct: true, timeSpent: 30 },
      // Same type, wrong, untimed; today now has a wrong attempt.
      { correct: false, timeSpent: 0 },
      // A new type, correct and faster than the stored fastest.
      { type: 'MULTIPLICATION', correct: true, timeSpent: 4 },
      // Today's count passes the bound.
      { correct: true, timeSpent: 12 },
      {
        // Next day after a gap: activity 2 and 3 days back (exercise, then a challenge), none yesterday.
        before: async () => {
          clock.advance(4 * DAY_MS);
          await setup.bulkAttempts(learner.id, 2, {
            correct: true,
            at: new Date(clock.now().getTime() - 2 * DAY_MS),
          });
          await createChallengeAttempt(prisma, {
            userId: learner.id,
            challengeId: challenge.id,
            isCorrect: true,
            createdAt: new Date(clock.now().getTime() - 3 * DAY_MS),
          });
        },
        correct: true,
        timeSpent: 9,
      },
      {
        // Yesterday active too: a chain of 2 ending today, then more.
        before: () => {
          clock.advance(DAY_MS);
        },
        type: 'SOUSTRACTION',
        correct: false,
        timeSpent: 3,
      },
      {
        // A comeback after 10 days without activity.
        before: () => {
          clock.advance(10 * DAY_MS);
        },
        type: 'DIVISION',
        correct: true,
        timeSpent: 2,
      },
    ];
    for (const step of steps) {
      await step.before?.();
      const { result, given } = await submit(learner.id, {
        ...(step.type === undefined ? {} : { type: step.type }),
        correct: step.correct,
        timeSpent: step.timeSpent,
      });
      expect(result.isCorrect).toBe(step.correct);
      await expectSameAsReadAfter(learner.id, result, given);
    }
  });

  it('equals the snapshot read after a challenge attempt, between exercise submits', async () => {
    const warm = await createUser(prisma);
    await submit(warm.id, { correct: true, timeSpent: 5 });

    const learner = await createUser(prisma);
    const challenge = await createLogicChallenge(prisma);
    const attempt = async (correct: boolean) => {
      const result = await challenges.attempt(ctxFor(learner.id), {
        challengeId: challenge.id,
        answer: correct ? '10' : '11',
        timeSpent: 20,
      });
      expect(result.isCorrect).toBe(correct);
      await expectSameAsReadAfter(learner.id, result, prefetched.at(-1), 'challenge');
    };
    // The day's first activity is a correct challenge attempt, then a wrong one.
    await attempt(true);
    await attempt(false);
    // An exercise submit sees the challenge activity of the day.
    const first = await submit(learner.id, { correct: true, timeSpent: 7 });
    await expectSameAsReadAfter(learner.id, first.result, first.given);
    // The next day, after a day without activity, and the day after.
    clock.advance(2 * DAY_MS);
    await attempt(true);
    clock.advance(DAY_MS);
    await attempt(false);
    await attempt(true);
  });

  it('skips the statistics only earned badges read, and reads them again once one is pending', async () => {
    const warm = await createUser(prisma);
    await submit(warm.id, { correct: true, timeSpent: 5 });
    const needs = snapshotNeedsOf(parseBadges(await findActiveBadges(prisma)));

    const learner = await createUser(prisma);
    const challenge = await createLogicChallenge(prisma);
    // A history every statistic has something to say about: yesterday's activity, a fast answer, a
    // correct challenge attempt.
    await setup.bulkAttempts(learner.id, 3, {
      correct: true,
      timeSpent: 8,
      at: new Date(clock.now().getTime() - DAY_MS),
    });
    await createChallengeAttempt(prisma, {
      userId: learner.id,
      challengeId: challenge.id,
      isCorrect: true,
      createdAt: new Date(clock.now().getTime() - DAY_MS),
    });
    const earnedStats: OptionalStat[] = ['fastest', 'today', 'activeTypes', 'logicCorrect'];
    for (const stat of earnedStats) {
      for (const achievementId of needs[stat])
        await awardBadge(prisma, { userId: learner.id, achievementId });
    }

    const first = await submit(learner.id, { correct: true, timeSpent: 2 });
    const skipped = await expectSameAsReadAfter(learner.id, first.result, first.given);
    expect(skipped.toSorted()).toEqual(earnedStats.toSorted());
    // Nothing reading the fastest time is pending: no speed badge, however fast the answer (the
    // counters' badges, which the bulk history did not award, are).
    const speedBadges = new Set(needs.fastest);
    expect(first.result.newBadges.length).toBeGreaterThan(0);
    expect(first.result.newBadges.filter((b) => speedBadges.has(b.id))).toEqual([]);

    // One speed badge pending again (revoked): the next fast answer is measured, and earns it.
    const [speedBadge] = needs.fastest;
    expect(speedBadge).toBeTypeOf('number');
    await prisma.userAchievement.deleteMany({
      where: { userId: learner.id, achievementId: speedBadge },
    });
    const second = await submit(learner.id, { correct: true, timeSpent: 2 });
    const skippedNext = await expectSameAsReadAfter(learner.id, second.result, second.given);
    expect(skippedNext).not.toContain('fastest');
    expect(second.result.newBadges.map((b) => b.id)).toEqual([speedBadge]);
  });
});
