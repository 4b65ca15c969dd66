/**
 * THE write path of an attempt (spec/domain-rules.md §4.1–4.4, §8.1), shared by the exercise submit and
 * the challenge submit, inside the caller's one transaction:
 *   1. the user row lock first, so a user's concurrent submissions (of either kind) run one after the
 *      other: the caller locks the row in the statement that reads its exercise or challenge
 *      (`SELECT … FOR UPDATE`), with the day-streak cache;
 *   2. the caller writes its attempt row (and its own checks: idempotency, first correct answer…) and, in
 *      the same statement, the user counters with the day streak (`exerciseAttemptUserUpdate`,
 *      `challengeAttemptUserUpdate`) and, for an exercise, the progress cache (`exerciseProgressUpsert`);
 *      the statement may also select the post-attempt step's read (`PostAttemptStep.prefetchSql`);
 *   3. `recordAttemptEffects`: the progress cache (when not written in step 2), the post-attempt step
 *      (badges, points, notification; implemented by gamification) and the day streak (when not written
 *      in step 2), in that order.
 * The post-attempt step and the day streak are the same for both kinds; the progress cache
 * (`exercise_progress`) is written for exercise attempts only.
 */
import type { Prisma } from '../db/generated/client.ts';
import type { Tx } from '../db/types.ts';
import type { Clock } from '../kernel/clock.ts';
import type { DayStreakState } from './activity.rules.ts';
import { changedDayStreak, recordDayActivity } from './day-streak.ts';
import type { AttemptFacts, PostAttemptOutcome, PostAttemptStep } from './post-attempt.ts';
import {
  attemptUserUpdateSql,
  exerciseProgressUpsertSql,
  upsertExerciseProgress,
  type ProgressIncrement,
} from './progress.repo.ts';

export { lockUserForAttemptSql, streakStateOf, type LockedUserColumns } from './progress.repo.ts';

/**
 * Step 1's counters and the day streak of an exercise attempt, as a data-modifying CTE of the attempt
 * statement (step 2). `streak`: the cache the caller read under the user row lock it took in step 1.
 * Pass `streakRecorded: true` to `recordAttemptEffects`.
 */
export const exerciseAttemptUserUpdate = (
  attempt: { userId: number; isCorrect: boolean; now: Date },
  streak: DayStreakState,
): Prisma.Sql => attemptUserUpdateSql('exercise', attempt, changedDayStreak(streak, attempt.now));

/** The same for a logic-challenge attempt (`users.total_challenge_attempts` / `correct_challenge_attempts`). */
export const challengeAttemptUserUpdate = (
  attempt: { userId: number; isCorrect: boolean; now: Date },
  streak: DayStreakState,
): Prisma.Sql => attemptUserUpdateSql('challenge', attempt, changedDayStreak(streak, attempt.now));

/**
 * Step 2 and the progress cache in ONE statement: the exercise submit writes its attempt row with the
 * progress-cache upsert as a data-modifying CTE (`newlySolved` decided in that statement), then passes
 * `progressRecorded: true` to `recordAttemptEffects`.
 */
export const exerciseProgressUpsert = (
  inc: Omit<ProgressIncrement, 'newlySolved'> & { newlySolved: boolean | Prisma.Sql },
): Prisma.Sql => exerciseProgressUpsertSql(inc);

export interface AttemptEffectsOptions {
  /** The caller already updated the progress cache in its attempt statement (`exerciseProgressUpsert`). */
  progressRecorded?: boolean;
  /** The caller already wrote the day streak in its attempt statement (`exerciseAttemptUserUpdate`). */
  streakRecorded?: boolean;
  /** What the caller's attempt statement selected for the post-attempt step (`prefetchSql`). */
  prefetched?: Readonly<Record<string, unknown>>;
  /** The day-streak cache step 1 returned (read under the user row lock). */
  streak: DayStreakState | null;
  /** This correct attempt is the user's first correct one on the exercise (progress cache). */
  newlySolved: boolean;
  postAttemptStep: PostAttemptStep;
  clock: Clock;
}

/** Step 3, once the attempt row is written. */
export const recordAttemptEffects = async (
  tx: Tx,
  facts: AttemptFacts,
  options: AttemptEffectsOptions,
): Promise<PostAttemptOutcome> => {
  if (
    facts.kind === 'exercise' &&
    facts.exerciseType !== null &&
    options.progressRecorded !== true
  ) {
    await upsertExerciseProgress(tx, {
      userId: facts.userId,
      exerciseType: facts.exerciseType,
      isCorrect: facts.isCorrect,
      timeSpent: facts.timeSpentSeconds,
      newlySolved: options.newlySolved,
      now: facts.createdAt,
    });
  }
  const outcome = await options.postAttemptStep(tx, facts, {
    clock: options.clock,
    ...(options.prefetched === undefined ? {} : { prefetched: options.prefetched }),
  });
  if (options.streakRecorded !== true) {
    await recordDayActivity(tx, facts.userId, facts.createdAt, options.streak);
  }
  return outcome;
};
