/**
 * Badge queries (explicit selects; first parameter `db | tx`). The statistics snapshot is ONE statement
 * of index probes over the caches the submit transactions keep (`exercise_progress`, the user counters),
 * so one evaluation costs the same number of statements, and reads about the same rows, whatever the
 * number of badges and the length of the user's history.
 */
import { Prisma } from '../db/generated/client.ts';
import type { ExerciseType } from '../db/generated/enums.ts';
import type { Db, SqlQueryable } from '../db/types.ts';
import type { PendingAttempt } from '../progress/index.ts';
import { badgeSelect } from '../reference/index.ts';
import type { OptionalStat } from './badge.rules.ts';

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

/**
 * Active badges in id order (the legacy had no ORDER BY; domain-rules §5.5 says port with id): the
 * columns of `badgeSelect`, enums as their labels (a raw statement: the evaluation reads the catalogue
 * inside the submit transaction; `badge.repo.int.test.ts` compares it with Prisma's own read).
 */
export const findActiveBadges = (db: SqlQueryable): Promise<BadgeRow[]> =>
  db.$queryRaw<BadgeRow[]>(Prisma.sql`
    SELECT "id", "code", "name", "description", "icon_url" AS "iconUrl", "category"::text AS "category",
      "tier"::text AS "tier", "points_reward" AS "pointsReward", "is_secret" AS "isSecret",
      "requirements", "star_wars_title" AS "starWarsTitle"
    FROM "achievements" WHERE "is_active" ORDER BY "id"`);

// ---------------------------------------------------------------------------------------------
// The learner snapshot in one statement (the submit path)
// ---------------------------------------------------------------------------------------------

const HOUR_24 = Prisma.sql`interval '24 hours'`;

/**
 * The badge catalogue's fingerprint: its row count and the sum of its rows' creating transaction ids
 * (`xmin`). Any committed insert, update or delete changes it: a deletion alone changes the count, and
 * every other change leaves a row whose `xmin` is the new transaction's id, larger than the one it
 * replaces. (One scan of a few dozen rows, no sort: it is read by every submit.)
 */
const CATALOGUE_FINGERPRINT = Prisma.sql`SELECT count(*)::text || '.' || coalesce(sum(b."xmin"::text::bigint), 0)::text
  FROM "achievements" b`;

export interface LearnerSnapshotQuery {
  userId: number;
  /** Midnight UTC of the business "today". */
  todayStart: Date;
  /** How many days the activity chain ending today is followed back (0: not computed). */
  dayChainCap: number;
  /** Today's exercise attempts are counted up to this bound (the perfect-day threshold). */
  todayCap: number;
  /** The exercise attempt being evaluated: the previous activity strictly before it (comeback). */
  current: { attemptId: number; createdAt: Date } | null;
  /**
   * The optional statistics to compute (`OPTIONAL_STAT_OF`); the others are left empty (0, false, null,
   * no types). Omitted: every one.
   */
  only?: ReadonlySet<OptionalStat>;
  /** The learner's earned badge ids when the caller already read them (under the user row lock). */
  earnedIds?: readonly number[];
}

/** Per optional statistic, the ids of the active badges whose requirement reads it (see `only`). */
export type SnapshotNeeds = Readonly<Record<OptionalStat, readonly number[]>>;

export interface LearnerSnapshotRow {
  /** Changes whenever a row of the badge catalogue is inserted, updated or deleted. */
  catalogueFingerprint: string;
  earnedIds: number[];
  /** Correct logic-challenge attempts, repeats included (rows, not the user counter). */
  logicCorrect: number;
  /** Per exercise type the user attempted (progress cache), as parallel arrays in type order. */
  types: ExerciseType[];
  totals: number[];
  corrects: number[];
  leadings: number[];
  fastest: number | null;
  /** Exercise types among active, non-archived exercises (one index probe per type). */
  activeTypes: ExerciseType[];
  /** Consecutive UTC days ending today holding an activity, followed back at most `dayChainCap` days. */
  dayChain: number;
  /** Today's exercise attempts, counted up to `todayCap`, and whether one of them is wrong. */
  todayCount: number;
  todayWrong: boolean;
  previousActivityAt: Date | null;
  /** The query's `dayChainCap` (the catalogue the statement was built for). */
  dayChainCap: number;
}

