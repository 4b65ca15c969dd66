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
 *   3. `recordAttemptEffects`: the post-attempt step (badges, points, notification; implemented by
 *      gamification).
 * The post-attempt step and the day streak are the same for both kinds; the progress cache
 * (`exercise_progress`) is written for exercise attempts only.
 */
import type { Prisma } from '../db/generated/client.ts';
import type { SqlQueryable } from '../db/types.ts';
import type { Clock } from '../kernel/clock.ts';
import type { DayStreakState } from './activity.rules.ts';
import { changedDayStreak } from './day-streak.ts';
import type { AttemptFacts, PostAttemptOutcome, PostAttemptStep } from './post-attempt.ts';
import {
  attemptUserUpdateSql,
  exerciseProgressUpsertSql,
  type ProgressIncrement,
} from './progress.repo.ts';

export {
  lockUserForAttemptSql,
  prefetchedColumnsSql,
  streakStateOf,
  type LockedUserColumns,
} from './progress.repo.ts';

/**
 * Step 1's counters and the day streak of an exercise attempt, as a data-modifying CTE of the attempt
 * statement (step 2). `streak`: the cache the caller read under the user row lock it took in step 1.
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
 * progress-cache upsert as a data-modifying CTE (`newlySolved` decided in that statement).
 */
export const exerciseProgressUpsert = (
  inc: Omit<ProgressIncrement, 'newlySolved'> & { newlySolved: boolean | Prisma.Sql },
): Prisma.Sql => exerciseProgressUpsertSql(inc);

export interface AttemptEffectsOptions {
  /** What the caller's attempt statement selected for the post-attempt step (`prefetchSql`). */
  prefetched?: Readonly<Record<string, unknown>>;
  postAttemptStep: PostAttemptStep;
  clock: Clock;
}

/** Step 3, once the attempt statement (step 2) has written the attempt and its caches. */
export const recordAttemptEffects = (
  tx: SqlQueryable,
  facts: AttemptFacts,
  options: AttemptEffectsOptions,
): Promise<PostAttemptOutcome> =>
  options.postAttemptStep(tx, facts, {
    clock: options.clock,
    ...(options.prefetched === undefined ? {} : { prefetched: options.prefetched }),
  });
