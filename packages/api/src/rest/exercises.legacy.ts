/**
 * The legacy wire of the exercise routes (api-rest-core §6.4): query and body schemas (built from core's
 * exercise schemas and legacy parsers), response schemas and mappers. Answer keys are never in a list,
 * detail or generation body (the attempt response carries them).
 */
import { z } from 'zod';

import {
  AGE_GROUPS,
  DIFFICULTIES,
  EXERCISE_MESSAGES,
  EXERCISE_TYPES,
  parseLegacyGenerateQuery,
  parseLegacyListQuery,
  ZExerciseIdInput,
  ZSubmitAnswerInput,
  type ExerciseDetailDto,
  type ExerciseListDto,
  type ExerciseListItemDto,
  type GeneratedExerciseDto,
  type SubmitAnswerResultDto,
} from '@mathakine/core';

import { pyIsoformat } from '../legacy/format.ts';
import { idParam, queryValue } from '../legacy/inputs.ts';
import { pyLaxFloat } from '../legacy/pydantic.ts';
import { wire, ZPyDateTime } from '../legacy/wire.ts';
import { toLegacyAwardedBadge, ZLegacyAwardedBadge } from './badges.legacy.ts';

// ---- inputs ----------------------------------------------------------------------------------------

/** The `{exercise_id:int}` segment; an id outside core's bounds cannot exist: 404 like any unknown id. */
export const ZLegacyExerciseParams = z.object({
  id: idParam(ZExerciseIdInput.shape.exerciseId, EXERCISE_MESSAGES.notFound),
});

/** GET /api/exercises (§3, §6.4.1), normalised by core's legacy parser (never fails). */
export const ZLegacyListQuery = z
  .object({
    skip: queryValue(),
    limit: queryValue(),
    exercise_type: queryValue(),
    age_group: queryValue(),
    search: queryValue(),
    q: queryValue(),
    order: queryValue(),
    hide_completed: queryValue(),
  })
  .transform(parseLegacyListQuery);

/** GET /api/exercises/generate (§2.1): no required check; always saves. */
export const ZLegacyGenerateQuery = z
  .object({
    type: queryValue(),
    exercise_type: queryValue(),
    age_group: queryValue(),
    ai: queryValue(),
  })
  .transform(parseLegacyGenerateQuery);

const submitField = ZSubmitAnswerInput.shape;

/**
 * The legacy `SubmitAnswerRequest` (§6.4.8), with core's bounds: `answer` (alias `selected_answer`, see
 * the route's body options) a string, `time_spent` pydantic's lax float (default 0), `idempotency_key`
 * (or the `Idempotency-Key` header) optional. Failures are pydantic errors (legacy/pydantic.ts).
 */
export const ZLegacyAttemptBody = z
  .object({
    answer: submitField.answer,
    time_spent: pyLaxFloat(submitField.timeSpent.unwrap()).optional(),
    idempotency_key: submitField.idempotencyKey.unwrap().nullish(),
  })
  .transform((b) => ({
    answer: b.answer,
    timeSpent: b.time_spent ?? 0,
    ...(b.idempotency_key == null ? {} : { idempotencyKey: b.idempotency_key }),
  }));

export const INVALID_ATTEMPT_JSON_MESSAGE = 'Corps JSON invalide.';

// ---- responses -------------------------------------------------------------------------------------

const ZExerciseType = z.enum(EXERCISE_TYPES);
const ZDifficulty = z.enum(DIFFICULTIES);
const ZAgeGroup = z.enum(AGE_GROUPS);

export const ZLegacyExerciseList = wire({
  items: z.array(
    wire({
      id: z.number(),
      title: z.string(),
      exercise_type: ZExerciseType,
      difficulty: ZDifficulty,
      age_group: ZAgeGroup,
      question: z.string(),
      choices: z.array(z.string()),
      explanation: z.null(),
      hint: z.string().nullable(),
      tags: z.array(z.string()),
      ai_generated: z.boolean(),
      is_active: z.boolean(),
      view_count: z.number(),
      created_at: ZPyDateTime,
    }),
  ),
  total: z.number(),
  page: z.number(),
  limit: z.number(),
  hasMore: z.boolean(),
});