/**
 * An activity (exercise or challenge attempt) of the user on the UTC day `n` days before `today` (a
 * date): two index probes, the exercise side on the per-day counts the attempt triggers keep
 * (`attempt_daily_counts`, one row per day and type, whatever the number of attempts), the challenge
 * side on the attempts in [day start, day start + 24 h).
 */
const activityOn = (userId: number, today: Prisma.Sql, n: Prisma.Sql) => Prisma.sql`(
  EXISTS (SELECT 1 FROM "attempt_daily_counts" d WHERE d."user_id" = ${userId}
           AND d."day" = ${today} - ${n} AND d."total" > 0)
  OR EXISTS (SELECT 1 FROM "logic_challenge_attempts" c WHERE c."user_id" = ${userId}
           AND c."created_at" >= (${today} - ${n})::timestamp AT TIME ZONE 'UTC'
           AND c."created_at" < (${today} - ${n} + 1)::timestamp AT TIME ZONE 'UTC'))`;

/**
 * Everything a badge evaluation reads about the learner, in ONE statement of index probes whose cost
 * does not grow with the history: earned badge ids, the counters, the progress cache rows, the fastest
 * correct timed attempt, the active exercise types, the day chain ending today (one pair of probes per
 * day, at most `dayChainCap` days), today's attempts (bounded) and whether one is wrong, the previous
 * activity, and the catalogue's fingerprint (which tells the caller its cached catalogue is stale).
 * No row when the user does not exist.
 *
 * With `pending`, the snapshot is embedded in the statement writing that attempt and counts it as if
 * written. Either kind is today's activity. An exercise attempt's progress row replaces the stored one, it
 * counts among today's attempts (wrong or not) and as a fastest candidate, and the previous activity is
 * the latest before it; a correct challenge attempt counts among the correct challenge attempts.
 *
 * With `only`, the optional statistics no pending badge reads are left out of the statement
 * (`OPTIONAL_STAT_OF`): a learner who has earned every badge about speed no longer pays for the
 * fastest-time probe, and so on.
 */
