/**
 * Badge queries (explicit selects; first parameter `db | tx`). The statistics snapshot is a fixed set
 * of statements over the caches the submit transactions keep (`exercise_progress`) and aggregates served
 * by indexes, so one evaluation costs the same number of statements whatever the number of badges and
 * the length of the user's history.
 */
import type { Prisma } from '../db/generated/client.ts';
import type { ExerciseType } from '../db/generated/enums.ts';
import type { Db } from '../db/types.ts';
import { addUtcDays, utcDayStart, type UtcDay } from '../progress/index.ts';
import { badgeSelect } from '../reference/index.ts';
import type { TypeStats } from './badge.rules.ts';

// ---------------------------------------------------------------------------------------------
// Users and the catalogue
// ---------------------------------------------------------------------------------------------

export const gamificationUserSelect = {
  id: true,
  totalPoints: true,
  currentStreak: true,
  bestStreak: true,
  lastActivityDate: true,
} as const satisfies Prisma.UserSelect;

export type GamificationUserRow = Prisma.UserGetPayload<{ select: typeof gamificationUserSelect }>;

export const findGamificationUser = (db: Db, userId: number) =>
  db.user.findUnique({ where: { id: userId }, select: gamificationUserSelect });

export { badgeSelect };

export type BadgeRow = Prisma.AchievementGetPayload<{ select: typeof badgeSelect }>;

/** Active badges in id order (the legacy had no ORDER BY; domain-rules §5.5 says port with id). */
export const findActiveBadges = (db: Db): Promise<BadgeRow[]> =>
  db.achievement.findMany({
    where: { isActive: true },
    select: badgeSelect,
    orderBy: { id: 'asc' },
  });

export const findEarnedBadgeIds = async (db: Db, userId: number): Promise<Set<number>> => {
  const rows = await db.userAchievement.findMany({
    where: { userId },
    select: { achievementId: true },
  });
  return new Set(rows.map((r) => r.achievementId));
};

// ---------------------------------------------------------------------------------------------
// The statistics snapshot
// ---------------------------------------------------------------------------------------------

export interface ExerciseTypeStatsRow extends TypeStats {
  type: ExerciseType;
}

/**
 * Per exercise type, from the progress cache the submit transaction keeps (`exercise_progress`, at most
 * 9 rows): attempts, correct ones, and the run of correct answers counting back from the latest
 * attempt. One statement, whatever the length of the history.
 */
export const loadExerciseTypeStats = async (
  db: Db,
  userId: number,
): Promise<ExerciseTypeStatsRow[]> => {
  const rows = await db.exerciseProgress.findMany({
    where: { userId },
    select: {
      exerciseType: true,
      totalAttempts: true,
      correctAttempts: true,
      currentCorrectStreak: true,
    },
    orderBy: { exerciseType: 'asc' },
  });
  return rows.map((r) => ({
    type: r.exerciseType,
    total: r.totalAttempts,
    correct: r.correctAttempts,
    leadingCorrect: r.currentCorrectStreak,
  }));
};

/**
 * The fastest correct exercise attempt with a real declared time (> 0 s), in seconds: one MIN served by
 * `attempts_user_id_is_correct_time_spent_idx` (an index range probe, not a history scan).
 */
export const findFastestCorrectSeconds = async (db: Db, userId: number): Promise<number | null> => {
  const agg = await db.attempt.aggregate({
    where: { userId, isCorrect: true, timeSpent: { gt: 0 } },
    _min: { timeSpent: true },
  });
  return agg._min.timeSpent;
};

/** S: the exercise types present among active, non-archived exercises. One statement. */
export const findActiveExerciseTypes = async (db: Db): Promise<ExerciseType[]> => {
  const rows = await db.exercise.groupBy({
    by: ['exerciseType'],
    where: { isActive: true, isArchived: false },
    orderBy: { exerciseType: 'asc' },
  });
  return rows.map((r) => r.exerciseType);
};

export const countCorrectChallengeAttempts = (db: Db, userId: number): Promise<number> =>
  db.logicChallengeAttempt.count({ where: { userId, isCorrect: true } });

export interface ActivityDayRow {
  day: UtcDay;
  exerciseTotal: number;
  exerciseCorrect: number;
}

/**
 * UTC days holding activity (exercise or challenge attempts, progress/activity.rules.ts) from
 * `firstDay` to `today` included, with each day's exercise attempts and correct ones. One statement,
 * bounded by the window.
 */
export const loadActivityDays = (
  db: Db,
  userId: number,
  firstDay: UtcDay,
  today: UtcDay,
): Promise<ActivityDayRow[]> => {
  const since = utcDayStart(firstDay);
  const until = utcDayStart(addUtcDays(today, 1));
  return db.$queryRaw<ActivityDayRow[]>`
    SELECT to_char(d, 'YYYY-MM-DD') AS day,
           sum(ex_total)::int AS "exerciseTotal",
           sum(ex_correct)::int AS "exerciseCorrect"
      FROM (
        SELECT (a.created_at AT TIME ZONE 'UTC')::date AS d, 1 AS ex_total,
               CASE WHEN a.is_correct THEN 1 ELSE 0 END AS ex_correct
          FROM attempts a
         WHERE a.user_id = ${userId} AND a.created_at >= ${since} AND a.created_at < ${until}
        UNION ALL
        SELECT (c.created_at AT TIME ZONE 'UTC')::date, 0, 0
          FROM logic_challenge_attempts c
         WHERE c.user_id = ${userId} AND c.created_at >= ${since} AND c.created_at < ${until}
      ) s
     GROUP BY d
     ORDER BY d DESC`;
};

