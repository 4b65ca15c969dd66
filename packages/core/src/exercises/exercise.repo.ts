/**
 * Queries of the exercises feature. First parameter: the client or the transaction (`db | tx`);
 * explicit `select` constants, never raw rows; Prisma errors translated by the caller's service through
 * mapPrismaError.
 */
import {
  Prisma,
  type AgeGroup as DbAgeGroup,
  type ExerciseType as DbExerciseType,
} from '../db/generated/client.ts';
import type { Db, SqlQueryable, Tx } from '../db/types.ts';
import {
  lockUserForAttemptSql,
  prefetchedColumnsSql,
  streakStateOf,
  type DayStreakState,
  type LockedUserColumns,
} from '../progress/index.ts';
import { ageGroupToDb } from './exercise.mapping.ts';
import type { ListExercisesQuery } from './exercise.schemas.ts';

export const exerciseListSelect = {
  id: true,
  title: true,
  exerciseType: true,
  difficulty: true,
  ageGroup: true,
  question: true,
  choices: true,
  hint: true,
  tags: true,
  aiGenerated: true,
  isActive: true,
  viewCount: true,
  createdAt: true,
} as const satisfies Prisma.ExerciseSelect;
export type ExerciseListRow = Prisma.ExerciseGetPayload<{ select: typeof exerciseListSelect }>;

export const exerciseDetailSelect = {
  id: true,
  title: true,
  exerciseType: true,
  difficulty: true,
  ageGroup: true,
  question: true,
  choices: true,
  hint: true,
  tags: true,
  aiGenerated: true,
} as const satisfies Prisma.ExerciseSelect;
export type ExerciseDetailRow = Prisma.ExerciseGetPayload<{ select: typeof exerciseDetailSelect }>;

/** What the submit needs: the answer key, how to compare, and the explanation for the response. */
export const exerciseForAttemptSelect = {
  id: true,
  exerciseType: true,
  correctAnswer: true,
  answerKind: true,
  explanation: true,
  generationParams: true,
} as const satisfies Prisma.ExerciseSelect;
export type ExerciseForAttemptRow = Prisma.ExerciseGetPayload<{
  select: typeof exerciseForAttemptSelect;
}>;

