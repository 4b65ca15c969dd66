/**
 * Our derived caches, rebuilt from the imported rows in set-based SQL (never row by row), and checked:
 * `exercise_progress` (per user × type), the user-row attempt counters and day streak, and the
 * challenge attempt counters. Each rebuild writes only rows whose cached value differs, so a re-run
 * changes nothing; each check counts the rows whose cache differs from a fresh computation.
 * Chronology is `(created_at, id)`; day streaks use UTC days (activity.rules.ts).
 */
import { Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';

/** Runs constant SQL text built in this file (no input reaches it). */
const sql = (text: string) => Prisma.raw(text);

/** Per (user, exercise type): the exercise_progress values derived from `attempts`. */
const PROGRESS_SQL = `
  WITH ordered AS (
    SELECT a.user_id, e.exercise_type, a.exercise_id, a.is_correct, a.time_spent, a.created_at,
      row_number() OVER w AS rn,
      row_number() OVER w - row_number() OVER (
        PARTITION BY a.user_id, e.exercise_type, a.is_correct ORDER BY a.created_at, a.id) AS grp
    FROM attempts a JOIN exercises e ON e.id = a.exercise_id
    WINDOW w AS (PARTITION BY a.user_id, e.exercise_type ORDER BY a.created_at, a.id)
  ), marked AS (
    SELECT o.*, max(CASE WHEN NOT o.is_correct THEN o.rn END)
      OVER (PARTITION BY o.user_id, o.exercise_type) AS last_wrong
    FROM ordered o
  ), runs AS (
    SELECT user_id, exercise_type, max(n) AS best FROM (
      SELECT user_id, exercise_type, grp, count(*) AS n FROM marked WHERE is_correct
      GROUP BY user_id, exercise_type, grp) r
    GROUP BY user_id, exercise_type
  )
  SELECT m.user_id, m.exercise_type,
    count(*)::int AS total_attempts,
    (count(*) FILTER (WHERE m.is_correct))::int AS correct_attempts,
    (count(*) FILTER (WHERE m.time_spent > 0))::int AS timed_attempts,
    coalesce(sum(m.time_spent) FILTER (WHERE m.time_spent > 0), 0)::float8 AS total_time_spent,
    (count(*) FILTER (WHERE m.rn > coalesce(m.last_wrong, 0)))::int AS current_correct_streak,
    coalesce(max(r.best), 0)::int AS best_correct_streak,
    (count(DISTINCT m.exercise_id) FILTER (WHERE m.is_correct))::int AS completed_exercises,
    max(m.created_at) AS last_attempt_at,
    min(m.created_at) AS first_attempt_at
  FROM marked m LEFT JOIN runs r USING (user_id, exercise_type)
  GROUP BY m.user_id, m.exercise_type`;

const PROGRESS_COLUMNS = [
  'total_attempts',
  'correct_attempts',
  'timed_attempts',
  'total_time_spent',
  'current_correct_streak',
  'best_correct_streak',
  'completed_exercises',
  'last_attempt_at',
] as const;

/** Per user: attempt counters of both kinds and the day streak (UTC days with any attempt). */
const USER_SQL = `
  WITH ex AS (
    SELECT user_id, count(*)::int AS total, (count(*) FILTER (WHERE is_correct))::int AS correct,
      max(created_at) AS last_at FROM attempts GROUP BY user_id
  ), ch AS (
    SELECT user_id, count(*)::int AS total, (count(*) FILTER (WHERE is_correct))::int AS correct,
      max(created_at) AS last_at FROM logic_challenge_attempts GROUP BY user_id
  ), days AS (
    SELECT DISTINCT user_id, (created_at AT TIME ZONE 'UTC')::date AS d FROM attempts
    UNION
    SELECT DISTINCT user_id, (created_at AT TIME ZONE 'UTC')::date AS d FROM logic_challenge_attempts
  ), islands AS (
    SELECT user_id, d, d - (row_number() OVER (PARTITION BY user_id ORDER BY d))::int AS grp FROM days
  ), chains AS (
    SELECT user_id, grp, count(*)::int AS len, max(d) AS last_day FROM islands GROUP BY user_id, grp
  ), streaks AS (
    SELECT user_id, max(len) AS longest, max(last_day) AS last_day,
      (array_agg(len ORDER BY last_day DESC))[1] AS current FROM chains GROUP BY user_id
  )
  SELECT u.id AS user_id,
    coalesce(ex.total, 0) AS total_attempts, coalesce(ex.correct, 0) AS correct_attempts,
    coalesce(ch.total, 0) AS total_challenge_attempts, coalesce(ch.correct, 0) AS correct_challenge_attempts,
    greatest(ex.last_at, ch.last_at) AS last_attempt_at,
    coalesce(s.current, 0) AS current_streak,
    greatest(u.best_streak, coalesce(s.longest, 0)) AS best_streak,
    s.last_day AS last_activity_date
  FROM users u LEFT JOIN ex ON ex.user_id = u.id LEFT JOIN ch ON ch.user_id = u.id
    LEFT JOIN streaks s ON s.user_id = u.id`;

const USER_COLUMNS = [
  'total_attempts',
  'correct_attempts',
  'total_challenge_attempts',
  'correct_challenge_attempts',
  'last_attempt_at',
  'current_streak',
  'best_streak',
  'last_activity_date',
] as const;

const CHALLENGE_SQL = `
  SELECT c.id AS challenge_id, count(a.id)::int AS attempt_count,
    (count(a.id) FILTER (WHERE a.is_correct))::int AS correct_attempt_count
  FROM logic_challenges c LEFT JOIN logic_challenge_attempts a ON a.challenge_id = c.id
  GROUP BY c.id`;

const CHALLENGE_COLUMNS = ['attempt_count', 'correct_attempt_count'] as const;

const tuple = (alias: string, columns: readonly string[]) =>
  `(${columns.map((c) => `${alias}.${c}`).join(', ')})`;

export interface CacheCounts {
  exerciseProgress: number;
  users: number;
  challenges: number;
}

/** Rewrites the caches that differ from the imported rows; returns the rows written per cache. */
export const rebuildDerivedCaches = async (db: Db): Promise<CacheCounts> => {
  const exerciseProgress = await db.$executeRaw(
    sql(`
    INSERT INTO exercise_progress (user_id, exercise_type, ${PROGRESS_COLUMNS.join(', ')}, created_at, updated_at)
    SELECT c.user_id, c.exercise_type, ${PROGRESS_COLUMNS.map((k) => `c.${k}`).join(', ')},
      c.first_attempt_at, c.last_attempt_at
    FROM (${PROGRESS_SQL}) c
    ON CONFLICT (user_id, exercise_type) DO UPDATE SET
      ${PROGRESS_COLUMNS.map((k) => `${k} = EXCLUDED.${k}`).join(', ')}
    WHERE ${tuple('exercise_progress', PROGRESS_COLUMNS)} IS DISTINCT FROM ${tuple('EXCLUDED', PROGRESS_COLUMNS)}`),
  );
  const users = await db.$executeRaw(
    sql(`
    UPDATE users u SET ${USER_COLUMNS.map((k) => `${k} = c.${k}`).join(', ')}
    FROM (${USER_SQL}) c
    WHERE c.user_id = u.id AND ${tuple('u', USER_COLUMNS)} IS DISTINCT FROM ${tuple('c', USER_COLUMNS)}`),
  );
  const challenges = await db.$executeRaw(
    sql(`
    UPDATE logic_challenges t SET ${CHALLENGE_COLUMNS.map((k) => `${k} = c.${k}`).join(', ')}
    FROM (${CHALLENGE_SQL}) c
    WHERE c.challenge_id = t.id AND ${tuple('t', CHALLENGE_COLUMNS)} IS DISTINCT FROM ${tuple('c', CHALLENGE_COLUMNS)}`),
  );
  return { exerciseProgress, users, challenges };
};

const countOf = async (db: Db, query: string): Promise<number> => {
  const rows = await db.$queryRaw<{ n: number }[]>(
    sql(`SELECT count(*)::int AS n FROM (${query}) x`),
  );
  return rows[0]?.n ?? 0;
};

/** What the verification finds differing: the rebuilt caches, and the per-day counts the triggers keep. */
export type CacheMismatches = CacheCounts & { attemptDailyCounts: number };

/** Rows whose cache differs from a fresh computation (0 everywhere after a rebuild). */
export const checkDerivedCaches = async (db: Db): Promise<CacheMismatches> => ({
  exerciseProgress: await countOf(
    db,
    `SELECT 1 FROM (${PROGRESS_SQL}) c FULL JOIN exercise_progress p
       ON p.user_id = c.user_id AND p.exercise_type = c.exercise_type
     WHERE ${tuple('p', PROGRESS_COLUMNS)} IS DISTINCT FROM ${tuple('c', PROGRESS_COLUMNS)}`,
  ),
  users: await countOf(
    db,
    `SELECT 1 FROM (${USER_SQL}) c JOIN users u ON u.id = c.user_id
     WHERE ${tuple('u', USER_COLUMNS)} IS DISTINCT FROM ${tuple('c', USER_COLUMNS)}`,
  ),
  challenges: await countOf(
    db,
    `SELECT 1 FROM (${CHALLENGE_SQL}) c JOIN logic_challenges t ON t.id = c.challenge_id
     WHERE ${tuple('t', CHALLENGE_COLUMNS)} IS DISTINCT FROM ${tuple('c', CHALLENGE_COLUMNS)}`,
  ),
  // Kept by triggers as the attempts are inserted (never rebuilt): checked all the same.
  attemptDailyCounts: await countOf(
    db,
    `SELECT 1 FROM (
       SELECT a.user_id, (a.created_at AT TIME ZONE 'UTC')::date AS day, e.exercise_type,
              count(*)::int AS total, (count(*) FILTER (WHERE a.is_correct))::int AS correct
       FROM attempts a JOIN exercises e ON e.id = a.exercise_id GROUP BY 1, 2, 3
     ) c FULL JOIN (SELECT * FROM attempt_daily_counts WHERE total > 0) d
       ON d.user_id = c.user_id AND d.day = c.day AND d.exercise_type = c.exercise_type
     WHERE (d.total, d.correct) IS DISTINCT FROM (c.total, c.correct)`,
  ),
});

/** Tables whose ids the import keeps: their sequences must move past the imported ids. */
export const ID_TABLES = [
  'users',
  'exercises',
  'logic_challenges',
  'attempts',
  'logic_challenge_attempts',
  'achievements',
  'user_achievements',
  'recommendations',
  'settings',
  'feedback_reports',
  'edtech_events',
  'admin_audit_logs',
] as const;

/**
 * Moves each id sequence to at least MAX(id), never backwards (a re-run leaves them alone). Returns the
 * tables whose sequence moved.
 */
export const advanceSequences = async (db: Db): Promise<string[]> => {
  const moved: string[] = [];
  for (const table of ID_TABLES) {
    const rows = await db.$queryRaw<{ moved: boolean }[]>(
      sql(`
      WITH s AS (SELECT pg_get_serial_sequence('"${table}"', 'id') AS seq),
        m AS (SELECT max(id) AS top FROM "${table}"),
        cur AS (SELECT coalesce(pg_sequence_last_value((SELECT seq FROM s)::regclass), 0) AS last)
      SELECT CASE WHEN m.top IS NOT NULL AND m.top > cur.last
        THEN setval((SELECT seq FROM s), m.top) IS NOT NULL ELSE false END AS moved
      FROM m, cur`),
    );
    if (rows[0]?.moved === true) moved.push(table);
  }
  return moved;
};
