/**
 * Legacy per-learner and admin rows → ours (pure): attempts of both kinds, earned badges,
 * recommendations, settings, feedback reports, analytics events and the audit log. A row whose owner or
 * target was not imported is rejected where the target schema requires it (attempts, awards) and
 * detached (SET NULL semantics) where the column is optional.
 */
import type {
  DifficultyLevel,
  EdtechEventType,
  ExerciseType,
  FeedbackStatus,
  FeedbackType,
  RecommendationType,
} from '../db/generated/enums.ts';
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
  mapAuditDetails,
  mapDifficulty,
  mapEdtechEvent,
  mapExerciseType,
  mapFeedbackStatus,
  mapFeedbackType,
  mapJsonObject,
  mapRecommendationType,
  type JsonObject,
  type JsonValue,
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

const optionalRef = (
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

export interface SettingRow {
  key: string;
  value: string | null;
  valueJson: JsonValue;
  description: string | null;
  category: string | null;
  isSystem: boolean;
  isPublic: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** `settings`: matched by key (our defaults exist already); the legacy admin's value wins. */
export const mapSetting = (
  row: SourceRow,
  ids: Pick<ImportedIds, 'now'>,
): RowResult<SettingRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('settings', id);
  const key = str(row, 'key');
  if (key === null || key.trim() === '')
    return { row: notes.reject('no key'), findings: notes.findings };
  const createdAt = date(row, 'created_at') ?? ids.now;
  return {
    row: {
      key: key.slice(0, 255),
      value: str(row, 'value'),
      valueJson: (json(row, 'value_json') ?? null) as JsonValue,
      description: str(row, 'description'),
      category: str(row, 'category')?.slice(0, 64) ?? null,
      isSystem: bool(row, 'is_system') ?? false,
      isPublic: bool(row, 'is_public') ?? true,
      createdAt,
      updatedAt: date(row, 'updated_at') ?? createdAt,
    },
    findings: notes.findings,
  };
};

export interface FeedbackRow {
  id: number;
  userId: number | null;
  feedbackType: FeedbackType;
  status: FeedbackStatus;
  pageUrl: string | null;
  exerciseId: number | null;
  challengeId: number | null;
  description: string | null;
  createdAt: Date;
}

/** `feedback_reports` (C11: orphan content references become NULL, reported). */
export const mapFeedback = (row: SourceRow, ids: ImportedIds): RowResult<FeedbackRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('feedback_reports', id);
  if (id === null) return { row: notes.reject('no id'), findings: notes.findings };
  const typeRaw = str(row, 'feedback_type');
  const type = mapFeedbackType(typeRaw);
  if (!type.canonical)
    notes.normalised('feedback_type', typeRaw, type.value ?? 'OTHER', 'unknown type (→ other)');
  const statusRaw = str(row, 'status');
  const status = mapFeedbackStatus(statusRaw);
  if (!status.canonical || statusRaw === null)
    notes.normalised('status', statusRaw, status.value ?? 'NEW', 'unknown status (→ new)');
  return {
    row: {
      id,
      userId: optionalRef(row, 'user_id', ids.users, notes),
      feedbackType: type.value ?? 'OTHER',
      status: status.value ?? 'NEW',
      pageUrl: str(row, 'page_url'),
      exerciseId: optionalRef(row, 'exercise_id', ids.exercises, notes),
      challengeId: optionalRef(row, 'challenge_id', ids.challenges, notes),
      description: str(row, 'description'),
      createdAt: date(row, 'created_at') ?? ids.now,
    },
    findings: notes.findings,
  };
};

export interface EdtechEventRow {
  id: number;
  userId: number | null;
  event: EdtechEventType;
  payload: JsonObject;
  createdAt: Date;
}

/** `edtech_events`: an event outside the two known ones is rejected (the legacy API rejected them too). */
export const mapEdtechEventRow = (row: SourceRow, ids: ImportedIds): RowResult<EdtechEventRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('edtech_events', id);
  const done = (r: EdtechEventRow | null) => ({ row: r, findings: notes.findings });
  if (id === null) return done(notes.reject('no id'));
  const eventRaw = str(row, 'event');
  const event = mapEdtechEvent(eventRaw);
  if (event.value === null) return done(notes.reject('unknown analytics event', 'event', eventRaw));
  if (!event.canonical) notes.normalised('event', eventRaw, event.value, 'event spelling');
  const payload = mapJsonObject(json(row, 'payload'));
  if (!payload.canonical)
    notes.normalised(
      'payload',
      row.payload ?? null,
      payload.value ?? {},
      'payload must be an object',
    );
  return done({
    id,
    userId: optionalRef(row, 'user_id', ids.users, notes),
    event: event.value,
    payload: payload.value ?? {},
    createdAt: date(row, 'created_at') ?? ids.now,
  });
};

export interface AuditRow {
  id: number;
  adminUserId: number | null;
  action: string;
  resourceType: string | null;
  resourceId: number | null;
  details: JsonValue;
  createdAt: Date;
}

/** `admin_audit_logs` (C12: the TEXT `details` is parsed to jsonb). */
export const mapAudit = (row: SourceRow, ids: ImportedIds): RowResult<AuditRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('admin_audit_logs', id);
  const action = str(row, 'action');
  if (id === null || action === null)
    return { row: notes.reject('no id or action'), findings: notes.findings };
  return {
    row: {
      id,
      adminUserId: optionalRef(row, 'admin_user_id', ids.users, notes),
      action: action.slice(0, 50),
      resourceType: str(row, 'resource_type')?.slice(0, 30) ?? null,
      resourceId: int(row, 'resource_id'),
      details: notes.mapped(
        'details',
        str(row, 'details'),
        mapAuditDetails(str(row, 'details')),
        'not JSON: kept as a JSON string',
      ),
      createdAt: date(row, 'created_at') ?? ids.now,
    },
    findings: notes.findings,
  };
};