/** The only column returned by writes and existence checks. */
export const idSelect = { id: true } as const satisfies Prisma.ExerciseSelect &
  Prisma.AttemptSelect;

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE of the catalogue list: not archived (inactive ones are listed, as in the legacy) + filters. */
const listWhere = (query: ListExercisesQuery, userId: number | null): Prisma.Sql => {
  const parts: Prisma.Sql[] = [Prisma.sql`e."is_archived" = false`];
  if (query.exerciseType !== null)
    parts.push(Prisma.sql`e."exercise_type" = ${query.exerciseType}::"exercise_type"`);
  if (query.ageGroup !== null)
    parts.push(Prisma.sql`e."age_group" = ${ageGroupToDb(query.ageGroup)}::"age_group"`);
  if (query.search !== null) {
    const pattern = `%${escapeLike(query.search)}%`;
    parts.push(Prisma.sql`(e."title" ILIKE ${pattern} OR e."question" ILIKE ${pattern})`);
  }
  if (query.hideCompleted && userId !== null) {
    parts.push(
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "attempts" a WHERE a."user_id" = ${userId} AND a."exercise_id" = e."id" AND a."is_correct")`,
    );
  }
  return Prisma.join(parts, ' AND ');
};

export const countListedExercises = async (
  db: Db,
  query: ListExercisesQuery,
  userId: number | null,
): Promise<number> => {
  const rows = await db.$queryRaw<{ total: number }[]>`
    SELECT COUNT(*)::int AS "total" FROM "exercises" e WHERE ${listWhere(query, userId)}`;
  return rows[0]?.total ?? 0;
};

/** The page's ids, newest first (id breaks ties). */
export const findRecentExerciseIds = async (
  db: Db,
  query: ListExercisesQuery,
  userId: number | null,
): Promise<number[]> => {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT e."id" FROM "exercises" e WHERE ${listWhere(query, userId)}
    ORDER BY e."created_at" DESC, e."id" DESC OFFSET ${query.skip} LIMIT ${query.limit}`;
  return rows.map((r) => r.id);
};

/**
 * A window of matching ids in primary-key order, starting at `offset` (audit P-It4: the random order
 * reads a window at a random offset instead of sorting the whole table by `random()`).
 */
export const findExerciseIdWindow = async (
  db: Db,
  query: ListExercisesQuery,
  userId: number | null,
  offset: number,
  limit: number,
): Promise<number[]> => {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT e."id" FROM "exercises" e WHERE ${listWhere(query, userId)}
    ORDER BY e."id" OFFSET ${offset} LIMIT ${limit}`;
  return rows.map((r) => r.id);
};

export const findExercisesByIds = (db: Db, ids: number[]): Promise<ExerciseListRow[]> =>
  db.exercise.findMany({ where: { id: { in: ids } }, select: exerciseListSelect });

export const findExerciseDetail = (db: Db, id: number): Promise<ExerciseDetailRow | null> =>
  db.exercise.findUnique({ where: { id }, select: exerciseDetailSelect });

/**
 * The first statement of a submit transaction (`lockUserForAttemptSql`): the user row lock, its day-streak
 * cache and the exercise (the columns of `exerciseForAttemptSelect`, null when no exercise has this id).
 * Null when the user no longer exists.
 */
export const lockUserAndFindExercise = async (
  tx: SqlQueryable,
  userId: number,
  exerciseId: number,
  lockedRead?: Prisma.Sql,
): Promise<{
  streak: DayStreakState;
  exercise: ExerciseForAttemptRow | null;
  lockedRead: unknown;
} | null> => {
  const rows = await tx.$queryRaw<
    (LockedUserColumns & {
      id: number | null;
      exerciseType: ExerciseForAttemptRow['exerciseType'] | null;
      correctAnswer: string | null;
      answerKind: ExerciseForAttemptRow['answerKind'] | null;
      explanation: string | null;
      generationParams: ExerciseForAttemptRow['generationParams'];
    })[]
  >(
    lockUserForAttemptSql(
      userId,
      {
        columns: Prisma.sql`e."id", e."exercise_type"::text AS "exerciseType",
        e."correct_answer" AS "correctAnswer", e."answer_kind"::text AS "answerKind", e."explanation",
        e."generation_params" AS "generationParams"`,
        join: Prisma.sql`LEFT JOIN "exercises" e ON e."id" = ${exerciseId}`,
      },
      lockedRead,
    ),
  );
  const row = rows[0];
  if (row === undefined) return null;
  const { id, exerciseType, correctAnswer, answerKind, explanation, generationParams } = row;
  return {
    streak: streakStateOf(row),
    lockedRead: row.lockedRead,
    exercise:
      id === null || exerciseType === null || correctAnswer === null || answerKind === null
        ? null
        : { id, exerciseType, correctAnswer, answerKind, explanation, generationParams },
  };
};

/** Distinct exercises the user solved (≥ 1 correct attempt), by the (user_id, exercise_id) index. */
export const findCompletedExerciseIds = async (db: Db, userId: number): Promise<number[]> => {
  const rows = await db.$queryRaw<{ exercise_id: number }[]>`
    SELECT DISTINCT "exercise_id" FROM "attempts" WHERE "user_id" = ${userId} AND "is_correct" ORDER BY "exercise_id"`;
  return rows.map((r) => r.exercise_id);
};

// -------------------------------------------------------------------------------------------------
// Generation
// -------------------------------------------------------------------------------------------------

export interface NewGeneratedExercise {
  title: string;
  exerciseType: DbExerciseType;
  difficulty: Prisma.ExerciseUncheckedCreateInput['difficulty'];
  ageGroup: DbAgeGroup;
  question: string;
  correctAnswer: string;
  answerKind: Prisma.ExerciseUncheckedCreateInput['answerKind'];
  choices: string[];
  explanation: string;
  hint: string;
  tags: string;
  aiGenerated: boolean;
  generationParams: Prisma.InputJsonObject;
  creatorId: number;
  createdAt: Date;
}

export const insertExercise = async (db: Db, data: NewGeneratedExercise): Promise<number> => {
  const row = await db.exercise.create({
    data: { ...data, updatedAt: data.createdAt },
    select: idSelect,
  });
  return row.id;
};

/** Serialises a user's generations (SELECT … FOR UPDATE on the user row). False when the user is gone. */
export const lockUserRow = async (tx: Tx, userId: number): Promise<boolean> => {
  const rows = await tx.$queryRaw<
    { id: number }[]
  >`SELECT "id" FROM "users" WHERE "id" = ${userId} FOR UPDATE`;
  return rows.length > 0;
};

/** Exercises this user generated since `since`: how many, and the oldest one's time (creator_id index). */
export const countGenerationsSince = async (
  db: Db,
  userId: number,
  since: Date,
): Promise<{ count: number; oldest: Date | null }> => {
  const agg = await db.exercise.aggregate({
    where: { creatorId: userId, createdAt: { gt: since } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  return { count: agg._count._all, oldest: agg._min.createdAt };
};

// -------------------------------------------------------------------------------------------------
// Attempts
// -------------------------------------------------------------------------------------------------

export interface AttemptByKeyRow {
  id: number;
  exerciseId: number;
  responseSnapshot: Prisma.JsonValue;
}

/** The attempt a user's idempotency key recorded (the (user_id, idempotency_key) unique index), or null. */
export const findAttemptByKey = async (
  db: SqlQueryable,
  userId: number,
  key: string,
): Promise<AttemptByKeyRow | null> => {
  const rows = await db.$queryRaw<AttemptByKeyRow[]>(Prisma.sql`
    SELECT "id", "exercise_id" AS "exerciseId", "response_snapshot" AS "responseSnapshot"
    FROM "attempts" WHERE "user_id" = ${userId} AND "idempotency_key" = ${key}`);
  return rows[0] ?? null;
};

export interface NewAttempt {
  userId: number;
  exerciseId: number;
  userAnswer: string;
  isCorrect: boolean;
  timeSpent: number;
  idempotencyKey: string | null;
  createdAt: Date;
}

export interface AttemptEffects {
  /**
   * The progress-cache upsert, given the SQL of "this attempt newly solves the exercise"; it returns the
   * row it wrote (`exercise_type`, `total_attempts`, `correct_attempts`, `current_correct_streak`).
   */
  progress: (newlySolved: Prisma.Sql) => Prisma.Sql;
  /** The user-row counters and day streak. */
  user: Prisma.Sql;
  /**
   * A one-row subquery whose columns the statement also returns (the post-attempt step's read), given
   * the subquery of the progress row the statement writes; null for none.
   */
  select: (progressRow: Prisma.Sql) => Prisma.Sql | null;
}

/**
 * The submit's attempt write in ONE statement: whether the user had already solved the exercise (the
 * `(user_id, exercise_id)` index, before this insert), the attempt row, and the caller's writes (the
 * progress-cache upsert, the user counters) as data-modifying CTEs, with the caller's extra columns.
 */
export const insertAttemptWithEffects = async (
  tx: SqlQueryable,
  data: NewAttempt,
  effects: AttemptEffects,
): Promise<{
  attemptId: number;
  newlySolved: boolean;
  selected: Readonly<Record<string, unknown>> | undefined;
}> => {
  const newlySolved = Prisma.sql`(${data.isCorrect} AND NOT (SELECT prior."solved" FROM prior))`;
  const extra = effects.select(
    Prisma.sql`SELECT "exercise_type", "total_attempts", "correct_attempts", "current_correct_streak" FROM progress`,
  );
  const prefetch = prefetchedColumnsSql(extra);
  const rows = await tx.$queryRaw<
    ({ attemptId: number; newlySolved: boolean } & Record<string, unknown>)[]
  >(Prisma.sql`
    WITH prior AS (
      SELECT EXISTS (SELECT 1 FROM "attempts" a WHERE a."user_id" = ${data.userId}
        AND a."exercise_id" = ${data.exerciseId} AND a."is_correct") AS "solved"
    ), ins AS (
      INSERT INTO "attempts" ("user_id", "exercise_id", "user_answer", "is_correct", "time_spent",
        "idempotency_key", "created_at")
      VALUES (${data.userId}, ${data.exerciseId}, ${data.userAnswer}, ${data.isCorrect}, ${data.timeSpent},
        ${data.idempotencyKey}, ${data.createdAt})
      RETURNING "id"
    ), progress AS (${effects.progress(newlySolved)}
    ), counters AS (${effects.user})
    SELECT ins."id" AS "attemptId", ${newlySolved} AS "newlySolved"${prefetch.columns}
    FROM ins${prefetch.from}`);
  const row = rows[0];
  if (row === undefined) throw new Error('attempt insert returned no row');
  const { attemptId, newlySolved: solved, ...selected } = row;
  return { attemptId, newlySolved: solved, selected: extra === null ? undefined : selected };
};

/** The response an idempotent retry replays, stored on its attempt. */
export const setAttemptSnapshot = async (
  tx: SqlQueryable,
  attemptId: number,
  snapshot: Prisma.InputJsonObject,
): Promise<void> => {
  await tx.$queryRaw(Prisma.sql`
    UPDATE "attempts" SET "response_snapshot" = ${JSON.stringify(snapshot)}::jsonb WHERE "id" = ${attemptId}`);
};

// -------------------------------------------------------------------------------------------------
// Global statistics (§7.5)
// -------------------------------------------------------------------------------------------------

export const groupActiveExercises = (db: Db) =>
  db.exercise.groupBy({
    by: ['exerciseType', 'difficulty', 'ageGroup', 'aiGenerated'],
    where: { isActive: true },
    _count: { _all: true },
  });

export const countArchivedExercises = (db: Db): Promise<number> =>
  db.exercise.count({ where: { isArchived: true } });

export const countOpenChallenges = (db: Db): Promise<number> =>
  db.logicChallenge.count({ where: { isArchived: false } });

export const countAttemptsByCorrectness = async (
  db: Db,
): Promise<{ exercise: [number, number]; challenge: [number, number] }> => {
  const rows = await db.$queryRaw<
    { total: number; correct: number; challenge_total: number; challenge_correct: number }[]
  >`
    SELECT
      (SELECT COUNT(*)::int FROM "attempts") AS "total",
      (SELECT COUNT(*)::int FROM "attempts" WHERE "is_correct") AS "correct",
      (SELECT COUNT(*)::int FROM "logic_challenge_attempts") AS "challenge_total",
      (SELECT COUNT(*)::int FROM "logic_challenge_attempts" WHERE "is_correct") AS "challenge_correct"`;
  const row = rows[0];
  return {
    exercise: [row?.total ?? 0, row?.correct ?? 0],
    challenge: [row?.challenge_total ?? 0, row?.challenge_correct ?? 0],
  };
};

/** Top active exercises by attempt count (ties: lower id first). */
export const findMostAttemptedExercises = (db: Db, limit: number) =>
  db.$queryRaw<
    { id: number; title: string; exercise_type: string; difficulty: string; attempts: number }[]
  >`
    SELECT e."id", e."title", e."exercise_type"::text AS "exercise_type", e."difficulty"::text AS "difficulty",
           COUNT(a."id")::int AS "attempts"
    FROM "exercises" e LEFT JOIN "attempts" a ON a."exercise_id" = e."id"
    WHERE e."is_active"
    GROUP BY e."id"
    ORDER BY COUNT(a."id") DESC, e."id" ASC
    LIMIT ${limit}`;
