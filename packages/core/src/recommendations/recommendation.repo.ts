/**
 * Queries of the recommendations feature. Every read is bounded whatever the learner's history: by an
 * index range with a LIMIT (recent attempts), by the size of a cache (progress: ≤ 9 rows), by a per-bucket
 * window over the active catalogue (candidates), or by the learner's recommendations themselves. Explicit
 * columns only: no answer, explanation or hint is ever read here.
 */
import { Prisma } from '../db/generated/client.ts';
import type {
  AgeGroup as ContentAgeGroup,
  DifficultyLevel,
  ExerciseType,
  LogicChallengeType,
} from '../db/generated/enums.ts';
import type { Db, Tx } from '../db/types.ts';
import type {
  ChallengeCandidate,
  ExerciseCandidate,
  RankedRecommendation,
  RecentAttempt,
  TypeProgress,
} from './ranking.rules.ts';

// ---- generation: the learner's context ----------------------------------------------------------------

export interface LearnerRow {
  preferredAgeGroup: ContentAgeGroup | null;
  gradeLevel: number | null;
  learningGoal: string | null;
  totalChallengeAttempts: number;
  correctChallengeAttempts: number;
}

/**
 * The learner's profile and challenge counters, taking the user row's lock: one learner's generations
 * (and a generation against a submit, which takes the same lock first) run one after the other.
 */
export const lockLearner = async (tx: Tx, userId: number): Promise<LearnerRow | null> => {
  const rows = await tx.$queryRaw<
    {
      preferred_age_group: ContentAgeGroup | null;
      grade_level: number | null;
      learning_goal: string | null;
      total_challenge_attempts: number;
      correct_challenge_attempts: number;
    }[]
  >`
    SELECT "preferred_age_group"::text AS "preferred_age_group", "grade_level"::int AS "grade_level",
      "learning_goal", "total_challenge_attempts", "correct_challenge_attempts"
    FROM "users" WHERE "id" = ${userId} FOR UPDATE`;
  const row = rows[0];
  if (row === undefined) return null;
  return {
    preferredAgeGroup: row.preferred_age_group,
    gradeLevel: row.grade_level,
    learningGoal: row.learning_goal,
    totalChallengeAttempts: row.total_challenge_attempts,
    correctChallengeAttempts: row.correct_challenge_attempts,
  };
};

export const typeProgressSelect = {
  exerciseType: true,
  totalAttempts: true,
  correctAttempts: true,
} as const satisfies Prisma.ExerciseProgressSelect;

/** The progress cache: at most one row per exercise type. */
export const findTypeProgress = (db: Db, userId: number): Promise<TypeProgress[]> =>
  db.exerciseProgress.findMany({
    where: { userId },
    select: typeProgressSelect,
    orderBy: { exerciseType: 'asc' },
  });

/** The latest `take` attempts since `since`, newest first, with their exercise's type and difficulty. */
export const findRecentAttempts = async (
  db: Db,
  userId: number,
  since: Date,
  take: number,
): Promise<RecentAttempt[]> => {
  const rows = await db.$queryRaw<
    { exercise_id: number; exercise_type: ExerciseType; difficulty: DifficultyLevel }[]
  >`
    SELECT a."exercise_id", e."exercise_type"::text AS "exercise_type", e."difficulty"::text AS "difficulty"
    FROM "attempts" a JOIN "exercises" e ON e."id" = a."exercise_id"
    WHERE a."user_id" = ${userId} AND a."created_at" > ${since}
    ORDER BY a."created_at" DESC, a."id" DESC LIMIT ${take}`;
  return rows.map((r) => ({
    exerciseId: r.exercise_id,
    exerciseType: r.exercise_type,
    difficulty: r.difficulty,
  }));
};