export const ZLegacyExerciseDetail = wire({
  id: z.number(),
  exercise_type: ZExerciseType,
  difficulty: ZDifficulty,
  choices: z.array(z.string()),
  question: z.string(),
  explanation: z.literal(''),
  title: z.string(),
  age_group: ZAgeGroup,
  hint: z.string().nullable(),
  tags: z.array(z.string()),
  ai_generated: z.boolean(),
});

export const ZLegacyGenerated = wire({
  exercise_type: ZExerciseType,
  age_group: ZAgeGroup,
  difficulty: ZDifficulty,
  ai_generated: z.boolean(),
  tags: z.string(),
  title: z.string(),
  question: z.string(),
  choices: z.array(z.string()),
  num1: z.number().optional(),
  num2: z.number().optional(),
  id: z.number().optional(),
});

export const ZLegacyCompletedIds = wire({ completed_ids: z.array(z.number()) });

export const ZLegacyAttemptResult = wire({
  is_correct: z.boolean(),
  correct_answer: z.string(),
  explanation: z.string(),
  attempt_id: z.number(),
  new_badges: z.array(ZLegacyAwardedBadge).nullable(),
  badges_earned: z.number().nullable(),
  progress_notification: wire({ name: z.string(), remaining: z.number() }).nullable(),
});

// ---- mappers ---------------------------------------------------------------------------------------

/** A list item: the legacy fields minus `correct_answer`, `explanation` withheld (null), plus `created_at`. */
export const toLegacyListItem = (e: ExerciseListItemDto) => ({
  id: e.id,
  title: e.title,
  exercise_type: e.exerciseType,
  difficulty: e.difficulty,
  age_group: e.ageGroup,
  question: e.question,
  choices: e.choices,
  explanation: null,
  hint: e.hint,
  tags: e.tags,
  ai_generated: e.aiGenerated,
  is_active: e.isActive,
  view_count: e.viewCount,
  created_at: pyIsoformat(e.createdAt),
});

export const toLegacyList = (list: ExerciseListDto) => ({
  items: list.items.map(toLegacyListItem),
  total: list.total,
  page: Math.floor(list.skip / list.limit) + 1,
  limit: list.limit,
  hasMore: list.hasMore,
});

/** The detail: `explanation` is `""` (withheld until an attempt), never `correct_answer`. */
export const toLegacyDetail = (e: ExerciseDetailDto) => ({
  id: e.id,
  exercise_type: e.exerciseType,
  difficulty: e.difficulty,
  choices: e.choices,
  question: e.question,
  explanation: '' as const,
  title: e.title,
  age_group: e.ageGroup,
  hint: e.hint,
  tags: e.tags,
  ai_generated: e.aiGenerated,
});

/** POST /api/exercises/generate: the generated dictionary without `correct_answer` / `explanation`. */
export const toLegacyGenerated = (g: GeneratedExerciseDto) => ({
  exercise_type: g.exerciseType,
  age_group: g.ageGroup,
  difficulty: g.difficulty,
  ai_generated: g.aiGenerated,
  tags: g.tags.join(','),
  title: g.title,
  question: g.question,
  choices: g.choices,
  ...(g.operands === null ? {} : { num1: g.operands[0], num2: g.operands[1] }),
  ...(g.id === null ? {} : { id: g.id }),
});

/** §4.7: every key always present; `new_badges` / `badges_earned` null when no badge was earned. */
export const toLegacyAttemptResult = (r: SubmitAnswerResultDto) => {
  const earned = r.newBadges.length > 0;
  return {
    is_correct: r.isCorrect,
    correct_answer: r.correctAnswer,
    explanation: r.explanation,
    attempt_id: r.attemptId,
    new_badges: earned ? r.newBadges.map(toLegacyAwardedBadge) : null,
    badges_earned: earned ? r.newBadges.length : null,
    progress_notification: r.progressNotification
      ? { name: r.progressNotification.name, remaining: r.progressNotification.remaining }
      : null,
  };
};
