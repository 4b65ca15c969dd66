/**
 * THE write path of an attempt (spec/domain-rules.md §4.1–4.4, §8.1), shared by the exercise submit and
 * the challenge submit, inside the caller's one transaction:
 *   1. `countExerciseAttempt` / `countChallengeAttempt` first: counts the attempt on the user row and
 *      takes that row's lock, so a user's concurrent submissions (of either kind) run one after the
 *      other; returns the day-streak cache;
 *   2. the caller writes its attempt row (and its own checks: idempotency, first correct answer…); the
 *      exercise submit writes the progress cache in the same statement (`exerciseProgressUpsert`);
 *   3. `recordAttemptEffects`: the progress cache (exercise attempts), the post-attempt step (badges,
 *      points, notification; implemented by gamification) and the day streak, in that order.
 * Step 3's post-attempt step and day streak are the same for both kinds; the progress cache
 * (`exercise_progress`) is written for exercise attempts only.
 */
import type { Prisma } from '../db/generated/client.ts';
import type { Tx } from '../db/types.ts';
import type { Clock } from '../kernel/clock.ts';
import type { DayStreakState } from './activity.rules.ts';
import { recordDayActivity } from './day-streak.ts';
import type { AttemptFacts, PostAttemptOutcome, PostAttemptStep } from './post-attempt.ts';
import {
  bumpUserAttemptCounters,
  exerciseProgressUpsertSql,
  upsertExerciseProgress,
  type ProgressIncrement,
} from './progress.repo.ts';

/** Step 1 of an exercise submit. Null when the user no longer exists. */
export const countExerciseAttempt = (
  tx: Tx,
  attempt: { userId: number; isCorrect: boolean; now: Date },
): Promise<DayStreakState | null> => bumpUserAttemptCounters(tx, 'exercise', attempt);

/**
 * Step 1 of a logic-challenge submit: `users.total_challenge_attempts` / `correct_challenge_attempts`
 * (repeats included: the dashboard's challenge counter and the `logic_attempts_count` badges count
 * them). Null when the user no longer exists.
 */
export const countChallengeAttempt = (
  tx: Tx,
  attempt: { userId: number; isCorrect: boolean; now: Date },
): Promise<DayStreakState | null> => bumpUserAttemptCounters(tx, 'challenge', attempt);

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
  const outcome = await options.postAttemptStep(tx, facts, { clock: options.clock });
  await recordDayActivity(tx, facts.userId, facts.createdAt, options.streak);
  return outcome;
};