/** Types of the latest `take` challenge attempts since `since`. */
export const findRecentChallengeTypes = async (
  db: Db,
  userId: number,
  since: Date,
  take: number,
): Promise<LogicChallengeType[]> => {
  const rows = await db.$queryRaw<{ challenge_type: LogicChallengeType }[]>`
    SELECT c."challenge_type"::text AS "challenge_type"
    FROM "logic_challenge_attempts" la JOIN "logic_challenges" c ON c."id" = la."challenge_id"
    WHERE la."user_id" = ${userId} AND la."created_at" > ${since}
    ORDER BY la."created_at" DESC, la."id" DESC LIMIT ${take}`;
  return rows.map((r) => r.challenge_type);
};

export const historySelect = {
  exerciseId: true,
  challengeId: true,
  isCompleted: true,
} as const satisfies Prisma.RecommendationSelect;
export type HistoryRow = Prisma.RecommendationGetPayload<{ select: typeof historySelect }>;

/** The pending recommendations (about to be replaced) and those completed since `completedSince`. */
export const findRecommendationHistory = (
  db: Db,
  userId: number,
  completedSince: Date,
): Promise<HistoryRow[]> =>
  db.recommendation.findMany({
    where: {
      userId,
      OR: [{ isCompleted: false }, { isCompleted: true, completedAt: { gte: completedSince } }],
    },
    select: historySelect,
  });

/** `AND <column> NOT IN (ids)`, or nothing for no id. */
const notIn = (column: Prisma.Sql, ids: readonly number[]): Prisma.Sql =>
  ids.length === 0 ? Prisma.empty : Prisma.sql`AND ${column} NOT IN (${Prisma.join(ids)})`;

/**
 * The exercise candidates: active, not archived, not solved by the learner, not in `excluded` (completed
 * recently); at most `perBucket` per (type, difficulty), those fitting the learner's age group first, then
 * by id.
 */
export const findExercisePool = async (
  db: Db,
  userId: number,
  ageGroup: ContentAgeGroup,
  perBucket: number,
  excluded: readonly number[],
): Promise<ExerciseCandidate[]> => {
  const rows = await db.$queryRaw<
    {
      id: number;
      exercise_type: ExerciseType;
      difficulty: DifficultyLevel;
      age_group: ContentAgeGroup;
    }[]
  >`
    SELECT "id", "exercise_type", "difficulty", "age_group" FROM (
      SELECT e."id", e."exercise_type"::text AS "exercise_type", e."difficulty"::text AS "difficulty",
        e."age_group"::text AS "age_group",
        ROW_NUMBER() OVER (
          PARTITION BY e."exercise_type", e."difficulty"
          ORDER BY (e."age_group"::text = ${ageGroup} OR e."age_group" = 'ALL_AGES' OR ${ageGroup} = 'ALL_AGES') DESC, e."id"
        ) AS "rank"
      FROM "exercises" e
      WHERE e."is_active" AND NOT e."is_archived" ${notIn(Prisma.sql`e."id"`, excluded)}
        AND NOT EXISTS (
          SELECT 1 FROM "attempts" a
          WHERE a."user_id" = ${userId} AND a."exercise_id" = e."id" AND a."is_correct")
    ) ranked
    WHERE "rank" <= ${perBucket}
    ORDER BY "id"`;
  return rows.map((r) => ({
    id: r.id,
    exerciseType: r.exercise_type,
    difficulty: r.difficulty,
    ageGroup: r.age_group,
    isActive: true,
    isArchived: false,
    solved: false,
  }));
};

/**
 * The challenge candidates: active, not archived, not solved by the learner, not in `excluded`; at most
 * `perBucket` per challenge type, those fitting the learner's age group first, then by id.
 */
