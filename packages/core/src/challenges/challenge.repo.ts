/**
 * Queries of the logic challenges. First parameter: the client or the transaction (`db | tx`); explicit
 * `select` constants: the answer, the explanation and the hints are read only by the queries whose use
 * case needs them (never by the list). Prisma errors are translated by the calling use case.
 */
import { Prisma } from '../db/generated/client.ts';
import type { Db, SqlQueryable } from '../db/types.ts';
import { ageGroupToDb } from '../exercises/index.ts';
import {
  lockUserForAttemptSql,
  prefetchedColumnsSql,
  streakStateOf,
  type DayStreakState,
  type LockedUserColumns,
} from '../progress/index.ts';
import { challengeTypeToDb, isSearchableText } from './challenge.rules.ts';
import type { ListChallengesQuery } from './challenge.schemas.ts';

export const challengeListSelect = {
  id: true,
  title: true,
  description: true,
  challengeType: true,
  ageGroup: true,
  difficulty: true,
  tags: true,
  difficultyRating: true,
  estimatedTimeMinutes: true,
  attemptCount: true,
  correctAttemptCount: true,
  viewCount: true,
  isArchived: true,
} as const satisfies Prisma.LogicChallengeSelect;
export type ChallengeListRow = Prisma.LogicChallengeGetPayload<{
  select: typeof challengeListSelect;
}>;

/** The detail also reads the answer (its positions; the solution once solved) and the hints. */
export const challengeDetailSelect = {
  ...challengeListSelect,
  question: true,
  choices: true,
  visualData: true,
  isActive: true,
  hints: true,
  correctAnswer: true,
  solutionExplanation: true,
} as const satisfies Prisma.LogicChallengeSelect;
export type ChallengeDetailRow = Prisma.LogicChallengeGetPayload<{
  select: typeof challengeDetailSelect;
}>;

export const challengeHintsSelect = {
  id: true,
  hints: true,
} as const satisfies Prisma.LogicChallengeSelect;

