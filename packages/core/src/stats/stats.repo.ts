/**
 * Windowed reads of the dashboard statistics, flat in the learner's history: the windows read the per-day
 * counts (`attempt_daily_counts`, kept by triggers) plus the first day's attempts, the recent lists take 5
 * rows by the (user_id, created_at DESC) indexes, the all-time totals read the per-type progress cache.
 */
import { Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';
import type { DayCount, DayTypeCount, TypeCount } from './stats.rules.ts';

const DAY_MS = 86_400_000;

/**
 * A window `[since, ∞)` split at the end of since's UTC day: that first, partial day is read from the
 * attempts themselves (one day's worth at most), every later day from `attempt_daily_counts` (one row
 * per day and type), so the cost does not grow with the learner's history.
 */
const splitWindow = (since: Date) => {
  const firstDayStart = Math.floor(since.getTime() / DAY_MS) * DAY_MS;
  return {
    firstDay: new Date(firstDayStart).toISOString().slice(0, 10),
    nextDayStart: new Date(firstDayStart + DAY_MS),
  };
};

/**
 * The window's rows, one per (UTC day, exercise type): `attempt_daily_counts` after the first day, the
 * attempts themselves on the first, partial day (the exercise's current type, as a join would give).
 */
const windowRowsSql = (userId: number, since: Date): Prisma.Sql => {
  const { firstDay, nextDayStart } = splitWindow(since);
  return Prisma.sql`
      SELECT c."day", c."exercise_type", c."total", c."correct"
      FROM "attempt_daily_counts" c
      WHERE c."user_id" = ${userId} AND c."day" > ${firstDay}::date
      UNION ALL
      SELECT (a."created_at" AT TIME ZONE 'UTC')::date, e."exercise_type", 1,
             CASE WHEN a."is_correct" THEN 1 ELSE 0 END
      FROM "attempts" a JOIN "exercises" e ON e."id" = a."exercise_id"
      WHERE a."user_id" = ${userId} AND a."created_at" >= ${since} AND a."created_at" < ${nextDayStart}`;
};

/**
 * Attempts per UTC day and exercise type since `since`: one statement gives both the window's per-type
 * totals and its daily series.
 */
export const countAttemptsByDayAndTypeSince = async (
  db: Db,
  userId: number,
  since: Date,
): Promise<DayTypeCount[]> => {
  const rows = await db.$queryRaw<
    { day: string; exercise_type: string; total: number; correct: number }[]
  >(Prisma.sql`
    SELECT to_char(w."day", 'YYYY-MM-DD') AS "day", w."exercise_type"::text AS "exercise_type",
           SUM(w."total")::int AS "total", SUM(w."correct")::int AS "correct"
    FROM (${windowRowsSql(userId, since)}) w
    GROUP BY w."day", w."exercise_type"
    HAVING SUM(w."total") > 0`);
  return rows.map((r) => ({
    day: r.day,
    exerciseType: r.exercise_type,
    total: r.total,
    correct: r.correct,
  }));
};

/**
 * Attempts per UTC day since `since`, every type together: the daily series alone (`all` takes its
 * per-type totals from the progress cache), one row per day instead of one per day and type.
 */
export const countAttemptsByDaySince = (db: Db, userId: number, since: Date): Promise<DayCount[]> =>
  db.$queryRaw<DayCount[]>(Prisma.sql`
    SELECT to_char(w."day", 'YYYY-MM-DD') AS "day", SUM(w."total")::int AS "total",
           SUM(w."correct")::int AS "correct"
    FROM (${windowRowsSql(userId, since)}) w
    GROUP BY w."day"
    HAVING SUM(w."total") > 0`);

export const progressCountSelect = {
  exerciseType: true,
  totalAttempts: true,
  correctAttempts: true,
} as const satisfies Prisma.ExerciseProgressSelect;

/** All-time attempts per type, from the progress cache. */
export const countAttemptsByTypeAllTime = async (db: Db, userId: number): Promise<TypeCount[]> => {
  const rows = await db.exerciseProgress.findMany({
    where: { userId },
    select: progressCountSelect,
  });
  return rows.map((r) => ({
    exerciseType: r.exerciseType,
    total: r.totalAttempts,
    correct: r.correctAttempts,
  }));
};

export const recentAttemptSelect = {
  createdAt: true,
  isCorrect: true,
} as const satisfies Prisma.AttemptSelect & Prisma.LogicChallengeAttemptSelect;

export const findRecentExerciseAttempts = (
  db: Db,
  userId: number,
  since: Date | null,
  take: number,
) =>
  db.attempt.findMany({
    where: { userId, ...(since === null ? {} : { createdAt: { gte: since } }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: recentAttemptSelect,
  });

export const findRecentChallengeAttempts = (
  db: Db,
  userId: number,
  since: Date | null,
  take: number,
) =>
  db.logicChallengeAttempt.findMany({
    where: { userId, ...(since === null ? {} : { createdAt: { gte: since } }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: recentAttemptSelect,
  });

export const challengeCounterSelect = {
  correctChallengeAttempts: true,
} as const satisfies Prisma.UserSelect;

export const findCorrectChallengeAttempts = async (
  db: Db,
  userId: number,
): Promise<number | null> => {
  const row = await db.user.findUnique({ where: { id: userId }, select: challengeCounterSelect });
  return row?.correctChallengeAttempts ?? null;
};