export const findChallengePool = async (
  db: Db,
  userId: number,
  ageGroup: ContentAgeGroup,
  perBucket: number,
  excluded: readonly number[],
): Promise<ChallengeCandidate[]> => {
  const rows = await db.$queryRaw<
    {
      id: number;
      challenge_type: LogicChallengeType;
      age_group: ContentAgeGroup;
      difficulty: DifficultyLevel | null;
    }[]
  >`
    SELECT "id", "challenge_type", "age_group", "difficulty" FROM (
      SELECT c."id", c."challenge_type"::text AS "challenge_type", c."age_group"::text AS "age_group",
        c."difficulty"::text AS "difficulty",
        ROW_NUMBER() OVER (
          PARTITION BY c."challenge_type"
          ORDER BY (c."age_group"::text = ${ageGroup} OR c."age_group" = 'ALL_AGES' OR ${ageGroup} = 'ALL_AGES') DESC, c."id"
        ) AS "rank"
      FROM "logic_challenges" c
      WHERE c."is_active" AND NOT c."is_archived" ${notIn(Prisma.sql`c."id"`, excluded)}
        AND NOT EXISTS (
          SELECT 1 FROM "logic_challenge_attempts" la
          WHERE la."user_id" = ${userId} AND la."challenge_id" = c."id" AND la."is_correct")
    ) ranked
    WHERE "rank" <= ${perBucket}
    ORDER BY "id"`;
  return rows.map((r) => ({
    id: r.id,
    challengeType: r.challenge_type,
    ageGroup: r.age_group,
    difficulty: r.difficulty,
    isActive: true,
    isArchived: false,
    solved: false,
  }));
};

// ---- generation: the write --------------------------------------------------------------------------

export const deletePendingRecommendations = async (tx: Tx, userId: number): Promise<void> => {
  await tx.recommendation.deleteMany({ where: { userId, isCompleted: false } });
};

/** One INSERT of every new recommendation, in rank order (so ids follow the rank). */
export const insertRecommendations = async (
  tx: Tx,
  userId: number,
  ranked: readonly RankedRecommendation[],
  now: Date,
): Promise<number> => {
  if (ranked.length === 0) return 0;
  const { count } = await tx.recommendation.createMany({
    data: ranked.map((r) => ({
      userId,
      recommendationType: r.kind === 'exercise' ? ('EXERCISE' as const) : ('CHALLENGE' as const),
      exerciseId: r.kind === 'exercise' ? r.exerciseId : null,
      challengeId: r.kind === 'challenge' ? r.challengeId : null,
      exerciseType: r.kind === 'exercise' ? r.exerciseType : null,
      difficulty: r.difficulty,
      priority: r.priority,
      reason: r.reason,
      reasonCode: r.reasonCode,
      reasonParams: r.reasonParams,
      createdAt: now,
      updatedAt: now,
    })),
  });
  return count;
};

// ---- reads and tracking -----------------------------------------------------------------------------

/** A pending recommendation with what the read needs of its target (never an answer). */
export interface PendingRow {
  id: number;
  recommendationType: 'EXERCISE' | 'CHALLENGE';
  exerciseId: number | null;
  challengeId: number | null;
  exerciseType: ExerciseType | null;
  difficulty: DifficultyLevel | null;
  priority: number;
  reason: string | null;
  reasonCode: string | null;
  reasonParams: unknown;
  exerciseTitle: string | null;
  exerciseQuestion: string | null;
  challengeTitle: string | null;
  challengeType: LogicChallengeType | null;
  /** The target exists, is active and not archived, and the learner has not solved it. */
  open: boolean;
}

/**
 * The learner's `limit` best pending recommendations (priority, then id), each with its target's title and
 * whether the target is still open to them: one statement (the solved checks are index probes).
 */