/**
 * The user's latest activity (exercise or challenge attempt) strictly before `before`, the given
 * exercise attempt excluded. One statement.
 */
export const findPreviousActivityAt = async (
  db: Db,
  userId: number,
  before: Date,
  excludeAttemptId: number,
): Promise<Date | null> => {
  const rows = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT max(t) AS at FROM (
      SELECT max(a.created_at) AS t FROM attempts a
       WHERE a.user_id = ${userId} AND a.created_at < ${before} AND a.id <> ${excludeAttemptId}
      UNION ALL
      SELECT max(c.created_at) FROM logic_challenge_attempts c
       WHERE c.user_id = ${userId} AND c.created_at < ${before}
    ) s`;
  return rows[0]?.at ?? null;
};

// ---------------------------------------------------------------------------------------------
// Awards
// ---------------------------------------------------------------------------------------------

/**
 * Inserts the awards with `ON CONFLICT DO NOTHING` on (user_id, achievement_id) and returns only the
 * rows this statement inserted: a concurrent evaluation that awarded the same badge first (its insert
 * blocks ours until it commits) makes ours return nothing, so neither the badge nor its points can be
 * counted twice.
 */
export const insertAwards = (
  db: Db,
  userId: number,
  awards: readonly { achievementId: number; pointsReward: number }[],
  earnedAt: Date,
) =>
  db.userAchievement.createManyAndReturn({
    data: awards.map((a) => ({
      userId,
      achievementId: a.achievementId,
      earnedAt,
      pointsAwarded: a.pointsReward,
      isDisplayed: true,
    })),
    skipDuplicates: true,
    select: { achievementId: true, earnedAt: true, pointsAwarded: true },
  });

export const addPoints = (db: Db, userId: number, points: number) =>
  db.user.update({
    where: { id: userId },
    data: { totalPoints: { increment: points } },
    select: { totalPoints: true },
  });

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

export const earnedBadgeSelect = {
  earnedAt: true,
  isDisplayed: true,
  achievement: {
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      starWarsTitle: true,
      tier: true,
      pointsReward: true,
      category: true,
    },
  },
} as const satisfies Prisma.UserAchievementSelect;

export type EarnedBadgeRow = Prisma.UserAchievementGetPayload<{ select: typeof earnedBadgeSelect }>;

/** Every badge the user earned, inactive ones included, newest first (ties by id). */
export const findEarnedBadges = (db: Db, userId: number): Promise<EarnedBadgeRow[]> =>
  db.userAchievement.findMany({
    where: { userId },
    select: earnedBadgeSelect,
    orderBy: [{ earnedAt: 'desc' }, { id: 'desc' }],
  });

export const findPinnedBadgeIds = async (db: Db, userId: number): Promise<number[]> => {
  const rows = await db.userPinnedBadge.findMany({
    where: { userId },
    select: { achievementId: true },
    orderBy: { position: 'asc' },
  });
  return rows.map((r) => r.achievementId);
};

export const findEarnedAmong = async (
  db: Db,
  userId: number,
  achievementIds: readonly number[],
): Promise<Set<number>> => {
  if (achievementIds.length === 0) return new Set();
  const rows = await db.userAchievement.findMany({
    where: { userId, achievementId: { in: [...achievementIds] } },
    select: { achievementId: true },
  });
  return new Set(rows.map((r) => r.achievementId));
};

/** Replaces the user's pins (positions 1..n in the given order). */
export const replacePins = async (db: Db, userId: number, achievementIds: readonly number[]) => {
  await db.userPinnedBadge.deleteMany({ where: { userId } });
  if (achievementIds.length > 0) {
    await db.userPinnedBadge.createMany({
      data: achievementIds.map((achievementId, i) => ({ userId, achievementId, position: i + 1 })),
    });
  }
};

export interface PerformanceRow {
  total: number;
  correct: number;
  avgTime: number | null;
}

/** All-time exercise attempts, correct ones and the SQL mean of `time_spent` (nulls excluded). */
export const loadPerformance = async (db: Db, userId: number): Promise<PerformanceRow> => {
  const rows = await db.$queryRaw<PerformanceRow[]>`
    SELECT count(*)::int AS total,
           (count(*) FILTER (WHERE is_correct))::int AS correct,
           avg(time_spent)::float8 AS "avgTime"
      FROM attempts WHERE user_id = ${userId}`;
  return rows[0] ?? { total: 0, correct: 0, avgTime: null };
};

export const countActiveUsers = (db: Db): Promise<number> =>
  db.user.count({ where: { isActive: true } });

/** Unlocks per active badge (one row per user and badge, so a row count is a distinct-user count). */
export const countUnlocksByBadge = async (
  db: Db,
): Promise<{ badgeId: number; unlockCount: number }[]> => {
  const rows = await db.userAchievement.groupBy({
    by: ['achievementId'],
    where: { achievement: { isActive: true } },
    _count: { _all: true },
    orderBy: { achievementId: 'asc' },
  });
  return rows.map((r) => ({ badgeId: r.achievementId, unlockCount: r._count._all }));
};
