/**
 * Inputs and DTOs of the recommendations feature (spec/domain-rules.md §6, api-rest-core.md §6.6). The DTO
 * schemas are the tRPC `.output()` contracts; the DTO types are inferred from them. A recommendation never
 * carries an answer: only the target's id, title and (for exercises) question.
 */
import { z } from 'zod';

import { LogicChallengeType } from '../db/generated/enums.ts';
import { DIFFICULTIES, EXERCISE_TYPES } from '../exercises/index.ts';

/** A row id: a positive PostgreSQL `integer`. */
const ZId = z.number().int().min(1).max(2_147_483_647);

/** The structured reasons (the upstream vocabulary, so a client can translate them). */
export const REASON_CODES = [
  'reco.exercise.improvement',
  'reco.exercise.progression',
  'reco.exercise.maintenance',
  'reco.exercise.discovery',
  'reco.exercise.fallback',
  'reco.challenge.onboarding',
  'reco.challenge.gentle_progress',
  'reco.challenge.variety',
  'reco.challenge.skill_stretch',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The parameters of a reason (which ones depend on the code; see `reasonText`). */
export const ZReasonParams = z.strictObject({
  exerciseType: z.enum(EXERCISE_TYPES).optional(),
  /** Integer percent (half-to-even), 0–100. */
  successRate: z.number().int().min(0).max(100).optional(),
  targetDifficulty: z.enum(DIFFICULTIES).optional(),
  nextDifficulty: z.enum(DIFFICULTIES).optional(),
  challengeType: z.enum(LogicChallengeType).optional(),
});
export type ReasonParams = z.infer<typeof ZReasonParams>;

// ---- inputs ----------------------------------------------------------------------------------------

export const ZRecommendationIdInput = z.object({ recommendationId: ZId });
export type RecommendationIdInput = z.infer<typeof ZRecommendationIdInput>;

/** Recommendations displayed to the learner (at most the 17 a read considers). */
export const ZMarkShownInput = z.object({
  recommendationIds: z.array(ZId).min(1).max(17),
});
export type MarkShownInput = z.infer<typeof ZMarkShownInput>;

// ---- DTOs ------------------------------------------------------------------------------------------

const recommendationBase = {
  id: ZId,
  /** 1–10, higher first. */
  priority: z.number().int().min(1).max(10),
  difficulty: z.enum(DIFFICULTIES),
  /** French sentence shown to the learner. */
  reason: z.string(),
  /** Null on rows written before reasons were structured. */
  reasonCode: z.enum(REASON_CODES).nullable(),
  reasonParams: ZReasonParams,
};

export const ZExerciseRecommendationDto = z.object({
  ...recommendationBase,
  kind: z.literal('exercise'),
  exerciseId: ZId,
  exerciseType: z.enum(EXERCISE_TYPES),
  title: z.string(),
  question: z.string(),
});

export const ZChallengeRecommendationDto = z.object({
  ...recommendationBase,
  kind: z.literal('challenge'),
  challengeId: ZId,
  challengeType: z.enum(LogicChallengeType),
  title: z.string(),
});

export const ZRecommendationDto = z.discriminatedUnion('kind', [
  ZExerciseRecommendationDto,
  ZChallengeRecommendationDto,
]);
export type RecommendationDto = z.infer<typeof ZRecommendationDto>;
export type ExerciseRecommendationDto = z.infer<typeof ZExerciseRecommendationDto>;
export type ChallengeRecommendationDto = z.infer<typeof ZChallengeRecommendationDto>;

/** At most 7 items; the list is not paginated (`nextCursor` is always null). */
export const ZRecommendationListDto = z.object({
  items: z.array(ZRecommendationDto),
  nextCursor: z.null(),
});
export type RecommendationListDto = z.infer<typeof ZRecommendationListDto>;

export const ZGeneratedRecommendationsDto = z.object({ count: z.number().int().min(0) });
export type GeneratedRecommendationsDto = z.infer<typeof ZGeneratedRecommendationsDto>;

export const ZCompletedRecommendationDto = z.object({ id: ZId, completedAt: z.date() });
export type CompletedRecommendationDto = z.infer<typeof ZCompletedRecommendationDto>;

export const ZRecommendationClickDto = z.object({
  id: ZId,
  clickedCount: z.number().int().min(0),
  lastClickedAt: z.date(),
});
export type RecommendationClickDto = z.infer<typeof ZRecommendationClickDto>;

export const ZMarkShownDto = z.object({ shown: z.number().int().min(0) });
export type MarkShownDto = z.infer<typeof ZMarkShownDto>;

// ---- legacy ----------------------------------------------------------------------------------------

/** Python `int()` of a JSON value as the legacy `recommendation_id` reader accepted it. */
export type LegacyIdParse = { ok: true; id: number } | { ok: false; reason: 'missing' | 'invalid' };

/**
 * `recommendation_id` of the legacy bodies (api-rest-core §6.6.3): absent or null → missing; an integer
 * or a string of digits (sign and surrounding spaces allowed) → the number, even out of range (such an id
 * cannot exist: the use case answers 404); anything else (fractions, booleans, lists…) → invalid.
 */
export const parseLegacyRecommendationId = (value: unknown): LegacyIdParse => {
  if (value === undefined || value === null) return { ok: false, reason: 'missing' };
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? { ok: true, id: value } : { ok: false, reason: 'invalid' };
  }
  if (typeof value === 'string' && /^\s*[+-]?\d{1,15}\s*$/.test(value)) {
    return { ok: true, id: Number(value.trim()) };
  }
  return { ok: false, reason: 'invalid' };
};