export const findPendingRecommendations = async (
  db: Db,
  userId: number,
  limit: number,
): Promise<PendingRow[]> => {
  const rows = await db.$queryRaw<
    {
      id: number;
      recommendation_type: 'EXERCISE' | 'CHALLENGE';
      exercise_id: number | null;
      challenge_id: number | null;
      exercise_type: ExerciseType | null;
      difficulty: DifficultyLevel | null;
      priority: number;
      reason: string | null;
      reason_code: string | null;
      reason_params: unknown;
      exercise_title: string | null;
      exercise_question: string | null;
      challenge_title: string | null;
      challenge_type: LogicChallengeType | null;
      open: boolean;
    }[]
  >`
    SELECT r."id", r."recommendation_type"::text AS "recommendation_type", r."exercise_id", r."challenge_id",
      r."exercise_type"::text AS "exercise_type", r."difficulty"::text AS "difficulty", r."priority"::int AS "priority",
      r."reason", r."reason_code", r."reason_params",
      e."title" AS "exercise_title", e."question" AS "exercise_question",
      c."title" AS "challenge_title", c."challenge_type"::text AS "challenge_type",
      CASE WHEN r."recommendation_type" = 'EXERCISE' THEN
        e."id" IS NOT NULL AND e."is_active" AND NOT e."is_archived" AND NOT EXISTS (
          SELECT 1 FROM "attempts" a
          WHERE a."user_id" = r."user_id" AND a."exercise_id" = e."id" AND a."is_correct")
      ELSE
        c."id" IS NOT NULL AND c."is_active" AND NOT c."is_archived" AND NOT EXISTS (
          SELECT 1 FROM "logic_challenge_attempts" la
          WHERE la."user_id" = r."user_id" AND la."challenge_id" = c."id" AND la."is_correct")
      END AS "open"
    FROM "recommendations" r
    LEFT JOIN "exercises" e ON e."id" = r."exercise_id"
    LEFT JOIN "logic_challenges" c ON c."id" = r."challenge_id"
    WHERE r."user_id" = ${userId} AND NOT r."is_completed"
    ORDER BY r."priority" DESC, r."id" ASC
    LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    recommendationType: r.recommendation_type,
    exerciseId: r.exercise_id,
    challengeId: r.challenge_id,
    exerciseType: r.exercise_type,
    difficulty: r.difficulty,
    priority: r.priority,
    reason: r.reason,
    reasonCode: r.reason_code,
    reasonParams: r.reason_params,
    exerciseTitle: r.exercise_title,
    exerciseQuestion: r.exercise_question,
    challengeTitle: r.challenge_title,
    challengeType: r.challenge_type,
    open: r.open,
  }));
};

/** +1 display on each of the learner's given pending recommendations; returns how many were counted. */
export const incrementShown = async (
  db: Db,
  userId: number,
  ids: readonly number[],
  now: Date,
): Promise<number> => {
  const { count } = await db.recommendation.updateMany({
    where: { userId, id: { in: [...ids] }, isCompleted: false },
    data: { shownCount: { increment: 1 }, updatedAt: now },
  });
  return count;
};

/** Marks the learner's recommendation completed (again: `completed_at` moves); null when not theirs. */
export const completeRecommendation = async (
  db: Db,
  userId: number,
  id: number,
  now: Date,
): Promise<{ id: number; completedAt: Date } | null> => {
  const rows = await db.$queryRaw<{ id: number; completed_at: Date }[]>`
    UPDATE "recommendations" SET "is_completed" = true, "completed_at" = ${now}, "updated_at" = ${now}
    WHERE "id" = ${id} AND "user_id" = ${userId}
    RETURNING "id", "completed_at"`;
  const row = rows[0];
  return row === undefined ? null : { id: row.id, completedAt: row.completed_at };
};

/** +1 click on the learner's recommendation; null when not theirs. */
export const incrementClicked = async (
  db: Db,
  userId: number,
  id: number,
  now: Date,
): Promise<{ id: number; clickedCount: number; lastClickedAt: Date } | null> => {
  const rows = await db.$queryRaw<{ id: number; clicked_count: number; last_clicked_at: Date }[]>`
    UPDATE "recommendations" SET "clicked_count" = "clicked_count" + 1, "last_clicked_at" = ${now},
      "updated_at" = ${now}
    WHERE "id" = ${id} AND "user_id" = ${userId}
    RETURNING "id", "clicked_count", "last_clicked_at"`;
  const row = rows[0];
  return row === undefined
    ? null
    : { id: row.id, clickedCount: row.clicked_count, lastClickedAt: row.last_clicked_at };
};