export const learnerSnapshotSql = (
  q: LearnerSnapshotQuery,
  pendingAttempt: PendingAttempt | null = null,
): Prisma.Sql => {
  const day = Prisma.sql`${q.todayStart}::timestamptz`;
  const todayDate = Prisma.sql`(${q.todayStart}::timestamptz AT TIME ZONE 'UTC')::date`;
  const pending = pendingAttempt?.kind === 'exercise' ? pendingAttempt : null;
  const pendingLogicCorrect =
    pendingAttempt?.kind === 'challenge' && pendingAttempt.isCorrect ? 1 : 0;
  const previousBefore =
    pending !== null
      ? { createdAt: pending.createdAt, attemptId: null }
      : pendingAttempt !== null
        ? null
        : q.current;
  const previous =
    previousBefore === null
      ? Prisma.sql`NULL::timestamptz`
      : Prisma.sql`GREATEST(
          (SELECT max(a."created_at") FROM "attempts" a WHERE a."user_id" = ${q.userId}
             AND a."created_at" < ${previousBefore.createdAt}
             ${previousBefore.attemptId === null ? Prisma.empty : Prisma.sql`AND a."id" <> ${previousBefore.attemptId}`}),
          (SELECT max(c."created_at") FROM "logic_challenge_attempts" c WHERE c."user_id" = ${q.userId}
             AND c."created_at" < ${previousBefore.createdAt}))`;
  const progress =
    pending === null
      ? Prisma.sql`SELECT p."exercise_type", p."total_attempts", p."correct_attempts", p."current_correct_streak"
          FROM "exercise_progress" p WHERE p."user_id" = ${q.userId}`
      : Prisma.sql`SELECT p."exercise_type", p."total_attempts", p."correct_attempts", p."current_correct_streak"
          FROM "exercise_progress" p WHERE p."user_id" = ${q.userId}
           AND p."exercise_type" <> ${pending.exerciseType}::"exercise_type"
          UNION ALL
          SELECT w."exercise_type", w."total_attempts", w."correct_attempts", w."current_correct_streak"
          FROM (${pending.progressRow}) w`;
  // The progress rows as parallel arrays in type order: one scan, one aggregation.
  const inTypeOrder = (column: string) =>
    Prisma.sql`coalesce(array_agg(x.${Prisma.raw(`"${column}"`)} ORDER BY x."exercise_type"), '{}')`;
  const pendingFastest =
    pending !== null && pending.isCorrect && pending.timeSpentSeconds > 0
      ? pending.timeSpentSeconds
      : null;
  // An optional statistic, or its empty value when the caller does not need it (not even planned).
  const needed = (stat: OptionalStat, value: Prisma.Sql, empty: Prisma.Sql): Prisma.Sql =>
    q.only === undefined || q.only.has(stat) ? value : empty;
  const earned =
    q.earnedIds === undefined
      ? Prisma.sql`ARRAY(SELECT ua."achievement_id" FROM "user_achievements" ua WHERE ua."user_id" = ${q.userId})`
      : Prisma.sql`${q.earnedIds}::int[]`;
  return Prisma.sql`
    SELECT
      (${CATALOGUE_FINGERPRINT}) AS "catalogueFingerprint",
      ${earned} AS "earnedIds",
      ${needed(
        'logicCorrect',
        Prisma.sql`(SELECT count(*)::int FROM "logic_challenge_attempts" c
        WHERE c."user_id" = ${q.userId} AND c."is_correct") + ${pendingLogicCorrect}`,
        Prisma.sql`0`,
      )} AS "logicCorrect",
      per_type."types", per_type."totals", per_type."corrects", per_type."leadings",
      ${needed(
        'fastest',
        Prisma.sql`LEAST((SELECT min(a."time_spent") FROM "attempts" a
        WHERE a."user_id" = ${q.userId} AND a."is_correct" AND a."time_spent" > 0)::float8,
        ${pendingFastest}::float8)`,
        Prisma.sql`NULL::float8`,
      )} AS "fastest",
      ${needed(
        'activeTypes',
        Prisma.sql`ARRAY(SELECT t::text FROM unnest(enum_range(NULL::"exercise_type")) t
        WHERE EXISTS (SELECT 1 FROM "exercises" e
          WHERE e."is_archived" = false AND e."exercise_type" = t AND e."is_active")
        ORDER BY t)`,
        Prisma.sql`'{}'::text[]`,
      )} AS "activeTypes",
      ${needed(
        'dayChain',
        Prisma.sql`(WITH RECURSIVE chain(n) AS (
         SELECT 0 WHERE ${q.dayChainCap} > 0
           AND (${pendingAttempt !== null} OR ${activityOn(q.userId, todayDate, Prisma.sql`0`)})
         UNION ALL
         SELECT chain.n + 1 FROM chain
          WHERE chain.n + 1 < ${q.dayChainCap}
            AND ${activityOn(q.userId, todayDate, Prisma.sql`(chain.n + 1)`)}
       ) SELECT count(*)::int FROM chain)`,
        Prisma.sql`0`,
      )} AS "dayChain",
      ${needed(
        'today',
        Prisma.sql`LEAST(${q.todayCap}, (SELECT count(*)::int FROM (SELECT 1 FROM "attempts" a WHERE a."user_id" = ${q.userId}
         AND a."created_at" >= ${day} AND a."created_at" < ${day} + ${HOUR_24} LIMIT ${q.todayCap}) t)
         + ${pending === null ? 0 : 1})`,
        Prisma.sql`0`,
      )} AS "todayCount",
      ${needed(
        'today',
        Prisma.sql`(${pending !== null && !pending.isCorrect} OR EXISTS (SELECT 1 FROM "attempts" a
         WHERE a."user_id" = ${q.userId} AND a."created_at" >= ${day} AND a."created_at" < ${day} + ${HOUR_24}
           AND NOT a."is_correct"))`,
        Prisma.sql`false`,
      )} AS "todayWrong",
      ${needed('previous', previous, Prisma.sql`NULL::timestamptz`)} AS "previousActivityAt",
      ${q.dayChainCap}::int AS "dayChainCap"
    FROM "users" u,
      (SELECT coalesce(array_agg(x."exercise_type"::text ORDER BY x."exercise_type"), '{}') AS "types",
        ${inTypeOrder('total_attempts')} AS "totals", ${inTypeOrder('correct_attempts')} AS "corrects",
        ${inTypeOrder('current_correct_streak')} AS "leadings"
       FROM (${progress}) x) per_type
    WHERE u."id" = ${q.userId}`;
};

