/**
 * Legacy per-learner rows → ours (pure): attempts of both kinds, earned badges and recommendations
 * (settings, feedback, analytics events and the audit log: admin-rows.rules.ts). A row whose owner or
 * target was not imported is rejected where the target schema requires it (attempts, awards) and
 * detached (SET NULL semantics) where the column is optional.
 */
import type { DifficultyLevel, ExerciseType, RecommendationType } from '../db/generated/enums.ts';
import {
  bool,
  date,
  float,
  int,
  json,
  rowNotes,
  str,
  type RowNotes,
  type RowResult,
  type SourceRow,
} from './legacy-cells.rules.ts';
import {
  mapDifficulty,
  mapExerciseType,
  mapJsonObject,
  mapRecommendationType,
  type JsonObject,
} from './legacy-values.rules.ts';

/** What the import accepted so far (ids kept), for the references of the rows below. */
export interface ImportedIds {
  users: ReadonlySet<number>;
  exercises: ReadonlySet<number>;
  challenges: ReadonlySet<number>;
  /** Legacy achievement id → our achievement (id and current points reward). */
  achievements: ReadonlyMap<number, { id: number; pointsReward: number }>;
  now: Date;
}

export interface AttemptRow {
  id: number;
  userId: number;
  targetId: number;
  answer: string;
  isCorrect: boolean;
  timeSpent: number | null;
  attemptNumber: number;
  hintsUsed: number;
  deviceInfo: string | null;
  notes: string | null;
  createdAt: Date;
}

const counter = (
  row: SourceRow,
  column: string,
  min: number,
  fallback: number,
  notes: RowNotes,
) => {
  const value = int(row, column);
  if (value === null) return fallback;
  if (value < min) {
    notes.normalised(column, value, fallback, `below ${min}`);
    return fallback;
  }
  return value;
};

/** `attempts` (kind exercise) or `logic_challenge_attempts` (kind challenge). */
export const mapAttempt = (
  kind: 'exercise' | 'challenge',
  row: SourceRow,
  ids: ImportedIds,
): RowResult<AttemptRow> => {
  const exercise = kind === 'exercise';
  const id = int(row, 'id');
  const notes = rowNotes(exercise ? 'attempts' : 'logic_challenge_attempts', id);
  const done = (r: AttemptRow | null) => ({ row: r, findings: notes.findings });
  const userId = int(row, 'user_id');
  const targetColumn = exercise ? 'exercise_id' : 'challenge_id';
  const targetId = int(row, targetColumn);
  const answer = str(row, exercise ? 'user_answer' : 'user_solution');
  const isCorrect = bool(row, 'is_correct');
  if (id === null) return done(notes.reject('no id'));
  if (userId === null || !ids.users.has(userId)) {
    return done(notes.reject('learner not imported (orphan attempt)', 'user_id', userId));
  }
  const targets = exercise ? ids.exercises : ids.challenges;
  if (targetId === null || !targets.has(targetId)) {
    return done(notes.reject(`${kind} not imported (orphan attempt)`, targetColumn, targetId));
  }
  if (answer === null || isCorrect === null) return done(notes.reject('no answer or no verdict'));
  let timeSpent = float(row, 'time_spent');
  if (timeSpent !== null && timeSpent < 0) {
    notes.dropped('time_spent', timeSpent, 'negative duration');
    timeSpent = null;
  }
  const createdAt = date(row, 'created_at');
  if (createdAt === null) notes.normalised('created_at', null, ids.now, 'no date');
  return done({
    id,
    userId,
    targetId,
    answer,
    isCorrect,
    timeSpent,
    attemptNumber: counter(row, 'attempt_number', 1, 1, notes),
    hintsUsed: counter(row, 'hints_used', 0, 0, notes),
    deviceInfo: exercise ? str(row, 'device_info') : null,
    notes: exercise ? null : str(row, 'notes'),
    createdAt: createdAt ?? ids.now,
  });
};

export interface AwardRow {
  id: number;
  userId: number;
  achievementId: number;
  earnedAt: Date;
  pointsAwarded: number;
  progressData: JsonObject | null;
  isDisplayed: boolean;
}

/**
 * `user_achievements`: `points_awarded` is backfilled from the badge's current reward (C4). Duplicate
 * awards (possible on `create_all` databases) are rejected by the caller, which sees them in id order.
 */
