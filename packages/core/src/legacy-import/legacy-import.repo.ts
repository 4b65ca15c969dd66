/**
 * Writes of the legacy import into our schema. Every insert is a `createMany` with `skipDuplicates`
 * (`ON CONFLICT DO NOTHING`) on rows whose legacy id is kept: a re-run, or a run resumed after an
 * interruption, inserts only what is missing and changes nothing else. Counts returned are the rows
 * actually inserted or updated.
 */
import { Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';
import type {
  AttemptRow,
  AuditRow,
  AwardRow,
  EdtechEventRow,
  FeedbackRow,
  RecommendationRow,
  SettingRow,
} from './activity-rows.rules.ts';
import type { AchievementRow, ChallengeRow, ExerciseRow } from './content-rows.rules.ts';
import type { JsonValue } from './legacy-values.rules.ts';
import type { UserRow } from './user-rows.rules.ts';

const jsonOrNull = (value: JsonValue | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull =>
  value === null || value === undefined ? Prisma.DbNull : value;

export const insertUsers = async (db: Db, rows: readonly UserRow[]): Promise<number> =>
  (await db.user.createMany({ data: rows.map((r) => ({ ...r })), skipDuplicates: true })).count;

export const insertExercises = async (db: Db, rows: readonly ExerciseRow[]): Promise<number> =>
  (
    await db.exercise.createMany({
      data: rows.map((r) => ({ ...r, choices: jsonOrNull(r.choices) })),
      skipDuplicates: true,
    })
  ).count;

export const insertChallenges = async (db: Db, rows: readonly ChallengeRow[]): Promise<number> =>
  (
    await db.logicChallenge.createMany({
      data: rows.map((r) => ({
        ...r,
        choices: jsonOrNull(r.choices),
        visualData: jsonOrNull(r.visualData),
        hints: jsonOrNull(r.hints),
        generationParameters: jsonOrNull(r.generationParameters),
      })),
      skipDuplicates: true,
    })
  ).count;

export const insertExerciseAttempts = async (
  db: Db,
  rows: readonly AttemptRow[],
): Promise<number> =>
  (
    await db.attempt.createMany({
      data: rows.map((r) => ({
        id: r.id,
        userId: r.userId,
        exerciseId: r.targetId,
        userAnswer: r.answer,
        isCorrect: r.isCorrect,
        timeSpent: r.timeSpent,
        attemptNumber: r.attemptNumber,
        hintsUsed: r.hintsUsed,
        deviceInfo: r.deviceInfo,
        createdAt: r.createdAt,
      })),
      skipDuplicates: true,
    })
  ).count;

export const insertChallengeAttempts = async (
  db: Db,
  rows: readonly AttemptRow[],
): Promise<number> =>
  (
    await db.logicChallengeAttempt.createMany({
      data: rows.map((r) => ({
        id: r.id,
        userId: r.userId,
        challengeId: r.targetId,
        userSolution: r.answer,
        isCorrect: r.isCorrect,
        timeSpent: r.timeSpent,
        attemptNumber: r.attemptNumber,
        hintsUsed: r.hintsUsed,
        notes: r.notes,
        createdAt: r.createdAt,
      })),
      skipDuplicates: true,
    })
  ).count;

export const insertAwards = async (db: Db, rows: readonly AwardRow[]): Promise<number> =>
  (
    await db.userAchievement.createMany({
      data: rows.map((r) => ({ ...r, progressData: jsonOrNull(r.progressData) })),
      skipDuplicates: true,
    })
  ).count;

export const insertPinnedBadges = async (
  db: Db,
  rows: readonly { userId: number; achievementId: number; position: number }[],
): Promise<number> =>
  (await db.userPinnedBadge.createMany({ data: [...rows], skipDuplicates: true })).count;

export const insertRecommendations = async (
  db: Db,
  rows: readonly RecommendationRow[],
): Promise<number> =>
  (await db.recommendation.createMany({ data: rows.map((r) => ({ ...r })), skipDuplicates: true }))
    .count;

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