/** What the attempt needs: how to check, the explanation to return, how many hints there are. */
export const challengeForAttemptSelect = {
  id: true,
  challengeType: true,
  correctAnswer: true,
  visualData: true,
  solutionExplanation: true,
  hints: true,
} as const satisfies Prisma.LogicChallengeSelect;
export type ChallengeForAttemptRow = Prisma.LogicChallengeGetPayload<{
  select: typeof challengeForAttemptSelect;
}>;

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE of the public list: active challenges (§3.1) and the filters. */
const listWhere = (query: ListChallengesQuery, userId: number): Prisma.Sql => {
  const parts: Prisma.Sql[] = [Prisma.sql`c."is_active" = true`];
  if (query.activeOnly) parts.push(Prisma.sql`c."is_archived" = false`);
  if (query.challengeType !== null) {
    parts.push(
      Prisma.sql`c."challenge_type" = ${challengeTypeToDb(query.challengeType)}::"logic_challenge_type"`,
    );
  }
  if (query.ageGroup !== null) {
    parts.push(Prisma.sql`c."age_group" = ${ageGroupToDb(query.ageGroup)}::"age_group"`);
  }
  if (query.search !== null && !isSearchableText(query.search)) {
    parts.push(Prisma.sql`false`);
  } else if (query.search !== null) {
    const pattern = `%${escapeLike(query.search)}%`;
    parts.push(
      Prisma.sql`(c."title" ILIKE ${pattern} OR c."description" ILIKE ${pattern} OR c."tags" ILIKE ${pattern})`,
    );
  }
  if (query.hideCompleted) {
    parts.push(
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "logic_challenge_attempts" a WHERE a."user_id" = ${userId} AND a."challenge_id" = c."id" AND a."is_correct")`,
    );
  }
  return Prisma.join(parts, ' AND ');
};

export const countListedChallenges = async (
  db: Db,
  query: ListChallengesQuery,
  userId: number,
): Promise<number> => {
  const rows = await db.$queryRaw<{ total: number }[]>`
    SELECT COUNT(*)::int AS "total" FROM "logic_challenges" c WHERE ${listWhere(query, userId)}`;
  return rows[0]?.total ?? 0;
};

/** The page's ids, newest first (nulls last; the id breaks ties). */
export const findRecentChallengeIds = async (
  db: Db,
  query: ListChallengesQuery,
  userId: number,
): Promise<number[]> => {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT c."id" FROM "logic_challenges" c WHERE ${listWhere(query, userId)}
    ORDER BY c."created_at" DESC NULLS LAST, c."id" DESC OFFSET ${query.skip} LIMIT ${query.limit}`;
  return rows.map((r) => r.id);
};

/** A window of matching ids in primary-key order from `offset` (the random order's page, see the use case). */
export const findChallengeIdWindow = async (
  db: Db,
  query: ListChallengesQuery,
  userId: number,
  offset: number,
  limit: number,
): Promise<number[]> => {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT c."id" FROM "logic_challenges" c WHERE ${listWhere(query, userId)}
    ORDER BY c."id" OFFSET ${offset} LIMIT ${limit}`;
  return rows.map((r) => r.id);
};

export const findChallengesByIds = (db: Db, ids: number[]): Promise<ChallengeListRow[]> =>
  db.logicChallenge.findMany({ where: { id: { in: ids } }, select: challengeListSelect });

/** Any state, archived and inactive included (§3.2). */
export const findChallengeDetail = (db: Db, id: number): Promise<ChallengeDetailRow | null> =>
  db.logicChallenge.findUnique({ where: { id }, select: challengeDetailSelect });

export const findChallengeHints = (
  db: Db,
  id: number,
): Promise<{ id: number; hints: Prisma.JsonValue } | null> =>
  db.logicChallenge.findUnique({ where: { id }, select: challengeHintsSelect });

/**
 * The first statement of a challenge attempt's transaction (`lockUserForAttemptSql`): the user row lock, its
 * day-streak cache and the challenge (the columns of `challengeForAttemptSelect`, null when no challenge
 * has this id). Null when the user no longer exists.
 */
export const lockUserAndFindChallenge = async (
  tx: SqlQueryable,
  userId: number,
  challengeId: number,
  lockedRead?: Prisma.Sql,
): Promise<{
  streak: DayStreakState;
  challenge: ChallengeForAttemptRow | null;
  lockedRead: unknown;
} | null> => {
  const rows = await tx.$queryRaw<
    (LockedUserColumns & {
      id: number | null;
      challengeType: ChallengeForAttemptRow['challengeType'] | null;
      correctAnswer: string | null;
      visualData: ChallengeForAttemptRow['visualData'];
      solutionExplanation: string | null;
      hints: ChallengeForAttemptRow['hints'];
    })[]
  >(
    lockUserForAttemptSql(
      userId,
      {
        columns: Prisma.sql`c."id", c."challenge_type"::text AS "challengeType",
        c."correct_answer" AS "correctAnswer", c."visual_data" AS "visualData",
        c."solution_explanation" AS "solutionExplanation", c."hints"`,
        join: Prisma.sql`LEFT JOIN "logic_challenges" c ON c."id" = ${challengeId}`,
      },
      lockedRead,
    ),
  );
  const row = rows[0];
  if (row === undefined) return null;
  const { id, challengeType, correctAnswer, visualData, solutionExplanation, hints } = row;
  return {
    streak: streakStateOf(row),
    lockedRead: row.lockedRead,
    challenge:
      id === null || challengeType === null || correctAnswer === null
        ? null
        : { id, challengeType, correctAnswer, visualData, solutionExplanation, hints },
  };
};

/** One more view (a raw update: `updated_at` is the content's, not the counter's). */
export const incrementChallengeViews = async (db: Db, id: number): Promise<void> => {
  await db.$executeRaw`UPDATE "logic_challenges" SET "view_count" = "view_count" + 1 WHERE "id" = ${id}`;
};

/** Whether the user has attempted / solved the challenge ((user_id, challenge_id) index). */
export const findUserChallengeState = async (
  db: Db,
  userId: number,
  challengeId: number,
): Promise<{ attempted: boolean; solved: boolean }> => {
  const rows = await db.$queryRaw<{ attempted: boolean; solved: boolean }[]>`
    SELECT COUNT(*) > 0 AS "attempted", COALESCE(bool_or("is_correct"), false) AS "solved"
    FROM "logic_challenge_attempts" WHERE "user_id" = ${userId} AND "challenge_id" = ${challengeId}`;
  const row = rows[0];
  return { attempted: row?.attempted ?? false, solved: row?.solved ?? false };
};

/** Distinct challenges the user solved (≥ 1 correct attempt). */
export const findCompletedChallengeIds = async (db: Db, userId: number): Promise<number[]> => {
  const rows = await db.$queryRaw<{ challenge_id: number }[]>`
    SELECT DISTINCT "challenge_id" FROM "logic_challenge_attempts"
    WHERE "user_id" = ${userId} AND "is_correct" ORDER BY "challenge_id"`;
  return rows.map((r) => r.challenge_id);
};

// -------------------------------------------------------------------------------------------------
// Attempts
// -------------------------------------------------------------------------------------------------

export interface ChallengeAttemptByKeyRow {
  id: number;
  challengeId: number;
  responseSnapshot: Prisma.JsonValue;
}

/** The attempt a user's idempotency key recorded (the (user_id, idempotency_key) unique index), or null. */
export const findChallengeAttemptByKey = async (
  db: SqlQueryable,
  userId: number,
  key: string,
): Promise<ChallengeAttemptByKeyRow | null> => {
  const rows = await db.$queryRaw<ChallengeAttemptByKeyRow[]>(Prisma.sql`
    SELECT "id", "challenge_id" AS "challengeId", "response_snapshot" AS "responseSnapshot"
    FROM "logic_challenge_attempts" WHERE "user_id" = ${userId} AND "idempotency_key" = ${key}`);
  return rows[0] ?? null;
};

export interface NewChallengeAttempt {
  userId: number;
  challengeId: number;
  userSolution: string;
  isCorrect: boolean;
  timeSpent: number | null;
  hintsUsed: number;
  idempotencyKey: string | null;
  createdAt: Date;
}

/**
 * The challenge attempt's writes in ONE statement: the attempt row, the caller's user-row update (counters
 * and day streak) and the challenge's own counters (its success rate) as data-modifying CTEs, with the
 * caller's extra columns (the post-attempt step's read; null for none).
 */
export const insertChallengeAttemptWithEffects = async (
  tx: SqlQueryable,
  data: NewChallengeAttempt,
  effects: { user: Prisma.Sql; select: Prisma.Sql | null },
): Promise<{ attemptId: number; selected: Readonly<Record<string, unknown>> | undefined }> => {
  const extra = effects.select;
  const prefetch = prefetchedColumnsSql(extra);
  const rows = await tx.$queryRaw<({ attemptId: number } & Record<string, unknown>)[]>(Prisma.sql`
    WITH ins AS (
      INSERT INTO "logic_challenge_attempts" ("user_id", "challenge_id", "user_solution", "is_correct",
        "time_spent", "hints_used", "idempotency_key", "created_at")
      VALUES (${data.userId}, ${data.challengeId}, ${data.userSolution}, ${data.isCorrect}, ${data.timeSpent},
        ${data.hintsUsed}, ${data.idempotencyKey}, ${data.createdAt})
      RETURNING "id"
    ), counters AS (${effects.user}
    ), challenge AS (
      UPDATE "logic_challenges" SET "attempt_count" = "attempt_count" + 1,
        "correct_attempt_count" = "correct_attempt_count" + ${data.isCorrect ? 1 : 0}
      WHERE "id" = ${data.challengeId}
    )
    SELECT ins."id" AS "attemptId"${prefetch.columns}
    FROM ins${prefetch.from}`);
  const row = rows[0];
  if (row === undefined) throw new Error('challenge attempt insert returned no row');
  const { attemptId, ...selected } = row;
  return { attemptId, selected: extra === null ? undefined : selected };
};

/** The response an idempotent retry replays, stored on its attempt. */
export const setChallengeAttemptSnapshot = async (
  tx: SqlQueryable,
  attemptId: number,
  snapshot: Prisma.InputJsonObject,
): Promise<void> => {
  await tx.$queryRaw(Prisma.sql`
    UPDATE "logic_challenge_attempts" SET "response_snapshot" = ${JSON.stringify(snapshot)}::jsonb
    WHERE "id" = ${attemptId}`);
};

// -------------------------------------------------------------------------------------------------
// The learner's challenge progress (api-rest-core §6.3.11)
// -------------------------------------------------------------------------------------------------

export interface ChallengeProgressRow {
  challengeId: number;
  title: string;
  attempts: number;
  correct: number;
  /** Fastest correct attempt with a non-zero time, or null. */
  bestTime: number | null;
  /** Sum and count of the non-zero declared times. */
  timeSum: number;
  timed: number;
}

/** Per challenge the user attempted: one grouped statement over the user's attempts. */
export const findChallengeProgressRows = (
  db: Db,
  userId: number,
): Promise<ChallengeProgressRow[]> =>
  db.$queryRaw<ChallengeProgressRow[]>`
    SELECT a."challenge_id" AS "challengeId", c."title" AS "title",
           COUNT(*)::int AS "attempts",
           (COUNT(*) FILTER (WHERE a."is_correct"))::int AS "correct",
           MIN(a."time_spent") FILTER (WHERE a."is_correct" AND a."time_spent" <> 0) AS "bestTime",
           COALESCE(SUM(a."time_spent") FILTER (WHERE a."time_spent" <> 0), 0)::float8 AS "timeSum",
           (COUNT(*) FILTER (WHERE a."time_spent" <> 0))::int AS "timed"
    FROM "logic_challenge_attempts" a
    JOIN "logic_challenges" c ON c."id" = a."challenge_id"
    WHERE a."user_id" = ${userId}
    GROUP BY a."challenge_id", c."title"
    ORDER BY a."challenge_id"`;

/** Active, non-archived challenges (the progress denominator). */
export const countAvailableChallenges = (db: Db): Promise<number> =>
  db.logicChallenge.count({ where: { isActive: true, isArchived: false } });
