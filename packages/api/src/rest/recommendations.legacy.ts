/**
 * The legacy wire of the recommendation routes (api-rest-core §6.6, upstream-v36 §11.6): the body of
 * complete/open/clicked, and the list items (bare array; exercise items carry `exercise_*`, challenge items
 * `challenge_*` plus `exercise_title`), with the structured reason beside the French text.
 */
import { z } from 'zod';

import {
  ageGroupForDifficulty,
  parseLegacyRecommendationId,
  RECOMMENDATION_MESSAGES,
  type ReasonParams,
  type RecommendationClickDto,
  type RecommendationDto,
} from '@mathakine/core';

import { pyIsoformat } from '../legacy/format.ts';
import { wire, ZPyDateTime } from '../legacy/wire.ts';

// ---- inputs ----------------------------------------------------------------------------------------

/**
 * `{"recommendation_id": int | numeric string}`: absent or null → 400 `recommendation_id manquant`; not
 * convertible → 400 `recommendation_id invalide`. An integer that cannot be an id reaches the use case,
 * which answers 404 like any unknown id.
 */
export const ZLegacyRecommendationIdBody = z
  .object({ recommendation_id: z.unknown().optional() })
  .transform((body, ctx) => {
    const parsed = parseLegacyRecommendationId(body.recommendation_id);
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['recommendation_id'],
        message:
          parsed.reason === 'missing'
            ? RECOMMENDATION_MESSAGES.idMissing
            : RECOMMENDATION_MESSAGES.idInvalid,
      });
      return z.NEVER;
    }
    return { recommendationId: parsed.id };
  });

// ---- responses -------------------------------------------------------------------------------------

/** `reason_params` as upstream writes them: snake_case keys, lower-case values. */
const ZLegacyReasonParams = wire({
  exercise_type: z.string().optional(),
  success_rate: z.number().optional(),
  target_difficulty: z.string().optional(),
  next_difficulty: z.string().optional(),
  challenge_type: z.string().optional(),
});

const itemBase = {
  id: z.number(),
  exercise_type: z.string(),
  difficulty: z.string(),
  age_group: z.string(),
  reason: z.string(),
  priority: z.number(),
  reason_code: z.string().nullable(),
  reason_params: ZLegacyReasonParams,
};

export const ZLegacyExerciseRecommendation = wire({
  ...itemBase,
  recommendation_type: z.literal('exercise'),
  exercise_id: z.number(),
  exercise_title: z.string(),
  exercise_question: z.string().nullable(),
});

export const ZLegacyChallengeRecommendation = wire({
  ...itemBase,
  recommendation_type: z.literal('challenge'),
  challenge_id: z.number(),
  challenge_title: z.string(),
  exercise_title: z.string(),
});

export const ZLegacyRecommendationList = z.array(
  z.union([ZLegacyExerciseRecommendation, ZLegacyChallengeRecommendation]),
);

export const ZLegacyGeneratedResponse = wire({ message: z.string(), count: z.number() });
export const ZLegacyCompletedResponse = wire({ message: z.string(), id: z.number() });
export const ZLegacyClickResponse = wire({
  id: z.number(),
  clicked_count: z.number(),
  last_clicked_at: ZPyDateTime,
});

// ---- mappers ---------------------------------------------------------------------------------------

const lower = (value: string | undefined) => value?.toLowerCase();

export const toLegacyReasonParams = (p: ReasonParams) => {
  const out: z.input<typeof ZLegacyReasonParams> = {};
  if (p.exerciseType !== undefined) out.exercise_type = lower(p.exerciseType);
  if (p.successRate !== undefined) out.success_rate = p.successRate;
  if (p.targetDifficulty !== undefined) out.target_difficulty = lower(p.targetDifficulty);
  if (p.nextDifficulty !== undefined) out.next_difficulty = lower(p.nextDifficulty);
  if (p.challengeType !== undefined) out.challenge_type = lower(p.challengeType);
  return out;
};

/**
 * §6.6, in the legacy key order: `exercise_type` `challenge` for challenges, `age_group` from the
 * difficulty (INITIE → 6-8 …); the structured reason last.
 */
export const toLegacyRecommendation = (r: RecommendationDto) => {
  const head = {
    id: r.id,
    exercise_type: r.kind === 'exercise' ? r.exerciseType : 'challenge',
    difficulty: r.difficulty,
    age_group: ageGroupForDifficulty(r.difficulty),
    reason: r.reason,
    priority: r.priority,
  };
  const reason = {
    reason_code: r.reasonCode,
    reason_params: toLegacyReasonParams(r.reasonParams),
  };
  return r.kind === 'exercise'
    ? {
        ...head,
        recommendation_type: 'exercise' as const,
        exercise_id: r.exerciseId,
        exercise_title: r.title,
        exercise_question: r.question,
        ...reason,
      }
    : {
        ...head,
        recommendation_type: 'challenge' as const,
        challenge_id: r.challengeId,
        challenge_title: r.title,
        exercise_title: r.title,
        ...reason,
      };
};

export const toLegacyClick = (c: RecommendationClickDto) => ({
  id: c.id,
  clicked_count: c.clickedCount,
  last_clicked_at: pyIsoformat(c.lastClickedAt),
});
