/**
 * Writes of the legacy import into our schema. Every insert skips rows already there (`ON CONFLICT DO
 * NOTHING`; the large tables through one `unnest` statement per batch, bulk-insert.repo.ts, the small
 * ones through `createMany` with `skipDuplicates`), ids kept: a re-run, or a run resumed after an
 * interruption, inserts only what is missing and changes nothing else. Counts returned are the rows
 * actually inserted or updated.
 */
import { Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';
import type { AttemptRow, AwardRow, RecommendationRow } from './activity-rows.rules.ts';
import type { AuditRow, EdtechEventRow, FeedbackRow, SettingRow } from './admin-rows.rules.ts';
import { bulkInsert, type ColumnSpec } from './bulk-insert.repo.ts';
import type { AchievementRow, ChallengeRow, ExerciseRow } from './content-rows.rules.ts';
import type { JsonValue } from './legacy-values.rules.ts';
import type { UserRow } from './user-rows.rules.ts';

const jsonOrNull = (value: JsonValue | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull =>
  value === null || value === undefined ? Prisma.DbNull : value;

type Spec<T> = readonly ColumnSpec<T>[];
const spec = <T>(
  ...columns: readonly [keyof T | ((row: T) => unknown), string, ColumnSpec<T>['type']][]
): Spec<T> => columns.map(([value, column, type]) => ({ value, column, type }));

const USER_COLUMNS = spec<UserRow>(
  ['id', 'id', 'int4'],
  ['username', 'username', 'text'],
  ['email', 'email', 'text'],
  ['hashedPassword', 'hashed_password', 'text'],
  ['fullName', 'full_name', 'text'],
  ['role', 'role', 'enum:user_role'],
  ['isActive', 'is_active', 'bool'],
  ['isEmailVerified', 'is_email_verified', 'bool'],
  ['emailVerificationSentAt', 'email_verification_sent_at', 'timestamptz'],
  ['gradeSystem', 'grade_system', 'enum:grade_system'],
  ['gradeLevel', 'grade_level', 'int4'],
  ['preferredAgeGroup', 'preferred_age_group', 'enum:age_group'],
  ['learningStyle', 'learning_style', 'text'],
  ['learningGoal', 'learning_goal', 'text'],
  ['practiceRhythm', 'practice_rhythm', 'text'],
  ['onboardingCompletedAt', 'onboarding_completed_at', 'timestamptz'],
  ['preferredTheme', 'preferred_theme', 'text'],
  ['preferences', 'preferences', 'jsonb'],
  ['avatarUrl', 'avatar_url', 'text'],
  ['totalPoints', 'total_points', 'int4'],
  ['bestStreak', 'best_streak', 'int4'],
  ['createdAt', 'created_at', 'timestamptz'],
  ['updatedAt', 'updated_at', 'timestamptz'],
);

const EXERCISE_COLUMNS = spec<ExerciseRow>(
  ['id', 'id', 'int4'],
  ['title', 'title', 'text'],
  ['creatorId', 'creator_id', 'int4'],
  ['exerciseType', 'exercise_type', 'enum:exercise_type'],
  ['difficulty', 'difficulty', 'enum:difficulty_level'],
  ['ageGroup', 'age_group', 'enum:age_group'],
  ['tags', 'tags', 'text'],
  ['contextTheme', 'context_theme', 'text'],
  ['complexity', 'complexity', 'int4'],
  ['aiGenerated', 'ai_generated', 'bool'],
  ['question', 'question', 'text'],
  ['correctAnswer', 'correct_answer', 'text'],
  ['answerKind', 'answer_kind', 'enum:answer_kind'],
  ['choices', 'choices', 'jsonb'],
  ['explanation', 'explanation', 'text'],
  ['hint', 'hint', 'text'],
  ['imageUrl', 'image_url', 'text'],
  ['audioUrl', 'audio_url', 'text'],
  ['isActive', 'is_active', 'bool'],
  ['isArchived', 'is_archived', 'bool'],
  ['viewCount', 'view_count', 'int4'],
  ['createdAt', 'created_at', 'timestamptz'],
  ['updatedAt', 'updated_at', 'timestamptz'],
);

const CHALLENGE_COLUMNS = spec<ChallengeRow>(
  ['id', 'id', 'int4'],
  ['title', 'title', 'text'],
  ['description', 'description', 'text'],
  ['challengeType', 'challenge_type', 'enum:logic_challenge_type'],
  ['ageGroup', 'age_group', 'enum:age_group'],
  ['difficulty', 'difficulty', 'enum:difficulty_level'],
  ['question', 'question', 'text'],
  ['correctAnswer', 'correct_answer', 'text'],
  ['choices', 'choices', 'jsonb'],
  ['solutionExplanation', 'solution_explanation', 'text'],
  ['visualData', 'visual_data', 'jsonb'],
  ['hints', 'hints', 'jsonb'],
  ['difficultyRating', 'difficulty_rating', 'float8'],
  ['estimatedTimeMinutes', 'estimated_time_minutes', 'int4'],
  ['imageUrl', 'image_url', 'text'],
  ['sourceReference', 'source_reference', 'text'],
  ['tags', 'tags', 'text'],
  ['isTemplate', 'is_template', 'bool'],
  ['generationParameters', 'generation_parameters', 'jsonb'],
  ['isActive', 'is_active', 'bool'],
  ['isArchived', 'is_archived', 'bool'],
  ['viewCount', 'view_count', 'int4'],
  ['creatorId', 'creator_id', 'int4'],
  ['createdAt', 'created_at', 'timestamptz'],
  ['updatedAt', 'updated_at', 'timestamptz'],
);

const attemptColumns = (kind: 'exercise' | 'challenge') =>
  spec<AttemptRow>(
    ['id', 'id', 'int4'],
    ['userId', 'user_id', 'int4'],
    ['targetId', kind === 'exercise' ? 'exercise_id' : 'challenge_id', 'int4'],
    ['answer', kind === 'exercise' ? 'user_answer' : 'user_solution', 'text'],
    ['isCorrect', 'is_correct', 'bool'],
    ['timeSpent', 'time_spent', 'float8'],
    ['attemptNumber', 'attempt_number', 'int4'],
    ['hintsUsed', 'hints_used', 'int4'],
    kind === 'exercise' ? ['deviceInfo', 'device_info', 'text'] : ['notes', 'notes', 'text'],
    ['createdAt', 'created_at', 'timestamptz'],
  );
const EXERCISE_ATTEMPT_COLUMNS = attemptColumns('exercise');
const CHALLENGE_ATTEMPT_COLUMNS = attemptColumns('challenge');

const AWARD_COLUMNS = spec<AwardRow>(
  ['id', 'id', 'int4'],
  ['userId', 'user_id', 'int4'],
  ['achievementId', 'achievement_id', 'int4'],
  ['earnedAt', 'earned_at', 'timestamptz'],
  ['pointsAwarded', 'points_awarded', 'int4'],
  ['progressData', 'progress_data', 'jsonb'],
  ['isDisplayed', 'is_displayed', 'bool'],
);

const RECOMMENDATION_COLUMNS = spec<RecommendationRow>(
  ['id', 'id', 'int4'],
  ['userId', 'user_id', 'int4'],
  ['recommendationType', 'recommendation_type', 'enum:recommendation_type'],
  ['exerciseId', 'exercise_id', 'int4'],
  ['challengeId', 'challenge_id', 'int4'],
  ['exerciseType', 'exercise_type', 'enum:exercise_type'],
  ['difficulty', 'difficulty', 'enum:difficulty_level'],
  ['priority', 'priority', 'int4'],
  ['reason', 'reason', 'text'],
  ['isCompleted', 'is_completed', 'bool'],
  ['completedAt', 'completed_at', 'timestamptz'],
  ['shownCount', 'shown_count', 'int4'],
  ['clickedCount', 'clicked_count', 'int4'],
  ['lastClickedAt', 'last_clicked_at', 'timestamptz'],
  ['createdAt', 'created_at', 'timestamptz'],
  ['updatedAt', 'updated_at', 'timestamptz'],
);

export const insertUsers = (db: Db, rows: readonly UserRow[]) =>
  bulkInsert(db, 'users', USER_COLUMNS, rows);
export const insertExercises = (db: Db, rows: readonly ExerciseRow[]) =>
  bulkInsert(db, 'exercises', EXERCISE_COLUMNS, rows);
export const insertChallenges = (db: Db, rows: readonly ChallengeRow[]) =>
  bulkInsert(db, 'logic_challenges', CHALLENGE_COLUMNS, rows);
export const insertExerciseAttempts = (db: Db, rows: readonly AttemptRow[]) =>
  bulkInsert(db, 'attempts', EXERCISE_ATTEMPT_COLUMNS, rows);
export const insertChallengeAttempts = (db: Db, rows: readonly AttemptRow[]) =>
  bulkInsert(db, 'logic_challenge_attempts', CHALLENGE_ATTEMPT_COLUMNS, rows);
export const insertAwards = (db: Db, rows: readonly AwardRow[]) =>
  bulkInsert(db, 'user_achievements', AWARD_COLUMNS, rows);
export const insertRecommendations = (db: Db, rows: readonly RecommendationRow[]) =>
  bulkInsert(db, 'recommendations', RECOMMENDATION_COLUMNS, rows);

export const insertPinnedBadges = async (
  db: Db,
  rows: readonly { userId: number; achievementId: number; position: number }[],
): Promise<number> =>
  (await db.userPinnedBadge.createMany({ data: [...rows], skipDuplicates: true })).count;

export const insertFeedback = async (db: Db, rows: readonly FeedbackRow[]): Promise<number> =>
  (await db.feedbackReport.createMany({ data: rows.map((r) => ({ ...r })), skipDuplicates: true }))
    .count;

export const insertEdtechEvents = async (
  db: Db,
  rows: readonly EdtechEventRow[],
): Promise<number> =>
  (await db.edtechEvent.createMany({ data: rows.map((r) => ({ ...r })), skipDuplicates: true }))
    .count;

export const insertAuditLogs = async (db: Db, rows: readonly AuditRow[]): Promise<number> =>
  (
    await db.adminAuditLog.createMany({
      data: rows.map((r) => ({ ...r, details: jsonOrNull(r.details) })),
      skipDuplicates: true,
    })
  ).count;

// ---------------------------------------------------------------------------------------------------
// Reference rows matched by key: badges (code) and settings (key)
// ---------------------------------------------------------------------------------------------------

const badgeSelect = { id: true, code: true, pointsReward: true, isActive: true } as const;

export const findBadgesByCode = (db: Db, codes: readonly string[]) =>
  db.achievement.findMany({ where: { code: { in: [...codes] } }, select: badgeSelect });

export const findBadgeIds = async (db: Db, ids: readonly number[]): Promise<Set<number>> =>
  new Set(
    (await db.achievement.findMany({ where: { id: { in: [...ids] } }, select: { id: true } })).map(
      (b) => b.id,
    ),
  );

export const setBadgeActive = async (db: Db, id: number, isActive: boolean): Promise<void> => {
  await db.achievement.update({ where: { id }, data: { isActive }, select: { id: true } });
};

/** Inserts a badge our catalogue does not have, with its legacy id when free (else a new id). */
export const insertBadge = async (
  db: Db,
  row: AchievementRow,
  keepId: boolean,
): Promise<{ id: number; pointsReward: number }> => {
  const { id, ...rest } = row;
  return db.achievement.create({
    data: { ...rest, ...(keepId ? { id } : {}) },
    select: { id: true, pointsReward: true },
  });
};

const settingSelect = { key: true, value: true, valueJson: true } as const;

/** Upserts a legacy setting by key; returns 'inserted', 'updated' or 'same'. */
export const upsertSetting = async (
  db: Db,
  row: SettingRow,
): Promise<'inserted' | 'updated' | 'same'> => {
  const current = await db.setting.findUnique({ where: { key: row.key }, select: settingSelect });
  const valueJson = jsonOrNull(row.valueJson);
  if (current === null) {
    await db.setting.create({ data: { ...row, valueJson }, select: { key: true } });
    return 'inserted';
  }
  if (
    current.value === row.value &&
    JSON.stringify(current.valueJson) === JSON.stringify(row.valueJson)
  ) {
    return 'same';
  }
  await db.setting.update({
    where: { key: row.key },
    data: { value: row.value, valueJson, updatedAt: row.updatedAt },
    select: { key: true },
  });
  return 'updated';
};

/** Earned (user, badge) pairs of some users, for the pinned badges (composite FK, C5). */
export const findEarnedPairs = async (db: Db, userIds: readonly number[]): Promise<Set<string>> => {
  const rows = await db.userAchievement.findMany({
    where: { userId: { in: [...userIds] } },
    select: { userId: true, achievementId: true },
  });
  return new Set(rows.map((r) => `${r.userId}:${r.achievementId}`));
};

// ---------------------------------------------------------------------------------------------------
// Pre-flight: what our database already holds where the legacy ids and names go
// ---------------------------------------------------------------------------------------------------

export const findTargetUsers = (db: Db) =>
  db.user.findMany({ select: { id: true, username: true, email: true } });

/**
 * Our starter catalogue challenges (reference data, `source_reference` `starter:<key>`) sitting on ids
 * the legacy challenges need, with their attempt counts.
 */
export const findStarterCollisions = (db: Db, ids: readonly number[]) =>
  db.logicChallenge.findMany({
    where: { id: { in: [...ids] }, sourceReference: { startsWith: 'starter:' } },
    select: { id: true, attemptCount: true },
  });

/** Removes starter challenges (unplayed) so the legacy ids are free; the catalogue re-adds them later. */
export const deleteChallenges = async (db: Db, ids: readonly number[]): Promise<number> =>
  (await db.logicChallenge.deleteMany({ where: { id: { in: [...ids] } } })).count;
