/**
 * Windowed reads of the dashboard statistics: every query is bounded by the (user_id, created_at DESC)
 * indexes of attempts / logic_challenge_attempts, or reads the per-type cache for the all-time totals.
 */
import type { Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';
import type { DayCount, TypeCount } from './stats.rules.ts';

/** Attempts per exercise type since `since` (the window's attempts only, by index range). */
export const countAttemptsByTypeSince = async (
  db: Db,
  userId: number,
  since: Date,
): Promise<TypeCount[]> => {
  const rows = await db.$queryRaw<{ exercise_type: string; total: number; correct: number }[]>`
    SELECT e."exercise_type"::text AS "exercise_type", COUNT(*)::int AS "total",
           COUNT(*) FILTER (WHERE a."is_correct")::int AS "correct"
    FROM "attempts" a JOIN "exercises" e ON e."id" = a."exercise_id"
    WHERE a."user_id" = ${userId} AND a."created_at" >= ${since}
    GROUP BY e."exercise_type"`;
  return rows.map((r) => ({ exerciseType: r.exercise_type, total: r.total, correct: r.correct }));
};

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

/** Attempts per UTC day since `since`. */
export const countAttemptsByDaySince = async (
  db: Db,
  userId: number,
  since: Date,
): Promise<DayCount[]> =>
  db.$queryRaw<DayCount[]>`
    SELECT to_char(a."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "day", COUNT(*)::int AS "total",
           COUNT(*) FILTER (WHERE a."is_correct")::int AS "correct"
    FROM "attempts" a
    WHERE a."user_id" = ${userId} AND a."created_at" >= ${since}
    GROUP BY 1 ORDER BY 1`;

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
