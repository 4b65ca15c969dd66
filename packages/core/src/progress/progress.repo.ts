/**
 * The learning-loop caches: `exercise_progress` (one row per user × exercise type) and the per-user
 * counters on `users`. Written inside the submit transaction; read by the progress and dashboard
 * statistics, whose cost therefore does not grow with a learner's history.
 */
import { Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';
import { utcDayOf, utcDayStart, type DayStreakState } from './activity.rules.ts';

export const userProgressSelect = {
  totalAttempts: true,
  correctAttempts: true,
  correctChallengeAttempts: true,
  currentStreak: true,
  bestStreak: true,
  lastActivityDate: true,
} as const satisfies Prisma.UserSelect;
export type UserProgressRow = Prisma.UserGetPayload<{ select: typeof userProgressSelect }>;

export const exerciseProgressSelect = {
  exerciseType: true,
  totalAttempts: true,
  correctAttempts: true,
  timedAttempts: true,
  totalTimeSpent: true,
  completedExercises: true,
  currentCorrectStreak: true,
  bestCorrectStreak: true,
} as const satisfies Prisma.ExerciseProgressSelect;
export type ExerciseProgressRow = Prisma.ExerciseProgressGetPayload<{
  select: typeof exerciseProgressSelect;
}>;

export const streakStateOf = (row: {
  currentStreak: number;
  bestStreak: number;
  lastActivityDate: Date | null;
}): DayStreakState => ({
  currentStreak: row.currentStreak,
  bestStreak: row.bestStreak,
  lastActivityDay: row.lastActivityDate === null ? null : utcDayOf(row.lastActivityDate),
});

/** The user-row counters of each kind of attempt (constant column names, never input). */
const ATTEMPT_COUNTER_COLUMNS = {
  exercise: { total: Prisma.raw('"total_attempts"'), correct: Prisma.raw('"correct_attempts"') },
  challenge: {
    total: Prisma.raw('"total_challenge_attempts"'),
    correct: Prisma.raw('"correct_challenge_attempts"'),
  },
} as const;

type AttemptKind = keyof typeof ATTEMPT_COUNTER_COLUMNS;

/**
 * The UPDATE counting one attempt on the user row, and writing the day-streak cache when this attempt
 * changes it (`streak`: the new state, or null to leave the columns as they are): a data-modifying CTE
 * of the attempt statement, for a caller that already holds the user row lock (its first statement).
 */
export const attemptUserUpdateSql = (
  kind: AttemptKind,
  attempt: { userId: number; isCorrect: boolean; now: Date },
  streak: DayStreakState | null,
): Prisma.Sql => {
  const { total, correct } = ATTEMPT_COUNTER_COLUMNS[kind];
  const streakSet =
    streak === null
      ? Prisma.empty
      : Prisma.sql`, "current_streak" = ${streak.currentStreak}, "best_streak" = ${streak.bestStreak},
      "last_activity_date" = ${streak.lastActivityDay === null ? null : utcDayStart(streak.lastActivityDay)},
      "updated_at" = ${attempt.now}`;
  return Prisma.sql`
    UPDATE "users" SET ${total} = ${total} + 1,
      ${correct} = ${correct} + ${attempt.isCorrect ? 1 : 0},
      "last_attempt_at" = ${attempt.now}${streakSet}
    WHERE "id" = ${attempt.userId}`;
};

/** The user-row columns `lockUserForAttemptSql` reads (the day-streak cache: `streakStateOf`). */
export interface LockedUserColumns {
  currentStreak: number;
  bestStreak: number;
  lastActivityDate: Date | null;
  /** The post-attempt step's `lockedReadSql` value; absent when none was asked for. */
  lockedRead?: unknown;
}

/**
 * The submit transaction's later statements run on their generic plan: `plan_cache_mode` set to
 * `force_generic_plan` until the transaction ends (`set_config(…, true)`), by its first statement.
 *
 * Why: the attempt statement carries booleans and caps decided per submit (right or wrong, a pending
 * attempt, the day-chain cap) as parameters. A custom plan folds them and prunes the branches they turn off,
 * so PostgreSQL's plan cache estimates custom plans cheaper than the generic one and keeps making one per
 * execution: `pg_stat_statements` under the benchmark load counted as many plans as calls for one of its
 * shapes, 0.77 ms of planning per execution for 0.40 ms of execution. The generic plan runs every branch's
 * test (≈ 0.1 ms more) and is made once per connection (docs/performance.md, tenth round). Only this
 * transaction: other statements on the pooled connection keep PostgreSQL's own choice.
 */
export const GENERIC_PLANS_FOR_THIS_TRANSACTION = Prisma.sql`set_config('plan_cache_mode', 'force_generic_plan', true)`;

/**
 * The first statement of a submit transaction: locks the user row (`FOR UPDATE`, which serialises a
 * user's submissions of both kinds), reads its day-streak cache (`LockedUserColumns`), and the caller's
 * columns of the row its `join` (a LEFT JOIN) brings, null when that row is absent, and the post-attempt
 * step's `lockedReadSql` as `lockedRead` when given. No row when the user no longer exists. It also puts
 * the transaction's later statements on their generic plans (`GENERIC_PLANS_FOR_THIS_TRANSACTION`).
 */
export const lockUserForAttemptSql = (
  userId: number,
  joined: { columns: Prisma.Sql; join: Prisma.Sql },
  lockedRead?: Prisma.Sql,
): Prisma.Sql => Prisma.sql`
    SELECT ${GENERIC_PLANS_FOR_THIS_TRANSACTION} AS "planCacheMode",
      u."current_streak" AS "currentStreak", u."best_streak" AS "bestStreak",
      u."last_activity_date" AS "lastActivityDate", ${joined.columns}${
        lockedRead === undefined ? Prisma.empty : Prisma.sql`, (${lockedRead}) AS "lockedRead"`
      }
    FROM "users" u ${joined.join}
    WHERE u."id" = ${userId}
    FOR UPDATE OF u`;

/**
 * The post-attempt step's read (`PostAttemptStep.prefetchSql`) joined to an attempt statement's result
 * row: its columns after the statement's own, and its one-row subquery in the FROM list; empty for none.
 */
export const prefetchedColumnsSql = (
  select: Prisma.Sql | null,
): { columns: Prisma.Sql; from: Prisma.Sql } =>
  select === null
    ? { columns: Prisma.empty, from: Prisma.empty }
    : { columns: Prisma.sql`, extra.*`, from: Prisma.sql`, (${select}) extra` };

export interface ProgressIncrement {
  userId: number;
  exerciseType: string;
  isCorrect: boolean;
  timeSpent: number;
  /** This correct attempt is the user's first correct one on the exercise. */
  newlySolved: boolean;
  now: Date;
}

/**
 * The progress-cache upsert (insert the (user, type) row or add this attempt to it, returning the row's
 * type and counters) as a statement of its own or as a data-modifying CTE of the caller's attempt insert. `newlySolved` may be a SQL boolean
 * expression (the exercise submit decides it in the same statement, before its own insert).
 */
export const exerciseProgressUpsertSql = (
  inc: Omit<ProgressIncrement, 'newlySolved'> & { newlySolved: boolean | Prisma.Sql },
): Prisma.Sql => {
  const correct = inc.isCorrect ? 1 : 0;
  const timed = inc.timeSpent > 0 ? 1 : 0;
  const time = inc.timeSpent > 0 ? inc.timeSpent : 0;
  const solved = Prisma.sql`(CASE WHEN ${inc.newlySolved} THEN 1 ELSE 0 END)`;
  return Prisma.sql`
    INSERT INTO "exercise_progress" AS p ("user_id", "exercise_type", "total_attempts", "correct_attempts",
      "timed_attempts", "total_time_spent", "current_correct_streak", "best_correct_streak", "completed_exercises",
      "last_attempt_at", "created_at", "updated_at")
    VALUES (${inc.userId}, ${inc.exerciseType}::"exercise_type", 1, ${correct}, ${timed}, ${time}, ${correct}, ${correct},
      ${solved}, ${inc.now}, ${inc.now}, ${inc.now})
    ON CONFLICT ("user_id", "exercise_type") DO UPDATE SET
      "total_attempts" = p."total_attempts" + 1,
      "correct_attempts" = p."correct_attempts" + ${correct},
      "timed_attempts" = p."timed_attempts" + ${timed},
      "total_time_spent" = p."total_time_spent" + ${time},
      "current_correct_streak" = CASE WHEN ${inc.isCorrect} THEN p."current_correct_streak" + 1 ELSE 0 END,
      "best_correct_streak" = CASE WHEN ${inc.isCorrect}
        THEN GREATEST(p."best_correct_streak", p."current_correct_streak" + 1) ELSE p."best_correct_streak" END,
      "completed_exercises" = p."completed_exercises" + ${solved},
      "last_attempt_at" = ${inc.now},
      "updated_at" = ${inc.now}
    RETURNING "exercise_type", "total_attempts", "correct_attempts", "current_correct_streak"`;
};

export const findUserProgress = (db: Db, userId: number): Promise<UserProgressRow | null> =>
  db.user.findUnique({ where: { id: userId }, select: userProgressSelect });

export const findExerciseProgressRows = (db: Db, userId: number): Promise<ExerciseProgressRow[]> =>
  db.exerciseProgress.findMany({
    where: { userId },
    select: exerciseProgressSelect,
    orderBy: { exerciseType: 'asc' },
  });