export const mapAward = (row: SourceRow, ids: ImportedIds): RowResult<AwardRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('user_achievements', id);
  const done = (r: AwardRow | null) => ({ row: r, findings: notes.findings });
  const userId = int(row, 'user_id');
  const legacyBadge = int(row, 'achievement_id');
  if (id === null) return done(notes.reject('no id'));
  if (userId === null || !ids.users.has(userId)) {
    return done(notes.reject('learner not imported', 'user_id', userId));
  }
  const badge = legacyBadge === null ? undefined : ids.achievements.get(legacyBadge);
  if (badge === undefined)
    return done(notes.reject('badge not imported', 'achievement_id', legacyBadge));
  if (badge.id !== legacyBadge) {
    notes.normalised(
      'achievement_id',
      legacyBadge,
      badge.id,
      'badge matched by code in our catalogue',
    );
  }
  const earnedAt = date(row, 'earned_at');
  if (earnedAt === null) notes.normalised('earned_at', null, ids.now, 'no award date (§7.4.8)');
  return done({
    id,
    userId,
    achievementId: badge.id,
    earnedAt: earnedAt ?? ids.now,
    pointsAwarded: badge.pointsReward,
    progressData: notes.mapped(
      'progress_data',
      row.progress_data ?? null,
      mapJsonObject(json(row, 'progress_data')),
      'must be an object',
    ),
    isDisplayed: bool(row, 'is_displayed') ?? true,
  });
};

export interface RecommendationRow {
  id: number;
  userId: number;
  recommendationType: RecommendationType;
  exerciseId: number | null;
  challengeId: number | null;
  exerciseType: ExerciseType | null;
  difficulty: DifficultyLevel | null;
  priority: number;
  reason: string | null;
  isCompleted: boolean;
  completedAt: Date | null;
  shownCount: number;
  clickedCount: number;
  lastClickedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const optionalRef = (
  row: SourceRow,
  column: string,
  known: ReadonlySet<number>,
  notes: RowNotes,
): number | null => {
  const value = int(row, column);
  if (value !== null && !known.has(value)) {
    notes.dropped(column, value, 'target not imported (orphan reference set to NULL)');
    return null;
  }
  return value;
};

/** `recommendations` (C10: the `challenge` placeholder type becomes NULL; CHECK on the targets). */
export const mapRecommendation = (
  row: SourceRow,
  ids: ImportedIds,
): RowResult<RecommendationRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('recommendations', id);
  const done = (r: RecommendationRow | null) => ({ row: r, findings: notes.findings });
  const userId = int(row, 'user_id');
  if (id === null) return done(notes.reject('no id'));
  if (userId === null || !ids.users.has(userId)) {
    return done(notes.reject('learner not imported', 'user_id', userId));
  }
  const typeRaw = str(row, 'recommendation_type') ?? 'exercise';
  const type = mapRecommendationType(typeRaw);
  const recommendationType =
    type.value ?? (int(row, 'challenge_id') === null ? 'EXERCISE' : 'CHALLENGE');
  if (!type.canonical) {
    notes.normalised(
      'recommendation_type',
      typeRaw,
      recommendationType,
      'unknown type (from its target)',
    );
  }
  let exerciseId = optionalRef(row, 'exercise_id', ids.exercises, notes);
  let challengeId = optionalRef(row, 'challenge_id', ids.challenges, notes);
  let exerciseType: ExerciseType | null = null;
  const typeText = str(row, 'exercise_type');
  if (recommendationType === 'CHALLENGE') {
    if (exerciseId !== null)
      notes.dropped('exercise_id', exerciseId, 'a challenge recommendation has no exercise');
    exerciseId = null;
  } else {
    if (challengeId !== null)
      notes.dropped('challenge_id', challengeId, 'an exercise recommendation has no challenge');
    challengeId = null;
    const mapped = mapExerciseType(typeText);
    if (mapped.value === null)
      return done(
        notes.reject('exercise recommendation without an exercise type', 'exercise_type', typeText),
      );
    if (!mapped.canonical)
      notes.normalised('exercise_type', typeText, mapped.value, 'exercise type alias');
    exerciseType = mapped.value;
  }
  const diffRaw = str(row, 'difficulty');
  const difficulty = notes.mapped(
    'difficulty',
    diffRaw,
    mapDifficulty(diffRaw),
    'not a difficulty level',
  );
  let priority = int(row, 'priority') ?? 5;
  if (priority < 1 || priority > 10) {
    const clamped = Math.min(10, Math.max(1, priority));
    notes.normalised('priority', priority, clamped, 'priority outside 1–10');
    priority = clamped;
  }
  const createdAt = date(row, 'created_at') ?? ids.now;
  return done({
    id,
    userId,
    recommendationType,
    exerciseId,
    challengeId,
    exerciseType,
    difficulty,
    priority,
    reason: str(row, 'reason'),
    isCompleted: bool(row, 'is_completed') ?? false,
    completedAt: date(row, 'completed_at'),
    shownCount: Math.max(0, int(row, 'shown_count') ?? 0),
    clickedCount: Math.max(0, int(row, 'clicked_count') ?? 0),
    lastClickedAt: date(row, 'last_clicked_at'),
    createdAt,
    updatedAt: date(row, 'updated_at') ?? createdAt,
  });
};