/** The snapshot (see `learnerSnapshotSql`) as a statement of its own. Null when the user does not exist. */
export const loadLearnerSnapshot = async (
  db: SqlQueryable,
  q: LearnerSnapshotQuery,
): Promise<LearnerSnapshotRow | null> => {
  const rows = await db.$queryRaw<LearnerSnapshotRow[]>(learnerSnapshotSql(q));
  return rows[0] ?? null;
};

/** The fingerprint alone (the same expression as in `loadLearnerSnapshot`). */
export const findCatalogueFingerprint = async (db: SqlQueryable): Promise<string> => {
  const rows = await db.$queryRaw<{ fingerprint: string }[]>(
    Prisma.sql`SELECT (${CATALOGUE_FINGERPRINT}) AS "fingerprint"`,
  );
  return rows[0]?.fingerprint ?? '';
};

// ---------------------------------------------------------------------------------------------
// Awards
// ---------------------------------------------------------------------------------------------

/**
 * Inserts the awards with `ON CONFLICT DO NOTHING` on (user_id, achievement_id) and adds the points of
 * the rows it inserted to the user, in one statement; returns only the rows this statement inserted: a
 * concurrent evaluation that awarded the same badge first (its insert blocks ours until it commits)
 * makes ours return nothing, so neither the badge nor its points can be counted twice.
 */
export const insertAwards = (
  db: SqlQueryable,
  userId: number,
  awards: readonly { achievementId: number; pointsReward: number }[],
  earnedAt: Date,
): Promise<{ achievementId: number; earnedAt: Date; pointsAwarded: number | null }[]> => {
  if (awards.length === 0) return Promise.resolve([]);
  const values = Prisma.join(
    awards.map(
      (a) => Prisma.sql`(${userId}, ${a.achievementId}, ${earnedAt}, ${a.pointsReward}, true)`,
    ),
  );
  return db.$queryRaw(Prisma.sql`
    WITH ins AS (
      INSERT INTO "user_achievements" ("user_id", "achievement_id", "earned_at", "points_awarded", "is_displayed")
      VALUES ${values}
      ON CONFLICT ("user_id", "achievement_id") DO NOTHING
      RETURNING "achievement_id", "earned_at", "points_awarded"
    ), pts AS (
      UPDATE "users" SET "total_points" = "total_points" + (SELECT sum(ins."points_awarded") FROM ins),
        "updated_at" = ${earnedAt}
      WHERE "id" = ${userId} AND (SELECT coalesce(sum(ins."points_awarded"), 0) FROM ins) > 0
    )
    SELECT "achievement_id" AS "achievementId", "earned_at" AS "earnedAt", "points_awarded" AS "pointsAwarded"
      FROM ins`);
};

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
